//! The wide and the tidy table as Arrow record batches (feature `arrow`): the one place
//! that lays reports out in Arrow, for the Parquet writers and for any Arrow consumer
//! (the Python package hands these batches to pyarrow).

use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, Int64Builder, StringBuilder, UInt16Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use zfxxgk_model::{CellKey, Decimal, Report, Value};

use crate::wide::META_COLUMNS;
use crate::{Error, Result};

/// Precision of the decimal columns: Parquet's and Arrow's widest 128-bit decimal.
pub const DECIMAL_PRECISION: u8 = 38;
/// Scale of the decimal columns: six places hold an amount in 万元 to the fen
/// (0.000001 万元 = 0.01 元) and so every amount a report writes, exactly.
pub const DECIMAL_SCALE: i8 = 6;

fn decimal_type() -> DataType {
    DataType::Decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
}

fn decimal_builder(capacity: usize) -> Result<Decimal128Builder> {
    Ok(Decimal128Builder::with_capacity(capacity)
        .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?)
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

/// How the cell columns of the wide table are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WideColumns {
    /// Every cell column DECIMAL(38, 6), counts included: the Parquet files of the
    /// command line, where no value a report writes is lost.
    #[default]
    Decimal,
    /// Counts as Int64 and amounts ([`CellKey::is_amount`]) as DECIMAL(38, 6): the
    /// types an analyst wants (pandas' nullable `Int64`). A count that is not a whole
    /// number, or does not fit 64 bits, is null here, as text is; the tidy table keeps
    /// it exactly.
    ///
    /// [`CellKey::is_amount`]: https://docs.rs/zfxxgk-model/latest/zfxxgk_model/struct.CellKey.html#method.is_amount
    Typed,
}

impl WideColumns {
    fn is_int(self, key: CellKey) -> bool {
        self == WideColumns::Typed && !key.is_amount()
    }
}

/// The Arrow schema of the wide table: `source` (utf8), `body` (utf8), `year`
/// (uint16), `edition` (utf8, `2019` or `2021`), `encoding` (utf8), then one column
/// per canonical key of both editions, typed as `columns` says; the columns of the
/// wide CSV, in its order.
pub fn wide_schema_of(columns: WideColumns) -> SchemaRef {
    let mut fields = vec![
        Field::new(META_COLUMNS[0], DataType::Utf8, false),
        Field::new(META_COLUMNS[1], DataType::Utf8, true),
        Field::new(META_COLUMNS[2], DataType::UInt16, true),
        Field::new(META_COLUMNS[3], DataType::Utf8, true),
        Field::new(META_COLUMNS[4], DataType::Utf8, true),
    ];
    fields.extend(CellKey::all().map(|k| {
        let ty = if columns.is_int(k) {
            DataType::Int64
        } else {
            decimal_type()
        };
        Field::new(k.as_str(), ty, true)
    }));
    Arc::new(Schema::new(fields))
}

/// The Arrow schema of the wide Parquet table: [`wide_schema_of`] with every cell
/// column DECIMAL(38, 6).
pub fn wide_schema() -> SchemaRef {
    wide_schema_of(WideColumns::Decimal)
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

/// One cell column of the wide table being built.
enum CellColumn {
    Decimal(Decimal128Builder),
    Int(Int64Builder),
}

/// One cell's value, checked, before anything of its report is appended.
enum CellValue {
    Decimal(Option<i128>),
    Int(Option<i64>),
}

/// Builds the wide table, one row per report, into Arrow record batches.
///
/// ```
/// use zfxxgk_export::{WideBatchBuilder, WideColumns};
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), zfxxgk_export::Error> {
/// let mut rows = WideBatchBuilder::new(WideColumns::Typed)?;
/// rows.append("a.txt", &Report::default())?;
/// let batch = rows.finish()?;
/// assert_eq!(batch.num_rows(), 1);
/// assert_eq!(batch.schema().field(5).name(), "t2.regulations.made");
/// # Ok(())
/// # }
/// ```
pub struct WideBatchBuilder {
    schema: SchemaRef,
    keys: Vec<CellKey>,
    text: [StringBuilder; 4],
    year: UInt16Builder,
    cells: Vec<CellColumn>,
    rows: usize,
}

impl std::fmt::Debug for WideBatchBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WideBatchBuilder")
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl WideBatchBuilder {
    /// An empty builder of the wide table with its cell columns typed as `columns` says.
    ///
    /// # Errors
    ///
    /// [`Error::Arrow`] when a decimal column cannot be set up.
    pub fn new(columns: WideColumns) -> Result<WideBatchBuilder> {
        let keys: Vec<CellKey> = CellKey::all().collect();
        let cells = keys
            .iter()
            .map(|&k| {
                Ok(if columns.is_int(k) {
                    CellColumn::Int(Int64Builder::new())
                } else {
                    CellColumn::Decimal(decimal_builder(0)?)
                })
            })
            .collect::<Result<_>>()?;
        Ok(WideBatchBuilder {
            schema: wide_schema_of(columns),
            keys,
            text: Default::default(),
            year: UInt16Builder::new(),
            cells,
            rows: 0,
        })
    }

    /// The schema of the batches built.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Rows appended since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row was appended since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends the row of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`] naming `source` and the key when a number that goes in a
    /// decimal column has more than six decimal places; nothing of the report is
    /// appended then.
    pub fn append(&mut self, source: &str, report: &Report) -> Result<()> {
        let mut values = Vec::with_capacity(self.keys.len());
        for (&key, column) in self.keys.iter().zip(&self.cells) {
            let number = report.cell(key).and_then(|c| match &c.value {
                Value::Number(n) => Some(n),
                _ => None,
            });
            values.push(match column {
                CellColumn::Int(_) => CellValue::Int(number.and_then(|n| n.as_i64())),
                CellColumn::Decimal(_) => CellValue::Decimal(
                    number
                        .map(|n| scaled_or_error(source, key, n.value))
                        .transpose()?,
                ),
            });
        }
        let m = &report.meta;
        let [source_b, body_b, edition_b, encoding_b] = &mut self.text;
        source_b.append_value(source);
        body_b.append_option(m.body.as_deref());
        edition_b.append_option(m.edition.map(|e| e.as_str()));
        encoding_b.append_option(m.encoding.as_deref());
        self.year.append_option(m.year);
        for (column, value) in self.cells.iter_mut().zip(values) {
            match (column, value) {
                (CellColumn::Int(b), CellValue::Int(v)) => b.append_option(v),
                (CellColumn::Decimal(b), CellValue::Decimal(v)) => b.append_option(v),
                (CellColumn::Int(b), CellValue::Decimal(_)) => b.append_null(),
                (CellColumn::Decimal(b), CellValue::Int(_)) => b.append_null(),
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// The rows appended so far as one batch (possibly empty); the builder is empty
    /// again afterwards.
    ///
    /// # Errors
    ///
    /// [`Error::Arrow`] if the columns do not fit the schema.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        let [source, body, edition, encoding] = &mut self.text;
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(source.finish()),
            Arc::new(body.finish()),
            Arc::new(self.year.finish()),
            Arc::new(edition.finish()),
            Arc::new(encoding.finish()),
        ];
        for column in &mut self.cells {
            columns.push(match column {
                CellColumn::Int(b) => Arc::new(b.finish()),
                CellColumn::Decimal(b) => Arc::new(
                    b.finish()
                        .with_precision_and_scale(DECIMAL_PRECISION, DECIMAL_SCALE)?,
                ),
            });
        }
        self.rows = 0;
        Ok(RecordBatch::try_new(self.schema.clone(), columns)?)
    }
}

/// Builds the tidy table, one row per cell each report contains, in key order, into
/// Arrow record batches.
///
/// `value` is exactly the `value` of the tidy CSV; `number` holds it as
/// DECIMAL(38, 6) when it is a number, so sums need no casting.
pub struct TidyBatchBuilder {
    schema: SchemaRef,
    source: StringBuilder,
    key: StringBuilder,
    value: StringBuilder,
    kind: StringBuilder,
    number: Decimal128Builder,
    unit: StringBuilder,
    rows: usize,
    /// The value being written, reused from cell to cell.
    buf: String,
}

impl std::fmt::Debug for TidyBatchBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TidyBatchBuilder")
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl TidyBatchBuilder {
    /// An empty builder of the tidy table.
    ///
    /// # Errors
    ///
    /// [`Error::Arrow`] when the decimal column cannot be set up.
    pub fn new() -> Result<TidyBatchBuilder> {
        Ok(TidyBatchBuilder {
            schema: tidy_schema(),
            source: StringBuilder::new(),
            key: StringBuilder::new(),
            value: StringBuilder::new(),
            kind: StringBuilder::new(),
            number: decimal_builder(1024)?,
            unit: StringBuilder::new(),
            rows: 0,
            buf: String::new(),
        })
    }

    /// The schema of the batches built.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Rows appended since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row was appended since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends the rows of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`] naming `source` and the key when a number has more than
    /// six decimal places; nothing of the report is appended then.
    pub fn append(&mut self, source: &str, report: &Report) -> Result<()> {
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
            self.buf.clear();
            cell.value.push_normalized(&mut self.buf);
            self.value.append_value(&self.buf);
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
        Ok(())
    }

    /// The rows appended so far as one batch (possibly empty); the builder is empty
    /// again afterwards.
    ///
    /// # Errors
    ///
    /// [`Error::Arrow`] if the columns do not fit the schema.
    pub fn finish(&mut self) -> Result<RecordBatch> {
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
        self.rows = 0;
        Ok(RecordBatch::try_new(self.schema.clone(), columns)?)
    }
}

#[cfg(test)]
mod tests {
    use arrow_array::{Array, Decimal128Array, Int64Array};
    use zfxxgk_model::{Cell, Location, Number, Placement, Table, TableId};

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

    fn cell(key: &str, value: Value) -> Result<Cell, Box<dyn std::error::Error>> {
        Ok(Cell {
            key: key.parse()?,
            raw: value.normalized(),
            value,
            location: Location::default(),
            placement: Placement::Label,
        })
    }

    #[test]
    fn typed_columns_hold_whole_counts_as_int64_and_amounts_as_decimal(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let number = |s: &str| -> Result<Value, Box<dyn std::error::Error>> {
            Ok(Value::Number(Number::new(s.parse()?)))
        };
        let mut report = Report::default();
        report.tables.push(Table {
            id: TableId::T2,
            edition: None,
            location: Location::default(),
            items: Vec::new(),
            cells: vec![
                cell("t2.regulations.made", number("3")?)?,
                cell("t2.regulations.published", number("1.5")?)?,
                cell("t2.procurement.amount", number("81284.86")?)?,
            ],
        });
        let mut rows = WideBatchBuilder::new(WideColumns::Typed)?;
        rows.append("a.txt", &report)?;
        let batch = rows.finish()?;
        let column = |name: &str| batch.column_by_name(name).cloned();
        let made = column("t2.regulations.made").ok_or("no column")?;
        let made = made
            .as_any()
            .downcast_ref::<Int64Array>()
            .ok_or("not int")?;
        assert_eq!(made.value(0), 3);
        // A count with a fraction is not rounded: it is left out of the Int64 column.
        let published = column("t2.regulations.published").ok_or("no column")?;
        assert!(published.is_null(0));
        let amount = column("t2.procurement.amount").ok_or("no column")?;
        let amount = amount
            .as_any()
            .downcast_ref::<Decimal128Array>()
            .ok_or("not decimal")?;
        assert_eq!(amount.value(0), 81_284_860_000);
        assert_eq!(rows.finish()?.num_rows(), 0);
        Ok(())
    }
}
