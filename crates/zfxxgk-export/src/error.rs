use thiserror::Error;

/// What can go wrong while writing or reading an export.
///
/// Problems *in a report* are not errors here: a report with blank, text or missing
/// cells exports as it is. `Err` means the output could not be written, or an input
/// file is not an export of this crate. Where one report is to blame, the variant
/// names its source (`source_name`, the file name the caller gave with the report).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// Writing to or reading from the underlying writer or reader failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A report could not be written as JSON.
    #[error("{source_name}: cannot write JSON: {error}")]
    JsonWrite {
        /// The source the report came from.
        source_name: String,
        /// What serde_json said.
        #[source]
        error: serde_json::Error,
    },
    /// A JSON or JSON Lines input is not a report export.
    ///
    /// `line` is the 1-based line of the JSON Lines input; for a single JSON document
    /// it is the line serde_json stopped at.
    #[error("line {line}, column {column}: not a report export: {error}")]
    JsonRead {
        /// 1-based line of the input.
        line: usize,
        /// 1-based column, as serde_json counts it (0 when it does not tell).
        column: usize,
        /// What serde_json said.
        #[source]
        error: serde_json::Error,
    },
    /// A CSV record could not be written.
    #[error("{source_name}: cannot write CSV: {error}")]
    Csv {
        /// The source whose record failed (`header` for the header line).
        source_name: String,
        /// What the csv crate said.
        #[source]
        error: csv::Error,
    },
    /// A number has more decimal places than the decimal column (Arrow, Parquet)
    /// holds.
    #[cfg(feature = "arrow")]
    #[error(
        "{source_name}: {key} = {value} has more than {max_scale} decimal places, \
         which the Parquet column DECIMAL(38, {max_scale}) cannot hold exactly"
    )]
    DecimalScale {
        /// The source of the report.
        source_name: String,
        /// The cell's canonical key.
        key: String,
        /// The value as normalized.
        value: String,
        /// The scale of the decimal columns.
        max_scale: u32,
    },
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// An Arrow array could not be built.
    #[cfg(feature = "arrow")]
    #[error("cannot build an Arrow batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

/// `Result` with this crate's [`Error`](enum@Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Writes `record` as the header of `csv` unless `wrote` says it was written already.
pub(crate) fn header_once<W, I, T>(
    csv: &mut csv::Writer<W>,
    wrote: &mut bool,
    record: I,
) -> Result<()>
where
    W: std::io::Write,
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    if !*wrote {
        csv.write_record(record).map_err(|error| Error::Csv {
            source_name: "header".to_owned(),
            error,
        })?;
        *wrote = true;
    }
    Ok(())
}
