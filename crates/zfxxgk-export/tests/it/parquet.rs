//! Parquet: write the dataset folder, read it back with the parquet crate's reader.

use std::fs::File;
use std::path::PathBuf;

use arrow_array::cast::AsArray;
use arrow_array::types::{Decimal128Type, UInt16Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use zfxxgk_export::{
    tidy_schema, wide_schema, Error, ParquetDataset, WideParquetWriter, DECIMAL_SCALE,
};
use zfxxgk_model::{CellKey, Decimal, Number, Value};

use crate::fixtures::reports;
use crate::TestResult;

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn read(path: PathBuf) -> Result<Vec<RecordBatch>, Box<dyn std::error::Error>> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path)?)?.build()?;
    Ok(reader.collect::<Result<_, _>>()?)
}

fn column<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a dyn Array, Box<dyn std::error::Error>> {
    Ok(batch
        .column_by_name(name)
        .ok_or_else(|| format!("no column {name}"))?
        .as_ref())
}

fn decimal(s: &str) -> Result<i128, Box<dyn std::error::Error>> {
    let d: Decimal = s.parse()?;
    let scaled = d * Decimal::from(10i64.pow(u32::try_from(DECIMAL_SCALE)?));
    Ok(scaled.trunc().mantissa())
}

#[test]
fn dataset_reads_back_with_types_and_values() -> TestResult {
    let out = dir("dataset");
    let mut dataset = ParquetDataset::create(&out)?;
    for (source, report) in reports() {
        dataset.write(source, &report)?;
    }
    dataset.finish()?;

    // Wide: one row per report, decimal cells, null for blank, text and missing.
    let wide = read(out.join(ParquetDataset::WIDE))?;
    assert_eq!(wide.len(), 1);
    let w = &wide[0];
    assert_eq!(w.schema(), wide_schema());
    assert_eq!(w.num_rows(), 2);
    assert_eq!(w.num_columns(), 5 + CellKey::all().len());
    assert_eq!(column(w, "year")?.data_type(), &DataType::UInt16);
    assert_eq!(
        column(w, "t2.procurement.amount")?.data_type(),
        &DataType::Decimal128(38, 6)
    );
    let years = column(w, "year")?.as_primitive::<UInt16Type>();
    assert_eq!(years.values().to_vec(), vec![2019, 2022]);
    let edition = column(w, "edition")?.as_string::<i32>();
    assert_eq!((edition.value(0), edition.value(1)), ("2019", "2021"));
    let source = column(w, "source")?.as_string::<i32>();
    assert_eq!(source.value(1), "2021.txt");
    let amount = column(w, "t2.procurement.amount")?.as_primitive::<Decimal128Type>();
    assert_eq!(amount.value(0), decimal("81284.86")?);
    assert!(amount.is_null(1));
    assert_eq!(amount.value_as_string(0), "81284.860000");
    let fee = column(w, "t2.fees.amount_10k_yuan")?.as_primitive::<Decimal128Type>();
    assert_eq!(fee.value(1), decimal("3.2")?);
    let change = column(w, "t2.fees.items_change")?.as_primitive::<Decimal128Type>();
    assert_eq!(change.value(0), decimal("-1")?);
    let total = column(w, "t3.results_total.total")?.as_primitive::<Decimal128Type>();
    assert_eq!(total.value(0), decimal("1234")?);
    assert!(
        column(w, "t3.other.total")?.is_null(0),
        "text is null in wide"
    );
    assert!(
        column(w, "t3.new_received.research")?.is_null(0),
        "blank is null"
    );
    assert!(column(w, "t4.review.total")?.is_null(0), "missing is null");

    // Tidy: the facts, with kind, number and unit.
    let tidy = read(out.join(ParquetDataset::TIDY))?;
    let t = tidy.first().ok_or("no tidy batch")?;
    assert_eq!(t.schema(), tidy_schema());
    let expected: Vec<(String, String, String)> = reports()
        .iter()
        .flat_map(|(s, r)| {
            r.tidy()
                .map(|(k, v)| (s.to_string(), k.to_string(), v))
                .collect::<Vec<_>>()
        })
        .collect();
    let rows: usize = tidy.iter().map(RecordBatch::num_rows).sum();
    assert_eq!(rows, expected.len());
    let (src, key, value) = (
        column(t, "source")?.as_string::<i32>(),
        column(t, "key")?.as_string::<i32>(),
        column(t, "value")?.as_string::<i32>(),
    );
    let (kind, number, unit) = (
        column(t, "kind")?.as_string::<i32>(),
        column(t, "number")?.as_primitive::<Decimal128Type>(),
        column(t, "unit")?.as_string::<i32>(),
    );
    let report_cells: Vec<Value> = reports()
        .iter()
        .flat_map(|(_, r)| r.cells().map(|c| c.value.clone()).collect::<Vec<_>>())
        .collect();
    for (i, ((s, k, v), cell)) in expected.iter().zip(&report_cells).enumerate() {
        assert_eq!(
            (src.value(i), key.value(i), value.value(i)),
            (s.as_str(), k.as_str(), v.as_str())
        );
        match cell {
            Value::Number(Number { value: n, unit: u }) => {
                assert_eq!(kind.value(i), "number");
                assert_eq!(number.value(i), decimal(&n.to_string())?, "{k}");
                assert_eq!(unit.is_null(i), u.is_none(), "{k}");
                if let Some(u) = u {
                    assert_eq!(unit.value(i), u);
                }
            }
            Value::Blank => {
                assert_eq!(kind.value(i), "blank");
                assert!(number.is_null(i) && unit.is_null(i));
            }
            Value::Text { .. } => {
                assert_eq!(kind.value(i), "text");
                assert!(number.is_null(i));
            }
        }
    }
    Ok(())
}

#[test]
fn empty_dataset_has_schema_and_no_rows() -> TestResult {
    let out = dir("empty");
    ParquetDataset::create(&out)?.finish()?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(out.join("wide.parquet"))?)?;
    assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    assert_eq!(builder.schema().fields().len(), 5 + CellKey::all().len());
    Ok(())
}

#[test]
fn too_many_decimal_places_names_source_and_key() -> TestResult {
    let (_, mut report) = reports().swap_remove(1);
    let cell = report
        .tables
        .iter_mut()
        .flat_map(|t| t.cells.iter_mut())
        .find(|c| c.key.as_str() == "t2.fees.amount_10k_yuan")
        .ok_or("no fee cell")?;
    cell.value = Value::Number(Number::new("0.0000001".parse()?));
    let mut out = WideParquetWriter::new(Vec::new())?;
    match out.write("odd.txt", &report) {
        Err(e @ Error::DecimalScale { .. }) => {
            let message = e.to_string();
            assert!(
                message.starts_with("odd.txt: t2.fees.amount_10k_yuan = 0.0000001"),
                "{message}"
            );
        }
        other => panic!("expected DecimalScale, got {other:?}"),
    }
    // Trailing zeros beyond six places are fine.
    cell_value(&mut report, "1.500000000")?;
    out.write("ok.txt", &report)?;
    assert!(!out.finish()?.is_empty());
    Ok(())
}

fn cell_value(report: &mut zfxxgk_model::Report, v: &str) -> TestResult {
    for t in &mut report.tables {
        for c in &mut t.cells {
            if c.key.as_str() == "t2.fees.amount_10k_yuan" {
                c.value = Value::Number(Number::new(v.parse()?));
            }
        }
    }
    Ok(())
}
