//! Parquet output of the wide and the tidy table (feature `parquet`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, StringBuilder, UInt16Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use zfxxgk_model::{CellKey, Decimal, Report, Value};

use crate::wide::META_COLUMNS;
use crate::{Error, Result};

/// Precision of the decimal columns: Parquet's and Arrow's widest 128-bit decimal.
pub const DECIMAL_PRECISION: u8 = 38;
/// Scale of the decimal columns: six places hold an amount in 万元 to the fen
/// (0.000001 万元 = 0.01 元) and so every amount a report writes, exactly.
pub const DECIMAL_SCALE: i8 = 6;

/// Reports buffered before a batch goes to the Parquet writer.
const WIDE_BATCH: usize = 1024;
/// Tidy rows buffered before a batch goes to the Parquet writer.
const TIDY_BATCH: usize = 64 * 1024;

fn decimal_type() -> DataType {
    DataType::Decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
}

fn decimal_builder(capacity: usize) -> Result<Decimal128Builder> {
    Ok(Decimal128Builder::with_capacity(capacity)
        .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?)
}

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

/// `value` as the unscaled integer of a DECIMAL(38, 6), or `None` when it has more than
/// six decimal places that are not trailing zeros.
fn scaled(value: Decimal) -> Option<i128> {
    let scale = u32::try_from(DECIMAL_SCALE).ok()?;
    let value = if value.scale() > scale {
        value.normalize()
    } else {
        value
    };
    let factor = 10i128.checked_pow(scale.checked_sub(value.scale())?)?;
    value.mantissa().checked_mul(factor)
}

fn scaled_or_error(source: &str, key: CellKey, value: Decimal) -> Result<i128> {
    scaled(value).ok_or_else(|| Error::DecimalScale {
        source_name: source.to_owned(),
        key: key.as_str().to_owned(),
        value: value.to_string(),
        max_scale: u32::from(DECIMAL_SCALE.unsigned_abs()),
    })
}

/// The Arrow schema of the wide table: `source` (utf8), `body` (utf8), `year`
/// (uint16), `edition` (utf8, `2019` or `2021`), `encoding` (utf8), then one
/// DECIMAL(38, 6) column per canonical key of both editions.
pub fn wide_schema() -> SchemaRef {
    let mut fields = vec![
        Field::new(META_COLUMNS[0], DataType::Utf8, false),
        Field::new(META_COLUMNS[1], DataType::Utf8, true),
        Field::new(META_COLUMNS[2], DataType::UInt16, true),
        Field::new(META_COLUMNS[3], DataType::Utf8, true),
        Field::new(META_COLUMNS[4], DataType::Utf8, true),
    ];
    fields.extend(CellKey::all().map(|k| Field::new(k.as_str(), decimal_type(), true)));
    Arc::new(Schema::new(fields))
}

/// The Arrow schema of the tidy table: `source`, `key`, `value` (utf8, the facts of
/// REPORT_FORMAT.md), `kind` (utf8: `number`, `blank` or `text`), `number`
/// (DECIMAL(38, 6), null unless a number) and `unit` (utf8, null when none).
pub fn tidy_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("key", DataType::Utf8, false),
        Field::new("value", DataType::Utf8, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("number", decimal_type(), true),
        Field::new("unit", DataType::Utf8, true),
    ]))
}

/// Writes the wide table as Parquet, one row per report, as reports come.
///
/// Every cell column is DECIMAL(38, 6): exact, as the model's `Decimal` is, and read
/// as a number by DuckDB, pandas (through pyarrow) and Spark. A cell that is blank,
/// text, or not in the report is null here; the tidy table keeps the difference.
pub struct WideParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    keys: Vec<CellKey>,
    text: [StringBuilder; 4],
    year: UInt16Builder,
    cells: Vec<Decimal128Builder>,
    rows: usize,
}

impl<W: Write + Send> std::fmt::Debug for WideParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WideParquetWriter")
            .field("buffered_rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> WideParquetWriter<W> {
    /// A writer that writes a Parquet file to `writer` (snappy-compressed).
    ///
    /// # Errors
    ///
    /// [`Error::Parquet`] when the writer cannot be set up.
    pub fn new(writer: W) -> Result<WideParquetWriter<W>> {
        let schema = wide_schema();
        let keys: Vec<CellKey> = CellKey::all().collect();
        let cells = keys
            .iter()
            .map(|_| decimal_builder(WIDE_BATCH))
            .collect::<Result<_>>()?;
        Ok(WideParquetWriter {
            writer: ArrowWriter::try_new(writer, schema.clone(), Some(properties()))?,
            schema,
            keys,
            text: Default::default(),
            year: UInt16Builder::with_capacity(WIDE_BATCH),
            cells,
            rows: 0,
        })
    }

    /// Adds the row of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`] naming `source` and the key when a number has more than
    /// six decimal places (nothing of the report is written then); Parquet errors.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        let mut numbers = Vec::with_capacity(self.keys.len());
        for &key in &self.keys {
            numbers.push(match report.cell(key).map(|c| &c.value) {
                Some(Value::Number(n)) => Some(scaled_or_error(source, key, n.value)?),
                _ => None,
            });
        }
        let [body, edition, encoding] = [
            report.meta.body.as_deref(),
            report.meta.edition.map(|e| e.as_str()),
            report.meta.encoding.as_deref(),
        ];
        let [source_b, body_b, edition_b, encoding_b] = &mut self.text;
        source_b.append_value(source);
        body_b.append_option(body);
        edition_b.append_option(edition);
        encoding_b.append_option(encoding);
        self.year.append_option(report.meta.year);
        for (builder, n) in self.cells.iter_mut().zip(numbers) {
            builder.append_option(n);
        }
        self.rows += 1;
        if self.rows >= WIDE_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let [source, body, edition, encoding] = &mut self.text;
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(source.finish()),
            Arc::new(body.finish()),
            Arc::new(self.year.finish()),
            Arc::new(edition.finish()),
            Arc::new(encoding.finish()),
        ];
        for b in &mut self.cells {
            columns.push(Arc::new(
                b.finish()
                    .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?,
            ));
        }
        let batch = RecordBatch::try_new(self.schema.clone(), columns)?;
        self.writer.write(&batch)?;
        self.rows = 0;
        Ok(())
    }

    /// Writes what is buffered and the file footer, and hands back the writer.
    ///
    /// # Errors
    ///
    /// Parquet errors.
    pub fn finish(mut self) -> Result<W> {
        self.flush_batch()?;
        Ok(self.writer.into_inner()?)
    }
}

/// Writes the tidy table as Parquet, one row per cell each report contains, in key
/// order, as reports come.
///
/// `value` is exactly the `value` of the tidy CSV; `number` holds it as
/// DECIMAL(38, 6) when it is a number, so sums need no casting.
pub struct TidyParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    source: StringBuilder,
    key: StringBuilder,
    value: StringBuilder,
    kind: StringBuilder,
    number: Decimal128Builder,
    unit: StringBuilder,
    rows: usize,
}

impl<W: Write + Send> std::fmt::Debug for TidyParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TidyParquetWriter")
            .field("buffered_rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> TidyParquetWriter<W> {
    /// A writer that writes a Parquet file to `writer` (snappy-compressed).
    ///
    /// # Errors
    ///
    /// [`Error::Parquet`] when the writer cannot be set up.
    pub fn new(writer: W) -> Result<TidyParquetWriter<W>> {
        let schema = tidy_schema();
        Ok(TidyParquetWriter {
            writer: ArrowWriter::try_new(writer, schema.clone(), Some(properties()))?,
            schema,
            source: StringBuilder::new(),
            key: StringBuilder::new(),
            value: StringBuilder::new(),
            kind: StringBuilder::new(),
            number: decimal_builder(1024)?,
            unit: StringBuilder::new(),
            rows: 0,
        })
    }

    /// Adds the rows of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`] naming `source` and the key when a number has more than
    /// six decimal places (nothing of the report is written then); Parquet errors.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        let numbers = report
            .cells()
            .map(|c| match &c.value {
                Value::Number(n) => scaled_or_error(source, c.key, n.value).map(Some),
                _ => Ok(None),
            })
            .collect::<Result<Vec<_>>>()?;
        for (cell, number) in report.cells().zip(numbers) {
            self.source.append_value(source);
            self.key.append_value(cell.key.as_str());
            self.value.append_value(cell.value.normalized());
            let (kind, unit) = match &cell.value {
                Value::Number(n) => ("number", n.unit.as_deref()),
                Value::Blank => ("blank", None),
                Value::Text { .. } => ("text", None),
            };
            self.kind.append_value(kind);
            self.number.append_option(number);
            self.unit.append_option(unit);
            self.rows += 1;
        }
        if self.rows >= TIDY_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.source.finish()),
            Arc::new(self.key.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(
                self.number
                    .finish()
                    .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?,
            ),
            Arc::new(self.unit.finish()),
        ];
        let batch = RecordBatch::try_new(self.schema.clone(), columns)?;
        self.writer.write(&batch)?;
        self.rows = 0;
        Ok(())
    }

    /// Writes what is buffered and the file footer, and hands back the writer.
    ///
    /// # Errors
    ///
    /// Parquet errors.
    pub fn finish(mut self) -> Result<W> {
        self.flush_batch()?;
        Ok(self.writer.into_inner()?)
    }
}

/// A folder of Parquet files, one per table: `wide.parquet` and `tidy.parquet`.
///
/// ```no_run
/// use zfxxgk_export::ParquetDataset;
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), zfxxgk_export::Error> {
/// let mut out = ParquetDataset::create("out/reports")?;
/// out.write("a.txt", &Report::default())?;
/// out.finish()?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct ParquetDataset {
    wide: WideParquetWriter<BufWriter<File>>,
    tidy: TidyParquetWriter<BufWriter<File>>,
}

impl ParquetDataset {
    /// The file name of the wide table in the folder.
    pub const WIDE: &'static str = "wide.parquet";
    /// The file name of the tidy table in the folder.
    pub const TIDY: &'static str = "tidy.parquet";

    /// Creates `dir` (and its parents) if needed, and both files in it, replacing
    /// files of the same names.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the folder or a file cannot be created.
    pub fn create(dir: impl AsRef<Path>) -> Result<ParquetDataset> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir)?;
        let wide = BufWriter::new(File::create(dir.join(Self::WIDE))?);
        let tidy = BufWriter::new(File::create(dir.join(Self::TIDY))?);
        Ok(ParquetDataset {
            wide: WideParquetWriter::new(wide)?,
            tidy: TidyParquetWriter::new(tidy)?,
        })
    }

    /// Adds `report`, read from `source`, to both tables.
    ///
    /// # Errors
    ///
    /// As [`WideParquetWriter::write`]; a report refused there is not written to either
    /// table.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        // Tidy checks every cell, wide a subset: a report tidy refuses reaches neither.
        self.tidy.write(source, report)?;
        self.wide.write(source, report)
    }

    /// Finishes both files.
    ///
    /// # Errors
    ///
    /// Parquet and I/O errors.
    pub fn finish(self) -> Result<()> {
        self.wide.finish()?.flush()?;
        self.tidy.finish()?.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_decimals_to_six_places() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(scaled(d("81284.86")), Some(81_284_860_000));
        assert_eq!(scaled(d("-3")), Some(-3_000_000));
        assert_eq!(scaled(d("0.000001")), Some(1));
        assert_eq!(scaled(d("1.50000000")), Some(1_500_000));
        assert_eq!(scaled(d("0.0000001")), None);
    }
}
