//! The tidy CSV: exactly the "facts" format of REPORT_FORMAT.md.

use std::path::Path;
use std::str::FromStr;

use zfxxgk_export::TidyCsvWriter;
use zfxxgk_model::{Cell, CellKey, Decimal, Location, Number, Placement, Report, Table, Value};

use crate::fixtures::reports;
use crate::TestResult;

fn tidy_csv(reports: &[(&str, Report)]) -> Result<String, Box<dyn std::error::Error>> {
    let mut out = TidyCsvWriter::new(Vec::new());
    for (source, report) in reports {
        out.write(source, report)?;
    }
    Ok(String::from_utf8(out.finish()?)?)
}

/// RFC 4180 by hand, independent of the csv crate: quote a field holding a comma, a
/// quote or a line break, doubling the quotes.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[test]
fn equals_the_facts_printing() -> TestResult {
    let reports = reports();
    let mut facts = String::from("source,key,value\n");
    for (source, report) in &reports {
        for (key, value) in report.tidy() {
            facts.push_str(&format!("{},{},{}\n", quote(source), key, quote(&value)));
        }
    }
    assert_eq!(tidy_csv(&reports)?, facts);
    Ok(())
}

#[test]
fn quotes_commas_and_quotes_only_where_needed() -> TestResult {
    let text = tidy_csv(&reports())?;
    assert!(text.contains("\n2019.txt,t3.other.total,\"见说明, \"\"附件\"\"\"\n"));
    assert!(text.contains("\n2019.txt,t2.procurement.amount,81284.86\n"));
    assert!(text.contains("\n2019.txt,t2.normative_documents.made,\n"));
    assert!(text.contains("\n2021.txt,t4.litigation_direct.total,详见<附表>\n"));
    // A source name with a comma is quoted too.
    let odd = tidy_csv(&[("a,\"b\".txt", reports()[1].1.clone())])?;
    assert!(odd.contains("\n\"a,\"\"b\"\".txt\",t2.regulations.issued,2\n"));
    Ok(())
}

#[test]
fn one_line_per_cell_in_key_order_and_reads_back() -> TestResult {
    let reports = reports();
    let text = tidy_csv(&reports)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers()?, vec!["source", "key", "value"]);
    let rows: Vec<(String, String, String)> = reader.deserialize().collect::<Result<_, _>>()?;
    let expected: Vec<(String, String, String)> = reports
        .iter()
        .flat_map(|(s, r)| {
            r.tidy()
                .map(|(k, v)| (s.to_string(), k.to_string(), v))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(rows, expected);
    let cells: usize = reports.iter().map(|(_, r)| r.cells().count()).sum();
    assert_eq!(rows.len(), cells);
    for (_, r) in &reports {
        let keys: Vec<CellKey> = r.tidy().map(|(k, _)| k).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "key order");
    }
    // The 2021 report never has `t3.other`; the 2019 report has no table 四.
    assert!(!text.contains("2021.txt,t3.other.total,"));
    assert!(!text.contains("2019.txt,t4."));
    Ok(())
}

#[test]
fn snapshot() -> TestResult {
    insta::assert_snapshot!(tidy_csv(&reports())?);
    Ok(())
}

/// A report holding exactly the cells of an `expected/NAME.csv` file.
fn report_from_expected(text: &str) -> Result<Report, Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut tables: Vec<Table> = Vec::new();
    for record in reader.records() {
        let record = record?;
        let key = CellKey::from_str(record.get(0).ok_or("no key")?)?;
        let value = record.get(1).ok_or("no value")?;
        let value = if value.is_empty() {
            Value::Blank
        } else if let Ok(d) = Decimal::from_str(value) {
            Value::Number(Number::new(d))
        } else {
            Value::Text {
                text: value.to_owned(),
            }
        };
        let cell = Cell {
            key,
            raw: value.normalized(),
            value,
            location: Location::default(),
            placement: Placement::Label,
        };
        match tables.iter_mut().find(|t| t.id == key.table()) {
            Some(t) => t.cells.push(cell),
            None => tables.push(Table {
                id: key.table(),
                edition: None,
                location: Location::default(),
                items: vec![],
                cells: vec![cell],
            }),
        }
    }
    tables.sort_by_key(|t| t.id);
    Ok(Report {
        tables,
        ..Report::default()
    })
}

/// The corpus's expected files are the facts format without the source column: a
/// report made of exactly their cells must write back byte for byte.
#[test]
fn keys_only_reproduces_the_corpus_expected_files() -> TestResult {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "skipped: {} is absent (a fresh clone without shared/)",
            corpus.display()
        );
        return Ok(());
    }
    let mut checked = 0;
    for group in std::fs::read_dir(&corpus)? {
        let expected = group?.path().join("expected");
        if !expected.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&expected)? {
            let path = file?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let text = std::fs::read_to_string(&path)?.replace("\r\n", "\n");
            let report =
                report_from_expected(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut out = TidyCsvWriter::keys_only(Vec::new());
            out.write(&path.display().to_string(), &report)?;
            let written = String::from_utf8(out.finish()?)?;
            let want = if text.ends_with('\n') {
                text
            } else {
                text + "\n"
            };
            assert_eq!(written, want, "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no expected file under {}", corpus.display());
    eprintln!("{checked} expected files written back identically");
    Ok(())
}

#[test]
fn keys_only_has_no_source_column() -> TestResult {
    let mut out = TidyCsvWriter::keys_only(Vec::new());
    out.write("ignored.txt", &reports()[1].1)?;
    let text = String::from_utf8(out.finish()?)?;
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("key,value"));
    assert_eq!(lines.next(), Some("t2.regulations.issued,2"));
    assert!(!text.contains("ignored.txt"));
    Ok(())
}

#[test]
fn rows_encoded_apart_join_to_the_same_output() {
    let reports = [
        crate::fixtures::report_2019(),
        crate::fixtures::report_2021(),
    ];
    let mut whole = TidyCsvWriter::new(Vec::new());
    for (i, r) in reports.iter().enumerate() {
        whole.write(&format!("r{i}"), r).unwrap();
    }
    let whole = whole.finish().unwrap();
    let mut joined = TidyCsvWriter::new(Vec::new()).finish().unwrap();
    for (i, r) in reports.iter().enumerate() {
        let mut part = TidyCsvWriter::new(Vec::new()).without_header();
        part.write(&format!("r{i}"), r).unwrap();
        joined.extend(part.finish().unwrap());
    }
    assert_eq!(
        String::from_utf8(joined).unwrap(),
        String::from_utf8(whole).unwrap()
    );
}
