//! The JSON Schema: the shipped file is up to date, and what the JSON exporter writes
//! validates against it (with the `jsonschema` crate).

use std::path::PathBuf;

use zfxxgk_export::{
    findings_schema, findings_schema_json, report_schema, report_schema_json, write_json, JsonStyle,
};

use crate::fixtures::{findings_json, reports};
use crate::TestResult;

fn shipped_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../schema")
        .join(name)
}

/// Set `ZFXXGK_UPDATE_SCHEMA=1` to write the regenerated schema over the shipped one.
fn up_to_date(name: &str, generated: &str) -> TestResult {
    let path = shipped_path(name);
    if std::env::var_os("ZFXXGK_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, generated)?;
        eprintln!("wrote {}", path.display());
    }
    let shipped = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e}; run ZFXXGK_UPDATE_SCHEMA=1 cargo test -p zfxxgk-export",
            path.display()
        )
    })?;
    assert!(
        shipped == generated,
        "{} is stale: run ZFXXGK_UPDATE_SCHEMA=1 cargo test -p zfxxgk-export and commit it",
        path.display()
    );
    Ok(())
}

#[test]
fn shipped_schema_is_up_to_date() -> TestResult {
    up_to_date("report.schema.json", &report_schema_json())
}

#[test]
fn shipped_findings_schema_is_up_to_date() -> TestResult {
    up_to_date("findings.schema.json", &findings_schema_json())
}

#[test]
fn exported_findings_validate_against_their_schema() -> TestResult {
    let validator = jsonschema::validator_for(&findings_schema())?;
    let instance = findings_json()?;
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A rule ID that is not one, a message in one language only, a bare key.
    for (pointer, wrong) in [
        ("/findings/0/rule", serde_json::json!("T3")),
        ("/findings/0/message", serde_json::json!("total")),
        (
            "/findings/0/places/0/key",
            serde_json::json!("t3.granted.nobody"),
        ),
        (
            "/findings/0/notes/0",
            serde_json::json!("空白按0计 | blank counted as 0"),
        ),
    ] {
        let mut bad = instance.clone();
        *bad.pointer_mut(pointer).ok_or(pointer)? = wrong;
        assert!(!validator.is_valid(&bad), "{pointer}");
    }
    Ok(())
}

#[test]
fn exported_json_validates_against_the_schema() -> TestResult {
    let validator = jsonschema::validator_for(&report_schema())?;
    for (source, report) in reports() {
        let mut out = Vec::new();
        write_json(&mut out, &report, JsonStyle::Compact)?;
        let instance: serde_json::Value = serde_json::from_slice(&out)?;
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{source}: {errors:#?}");
    }
    Ok(())
}

#[test]
fn schema_rejects_what_is_not_a_report() -> TestResult {
    let validator = jsonschema::validator_for(&report_schema())?;
    let (_, report) = &reports()[0];
    let mut instance = serde_json::to_value(report)?;
    // A key that is not canonical.
    instance["tables"][0]["cells"][0]["key"] = "t3.granted.nobody".into();
    assert!(!validator.is_valid(&instance));
    // A missing required field.
    let mut instance = serde_json::to_value(report)?;
    if let Some(o) = instance.as_object_mut() {
        o.remove("tables");
    }
    assert!(!validator.is_valid(&instance));
    // An edition that does not exist.
    let mut instance = serde_json::to_value(report)?;
    instance["meta"]["edition"] = "2020".into();
    assert!(!validator.is_valid(&instance));
    Ok(())
}
