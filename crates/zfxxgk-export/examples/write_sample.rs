//! Writes sample outputs of every format to a folder, from hand-built reports.
//!
//! ```text
//! cargo run -p zfxxgk-export --example write_sample [--features parquet] [-- DIR]
//! ```
//!
//! `DIR` defaults to `target/zfxxgk-sample`. The reports are three bodies over the
//! years 2019 to 2023, each with every cell of its edition's template: numbers (some
//! with units and decimals, some negative) and a blank cell, but no text cell, so that
//! every cell column of `wide.csv` is numeric (`tests/py/check_outputs.py` checks that).

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use zfxxgk_export::{
    render_html_page, render_markdown, write_findings_json, write_json, FindingsCsvWriter,
    JsonLinesWriter, JsonStyle, Lang, TidyCsvWriter, WideCsvWriter,
};
use zfxxgk_model::{
    Cell, CellKey, Decimal, Edition, Finding, Location, Meta, Number, Place, Placement, Report,
    RuleId, Severity, Table, TableId, Text, Value,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/zfxxgk-sample"));
    for path in write_all(&dir)? {
        println!("{}", path.display());
    }
    Ok(())
}

/// The bodies of the sample.
const BODIES: [&str; 3] = ["某某市民政局", "某某县人民政府", "某某区教育局"];

/// A small deterministic number for a cell.
fn small(seed: usize) -> i64 {
    i64::try_from(seed.wrapping_mul(2_654_435_761) % 97 % 13).unwrap_or(0)
}

fn number(value: Decimal, unit: Option<&str>, raw: String) -> (Value, String) {
    (
        Value::Number(Number {
            value,
            unit: unit.map(str::to_owned),
        }),
        raw,
    )
}

/// The value of `key` in the report of body `b` for `year`: each total is the sum of
/// its row (or group), amounts carry a unit, `items_change` may be negative, and one
/// cell is blank.
fn value(key: CellKey, b: usize, year: u16) -> (Value, String) {
    let seed = b * 10_000 + usize::from(year) * 7 + key.index();
    let n = small(seed);
    match (key.table(), key.row(), key.column()) {
        (TableId::T3, "new_received", "research") => (Value::Blank, "—".to_owned()),
        (TableId::T2, "procurement", "amount") => {
            let v = Decimal::new(8_128_486 + i64::from(year) * 100 + n, 2);
            number(v, Some("元"), format!("{v}元"))
        }
        (TableId::T2, "fees", "amount_10k_yuan") => {
            let v = Decimal::new(32 + n, 1);
            number(v, Some("万元"), format!("{v}万元"))
        }
        (TableId::T2, _, "items_change") => {
            let v = Decimal::from(n - 6);
            number(v, None, v.to_string())
        }
        (_, row, "total") => {
            // The sum of the other columns of the row (table 三) or group (table 四).
            let sum: i64 = CellKey::all()
                .filter(|k| k.table() == key.table() && k.row() == row && k.column() != "total")
                .filter(|k| !(k.row() == "new_received" && k.column() == "research"))
                .map(|k| small(b * 10_000 + usize::from(year) * 7 + k.index()))
                .sum();
            number(Decimal::from(sum), None, sum.to_string())
        }
        _ => number(Decimal::from(n), None, n.to_string()),
    }
}

/// Fifteen reports: three bodies, 2019 to 2023, with their sources.
pub fn sample_reports() -> Vec<(String, Report)> {
    let mut out = Vec::new();
    for (b, body) in BODIES.iter().enumerate() {
        for year in 2019..=2023u16 {
            let edition = Edition::for_year(year);
            let mut tables: Vec<Table> = Vec::new();
            let mut line = 20;
            for id in TableId::ALL {
                let cells = CellKey::of_edition(edition)
                    .filter(|k| k.table() == id)
                    .map(|key| {
                        line += 1;
                        let (value, raw) = value(key, b, year);
                        Cell {
                            key,
                            value,
                            raw,
                            location: Location {
                                start: line * 40,
                                end: line * 40 + 2,
                                line: u32::try_from(line).unwrap_or(u32::MAX),
                                column: 10,
                            },
                            placement: Placement::Label,
                        }
                    })
                    .collect();
                tables.push(Table {
                    id,
                    edition: Some(edition),
                    location: Location::default(),
                    items: vec![],
                    cells,
                });
            }
            let report = Report {
                meta: Meta {
                    title: Some(format!("{body}{year}年政府信息公开工作年度报告")),
                    body: Some((*body).to_owned()),
                    year: Some(year),
                    edition: Some(edition),
                    encoding: Some("UTF-8".to_owned()),
                    ..Meta::default()
                },
                tables,
                ..Report::default()
            };
            out.push((format!("sample/{year}/{body}.txt"), report));
        }
    }
    out
}

/// One made-up finding, to show the findings formats.
fn sample_finding() -> Finding {
    let key = |k: &str| k.parse::<CellKey>().ok();
    Finding {
        rule: RuleId::T301,
        severity: Severity::Error,
        message: Text::new(
            "总计 ≠ 自然人 + 法人或其他组织（应为 12，实为 13）",
            "total ≠ natural persons + organisations (expected 12, found 13)",
        ),
        places: [
            ("t3.granted.natural_person", "9", 1200, 32),
            ("t3.granted.total", "13", 1230, 47),
        ]
        .into_iter()
        .filter_map(|(k, value, start, column)| {
            let location = Location {
                start,
                end: start + value.len(),
                line: 48,
                column,
            };
            Some(Place::cell(key(k)?, value, Some(location)))
        })
        .collect(),
        expected: Some("12".to_owned()),
        actual: Some("13".to_owned()),
        culprit: key("t3.granted.total"),
        notes: vec![],
    }
}

/// Writes every format into `dir` and returns the paths written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let reports = sample_reports();
    let mut written = Vec::new();
    let mut create = |name: &str| -> std::io::Result<BufWriter<File>> {
        let path = dir.join(name);
        let file = File::create(&path)?;
        written.push(path);
        Ok(BufWriter::new(file))
    };

    let (first_source, first) = reports.first().ok_or("no sample report")?;
    write_json(create("report.json")?, first, JsonStyle::Pretty)?;
    let mut jsonl = JsonLinesWriter::new(create("reports.jsonl")?);
    let mut wide = WideCsvWriter::new(create("wide.csv")?);
    let mut tidy = TidyCsvWriter::new(create("tidy.csv")?);
    for (source, report) in &reports {
        jsonl.write(source, report)?;
        wide.write(source, report)?;
        tidy.write(source, report)?;
    }
    jsonl.finish()?;
    wide.finish()?;
    tidy.finish()?;

    let finding = sample_finding();
    let mut findings = FindingsCsvWriter::new(create("findings.csv")?, Lang::Zh);
    findings.write(first_source, std::slice::from_ref(&finding))?;
    findings.finish()?;
    write_findings_json(
        create("findings.json")?,
        [(first_source.as_str(), &finding)],
        JsonStyle::Pretty,
    )?;

    let latest = reports
        .iter()
        .find(|(_, r)| r.meta.edition == Some(Edition::V2021))
        .ok_or("no 2021 sample")?;
    std::fs::write(dir.join("report.md"), render_markdown(&latest.0, &latest.1))?;
    std::fs::write(
        dir.join("reports.html"),
        render_html_page([
            (first_source.as_str(), first),
            (latest.0.as_str(), &latest.1),
        ]),
    )?;
    written.push(dir.join("report.md"));
    written.push(dir.join("reports.html"));

    #[cfg(feature = "parquet")]
    {
        let mut dataset = zfxxgk_export::ParquetDataset::create(dir)?;
        for (source, report) in &reports {
            dataset.write(source, report)?;
        }
        dataset.finish()?;
        written.push(dir.join(zfxxgk_export::ParquetDataset::WIDE));
        written.push(dir.join(zfxxgk_export::ParquetDataset::TIDY));
    }
    Ok(written)
}
