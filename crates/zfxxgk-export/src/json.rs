//! JSON (one report) and JSON Lines (one `{"source", "report"}` object a line).

use std::io::{BufRead, Read, Write};

use serde::{Deserialize, Serialize};
use zfxxgk_model::Report;

use crate::array::{self, Array};
use crate::{Error, Result};

/// How to lay out JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JsonStyle {
    /// Indented by two spaces, one field a line, for people and diffs.
    #[default]
    Pretty,
    /// No whitespace at all, for machines.
    Compact,
}

/// A report with the name of the file it was read from: one line of JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcedReport {
    /// Where the report came from (a path or any name the caller chose).
    pub source: String,
    /// The report, with every cell's location.
    pub report: Report,
}

/// The borrowed form of [`SourcedReport`], so that writing needs no clone.
#[derive(Serialize)]
struct SourcedRef<'a> {
    source: &'a str,
    report: &'a Report,
}

fn write_error(source_name: &str, error: serde_json::Error) -> Error {
    if error.is_io() {
        Error::Io(error.into())
    } else {
        Error::JsonWrite {
            source_name: source_name.to_owned(),
            error,
        }
    }
}

/// Writes one report as a JSON document: the full model, every cell with its value, raw
/// text and location, followed by a newline.
///
/// # Errors
///
/// [`Error::Io`] when the writer fails.
pub fn write_json<W: Write>(mut writer: W, report: &Report, style: JsonStyle) -> Result<()> {
    let written = match style {
        JsonStyle::Pretty => serde_json::to_writer_pretty(&mut writer, report),
        JsonStyle::Compact => serde_json::to_writer(&mut writer, report),
    };
    written.map_err(|e| write_error("report", e))?;
    writer.write_all(b"\n")?;
    writer.flush()?;
    Ok(())
}

/// Reads a report written by [`write_json`].
///
/// # Errors
///
/// [`Error::JsonRead`] with the line and column where the input stops being a report,
/// or [`Error::Io`].
pub fn read_json<R: Read>(mut reader: R) -> Result<Report> {
    // From a slice serde_json tells the line and column where the value went wrong;
    // from a reader it may tell only where it stopped reading.
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    serde_json::from_slice(&bytes).map_err(read_error(0))
}

fn read_error(line_offset: usize) -> impl Fn(serde_json::Error) -> Error {
    move |error| {
        if error.is_io() {
            Error::Io(error.into())
        } else {
            Error::JsonRead {
                line: line_offset + error.line(),
                column: error.column(),
                error,
            }
        }
    }
}

/// Writes reports as JSON Lines, one `{"source": …, "report": …}` object a line, as
/// they come.
///
/// ```
/// use zfxxgk_export::{read_json_lines, JsonLinesWriter};
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), zfxxgk_export::Error> {
/// let mut out = JsonLinesWriter::new(Vec::new());
/// out.write("a.txt", &Report::default())?;
/// out.write("b.txt", &Report::default())?;
/// let bytes = out.finish()?;
/// let back: Vec<_> = read_json_lines(&bytes[..]).collect::<Result<_, _>>()?;
/// assert_eq!(back[1].source, "b.txt");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct JsonLinesWriter<W: Write> {
    writer: W,
}

impl<W: Write> JsonLinesWriter<W> {
    /// A writer that writes to `writer`. Wrap files in a `BufWriter`.
    pub fn new(writer: W) -> JsonLinesWriter<W> {
        JsonLinesWriter { writer }
    }

    /// Writes one line for `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails, [`Error::JsonWrite`] naming `source`.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        serde_json::to_writer(&mut self.writer, &SourcedRef { source, report })
            .map_err(|e| write_error(source, e))?;
        self.writer.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes and hands back the writer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when flushing fails.
    pub fn finish(mut self) -> Result<W> {
        self.writer.flush()?;
        Ok(self.writer)
    }
}

/// Writes reports as one JSON array of `{"source": …, "report": …}` objects (each a
/// [`SourcedReport`], pretty, at the left margin), as they come: `[`, the reports
/// separated by `,` and a line break, `]`.
///
/// A report may also be encoded apart, on the thread that read it, with
/// [`encode_sourced_json`], and copied in order with
/// [`JsonArrayWriter::write_encoded`].
///
/// ```
/// use zfxxgk_export::{encode_sourced_json, JsonArrayWriter, SourcedReport};
/// use zfxxgk_model::Report;
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let mut out = JsonArrayWriter::new(Vec::new())?;
/// out.write("a.txt", &Report::default())?;
/// out.write_encoded(&encode_sourced_json("b.txt", &Report::default())?)?;
/// let back: Vec<SourcedReport> = serde_json::from_slice(&out.finish()?)?;
/// assert_eq!(back[1].source, "b.txt");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct JsonArrayWriter<W: Write> {
    array: Array<W>,
    scratch: Vec<u8>,
}

impl<W: Write> JsonArrayWriter<W> {
    /// A writer that writes to `writer`; the opening `[` is written at once.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn new(writer: W) -> Result<JsonArrayWriter<W>> {
        Ok(JsonArrayWriter {
            array: Array::open(writer, &array::REPORTS)?,
            scratch: Vec::new(),
        })
    }

    /// Writes `report`, read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails, [`Error::JsonWrite`] naming `source`.
    pub fn write(&mut self, source: &str, report: &Report) -> Result<()> {
        self.scratch.clear();
        array::encode(
            &array::REPORTS,
            [SourcedRef { source, report }],
            source,
            &mut self.scratch,
        )?;
        self.array.write_encoded(&self.scratch)
    }

    /// Copies a report as [`encode_sourced_json`] encoded it.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn write_encoded(&mut self, item: &[u8]) -> Result<()> {
        self.array.write_encoded(item)
    }

    /// Writes the closing `]` and a line break, flushes, and hands back the writer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when writing or flushing fails.
    pub fn finish(self) -> Result<W> {
        self.array.finish()
    }
}

/// `report`, read from `source`, as an item of the array that [`JsonArrayWriter`]
/// writes, for [`JsonArrayWriter::write_encoded`].
///
/// # Errors
///
/// [`Error::JsonWrite`] naming `source` when the report cannot be serialized.
pub fn encode_sourced_json(source: &str, report: &Report) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    array::encode(
        &array::REPORTS,
        [SourcedRef { source, report }],
        source,
        &mut out,
    )?;
    Ok(out)
}

/// Reads JSON Lines written by [`JsonLinesWriter`], one report a line; blank lines are
/// skipped.
pub fn read_json_lines<R: BufRead>(reader: R) -> JsonLinesReader<R> {
    JsonLinesReader {
        reader,
        line: 0,
        buf: String::new(),
    }
}

/// The iterator of [`read_json_lines`]: each item is one line's report, or the error of
/// that line (with its line number), after which iteration goes on with the next line.
#[derive(Debug)]
pub struct JsonLinesReader<R> {
    reader: R,
    line: usize,
    buf: String,
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<SourcedReport>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            match self.reader.read_line(&mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::Io(e))),
            }
            self.line += 1;
            if self.buf.trim().is_empty() {
                continue;
            }
            return Some(serde_json::from_str(&self.buf).map_err(read_error(self.line - 1)));
        }
    }
}
