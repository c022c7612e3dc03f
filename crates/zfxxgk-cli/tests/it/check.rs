use std::process::Command;

use crate::support::{seeds, stderr, stdout, zfxxgk};

/// `zfxxgk check NAME --lang LANG` run inside the seeds folder, so that the paths in
/// the output do not depend on where the checkout is.
fn check_seed(name: &str, lang: &str) -> Option<(Option<i32>, String)> {
    let dir = seeds()?;
    let o = Command::new(env!("CARGO_BIN_EXE_zfxxgk"))
        .current_dir(dir)
        .args(["check", name, "--lang", lang, "--no-progress"])
        .output()
        .expect("the binary runs");
    let err = stderr(&o);
    // The closing summary has timings; keep everything before it.
    let kept: Vec<&str> = err.lines().filter(|l| !l.starts_with("zfxxgk: ")).collect();
    Some((o.status.code(), kept.join("\n")))
}

#[test]
fn seed_002_blank_results_total_is_t302_and_t303() {
    let Some((code, out)) = check_seed("002_6c2b816ae976f4e8.txt", "en") else {
        return;
    };
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("check_002_en", out);
}

#[test]
fn seed_002_in_chinese() {
    let Some((_, out)) = check_seed("002_6c2b816ae976f4e8.txt", "zh") else {
        return;
    };
    insta::assert_snapshot!("check_002_zh", out);
}

#[test]
fn seed_004_old_template_for_2023_is_s004() {
    let Some((code, out)) = check_seed("004_84e2449ff8fa4ecd.txt", "en") else {
        return;
    };
    assert_eq!(code, Some(0), "a warning alone exits 0");
    insta::assert_snapshot!("check_004_en", out);
}

#[test]
fn seeds_001_and_003_headings_without_tables_are_s002() {
    for name in ["001_e0518ba9d551da5b.txt", "003_32ea3ccbdc60bfbb.txt"] {
        let Some((code, out)) = check_seed(name, "en") else {
            return;
        };
        assert_eq!(code, Some(1));
        insta::assert_snapshot!(format!("check_{}_en", &name[..3]), out);
    }
}

#[test]
fn seed_000_missing_sections_is_s001() {
    let Some((_, out)) = check_seed("000_c121f8ee66fba0bb.txt", "en") else {
        return;
    };
    insta::assert_snapshot!("check_000_en", out);
}

#[test]
fn json_findings_have_the_documented_fields() {
    let Some(dir) = seeds() else { return };
    let path = dir.join("002_6c2b816ae976f4e8.txt");
    let o = zfxxgk(&[
        "check",
        path.to_str().unwrap_or_default(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let schema = jsonschema::validator_for(&zfxxgk_export::findings_schema()).expect("the schema");
    let errors: Vec<String> = schema.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "schema/findings.schema.json: {errors:?}");
    let findings = v["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        for field in [
            "source", "rule", "severity", "message", "places", "expected", "actual", "culprit",
            "notes",
        ] {
            assert!(f.get(field).is_some(), "{field} missing in {f}");
        }
        // Both languages, whatever `--lang` says.
        assert!(f["message"]["zh"].is_string() && f["message"]["en"].is_string());
    }
    let t302 = findings.iter().find(|f| f["rule"] == "T302").expect("T302");
    assert_eq!(t302["expected"], "1");
    // The blank total first (its text as read is empty), then the cells it sums.
    assert_eq!(t302["places"][0]["key"], "t3.results_total.natural_person");
    assert_eq!(t302["places"][0]["value"], "");
    let place = &t302["places"][1];
    assert_eq!(place["key"], "t3.granted.natural_person");
    assert_eq!(place["value"], "1");
    for field in ["start", "end", "line", "column"] {
        assert!(
            place["location"].get(field).is_some(),
            "location lacks {field}"
        );
    }
    let notes = t302["notes"].as_array().expect("notes");
    assert_eq!(
        notes[0],
        serde_json::json!({"zh": "空白按0计（19个空白单元格）", "en": "blank counted as 0 (19 blank cells)"})
    );
}

#[test]
fn allow_and_only_select_rules() {
    let Some(dir) = seeds() else { return };
    let path = dir.join("002_6c2b816ae976f4e8.txt");
    let p = path.to_str().unwrap_or_default();
    let o = zfxxgk(&["check", p, "--format", "json", "--allow", "T302,T303"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = zfxxgk(&["check", p, "--format", "json", "--only", "T4"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(v["findings"].as_array().is_some_and(|f| f
        .iter()
        .all(|f| f["rule"].as_str().is_some_and(|r| r.starts_with("T4")))));
    let o = zfxxgk(&["check", p, "--allow", "X999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("X999"), "{}", stderr(&o));
}

#[test]
fn rules_lists_every_rule() {
    let o = zfxxgk(&["rules", "--lang", "en"]);
    let out = stdout(&o);
    for id in ["S001", "S006", "T201", "T305", "T404", "N004"] {
        assert!(out.contains(id), "{id} not listed:\n{out}");
    }
}
