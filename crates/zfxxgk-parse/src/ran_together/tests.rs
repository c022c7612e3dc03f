use super::*;

fn texts(text: &str) -> Vec<(String, Option<String>)> {
    pairs(text, 0..text.len())
        .into_iter()
        .map(|p| {
            (
                text[p.segment.range()].to_string(),
                p.run.map(|r| text[r.span.range()].to_string()),
            )
        })
        .collect()
}

#[test]
fn pairs_give_numbering_to_the_label_after() {
    let text = "（三）不予公开1.属于国家秘密00000002.其他法律0000000收费5949.08三、";
    assert_eq!(
        texts(text),
        [
            (
                "（三）不予公开1.属于国家秘密".to_string(),
                Some("0000000".to_string())
            ),
            ("2.其他法律".to_string(), Some("0000000".to_string())),
            ("收费".to_string(), Some("5949.08".to_string())),
            ("三、".to_string(), None),
        ]
    );
}

#[test]
fn segments_are_cut_before_numbering() {
    let text = "勾稽关系）申请人情况一、本年新收（三）不予公开1.属于国家秘密第一项";
    let got: Vec<&str> = parts(text, Span::new(0, text.len()))
        .into_iter()
        .map(|s| &text[s.range()])
        .collect();
    assert_eq!(
        got,
        [
            "勾稽关系）申请人情况",
            "一、本年新收",
            "（三）不予公开",
            "1.属于国家秘密第一项"
        ]
    );
}

/// Table 三 of the 2021 edition as a crawler runs it together, each row's seven
/// cells given by `row` (by template row key), written as they stand.
fn t3_text(row: impl Fn(&str) -> String) -> String {
    let mut text = "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他".to_string();
    for r in Template::of(Edition::V2021).t3_rows {
        text.push_str(r.number);
        text.push_str(r.label);
        text.push_str(&row(r.key));
    }
    text.push_str("四、政府信息公开行政复议、行政诉讼情况");
    text
}

fn cells(report: &zfxxgk_model::Report, prefix: &str) -> Vec<String> {
    report
        .tidy()
        .filter(|(k, _)| k.as_str().starts_with(prefix))
        .map(|(_, v)| v)
        .collect()
}

#[test]
fn the_column_sums_decide_rows_their_own_sum_leaves_open() {
    // pingtan-2023-crawler: 220000022 is 2|20|…|22 or 22|0|…|22, and 191000020 is
    // 1|9|10|…|20 or 19|1|0|…|20; the column sums leave one of each.
    let text = t3_text(|key| {
        match key {
            "new_received" | "results_total" => "801000081",
            "granted" => "220000022",
            "partly_granted" => "191000020",
            "withheld.inquiry" => "2000002",
            "unavailable.not_held" => "310000031",
            "withheld.third_party"
            | "withheld.process_info"
            | "withheld.enforcement_files"
            | "not_processed.duplicate"
            | "other.no_correction"
            | "other.other" => "1000001",
            _ => "0000000",
        }
        .to_string()
    });
    let report = crate::parse(&text);
    assert_eq!(
        cells(&report, "t3.granted."),
        ["22", "0", "0", "0", "0", "0", "22"]
    );
    assert_eq!(
        cells(&report, "t3.partly_granted."),
        ["19", "1", "0", "0", "0", "0", "20"]
    );
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    // Without （七）总计 the first sum is gone, and 一 + 二 = （七） + 四 with it: the two
    // rows are left open, with their splits named.
    let cut = text.replace("（七）总计801000081", "（七）总计");
    let report = crate::parse(&cut);
    assert!(cells(&report, "t3.granted.").is_empty());
    assert!(cells(&report, "t3.results_total.").is_empty());
    let notes: Vec<&str> = report.notes.iter().map(|n| n.message.en.as_str()).collect();
    assert!(
        notes.iter().any(|n| n.contains("`220000022`")
            && n.contains("2 splits into 7 cells fit: 2|20|0|0|0|0|22, 22|0|0|0|0|0|22")),
        "{notes:?}"
    );
    let kept: Vec<&str> = report.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert!(kept.contains(&"（一）予以公开220000022"), "{kept:?}");
}

fn notes(report: &zfxxgk_model::Report) -> Vec<&str> {
    report.notes.iter().map(|n| n.message.en.as_str()).collect()
}

fn kept(report: &zfxxgk_model::Report) -> Vec<&str> {
    report
        .unplaced
        .iter()
        .filter(|u| u.kind == UnplacedKind::RanTogether)
        .map(|u| u.text.as_str())
        .collect()
}

#[test]
fn a_blank_cell_that_leaves_one_wrong_split_is_not_read() {
    // 予以公开 10, 12, blank, 0, 0, 0, 22 runs together as 101200022, whose only
    // split without a blank is wrong: 1|0|1|20|0|0|22. The column sums hold only
    // with a blank in it, and which cell is blank the digits cannot tell: the row
    // is kept, with a note naming the sum and every split.
    let text = t3_text(|key| {
        match key {
            "new_received" | "results_total" => "1012000022",
            "granted" => "101200022",
            _ => "0000000",
        }
        .to_string()
    });
    let report = crate::parse(&text);
    assert!(cells(&report, "t3.granted.").is_empty());
    assert_eq!(
        cells(&report, "t3.new_received."),
        ["10", "12", "0", "0", "0", "0", "22"]
    );
    assert_eq!(kept(&report), ["（一）予以公开101200022"]);
    let notes = notes(&report);
    assert_eq!(notes.len(), 1, "{notes:?}");
    for part in [
        "table 三, row granted: the cells ran together as `101200022` and were not placed",
        "（七）总计 = the result rows holds only with a blank cell",
        "one split into 7 cells fits: 1|0|1|20|0|0|22",
        "6 more: _|10|12|0|0|0|22, 10|_|12|0|0|0|22, 10|12|_|0|0|0|22, 10|12|0|_|0|0|22, 10|12|0|0|_|0|22, 10|12|0|0|0|_|22",
    ] {
        assert!(notes[0].contains(part), "{part}: {notes:?}");
    }
}

#[test]
fn rows_of_a_sum_that_fails_are_not_read() {
    // Every row splits one way only, with or without blank cells, but 予以公开 2
    // is not in （七）总计 1: a typo, or a cell lost. The rows of that sum are kept,
    // each with a note naming it; 一 + 二 = （七） + 四 holds, and 二 and 四, which
    // only it names, are read.
    let text = t3_text(|key| {
        match key {
            "new_received" | "results_total" => "1000001",
            "granted" => "2000002",
            _ => "0000000",
        }
        .to_string()
    });
    let report = crate::parse(&text);
    assert!(cells(&report, "t3.granted.").is_empty());
    assert!(cells(&report, "t3.results_total.").is_empty());
    assert_eq!(cells(&report, "t3.carried_over."), ["0"; 7]);
    assert_eq!(cells(&report, "t3.carried_forward."), ["0"; 7]);
    assert_eq!(
        cells(&report, "t3.new_received."),
        ["1", "0", "0", "0", "0", "0", "1"]
    );
    let rows = Template::of(Edition::V2021).t3_rows.len();
    assert_eq!(kept(&report).len(), rows - 3);
    let notes = notes(&report);
    assert_eq!(notes.len(), rows - 3, "{notes:?}");
    assert!(notes.iter().all(|n| n.contains(
        "the column sum （七）总计 = the result rows does not hold with any split that fits: a blank cell (which leaves no digit) may have been lost"
    )), "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`2000002`")
                && n.contains("one split into 7 cells fits: 2|0|0|0|0|0|2")),
        "{notes:?}"
    );
}

#[test]
fn a_blank_cell_in_table_four_is_not_read() {
    // 行政复议 10, 2, 10, blank, 22 beside 10, 12, 0, 2, 24 and 12, 0, 20, 5, 37:
    // its only split without a blank is wrong (1|0|21|0|22 …), and no sum across
    // rows can tell: the row is kept, with every split named.
    let text = "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10210221012022412020537五、存在的主要问题及改进情况无。";
    let mut ctx = Ledger::new(text);
    let start = text.find("行政复议").unwrap_or_default();
    let end = text.find("五、").unwrap_or(text.len());
    assert!(t4(&mut ctx, start..end).is_empty());
    let kept: Vec<&str> = ctx.unplaced.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].ends_with("总计10210221012022412020537"), "{kept:?}");
    let notes: Vec<&str> = ctx.notes.iter().map(|n| n.message.en.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    for part in [
        "one split into 15 cells fits: 1|0|21|0|22|10|12|0|2|24|12|0|20|5|37",
        "4 more: _|10|2|10|22|10|12|0|2|24|12|0|20|5|37",
        "10|2|10|_|22|10|12|0|2|24|12|0|20|5|37",
    ] {
        assert!(notes[0].contains(part), "{part}: {notes:?}");
    }
    // pingtan-2023-crawler: 1, 1, 0, 0, 2 | 4, 0, 0, 1, 5 | 1, 0, 1, 0, 2 has no other
    // reading, blank cells or not, and is read. (With large counts, blank readings
    // abound: 10, 2, 10, 0, 22 … also reads as _|_|10|21002|21012|…, and is kept.)
    let text = text.replace("10210221012022412020537", "110024001510102");
    let mut ctx = Ledger::new(&text);
    let rows = t4(&mut ctx, start..text.find("五、").unwrap_or(text.len()));
    assert_eq!(rows.len(), 2, "{:?}", ctx.notes);
    let values: Vec<&str> = rows[1].row.cells.iter().map(|c| c.text).collect();
    assert_eq!(
        values,
        ["1", "1", "0", "0", "2", "4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]
    );
}

#[test]
fn a_row_of_table_two_that_may_hold_a_blank_is_not_read() {
    // 规章 10, 0, blank or 1, 0, 0, or 10, blank, 0: no sum tells; 000 is read.
    let text = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章100行政规范性文件000第二十条第（五）项";
    let mut ctx = Ledger::new(text);
    let rows = t2(&mut ctx, 0..text.len(), Some(Edition::V2021));
    let read: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.row.cells.iter().map(|c| c.text).collect())
        .collect();
    assert!(
        read.contains(&vec!["行政规范性文件", "0", "0", "0"]),
        "{read:?}"
    );
    assert!(!read.iter().any(|r| r.first() == Some(&"规章")), "{read:?}");
    let notes: Vec<&str> = ctx.notes.iter().map(|n| n.message.en.as_str()).collect();
    assert!(
        notes.iter().any(|n| n.contains("`100`")
            && n.contains("one split into 3 cells fits: 1|0|0")
            && n.contains("10|0|_")),
        "{notes:?}"
    );
}

#[test]
fn rows_past_the_most_a_table_has_are_not_searched() {
    let text = format!(
        "三、收到和处理政府信息公开申请情况{}四、政府信息公开行政复议、行政诉讼情况",
        "（一）予以公开1000001".repeat(1000)
    );
    let report = crate::parse(&text);
    let notes: Vec<&str> = report.notes.iter().map(|n| n.message.en.as_str()).collect();
    assert!(
        notes.contains(&"table 三: 1000 runs of digits stand among its rows, more than 64; those after the 64th were not read"),
        "{:?}",
        &notes[..notes.len().min(3)]
    );
}

#[test]
fn the_header_of_table_two_tells_its_edition() {
    // The 2019 edition's header in a report of 2021 whose other rows were not read
    // (规章 lost a blank cell): 规范性文件's cells are the 2019 edition's.
    let text = "某局2021年政府信息公开工作年度报告\n一、总体情况无。二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章00规范性文件001三、收到和处理政府信息公开申请情况";
    let report = crate::parse(text);
    let got: Vec<(String, String)> = report
        .tidy()
        .filter(|(k, _)| k.as_str().starts_with("t2.normative_documents."))
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect();
    assert!(
        got.contains(&(
            "t2.normative_documents.published_total".to_string(),
            "1".to_string()
        )),
        "{got:?}"
    );
}

#[test]
fn numbers_in_the_narrative_are_no_rows() {
    let text = "二、主动公开政府信息情况全年作出行政许可2629件，行政处罚1330件。";
    let mut ctx = Ledger::new(text);
    assert!(t2(&mut ctx, 0..text.len(), Some(Edition::V2021)).is_empty());
    assert!(ctx.notes.is_empty() && ctx.unplaced.is_empty());
}

/// 平潭综合实验区's 2019 report as its crawler kept it: a cell's own space stays between
/// two cells' digits (`230 000023`), and a number holds no space, so a cell ends
/// there. The run is read across it, and no split may run a cell across it.
#[test]
fn a_space_kept_between_cells_is_a_cut_no_cell_runs_across() {
    let text = "一、本年新收政府信息公开申请数量230 000023二、";
    assert_eq!(
        texts(text),
        [
            (
                "一、本年新收政府信息公开申请数量".to_string(),
                Some("230 000023".to_string())
            ),
            ("二、".to_string(), None),
        ]
    );
    let run = pairs(text, 0..text.len())
        .into_iter()
        .find_map(|p| p.run)
        .expect("a run");
    assert_eq!(run.cuts, [3]);
    let one = |cuts: &[usize]| match splits(&run.digits, &crate::split::T3_ROW, cuts) {
        Splits::Found(found) => found,
        other => panic!("{other:?}"),
    };
    assert_eq!(one(&run.cuts), [vec![2, 1, 1, 1, 1, 1, 2]]);
    // A cut after the first digit (`2 30000023`) leaves no split: 2|3|… adds up to
    // 5, 2|30|… to 32, and 023 is no cell.
    assert!(one(&[1]).is_empty());
    // Whole rows: every cell read, its text the digits alone.
    let text = t3_text(|key| match key {
        "new_received" | "granted" | "results_total" => "230 000023".to_string(),
        _ => "0 0 0 0 0 0 0".to_string(),
    });
    let report = crate::parse(&text);
    assert_eq!(
        cells(&report, "t3.new_received."),
        ["23", "0", "0", "0", "0", "0", "23"]
    );
    assert_eq!(
        cells(&report, "t3.results_total."),
        ["23", "0", "0", "0", "0", "0", "23"]
    );
}
