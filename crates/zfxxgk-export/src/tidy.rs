//! The tidy CSV: the "facts" format of REPORT_FORMAT.md.

use std::io::Write;

use zfxxgk_model::Report;

use crate::{Error, Result};

/// Writes the tidy facts of REPORT_FORMAT.md as reports come: a header, then one line
/// `source,key,value` per cell each report contains, in key order.
///
/// The value is the normalized number, the empty string for a blank cell, or the text
/// as written; a cell the report does not contain has no line. Fields are quoted by
/// the csv crate only when they must be (a comma, quote or line break).
///
/// ```
/// use zfxxgk_export::TidyCsvWriter;
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), zfxxgk_export::Error> {
/// let mut out = TidyCsvWriter::new(Vec::new());
/// out.write("a.txt", &Report::default())?;
/// assert_eq!(out.finish()?, b"source,key,value\n");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct TidyCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    with_source: bool,
    wrote_header: bool,
    /// The value being written, reused from cell to cell.
    value: String,
}

impl<W: Write> TidyCsvWriter<W> {
    /// A writer of `source,key,value` lines.
    pub fn new(writer: W) -> TidyCsvWriter<W> {
        TidyCsvWriter {
            csv: csv::Writer::from_writer(writer),
            with_source: true,
            wrote_header: false,
            value: String::new(),
        }
    }

    /// A writer of `key,value` lines, without the source: the form of the corpus's
    /// `expected/NAME.csv` files, one file per report.
    pub fn keys_only(writer: W) -> TidyCsvWriter<W> {
        TidyCsvWriter {
            with_source: false,
            ..TidyCsvWriter::new(writer)
        }
    }

    fn record(&mut self, source: &str, key: &str, value: &str) -> Result<()> {
        let written = if self.with_source {
            self.csv.write_record([source, key, value])
        } else {
            self.csv.write_record([key, value])
        };
        written.map_err(|error| Error::Csv {
            source_name: source.to_owned(),
            error,
        })
    }

    fn header(&mut self) -> Result<()> {
        let record: &[&str] = if self.with_source {
            &["source", "key", "value"]
        } else {
            &["key", "value"]
        };
        crate::error::header_once(&mut self.csv, &mut self.wrote_header, record)
    }

    /// The same writer for output that already has its header: rows only. For
    /// reports encoded apart (on several threads, say) and joined in order after one
    /// header.
    pub fn without_header(mut self) -> TidyCsvWriter<W> {
        self.wrote_header = true;
        self
    }

    /// Writes the lines of `report`, read from `source` (and the header first, once).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] naming `source` when the writer fails.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        self.header()?;
        let mut value = std::mem::take(&mut self.value);
        for cell in report.cells() {
            value.clear();
            cell.value.push_normalized(&mut value);
            self.record(source, cell.key.as_str(), &value)?;
        }
        self.value = value;
        Ok(())
    }

    /// Writes the header if no report came, flushes, and hands back the writer.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] or [`Error::Io`] when writing or flushing fails.
    pub fn finish(mut self) -> Result<W> {
        self.header()?;
        self.csv.flush()?;
        self.csv.into_inner().map_err(|e| Error::Io(e.into_error()))
    }
}
