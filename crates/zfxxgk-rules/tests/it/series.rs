use zfxxgk_model::{Edition, T3_COLUMNS};
use zfxxgk_rules::{check_series, RuleSet};

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
