//! The JSON Schema of `zfxxgk diff --format json`: the shipped file is up to date, and
//! what `diff` gives validates against it (with the `jsonschema` crate).

use std::path::PathBuf;

use zfxxgk_model::Edition;
use zfxxgk_rules::{diff, diff_schema, diff_schema_json, Comparisons, Figures};

use crate::fixture::{consistent, num};

fn shipped_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/diff.schema.json")
}

/// Set `ZFXXGK_UPDATE_SCHEMA=1` to write the regenerated schema over the shipped one.
#[test]
fn shipped_diff_schema_is_up_to_date() {
    let path = shipped_path();
    let generated = diff_schema_json();
    if std::env::var_os("ZFXXGK_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
        eprintln!("wrote {}", path.display());
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{} is stale: run ZFXXGK_UPDATE_SCHEMA=1 cargo test -p zfxxgk-rules and commit it",
        path.display()
    );
}

#[test]
fn diffs_validate_against_the_schema() {
    let validator = jsonschema::validator_for(&diff_schema()).expect("a schema");
    let old = consistent(Edition::V2019);
    let new = consistent(Edition::V2021)
        .with("t3.granted.natural_person", zfxxgk_model::Value::Blank)
        .with("t3.new_received.natural_person", num(40))
        .without("t4.review.total");
    let d = diff(
        &Figures::of("2020.txt", &old.report),
        &Figures::of("2021.txt", &new.report),
    );
    assert!(!d.changes.is_empty() && !d.no_counterpart.is_empty());
    let doc = serde_json::to_value(Comparisons {
        comparisons: vec![d],
    })
    .expect("json");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut bad = doc.clone();
    bad["comparisons"][0]["changes"][0]["kind"] = "moved".into();
    assert!(!validator.is_valid(&bad));
}
