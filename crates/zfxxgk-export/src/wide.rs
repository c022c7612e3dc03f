//! The wide CSV: one row per report, one column per canonical key.

use std::io::Write;

use zfxxgk_model::{CellKey, Report};

use crate::{Error, Result};

/// The columns before the cell columns of the wide table, in order.
pub const META_COLUMNS: [&str; 5] = ["source", "body", "year", "edition", "encoding"];

/// The header of the wide table: [`META_COLUMNS`], then every canonical key of both
/// editions in REPORT_FORMAT.md order ([`CellKey::all`]).
pub fn wide_header() -> Vec<&'static str> {
    META_COLUMNS
        .iter()
        .copied()
        .chain(CellKey::all().map(CellKey::as_str))
        .collect()
}

/// The metadata fields of a wide row, as strings (empty when the report does not say).
pub(crate) fn meta_fields(report: &Report) -> [String; 4] {
    let m = &report.meta;
    [
        m.body.clone().unwrap_or_default(),
        m.year.map(|y| y.to_string()).unwrap_or_default(),
        m.edition.map(|e| e.as_str().to_owned()).unwrap_or_default(),
        m.encoding.clone().unwrap_or_default(),
    ]
}

/// Writes the wide CSV as reports come: the header once, then one row per report.
///
/// A row holds the source, body, year, edition and encoding, then for every canonical
/// key of both editions the cell's [`normalized`] value. A cell the report does not
/// have, and a blank cell, are both empty; the tidy table tells them apart.
///
/// [`normalized`]: https://docs.rs/zfxxgk-model/latest/zfxxgk_model/enum.Value.html#method.normalized
///
/// ```
/// use zfxxgk_export::WideCsvWriter;
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), zfxxgk_export::Error> {
/// let mut out = WideCsvWriter::new(Vec::new());
/// out.write("a.txt", &Report::default())?;
/// let csv = String::from_utf8(out.finish()?).unwrap_or_default();
/// assert!(csv.starts_with("source,body,year,edition,encoding,t2.regulations.made,"));
/// assert_eq!(csv.lines().count(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct WideCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    wrote_header: bool,
    keys: Vec<CellKey>,
}

impl<W: Write> WideCsvWriter<W> {
    /// A writer that writes to `writer`.
    pub fn new(writer: W) -> WideCsvWriter<W> {
        WideCsvWriter {
            csv: csv::Writer::from_writer(writer),
            wrote_header: false,
            keys: CellKey::all().collect(),
        }
    }

    fn header(&mut self) -> Result<()> {
        crate::error::header_once(&mut self.csv, &mut self.wrote_header, wide_header())
    }

    /// The same writer for output that already has its header: rows only. For
    /// reports encoded apart (on several threads, say) and joined in order after one
    /// header.
    pub fn without_header(mut self) -> WideCsvWriter<W> {
        self.wrote_header = true;
        self
    }

    /// Writes the row of `report`, read from `source` (and the header first, once).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] naming `source` when the writer fails.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        self.header()?;
        let mut row: Vec<String> = Vec::with_capacity(META_COLUMNS.len() + self.keys.len());
        row.push(source.to_owned());
        row.extend(meta_fields(report));
        row.extend(self.keys.iter().map(|&k| {
            report
                .cell(k)
                .map(|c| c.value.normalized())
                .unwrap_or_default()
        }));
        self.csv.write_record(&row).map_err(|error| Error::Csv {
            source_name: source.to_owned(),
            error,
        })
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
