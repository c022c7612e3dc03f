//! Findings as CSV and JSON.

use zfxxgk_export::{write_findings_json, FindingsCsvWriter, JsonStyle, Lang, FINDINGS_CSV_HEADER};

use crate::fixtures::{findings, findings_json};
use crate::TestResult;

fn findings_csv(lang: Lang) -> Result<String, Box<dyn std::error::Error>> {
    let findings = findings();
    let mut out = FindingsCsvWriter::new(Vec::new(), lang);
    out.write("2019.txt", &findings[..1])?;
    out.write("2021.txt", &findings[1..])?;
    out.write("clean.txt", &[])?;
    Ok(String::from_utf8(out.finish()?)?)
}

#[test]
fn csv_has_one_line_per_finding() -> TestResult {
    let text = findings_csv(Lang::En)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers()?, FINDINGS_CSV_HEADER.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 2);
    let first: Vec<&str> = rows[0].iter().collect();
    assert_eq!(
        first,
        [
            "2019.txt",
            "T301",
            "error",
            "t3.new_received.natural_person;t3.new_received.total",
            "12",
            "13",
            "48",
            "32",
            "total ≠ natural persons + organisations (expected 12, found 13)",
            "9;13",
            "t3.new_received.total",
            "blank counted as 0",
        ]
    );
    let second: Vec<&str> = rows[1].iter().collect();
    assert_eq!(
        second,
        [
            "2021.txt",
            "S004",
            "warning",
            "",
            "",
            "",
            "",
            "",
            "a report for 2021 or later uses the 2019 tables, \"old\" style",
            "",
            "",
            "",
        ]
    );
    Ok(())
}

#[test]
fn csv_values_follow_the_keys_with_separators_escaped() -> TestResult {
    let mut finding = findings().remove(0);
    finding.places[0].value = Some("9;1\\".to_owned());
    finding.places[1].value = None;
    finding.notes.push(zfxxgk_model::Text::new("二", "two"));
    let mut out = FindingsCsvWriter::new(Vec::new(), Lang::En);
    out.write("a.txt", &[finding])?;
    let text = String::from_utf8(out.finish()?)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().ok_or("no row")??;
    assert_eq!(
        row.get(9),
        Some("9\\;1\\\\;"),
        "a value's ; and \\ escaped, none for no text"
    );
    assert_eq!(
        row.get(11),
        Some("blank counted as 0\ntwo"),
        "notes one a line"
    );
    Ok(())
}

#[test]
fn csv_snapshot_in_chinese() -> TestResult {
    insta::assert_snapshot!(findings_csv(Lang::Zh)?);
    Ok(())
}

#[test]
fn csv_header_without_findings() -> TestResult {
    let out = FindingsCsvWriter::new(Vec::new(), Lang::Zh).finish()?;
    assert_eq!(
        String::from_utf8(out)?,
        FINDINGS_CSV_HEADER.join(",") + "\n"
    );
    Ok(())
}

#[test]
fn json_object_with_findings_in_both_languages() -> TestResult {
    let findings = findings();
    let mut out = Vec::new();
    let items = [("2019.txt", &findings[0]), ("2021.txt", &findings[1])];
    write_findings_json(&mut out, items, JsonStyle::Pretty)?;
    let json: serde_json::Value = serde_json::from_slice(&out)?;
    let list = json["findings"].as_array().ok_or("no findings array")?;
    assert_eq!(list.len(), 2);
    let f = &list[0];
    // Every field is there, `null` or `[]` when empty (serde_json's map sorts them).
    let fields: Vec<&String> = f.as_object().ok_or("not an object")?.keys().collect();
    assert_eq!(
        fields,
        [
            "actual", "culprit", "expected", "message", "notes", "places", "rule", "severity",
            "source"
        ]
    );
    assert_eq!(f["source"], "2019.txt");
    assert_eq!(f["rule"], "T301");
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["message"],
        serde_json::json!({
            "zh": "总计 ≠ 自然人 + 法人或其他组织（应为 12，实为 13）",
            "en": "total ≠ natural persons + organisations (expected 12, found 13)",
        })
    );
    assert_eq!(
        f["places"][0],
        serde_json::json!({
            "key": "t3.new_received.natural_person",
            "value": "9",
            "location": {"start": 4832, "end": 4834, "line": 48, "column": 32},
        })
    );
    assert_eq!(f["places"][1]["value"], "13");
    // A place that is not a cell: a location and nothing else.
    assert_eq!(
        f["places"][2],
        serde_json::json!({
            "key": null,
            "value": null,
            "location": {"start": 5001, "end": 5003, "line": 50, "column": 1},
        })
    );
    assert_eq!(f["expected"], "12");
    assert_eq!(f["actual"], "13");
    assert_eq!(f["culprit"], "t3.new_received.total");
    assert_eq!(
        f["notes"],
        serde_json::json!([{"zh": "空白按0计", "en": "blank counted as 0"}])
    );
    let g = &list[1];
    assert_eq!(g["severity"], "warning");
    assert!(g["expected"].is_null() && g["actual"].is_null() && g["culprit"].is_null());
    assert_eq!(g["places"], serde_json::json!([]));
    assert_eq!(g["notes"], serde_json::json!([]));

    let mut out = Vec::new();
    write_findings_json(&mut out, [], JsonStyle::Compact)?;
    assert_eq!(out, b"{\"findings\":[]}\n");
    Ok(())
}

#[test]
fn json_findings_read_back_as_findings() -> TestResult {
    // Each finding is the model's `Finding` with its `source`: it deserializes back.
    let json = findings_json()?;
    let list = json["findings"].as_array().ok_or("no findings array")?;
    let back: Vec<zfxxgk_model::Finding> = list
        .iter()
        .map(|f| serde_json::from_value(f.clone()))
        .collect::<Result<_, _>>()?;
    assert_eq!(back, findings());
    Ok(())
}
