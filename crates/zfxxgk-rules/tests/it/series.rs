use zfxxgk_model::{Edition, Report, T3_COLUMNS};
use zfxxgk_rules::{check_series, RuleSet, SeriesCheck, SeriesSummary};

use crate::fixture::{consistent, num};

#[test]
fn t305_compares_carried_over_with_last_years_carried_forward() {
    let this = consistent(Edition::V2021);
    let mut last = this.clone();
    last.report.meta.year = Some(2022);
    // Last year carried forward exactly what this year carried over.
    for c in T3_COLUMNS.iter().map(|c| c.key) {
        let v = this.value(&format!("t3.carried_over.{c}"));
        last = last.with(&format!("t3.carried_forward.{c}"), num(v));
    }
    last.report.meta.year = Some(2022);
    let batch = [("last.txt", &last.report), ("this.txt", &this.report)];
    assert!(check_series(&batch).is_empty());

    let v = this.value("t3.carried_over.natural_person");
    let mut off = last
        .clone()
        .with("t3.carried_forward.natural_person", num(v + 1));
    off.report.meta.year = Some(2022);
    let batch = [("this.txt", &this.report), ("last.txt", &off.report)];
    let found = check_series(&batch);
    let ids: Vec<(usize, &str)> = found
        .iter()
        .map(|(i, f)| (*i, f.keys[0].as_str()))
        .collect();
    assert_eq!(ids, [(0, "t3.carried_over.natural_person")]);
    let f = &found[0].1;
    assert_eq!(f.rule, "T305");
    assert_eq!(f.expected, Some((v + 1).to_string()));
    assert!(
        f.notes.iter().any(|n| n.contains("last.txt:")),
        "{:?}",
        f.notes
    );

    // Another body's report is not last year's.
    let mut stranger = off.clone();
    stranger.report.meta.body = Some("别的局".into());
    let batch = [("this.txt", &this.report), ("other.txt", &stranger.report)];
    assert!(check_series(&batch).is_empty());

    // A set without T305 checks nothing across reports; a single report never fires it.
    let batch = [("this.txt", &this.report), ("last.txt", &off.report)];
    assert!(RuleSet::default()
        .allow(&["T305"])
        .check_series(&batch)
        .is_empty());
    assert_eq!(RuleSet::default().check_series(&batch).len(), 1);
    assert!(zfxxgk_rules::check(&this.report)
        .iter()
        .all(|f| f.rule != "T305"));
}

/// A report of `body` for `year` whose carried-over row is `over` and carried-forward
/// row `forward` in the natural-person and total columns, 0 in the others.
fn year_of(body: &str, year: u16, over: i64, forward: i64) -> zfxxgk_model::Report {
    let mut f = consistent(Edition::V2021);
    for c in T3_COLUMNS.iter().map(|c| c.key) {
        let (o, w) = match c {
            "natural_person" | "total" => (over, forward),
            _ => (0, 0),
        };
        f = f
            .with(&format!("t3.carried_over.{c}"), num(o))
            .with(&format!("t3.carried_forward.{c}"), num(w));
    }
    let mut r = f.report;
    r.meta.body = Some(body.to_owned());
    r.meta.year = Some(year);
    r
}

#[test]
fn t305_pairs_every_consecutive_year_of_each_body_through_normalised_names() {
    // Body 甲 is written three ways; its 2023 report breaks the chain with 2022, and
    // body 乙's 2024 report breaks it with 2023. Given out of order, one hash-map pass.
    let reports = [
        year_of("乙区人民政府办公室", 2024, 8, 1),
        year_of("甲局", 2022, 0, 5),
        year_of("乙区政府办", 2023, 0, 7),
        year_of("甲　局", 2023, 6, 2),
        year_of("乙区政府办公室", 2022, 0, 0),
        year_of("甲局", 2024, 2, 0),
    ];
    let sources = ["b24", "a22", "b23", "a23", "b22", "a24"];
    let batch: Vec<(&str, &zfxxgk_model::Report)> =
        sources.iter().copied().zip(reports.iter()).collect();
    let found = check_series(&batch);
    let at: Vec<(usize, &str)> = found.iter().map(|(i, f)| (*i, f.rule.as_str())).collect();
    // Findings in the order of the later report: b24 (0), a23 (3).
    assert_eq!(
        at,
        [(0, "T305"), (0, "T305"), (3, "T305"), (3, "T305")],
        "natural_person and total"
    );
    let a23 = &found[2].1;
    assert_eq!(a23.expected.as_deref(), Some("5"));
    assert_eq!(a23.actual.as_deref(), Some("6"));
    assert!(
        a23.notes
            .iter()
            .any(|n| n.contains("“甲局”") && n.contains("paired as the same body")),
        "{:?}",
        a23.notes
    );
    // The pairing says what it did with each report.
    let pairing = zfxxgk_rules::Pairing::new(
        batch
            .iter()
            .map(|(_, r)| (r.meta.body.as_deref(), r.meta.year)),
    );
    assert_eq!(pairing.bodies.len(), 2);
    assert_eq!(pairing.consecutive().count(), 4);
    let explained = pairing.explain(&sources).join("\n");
    assert!(
        explained.contains("paired 2022 a22 -> 2023 a23"),
        "{explained}"
    );
    assert!(
        explained.contains("乙区人民政府办公室 / 乙区政府办 / 乙区政府办公室"),
        "{explained}"
    );

    // The check given one report at a time explains the same pairing, and finds the
    // same; a set without T305 wants no summary and finds nothing.
    let mut check = SeriesCheck::of(&RuleSet::builtin()).explaining();
    assert!(check.is_on());
    for (i, (source, report)) in batch.iter().enumerate() {
        check.add(i, source, SeriesSummary::of(report));
    }
    assert_eq!(check.explain().join("\n"), explained);
    assert_eq!(check.finish(), found);
    let mut off = SeriesCheck::of(&RuleSet::builtin().allow(&["T305"])).explaining();
    assert!(!off.is_on());
    for (i, (source, report)) in batch.iter().enumerate() {
        off.add(i, source, SeriesSummary::of(report));
    }
    assert!(off.explain().join("\n") == zfxxgk_rules::Pairing::default().explain(&[]).join("\n"));
    assert!(off.finish().is_empty());
    assert!(SeriesCheck::new().explain().is_empty());
}

/// A report with only table 三's carried cells of the natural-person column.
fn carried(body: Option<&str>, year: Option<u16>, over: i64, forward: i64) -> Report {
    use zfxxgk_model::{Cell, Location, Placement, Table, TableId};
    let cell = |key: &str, v: i64| Cell {
        key: key.parse().expect("a key"),
        value: num(v),
        raw: v.to_string(),
        location: Location::default(),
        placement: Placement::Label,
    };
    let mut r = Report::default();
    r.meta.body = body.map(String::from);
    r.meta.year = year;
    r.tables.push(Table {
        id: TableId::T3,
        edition: None,
        location: Location::default(),
        items: Vec::new(),
        cells: vec![
            cell("t3.carried_over.natural_person", over),
            cell("t3.carried_forward.natural_person", forward),
        ],
    });
    r
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Whatever the order, duplicates and gaps, T305 fires on exactly the consecutive
    /// pairs `Pairing` makes whose carried values differ, in the order of the later
    /// report.
    #[test]
    fn t305_in_any_order_is_the_pairing_s_pairs(
        reports in proptest::collection::vec(
            (0usize..4, proptest::option::weighted(0.9, 2019u16..2024), 0i64..3, 0i64..3),
            0..24,
        )
    ) {
        let names = [Some("甲局"), Some("甲 局"), Some("乙区人民政府办公室"), None];
        let built: Vec<Report> = reports
            .iter()
            .map(|&(b, y, o, f)| carried(names.get(b).copied().flatten(), y, o, f))
            .collect();
        let sources: Vec<String> = (0..built.len()).map(|i| format!("r{i}")).collect();
        let batch: Vec<(&str, &Report)> =
            sources.iter().map(String::as_str).zip(built.iter()).collect();
        let got: Vec<usize> = check_series(&batch).into_iter().map(|(i, _)| i).collect();
        let pairing = zfxxgk_rules::Pairing::new(
            built.iter().map(|r| (r.meta.body.as_deref(), r.meta.year)),
        );
        let mut want: Vec<usize> = pairing
            .consecutive()
            .filter(|&(last, this)| reports[last].3 != reports[this].2)
            .map(|(_, this)| this)
            .collect();
        want.sort_unstable();
        proptest::prop_assert_eq!(got, want);
    }
}
