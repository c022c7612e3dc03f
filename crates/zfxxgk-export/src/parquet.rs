//! Parquet output of the wide and the tidy table (feature `parquet`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use zfxxgk_model::Report;

use crate::{Result, TidyBatchBuilder, WideBatchBuilder, WideColumns};

/// Reports buffered before a batch goes to the Parquet writer.
const WIDE_BATCH: usize = 1024;
/// Tidy rows buffered before a batch goes to the Parquet writer.
const TIDY_BATCH: usize = 64 * 1024;

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build()
}

/// Writes the wide table as Parquet, one row per report, as reports come.
///
/// Every cell column is DECIMAL(38, 6): exact, as the model's `Decimal` is, and read
/// as a number by DuckDB, pandas (through pyarrow) and Spark. A cell that is blank,
/// text, or not in the report is null here; the tidy table keeps the difference.
pub struct WideParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    rows: WideBatchBuilder,
}

impl<W: Write + Send> std::fmt::Debug for WideParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WideParquetWriter")
            .field("buffered_rows", &self.rows.len())
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> WideParquetWriter<W> {
    /// A writer that writes a Parquet file to `writer` (snappy-compressed).
    ///
    /// # Errors
    ///
    /// [`Error::Parquet`](crate::Error::Parquet) when the writer cannot be set up.
    pub fn new(writer: W) -> Result<WideParquetWriter<W>> {
        let rows = WideBatchBuilder::new(WideColumns::Decimal)?;
        Ok(WideParquetWriter {
            writer: ArrowWriter::try_new(writer, rows.schema(), Some(properties()))?,
            rows,
        })
    }

    /// Adds the row of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`](crate::Error::DecimalScale) naming `source` and the key
    /// when a number has more than six decimal places (nothing of the report is written
    /// then); Parquet errors.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        self.rows.append(source, report)?;
        if self.rows.len() >= WIDE_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if !self.rows.is_empty() {
            self.writer.write(&self.rows.finish()?)?;
        }
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
    rows: TidyBatchBuilder,
}

impl<W: Write + Send> std::fmt::Debug for TidyParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TidyParquetWriter")
            .field("buffered_rows", &self.rows.len())
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> TidyParquetWriter<W> {
    /// A writer that writes a Parquet file to `writer` (snappy-compressed).
    ///
    /// # Errors
    ///
    /// [`Error::Parquet`](crate::Error::Parquet) when the writer cannot be set up.
    pub fn new(writer: W) -> Result<TidyParquetWriter<W>> {
        let rows = TidyBatchBuilder::new()?;
        Ok(TidyParquetWriter {
            writer: ArrowWriter::try_new(writer, rows.schema(), Some(properties()))?,
            rows,
        })
    }

    /// Adds the rows of `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::DecimalScale`](crate::Error::DecimalScale) naming `source` and the key
    /// when a number has more than six decimal places (nothing of the report is written
    /// then); Parquet errors.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        self.rows.append(source, report)?;
        if self.rows.len() >= TIDY_BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<()> {
        if !self.rows.is_empty() {
            self.writer.write(&self.rows.finish()?)?;
        }
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
    /// [`Error::Io`](crate::Error::Io) when the folder or a file cannot be created.
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
