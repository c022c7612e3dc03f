//! Property tests: a random report rendered in each of the five layouts, and in each
//! encoding, reads back to the same cells and the same edition.

mod support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use support::render::{encodings, keys, render, Layout, Model, LAYOUTS};
use zfxxgk::Edition;

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
    )
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
