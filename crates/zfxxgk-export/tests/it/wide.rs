//! The wide CSV: one row per report, one column per canonical key.

use zfxxgk_export::{wide_header, WideCsvWriter, META_COLUMNS};
use zfxxgk_model::CellKey;

use crate::fixtures::reports;
use crate::TestResult;

fn wide_csv() -> Result<String, Box<dyn std::error::Error>> {
    let mut out = WideCsvWriter::new(Vec::new());
    for (source, report) in reports() {
        out.write(source, &report)?;
    }
    Ok(String::from_utf8(out.finish()?)?)
}

#[test]
fn header_is_meta_then_every_key_in_order() {
    let header = wide_header();
    assert_eq!(&header[..5], &META_COLUMNS);
    let keys: Vec<&str> = CellKey::all().map(|k| k.as_str()).collect();
    assert_eq!(&header[5..], keys.as_slice());
    // Both editions: the 2019-only `t3.other` and the 2021-only split rows.
    assert!(header.contains(&"t3.other.total"));
    assert!(header.contains(&"t3.other.no_fee.total"));
    assert!(header.contains(&"t2.regulations.made") && header.contains(&"t2.regulations.issued"));
}

#[test]
fn rows_hold_normalized_values_and_empty_for_missing_or_blank() -> TestResult {
    let text = wide_csv()?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    assert_eq!(header, wide_header());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 2);
    let get = |row: usize, column: &str| -> String {
        let i = header.iter().position(|h| h == column);
        i.and_then(|i| rows.get(row)?.get(i))
            .unwrap_or("<no such field>")
            .to_owned()
    };
    assert_eq!(get(0, "source"), "2019.txt");
    assert_eq!(get(0, "body"), "某某市民政局");
    assert_eq!(get(0, "year"), "2019");
    assert_eq!(get(0, "edition"), "2019");
    assert_eq!(get(0, "encoding"), "GBK");
    assert_eq!(get(0, "t2.procurement.amount"), "81284.86");
    assert_eq!(get(0, "t2.fees.items_change"), "-1");
    assert_eq!(get(0, "t3.granted.natural_person"), "7");
    assert_eq!(get(0, "t3.results_total.total"), "1234");
    assert_eq!(get(0, "t3.other.total"), "见说明, \"附件\"");
    assert_eq!(get(0, "t3.new_received.research"), "", "blank");
    assert_eq!(get(0, "t4.review.total"), "", "no table 四");
    assert_eq!(get(1, "year"), "2022");
    assert_eq!(get(1, "edition"), "2021");
    assert_eq!(get(1, "t2.fees.amount_10k_yuan"), "3.2");
    assert_eq!(get(1, "t3.other.total"), "", "never invented in 2021");
    assert_eq!(get(1, "t4.litigation_direct.total"), "详见<附表>");
    Ok(())
}

#[test]
fn header_once_even_without_reports() -> TestResult {
    let out = WideCsvWriter::new(Vec::new()).finish()?;
    let text = String::from_utf8(out)?;
    assert_eq!(text.lines().count(), 1);
    assert_eq!(text.trim_end(), wide_header().join(","));
    Ok(())
}

#[test]
fn snapshot() -> TestResult {
    // One field a line, so that the snapshot reads and diffs as a list.
    let text = wide_csv()?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers()?.clone();
    let mut listing = String::new();
    for row in reader.records() {
        let row = row?;
        for (h, v) in header.iter().zip(row.iter()) {
            if !v.is_empty() || !h.starts_with('t') {
                listing.push_str(&format!("{h} = {v}\n"));
            }
        }
        listing.push_str("--\n");
    }
    insta::assert_snapshot!(listing);
    Ok(())
}

#[test]
fn wide_rows_encoded_apart_join_to_the_same_output() {
    use zfxxgk_export::WideCsvWriter;
    let reports = [
        crate::fixtures::report_2019(),
        crate::fixtures::report_2021(),
    ];
    let mut whole = WideCsvWriter::new(Vec::new());
    for (i, r) in reports.iter().enumerate() {
        whole.write(&format!("r{i}"), r).unwrap();
    }
    let whole = whole.finish().unwrap();
    let mut joined = WideCsvWriter::new(Vec::new()).finish().unwrap();
    for (i, r) in reports.iter().enumerate() {
        let mut part = WideCsvWriter::new(Vec::new()).without_header();
        part.write(&format!("r{i}"), r).unwrap();
        joined.extend(part.finish().unwrap());
    }
    assert_eq!(joined, whole);
}
