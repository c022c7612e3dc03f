use zfxxgk_model::{
    Edition, Location, SectionKey, TableId, Unplaced, UnplacedKind, Value, YearSource,
    YearStatement,
};

use crate::fixture::{consistent, key, num};
use crate::{fired, keys, spans};

#[test]
fn s001_fires_on_a_missing_a_doubled_and_a_misplaced_section() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "S001").is_empty());

    let mut missing = ok.clone();
    missing.report.sections.retain(|s| s.key != SectionKey::S5);
    let f = fired(&missing.report, "S001");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.en.contains("section 五"),
        "{}",
        f[0].message.en
    );
    // It points at 六, where 五 belongs.
    assert_eq!(
        spans(&f[0]),
        vec![ok.report.section(SectionKey::S6).expect("s6").location]
    );

    let mut doubled = ok.clone();
    let mut again = doubled.report.sections[1].clone();
    again.location.start += 1;
    doubled.report.sections.push(again);
    let f = fired(&doubled.report, "S001");
    assert_eq!(f.len(), 1);
    assert_eq!(spans(&f[0]).len(), 2);
    assert_eq!(f[0].actual.as_deref(), Some("2"));

    let mut swapped = ok.clone();
    swapped.report.sections.swap(2, 3);
    let f = fired(&swapped.report, "S001");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .en
            .contains("section 三 stands after section 四"),
        "{}",
        f[0].message.en
    );
}

#[test]
fn s002_fires_on_a_heading_without_its_table() {
    let ok = consistent(Edition::V2019);
    assert!(fired(&ok.report, "S002").is_empty());
    let mut bare = ok.clone();
    bare.report.tables.retain(|t| t.id != TableId::T3);
    let f = fired(&bare.report, "S002");
    assert_eq!(f.len(), 1);
    let heading = ok.report.section(SectionKey::S3).expect("s3").location;
    assert_eq!(spans(&f[0]), vec![heading]);
    // No table, nothing to sum: the table 三 rules are silent.
    assert!(zfxxgk_rules::check(&bare.report)
        .iter()
        .all(|x| !x.rule.starts_with("T3")));
}

#[test]
fn s002_says_which_table_was_seen_and_not_read() {
    // Issue 17: a table that stands in its section but could not be read is no
    // missing table.
    let ok = consistent(Edition::V2021);
    let mut unread = ok.clone();
    unread.report.tables.retain(|t| t.id != TableId::T4);
    let kept = Location {
        start: 40,
        end: 52,
        line: 3,
        column: 1,
    };
    unread.report.unplaced.push(Unplaced {
        kind: UnplacedKind::UnreadTable,
        table: Some(TableId::T4),
        text: "┌──┬──┐".into(),
        location: kept,
    });
    let f = fired(&unread.report, "S002");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .en
            .contains("its table 四 is there but could not be read"),
        "{}",
        f[0].message.en
    );
    assert!(
        f[0].message.zh.contains("有表四，但未能读出"),
        "{}",
        f[0].message.zh
    );
    assert!(!f[0].message.zh.contains("没有表格"));
    let heading = ok.report.section(SectionKey::S4).expect("s4").location;
    assert_eq!(spans(&f[0]), vec![heading, kept]);
}

#[test]
fn s003_names_missing_rows_missing_columns_unknown_and_foreign_rows() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "S003").is_empty());

    let mut f = ok.clone();
    for t in &mut f.report.tables {
        t.cells
            .retain(|c| c.key.row() != "withheld.inquiry" && c.key.column() != "research");
    }
    let found = fired(&f.report, "S003");
    let messages: Vec<&str> = found.iter().map(|x| x.message.en.as_str()).collect();
    assert!(
        messages.contains(&"table 三 (2021 edition) lacks rows: withheld.inquiry"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"table 三 (2021 edition) lacks columns: research"),
        "{messages:?}"
    );

    let mut unknown = ok.clone();
    unknown.report.unplaced.push(Unplaced {
        kind: UnknownRow,
        table: Some(TableId::T3),
        text: "（八）其他情况\t1\t1".into(),
        location: Location {
            start: 3,
            end: 9,
            line: 1,
            column: 4,
        },
    });
    let found = fired(&unknown.report, "S003");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.zh.contains("（八）其他情况"));
    assert_eq!(spans(&found[0])[0].start, 3);
    // A row of the template whose values the parser kept unread is no row the
    // template lacks: nothing is said of it here (its absent cells are).
    let mut unread = unknown.clone();
    unread.report.unplaced[0].kind = UnplacedKind::UnreadRow;
    unread.report.unplaced[0].text = "二、上年结转政府信息公开申请数量  1 0".into();
    assert!(fired(&unread.report, "S003").is_empty());

    // A 2019 row in a 2021 table.
    let mut foreign = ok.clone();
    for t in &mut foreign.report.tables {
        if t.id == TableId::T3 {
            let mut cell = t.cells[0].clone();
            cell.key = key("t3.other.total");
            cell.value = num(0);
            t.cells.push(cell);
            t.cells.sort_by_key(|c| c.key);
        }
    }
    let found = fired(&foreign.report, "S003");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(keys(&found[0]), ["t3.other.total"]);

    // Table 二: only the sub-tables whose header was found are judged.
    let mut partial = ok.clone();
    for t in &mut partial.report.tables {
        if t.id == TableId::T2 {
            t.items = vec![1, 5];
            t.cells.retain(|c| {
                matches!(
                    c.key.row(),
                    "regulations" | "normative_documents" | "licensing"
                )
            });
        }
    }
    assert!(fired(&partial.report, "S003").is_empty());
}

use UnplacedKind::UnknownRow;

#[test]
fn s003_tells_a_row_kept_unread_from_a_row_lost() {
    // 行政规范性文件's cells ran together (`77132470`) and the parser kept the row in
    // `unplaced`: the row was seen and not read, not lost; 规章 left no text at all.
    let mut f = consistent(Edition::V2021);
    for t in &mut f.report.tables {
        t.cells.retain(|c| {
            !matches!(c.key.row(), "normative_documents" | "regulations") || t.id != TableId::T2
        });
    }
    f.report.unplaced.push(Unplaced {
        kind: UnplacedKind::RanTogether,
        table: Some(TableId::T2),
        text: "行政规范性文件77132470".into(),
        location: Location {
            start: 0,
            end: 1,
            line: 1,
            column: 1,
        },
    });
    let found = fired(&f.report, "S003");
    let messages: Vec<&str> = found.iter().map(|x| x.message.en.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("could not be read: normative_documents")
                && !m.contains("regulations")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("lacks rows: regulations")),
        "{messages:?}"
    );
}

#[test]
fn s003_judges_a_found_sub_table_of_table_2_that_lacks_its_rows() {
    let mut f = consistent(Edition::V2021);
    for t in &mut f.report.tables {
        if t.id == TableId::T2 {
            t.cells.retain(|c| c.key.row() != "penalties");
        }
    }
    let found = fired(&f.report, "S003");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.en.contains("item (6)") && found[0].message.en.contains("penalties"));
}

#[test]
fn s004_fires_when_the_edition_does_not_fit_the_year() {
    let ok = consistent(Edition::V2019);
    assert!(fired(&ok.report, "S004").is_empty());
    let mut late = ok.clone();
    late.report.meta.year = Some(2023);
    let f = fired(&late.report, "S004");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].expected.as_deref(), Some("2021"));
    assert_eq!(f[0].actual.as_deref(), Some("2019"));
}

#[test]
fn s005_fires_when_the_year_is_stated_two_ways() {
    let ok = consistent(Edition::V2019);
    let mut same = ok.clone();
    same.report.meta.years.push(YearStatement {
        year: 2020,
        source: YearSource::Period,
        location: Location {
            start: 0,
            end: 4,
            line: 1,
            column: 1,
        },
    });
    assert!(fired(&same.report, "S005").is_empty());
    let mut other = ok.clone();
    other.report.meta.years.push(YearStatement {
        year: 2019,
        source: YearSource::Period,
        location: Location {
            start: 0,
            end: 4,
            line: 1,
            column: 1,
        },
    });
    let f = fired(&other.report, "S005");
    assert_eq!(f.len(), 1);
    assert_eq!(spans(&f[0]).len(), 2);
    assert!(f[0].message.en.contains("title 2020, period 2019"));
}

#[test]
fn s006_fires_on_text_in_a_number_cell() {
    let ok = consistent(Edition::V2021);
    assert!(fired(&ok.report, "S006").is_empty());
    let f = ok.with(
        "t3.granted.research",
        Value::Text {
            text: "见附件".into(),
        },
    );
    let found = fired(&f.report, "S006");
    assert_eq!(found.len(), 1);
    assert_eq!(keys(&found[0]), ["t3.granted.research"]);
    let cell = f.report.cell(key("t3.granted.research")).expect("cell");
    assert_eq!(spans(&found[0]), vec![cell.location]);
    // The sums that involve the text cell cannot be computed and stay silent.
    assert!(fired(&f.report, "T301").is_empty() && fired(&f.report, "T302").is_empty());
}
