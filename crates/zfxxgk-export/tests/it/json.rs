//! JSON and JSON Lines: export, read back, same report.

use zfxxgk_export::{
    read_json, read_json_lines, write_json, Error, JsonLinesWriter, JsonStyle, SourcedReport,
};

use crate::fixtures::reports;
use crate::TestResult;

#[test]
fn json_round_trips_pretty_and_compact() -> TestResult {
    for (source, report) in reports() {
        for style in [JsonStyle::Pretty, JsonStyle::Compact] {
            let mut out = Vec::new();
            write_json(&mut out, &report, style)?;
            let text = String::from_utf8(out)?;
            assert_eq!(
                text.lines().count() > 1,
                style == JsonStyle::Pretty,
                "{source} {style:?}"
            );
            assert_eq!(read_json(text.as_bytes())?, report, "{source} {style:?}");
        }
    }
    Ok(())
}

#[test]
fn json_keeps_spans_units_and_decimals_exact() -> TestResult {
    let (_, report) = &reports()[0];
    let mut out = Vec::new();
    write_json(&mut out, report, JsonStyle::Compact)?;
    let json: serde_json::Value = serde_json::from_slice(&out)?;
    let t2 = &json["tables"][0];
    let amount = t2["cells"]
        .as_array()
        .and_then(|cells| cells.iter().find(|c| c["key"] == "t2.procurement.amount"))
        .ok_or("no amount cell")?;
    assert_eq!(amount["value"]["kind"], "number");
    assert_eq!(amount["value"]["value"], "81284.86");
    assert_eq!(amount["value"]["unit"], "元");
    assert_eq!(amount["raw"], "81284.86元");
    assert!(amount["location"]["line"].as_u64().is_some_and(|l| l >= 12));
    assert!(amount["location"]["start"].is_u64() && amount["location"]["end"].is_u64());
    Ok(())
}

#[test]
fn json_lines_round_trip_one_report_a_line() -> TestResult {
    let mut out = JsonLinesWriter::new(Vec::new());
    for (source, report) in reports() {
        out.write(source, &report)?;
    }
    let bytes = out.finish()?;
    let text = std::str::from_utf8(&bytes)?;
    assert_eq!(text.lines().count(), 2);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let keys: Vec<&String> = v.as_object().ok_or("not an object")?.keys().collect();
        assert_eq!(keys, ["report", "source"]);
    }
    let back: Vec<SourcedReport> = read_json_lines(text.as_bytes()).collect::<Result<_, _>>()?;
    let expected: Vec<SourcedReport> = reports()
        .into_iter()
        .map(|(source, report)| SourcedReport {
            source: source.to_owned(),
            report,
        })
        .collect();
    assert_eq!(back, expected);
    Ok(())
}

#[test]
fn json_lines_reader_skips_blank_lines_and_names_the_bad_one() -> TestResult {
    let mut out = JsonLinesWriter::new(Vec::new());
    out.write("a.txt", &reports()[0].1)?;
    let mut text = String::from_utf8(out.finish()?)?;
    text.push_str("\n   \n{\"source\": \"b.txt\", \"report\": 5}\n");
    let mut it = read_json_lines(text.as_bytes());
    assert_eq!(
        it.next().transpose()?.map(|r| r.source),
        Some("a.txt".into())
    );
    match it.next() {
        Some(Err(Error::JsonRead { line, column, .. })) => {
            assert_eq!(line, 4);
            assert!(column > 1);
        }
        other => panic!("expected a read error on line 4, got {other:?}"),
    }
    assert!(it.next().is_none());
    let err = read_json(&b"{\n  \"meta\": 1\n}"[..])
        .err()
        .ok_or("no error")?;
    assert!(err.to_string().starts_with("line 2, column"), "{err}");
    Ok(())
}
