//! Property tests: a random report rendered in each of the five layouts, and in each
//! encoding, reads back to the same cells and the same edition; so does the report
//! published as an HTML page or a .docx with merged cells.

mod support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use support::office::{self, Style};
use support::render::{encodings, keys, render, render_columns, Layout, Model, LAYOUTS};
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
