//! Property tests: a random report rendered in each of the five layouts and in the
//! forms converters leave (box-drawn and ASCII grids, open pipes, one cell per
//! paragraph), and in each
//! encoding, reads back to the same cells and the same edition; so does the report
//! published as an HTML page or a .docx with merged cells.

mod support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use support::office::{self, Style};
use support::render::{encodings, keys, render, render_columns, Layout, Model, CONVERTED, LAYOUTS};
use zfxxgk::{Edition, InputKind};

fn cell_value(key: &str) -> BoxedStrategy<String> {
    let count = prop_oneof![
        6 => (0u32..5000).prop_map(|n| n.to_string()),
        1 => Just(String::new()),
    ];
    if key.ends_with(".amount") || key.ends_with(".amount_10k_yuan") {
        prop_oneof![
            (0u32..1_000_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b:02}")),
            (0u32..1_000_000).prop_map(|a| format!("{a}元")),
            Just(String::new()),
        ]
        .boxed()
    } else if key.ends_with(".items_change") {
        (-50i32..50).prop_map(|n| n.to_string()).boxed()
    } else {
        count.boxed()
    }
}

fn model() -> impl Strategy<Value = Model> {
    (
        prop_oneof![Just(Edition::V2019), Just(Edition::V2021)],
        2019u16..2026,
    )
        .prop_flat_map(|(edition, year)| {
            let ks = keys(edition);
            let values: Vec<BoxedStrategy<String>> = ks.iter().map(|k| cell_value(k)).collect();
            (Just(edition), Just(year), Just(ks), values)
        })
        .prop_map(|(edition, year, ks, values)| Model {
            edition,
            year,
            cells: ks.into_iter().zip(values).collect(),
        })
}

fn expected_for(m: &Model) -> BTreeMap<String, String> {
    let mut e = m.expected();
    // Amounts keep their number; the unit is the cell's, not the value's.
    for v in e.values_mut() {
        if let Some(stripped) = v.strip_suffix('元') {
            *v = stripped.to_string();
        }
    }
    e
}

fn read_back(bytes: &[u8]) -> (Option<Edition>, BTreeMap<String, String>, String) {
    let (edition, cells, encoding, _) = read_kind(bytes);
    (edition, cells, encoding)
}

/// The edition, cells and encoding read, and what kind of file it was taken for.
fn read_kind(bytes: &[u8]) -> (Option<Edition>, BTreeMap<String, String>, String, InputKind) {
    let doc = zfxxgk::read(bytes, &zfxxgk::InputOptions::default()).expect("readable");
    let cells = doc
        .report
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect();
    (
        doc.report.meta.edition,
        cells,
        doc.report.meta.encoding.unwrap_or_default(),
        doc.kind,
    )
}

fn style() -> impl Strategy<Value = Style> {
    any::<[bool; 5]>().prop_map(|[split_words, t2_one_table, blank_nbsp, page, th]| Style {
        split_words,
        t2_one_table,
        blank_nbsp,
        page,
        th,
    })
}

fn diff(want: &BTreeMap<String, String>, got: &BTreeMap<String, String>) -> Vec<String> {
    let mut d: Vec<String> = want
        .iter()
        .filter(|(k, v)| got.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}: want {v:?}, got {:?}", got.get(k)))
        .collect();
    d.extend(
        got.keys()
            .filter(|k| !want.contains_key(*k))
            .map(|k| format!("{k}: invented")),
    );
    d
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Issue 17: the forms converters leave (box-drawn and ASCII grids with wrapped
    /// labels, pipes without outer pipes) read back to the same cells.
    #[test]
    fn every_converted_form_reads_back_the_same_cells(m in model()) {
        let want = expected_for(&m);
        for layout in CONVERTED {
            let text = render(&m, layout);
            let (edition, got, _) = read_back(text.as_bytes());
            let d = diff(&want, &got);
            prop_assert!(d.is_empty(), "{layout:?}: {} differences:\n{}\n--- text:\n{text}", d.len(), d.join("\n"));
            prop_assert_eq!(edition, Some(m.edition), "{:?}", layout);
        }
    }

    /// lynx writes nothing for an empty cell: a row with a blank value is left
    /// unread, and every cell that is read is right.
    #[test]
    fn one_cell_per_paragraph_without_blanks_reads_no_wrong_cell(m in model()) {
        let want = expected_for(&m);
        let text = render(&m, Layout::CellPerParagraphLossy);
        let (_, got, _) = read_back(text.as_bytes());
        let wrong: Vec<String> = got
            .iter()
            .filter(|(k, v)| want.get(*k) != Some(v))
            .map(|(k, v)| format!("{k}: want {:?}, got {v:?}", want.get(k)))
            .collect();
        prop_assert!(wrong.is_empty(), "{} wrong:\n{}\n--- text:\n{text}", wrong.len(), wrong.join("\n"));
        // Rows with no blank value are all read.
        let full_rows = m.cells.keys().filter(|k| {
            let row = k.rsplit_once('.').map_or(k.as_str(), |r| r.0);
            m.cells.iter().all(|(k2, v)| k2.rsplit_once('.').map_or(k2.as_str(), |r| r.0) != row || !v.is_empty())
        });
        for k in full_rows.filter(|k| !k.starts_with("t4.")) {
            prop_assert!(got.contains_key(k), "{k} not read\n--- text:\n{text}");
        }
    }

    #[test]
    fn every_layout_reads_back_the_same_cells(m in model()) {
        let want = expected_for(&m);
        for layout in LAYOUTS {
            let text = render(&m, layout);
            let (edition, got, _) = read_back(text.as_bytes());
            let d = diff(&want, &got);
            prop_assert!(d.is_empty(), "{layout:?}: {} differences:\n{}\n--- text:\n{text}", d.len(), d.join("\n"));
            prop_assert_eq!(edition, Some(m.edition), "{:?}", layout);
        }
    }

    #[test]
    fn every_encoding_reads_back_the_same_cells(m in model(), layout in prop::sample::select(LAYOUTS.to_vec())) {
        let want = expected_for(&m);
        let text = render(&m, layout);
        for (name, bytes) in encodings(&text) {
            let (edition, got, _) = read_back(&bytes);
            let d = diff(&want, &got);
            prop_assert!(d.is_empty(), "{name}, {layout:?}: {}", d.join("\n"));
            prop_assert_eq!(edition, Some(m.edition));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Space-aligned columns as `pdftotext -layout` writes a PDF's tables: blank cells
    /// left blank and one space between narrow columns read back by position.
    #[test]
    fn space_aligned_columns_with_blanks_and_single_spaces_read_back(m in model(), gap in 1usize..4) {
        let want = expected_for(&m);
        let text = render_columns(&m, gap);
        let (edition, got, _) = read_back(text.as_bytes());
        let d = diff(&want, &got);
        prop_assert!(d.is_empty(), "gap {gap}: {} differences:\n{}\n--- text:\n{text}", d.len(), d.join("\n"));
        prop_assert_eq!(edition, Some(m.edition));
    }

    #[test]
    fn html_pages_read_back_the_same_cells(m in model(), style in style(), gbk in any::<bool>()) {
        let want = expected_for(&m);
        let bytes = office::html_bytes(&m, style, gbk);
        let (edition, got, encoding, kind) = read_kind(&bytes);
        let d = diff(&want, &got);
        prop_assert!(d.is_empty(), "{style:?}, gbk {gbk}: {} differences:\n{}", d.len(), d.join("\n"));
        prop_assert_eq!(edition, Some(m.edition));
        prop_assert_eq!(kind, InputKind::Html);
        prop_assert_eq!(encoding, if gbk { "GBK" } else { "UTF-8" });
    }

    #[test]
    fn docx_documents_read_back_the_same_cells(m in model(), style in style()) {
        let want = expected_for(&m);
        let (edition, got, _, kind) = read_kind(&office::docx(&m, style));
        let d = diff(&want, &got);
        prop_assert!(d.is_empty(), "{style:?}: {} differences:\n{}", d.len(), d.join("\n"));
        prop_assert_eq!(edition, Some(m.edition));
        prop_assert_eq!(kind, InputKind::Docx);
    }
}

/// A fixed report of `edition`: cell `i` holds `i % 7`, with a blank and an amount
/// with its unit.
fn fixed(edition: Edition) -> Model {
    let mut cells = BTreeMap::new();
    for (i, k) in keys(edition).into_iter().enumerate() {
        cells.insert(k, (i % 7).to_string());
    }
    cells.insert("t3.carried_over.research".into(), String::new());
    let amount = match edition {
        Edition::V2019 => "t2.procurement.amount",
        Edition::V2021 => "t2.fees.amount_10k_yuan",
    };
    cells.insert(amount.into(), "81284.86元".into());
    Model {
        edition,
        year: 2023,
        cells,
    }
}

#[test]
fn both_editions_as_html_and_docx() {
    // Fixed cases, so that a failure of the properties above has a readable twin.
    for edition in [Edition::V2019, Edition::V2021] {
        let m = fixed(edition);
        let want = expected_for(&m);
        for (form, bytes, kind) in [
            (
                "html",
                office::html_bytes(&m, Style::PINGTAN, false),
                InputKind::Html,
            ),
            (
                "html gbk",
                office::html_bytes(&m, Style::PINGTAN, true),
                InputKind::Html,
            ),
            ("docx", office::docx(&m, Style::PINGTAN), InputKind::Docx),
        ] {
            let (got_edition, got, _, got_kind) = read_kind(&bytes);
            assert_eq!(
                diff(&want, &got),
                Vec::<String>::new(),
                "{edition:?} {form}"
            );
            assert_eq!(
                (got_edition, got_kind),
                (Some(edition), kind),
                "{edition:?} {form}"
            );
        }
    }
}

#[test]
fn merged_cells_land_where_the_template_puts_them() {
    // The converters' text of table 三, 2021 edition: the group labels repeat on each
    // row they span, and both forms give the same rows.
    let m = fixed(Edition::V2021);
    let opts = zfxxgk::InputOptions::default();
    let html =
        zfxxgk::read_input(&office::html_bytes(&m, Style::PINGTAN, false), &opts).expect("html");
    let docx = zfxxgk::read_input(&office::docx(&m, Style::PINGTAN), &opts).expect("docx");
    let rows = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("| 三、本年度办理结果 |"))
            .map(str::to_owned)
            .collect()
    };
    let html_rows = rows(&html.text);
    assert_eq!(html_rows.len(), 22);
    assert_eq!(html_rows, rows(&docx.text));
    assert!(
        html_rows[2].starts_with("| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 |"),
        "{}",
        html_rows[2]
    );
    assert!(
        html_rows[21].starts_with("| 三、本年度办理结果 | （七）总计 |  |"),
        "{}",
        html_rows[21]
    );
    for text in [&html.text, &docx.text] {
        assert!(text.contains(
            "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"
        ));
        assert!(text.contains("| 行政复议 |  |  |  |  | 行政诉讼 |"));
        assert!(text.contains("| 一、本年新收政府信息公开申请数量 |  |  |"));
    }
}

#[test]
fn one_report_in_each_layout() {
    // A fixed case, so that a failure of the property above has a readable twin.
    let mut cells = BTreeMap::new();
    for (i, k) in keys(Edition::V2021).into_iter().enumerate() {
        cells.insert(k, (i % 7).to_string());
    }
    let m = Model {
        edition: Edition::V2021,
        year: 2023,
        cells,
    };
    for layout in [
        Layout::CellPerLine,
        Layout::TabRows,
        Layout::Pipes,
        Layout::Markdown,
        Layout::Aligned,
    ] {
        let (edition, got, _) = read_back(render(&m, layout).as_bytes());
        assert_eq!(
            diff(&m.expected(), &got),
            Vec::<String>::new(),
            "{layout:?}"
        );
        assert_eq!(edition, Some(Edition::V2021));
    }
}

/// A small count, as most cells of these tables hold: zero most often.
fn count() -> BoxedStrategy<u64> {
    prop_oneof![3 => Just(0u64), 2 => 1u64..10, 1 => 10u64..300].boxed()
}

/// A report of `edition` whose sums all hold (each row of table 三 and each group of
/// table 四 adds up; （七）总计 is the sum of the results; 一 + 二 = （七） + 四) and
/// whose tables 三 and 四 have no blank cell, drawing its counts from `draws` in turn.
fn consistent(edition: Edition, year: u16, draws: &[u64], cents: u32) -> Model {
    let mut next = draws.iter().copied().cycle();
    let mut draw = move || next.next().unwrap_or(0);
    let mut cells = BTreeMap::new();
    let template = zfxxgk::model::Template::of(edition);
    for sub in template.t2 {
        for r in sub.rows {
            for c in sub.columns {
                let v = if c.key.starts_with("amount") {
                    format!("{}.{cents:02}", draw())
                } else {
                    draw().to_string()
                };
                cells.insert(format!("t2.{}.{}", r.key, c.key), v);
            }
        }
    }
    let columns: Vec<&str> = zfxxgk::model::T3_COLUMNS.iter().map(|c| c.key).collect();
    let (free, total) = columns.split_at(6);
    let ends = [
        "new_received",
        "carried_over",
        "results_total",
        "carried_forward",
    ];
    let put = |cells: &mut BTreeMap<String, String>, row: &str, values: &[u64]| {
        for (c, v) in free.iter().zip(values) {
            cells.insert(format!("t3.{row}.{c}"), v.to_string());
        }
        cells.insert(
            format!("t3.{row}.{}", total[0]),
            values.iter().sum::<u64>().to_string(),
        );
    };
    let mut results = [0u64; 6];
    for r in template.t3_rows.iter().filter(|r| !ends.contains(&r.key)) {
        let values: Vec<u64> = (0..6).map(|_| draw()).collect();
        for (s, v) in results.iter_mut().zip(&values) {
            *s += v;
        }
        put(&mut cells, r.key, &values);
    }
    let forward: Vec<u64> = (0..6).map(|_| draw()).collect();
    let over: Vec<u64> = (0..6)
        .map(|c| draw() % (results[c] + forward[c] + 1))
        .collect();
    let new: Vec<u64> = (0..6).map(|c| results[c] + forward[c] - over[c]).collect();
    put(&mut cells, "results_total", &results);
    put(&mut cells, "carried_forward", &forward);
    put(&mut cells, "carried_over", &over);
    put(&mut cells, "new_received", &new);
    for g in zfxxgk::model::T4_GROUPS {
        let values: Vec<u64> = (0..4).map(|_| draw()).collect();
        for (c, v) in zfxxgk::model::T4_COLUMNS.iter().zip(&values) {
            cells.insert(format!("t4.{}.{}", g.key, c.key), v.to_string());
        }
        cells.insert(
            format!("t4.{}.total", g.key),
            values.iter().sum::<u64>().to_string(),
        );
    }
    Model {
        edition,
        year,
        cells,
    }
}

/// `m` with the cells that hold `0` left blank where `pick` (taken in turn, cycled)
/// says so: a blank counts as 0, so every sum still holds. Amounts are left alone.
fn with_blanks(m: &Model, pick: &[bool]) -> Model {
    let mut next = pick.iter().copied().cycle();
    let mut m = m.clone();
    for v in m.cells.values_mut() {
        if v == "0" && next.next().unwrap_or(false) {
            v.clear();
        }
    }
    m
}

/// How many ways (0, 1, or 2 for more) `digits` splits into groups of `(cells,
/// summed)`: cells of at most nine digits with no leading zero, a summed group's last
/// cell the sum of the others. Tried every way, as the definition says.
fn ways(digits: &[u8], groups: &[(usize, bool)]) -> usize {
    fn go(d: &[u8], groups: &[(usize, bool)], k: usize, sum: u64) -> usize {
        let Some(&(cells, summed)) = groups.first() else {
            return usize::from(d.is_empty());
        };
        if k == cells {
            return go(d, &groups[1..], 0, 0);
        }
        if summed && k + 1 == cells {
            let want = sum.to_string();
            return match d.strip_prefix(want.as_bytes()) {
                Some(rest) => go(rest, &groups[1..], 0, 0),
                None => 0,
            };
        }
        let mut n = 0;
        for len in 1..=d.len().min(9) {
            if len > 1 && d[0] == b'0' {
                break;
            }
            let v: u64 = std::str::from_utf8(&d[..len])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            n += go(&d[len..], groups, k + 1, sum + v);
            if n >= 2 {
                return 2;
            }
        }
        n
    }
    go(digits, groups, 0, 0)
}

/// The rows of a model's tables as the crawler runs them together: the keys of each
/// row's cells, its digits, and whether its own digits split one way only.
fn ran_rows(m: &Model) -> Vec<(Vec<String>, String, bool)> {
    let template = zfxxgk::model::Template::of(m.edition);
    let mut rows = Vec::new();
    let mut push = |keys: Vec<String>, groups: &[(usize, bool)]| {
        let run: String = keys.iter().map(|k| m.cells[k].as_str()).collect();
        let alone = if keys.len() == 1 {
            true
        } else {
            !run.contains('.') && ways(run.as_bytes(), groups) == 1
        };
        rows.push((keys, run, alone));
    };
    for sub in template.t2 {
        for r in sub.rows {
            let keys: Vec<String> = sub
                .columns
                .iter()
                .map(|c| format!("t2.{}.{}", r.key, c.key))
                .collect();
            push(keys, &[(sub.columns.len(), false)]);
        }
    }
    for r in template.t3_rows {
        let keys = zfxxgk::model::T3_COLUMNS
            .iter()
            .map(|c| format!("t3.{}.{}", r.key, c.key))
            .collect();
        push(keys, &[(7, true)]);
    }
    let keys = zfxxgk::model::T4_GROUPS
        .iter()
        .flat_map(|g| {
            zfxxgk::model::T4_COLUMNS
                .iter()
                .map(move |c| format!("t4.{}.{}", g.key, c.key))
        })
        .collect();
    push(keys, &[(5, true); 3]);
    rows
}

/// `text` read, and the cells it reads, by key.
fn read_tidy(text: &str) -> (zfxxgk::Document, BTreeMap<String, String>) {
    let doc = zfxxgk::read(text.as_bytes(), &zfxxgk::InputOptions::default()).expect("readable");
    let got = doc
        .report
        .tidy()
        .map(|(k, v)| (k.as_str().to_string(), v))
        .collect();
    (doc, got)
}

/// The cells `text` reads, each asserted to be `m`'s (right, or not read at all).
fn read_right(m: &Model, text: &str) -> Result<BTreeMap<String, String>, TestCaseError> {
    let (_, got) = read_tidy(text);
    let want = m.expected();
    for (k, v) in &got {
        prop_assert_eq!(Some(v), want.get(k), "{} read wrong\n{}", k, text);
    }
    Ok(got)
}

/// Whether no cell of `m`'s table 三 is blank.
fn t3_without_blank(m: &Model) -> bool {
    m.cells
        .iter()
        .all(|(k, v)| !k.starts_with("t3.") || !v.is_empty())
}

/// A year `edition` was in use, `offset` on (2019's two years in turn). With most
/// rows blank, the rows left may fit both editions alike, and the year decides (a
/// 2021 table's `（六）其他处理 1.申请人…` names 2019's （六）其他处理 too).
fn year_in_use(edition: Edition, offset: u16) -> u16 {
    match edition {
        Edition::V2019 => 2019 + offset % 2,
        _ => 2021 + offset,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Issue 17: tables whose cells ran together read back every row its own sums
    /// split one way only (and rows the column sums decide), never a wrong value, and
    /// keep every row they do not read in `unplaced` with a note naming the splits.
    /// With blank cells, which leave no digit, no value is read wrong either: a row
    /// whose digits split one way only is read unless the note names readings with a
    /// blank cell, and a row left all blank leaves nothing to keep.
    #[test]
    fn ran_together_reads_what_the_sums_decide(
        edition in prop_oneof![Just(Edition::V2019), Just(Edition::V2021)],
        year in 2019u16..2026,
        draws in prop::collection::vec(count(), 64),
        cents in 0u32..100,
        blanks in prop_oneof![Just(vec![false]), prop::collection::vec(any::<bool>(), 1..12)],
    ) {
        let m = with_blanks(&consistent(edition, year, &draws, cents), &blanks);
        let text = support::render::render_ran_together(&m);
        let (doc, got) = read_tidy(&text);
        let want = m.expected();
        for (k, v) in &got {
            prop_assert_eq!(Some(v), want.get(k), "{} read wrong\n{}", k, text);
        }
        for (keys, run, alone) in ran_rows(&m) {
            let read = keys.iter().filter(|k| got.contains_key(*k)).count();
            prop_assert!(read == 0 || read == keys.len(), "{:?} read in part\n{}", keys, text);
            if read > 0 || run.is_empty() {
                continue;
            }
            let kept = doc.report.unplaced.iter().any(|u| {
                u.kind == zfxxgk::model::UnplacedKind::RanTogether && u.text.ends_with(&run)
            });
            prop_assert!(kept, "{:?} ({}) neither read nor kept\n{}", keys, run, text);
            let note = doc.report.notes.iter().find(|n| {
                n.kind == zfxxgk::model::NoteKind::AmbiguousSplit && n.message.en.contains(&format!("`{run}`"))
            });
            prop_assert!(note.is_some(), "{:?} ({}) not noted\n{}", keys, run, text);
            let blank = keys.iter().any(|k| m.cells[k].is_empty());
            if alone && !blank {
                let message = note.map_or("", |n| n.message.en.as_str());
                prop_assert!(
                    message.contains("with a blank cell"),
                    "{:?} ({}) splits one way only and was not read: {}\n{}", keys, run, message, text
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Issue 17: reading-order text (`pdftotext -raw`), where a blank cell leaves
    /// nothing, reads back every cell right or leaves it unplaced, never a wrong value
    /// and no cell invented; a row without a blank cell is read whole, and a row left
    /// in part is kept in `unplaced` with a note naming its placements.
    #[test]
    fn reading_order_text_reads_right_or_leaves_unplaced(
        edition in prop_oneof![Just(Edition::V2019), Just(Edition::V2021)],
        offset in 0u16..5,
        draws in prop::collection::vec(count(), 64),
        cents in 0u32..100,
        blanks in prop_oneof![Just(vec![false]), prop::collection::vec(any::<bool>(), 1..12)],
    ) {
        let year = year_in_use(edition, offset);
        let m = with_blanks(&consistent(edition, year, &draws, cents), &blanks);
        let text = support::render::render_reading_order(&m);
        let (doc, got) = read_tidy(&text);
        let want = m.expected();
        for (k, v) in &got {
            prop_assert_eq!(Some(v), want.get(k), "{} read wrong\n{}", k, text);
        }
        for (keys, _, _) in ran_rows(&m) {
            let read = keys.iter().filter(|k| got.contains_key(*k)).count();
            if keys.iter().all(|k| !m.cells[k].is_empty()) {
                prop_assert_eq!(read, keys.len(), "{:?} has no blank cell and was not read whole\n{}", keys, text);
            } else if read < keys.len() && keys.iter().any(|k| !m.cells[k].is_empty()) {
                let noted = doc.report.notes.iter().any(|n| {
                    n.kind == zfxxgk::model::NoteKind::AmbiguousPlacement
                        && n.message.en.contains("blank cells left no text")
                });
                prop_assert!(noted, "{:?} read in part without a note\n{}", keys, text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Issue 17: table 三 as chromium's Word page reads in reading order after a page
    /// break (the last rows' labels with their first column, then their other columns
    /// a column a block for some rows, a value a paragraph for the next, and a column
    /// a block again for the last, the last two columns side by side) reads back
    /// every cell right or leaves it unplaced, never a wrong value and no cell
    /// invented; with no blank cell, the last row's first column and total are read.
    #[test]
    fn word_page_tail_reads_right_or_leaves_unplaced(
        edition in prop_oneof![Just(Edition::V2019), Just(Edition::V2021)],
        offset in 0u16..5,
        draws in prop::collection::vec(count(), 64),
        cents in 0u32..100,
        blanks in prop_oneof![Just(vec![false]), prop::collection::vec(any::<bool>(), 1..12)],
        cut in 4usize..14,
        band in 2usize..10,
        tail in 0usize..5,
    ) {
        let year = year_in_use(edition, offset);
        let m = with_blanks(&consistent(edition, year, &draws, cents), &blanks);
        let text = support::render::render_word_page(&m, cut, band, tail);
        let got = read_right(&m, &text)?;
        if t3_without_blank(&m) {
            let last = zfxxgk::model::Template::of(edition).t3_rows.last().map(|r| r.key).unwrap_or_default();
            for column in ["natural_person", "total"] {
                let key = format!("t3.{last}.{column}");
                prop_assert!(got.contains_key(&key), "{} not read\n{}", key, text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Issue 17: table 三 as chromium's online-editor page reads in reading order
    /// (each page's first column among the labels, then its rows' other columns a
    /// value a paragraph) reads back every cell right or leaves it unplaced, never a
    /// wrong value and no cell invented; with no blank cell, the table is read.
    #[test]
    fn editor_page_reads_right_or_leaves_unplaced(
        edition in prop_oneof![Just(Edition::V2019), Just(Edition::V2021)],
        offset in 0u16..5,
        draws in prop::collection::vec(count(), 64),
        cents in 0u32..100,
        blanks in prop_oneof![Just(vec![false]), prop::collection::vec(any::<bool>(), 1..12)],
        cut in 4usize..20,
    ) {
        let year = year_in_use(edition, offset);
        let m = with_blanks(&consistent(edition, year, &draws, cents), &blanks);
        let text = support::render::render_editor_page(&m, cut);
        let got = read_right(&m, &text)?;
        if t3_without_blank(&m) {
            prop_assert!(got.contains_key("t3.new_received.natural_person"), "table 三 not read\n{}", text);
        }
    }
}

#[test]
fn word_page_last_label_takes_no_row_of_the_columns_after_it() {
    // Found by the property above: the last label (四、结转下年度继续办理, its first
    // column 0) is followed by the other columns of every row after the page break,
    // and the first seven of them (`0 0 1 0 0 7 8`) add up. They are not its row.
    let mut draws = vec![0u64; 64];
    for (i, v) in [(55, 7), (59, 1), (61, 8)] {
        draws[i] = v;
    }
    let m = consistent(Edition::V2019, 2019, &draws, 0);
    let text = support::render::render_word_page(&m, 7, 2, 0);
    let doc = zfxxgk::read(text.as_bytes(), &zfxxgk::InputOptions::default()).expect("readable");
    let want = m.expected();
    let mut read = 0;
    for (k, v) in doc.report.tidy() {
        assert_eq!(Some(&v), want.get(k.as_str()), "{k} read wrong\n{text}");
        read += usize::from(k.as_str().starts_with("t3.not_processed"));
    }
    assert!(
        read > 0,
        "the rows after the page break were not read\n{text}"
    );
}

#[test]
fn space_aligned_columns_read_back_by_position() {
    // A fixed case with blank cells first in a row, between values, at the start of
    // table 四 and in table 二, one space apart; and the same with wider gaps.
    let mut m = fixed(Edition::V2021);
    for key in [
        "t3.new_received.natural_person",
        "t3.granted.research",
        "t3.granted.total",
        "t4.review.upheld",
        "t4.review.corrected",
        "t2.regulations.repealed",
        "t2.normative_documents.issued",
    ] {
        m.cells.insert(key.into(), String::new());
    }
    m.cells
        .insert("t3.new_received.commercial".into(), "4999".into());
    let want = expected_for(&m);
    for gap in 1..4 {
        let text = render_columns(&m, gap);
        let (edition, got, _) = read_back(text.as_bytes());
        assert_eq!(
            diff(&want, &got),
            Vec::<String>::new(),
            "gap {gap}:\n{text}"
        );
        assert_eq!(edition, Some(Edition::V2021));
    }
}
