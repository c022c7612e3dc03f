//! Runs every example on its built-in sample.

use std::path::PathBuf;

use zfxxgk_export::{read_json, read_json_lines, wide_header};

use crate::TestResult;

#[allow(dead_code)]
#[path = "../../examples/write_sample.rs"]
mod write_sample;

#[test]
fn write_sample_writes_every_format() -> TestResult {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("write_sample");
    let written = write_sample::write_all(&dir)?;
    let reports = write_sample::sample_reports();
    for path in &written {
        assert!(std::fs::metadata(path)?.len() > 0, "{}", path.display());
    }
    let first = read_json(std::fs::File::open(dir.join("report.json"))?)?;
    assert_eq!(Some(&first), reports.first().map(|(_, r)| r));
    let lines = std::fs::read(dir.join("reports.jsonl"))?;
    let back: Vec<_> = read_json_lines(&lines[..]).collect::<Result<_, _>>()?;
    assert_eq!(back.len(), reports.len());
    let wide = std::fs::read_to_string(dir.join("wide.csv"))?;
    let mut reader = csv::Reader::from_reader(wide.as_bytes());
    assert_eq!(reader.headers()?.len(), wide_header().len());
    assert_eq!(reader.records().count(), reports.len());
    // No text cell: every non-empty cell field parses as a number.
    for record in csv::Reader::from_reader(wide.as_bytes()).records() {
        let record = record?;
        for field in record.iter().skip(5).filter(|f| !f.is_empty()) {
            assert!(field.parse::<f64>().is_ok(), "{field}");
        }
    }
    #[cfg(feature = "parquet")]
    assert!(written.iter().any(|p| p.ends_with("wide.parquet")));
    Ok(())
}
