//! Findings of the validation rules, as CSV and as JSON.

use std::io::Write;

use serde::Serialize;
use zfxxgk_model::{CellKey, Finding, Lang, Location, Severity};

use crate::array::{self, Array, Frame};
use crate::{Error, JsonStyle, Result};

/// The header of the findings CSV.
pub const FINDINGS_CSV_HEADER: [&str; 9] = [
    "source", "rule", "severity", "keys", "expected", "actual", "line", "column", "message",
];

/// Writes findings as CSV, one line per finding, as they come.
///
/// Columns: `source,rule,severity,keys,expected,actual,line,column,message`. `keys`
/// joins the cell keys with `;`; `line` and `column` are those of the finding's first
/// span (empty when it has none); `message` is in the language asked for.
#[derive(Debug)]
pub struct FindingsCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    lang: Lang,
    wrote_header: bool,
}

impl<W: Write> FindingsCsvWriter<W> {
    /// A writer that writes to `writer`, messages in `lang`.
    pub fn new(writer: W, lang: Lang) -> FindingsCsvWriter<W> {
        FindingsCsvWriter {
            csv: csv::Writer::from_writer(writer),
            lang,
            wrote_header: false,
        }
    }

    /// The writer, writing no header: for the rows of one report encoded apart (on
    /// another thread, say) and copied after a header written once.
    pub fn without_header(mut self) -> FindingsCsvWriter<W> {
        self.wrote_header = true;
        self
    }

    fn header(&mut self) -> Result<()> {
        crate::error::header_once(&mut self.csv, &mut self.wrote_header, FINDINGS_CSV_HEADER)
    }

    /// Writes the findings of the report read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] naming `source` when the writer fails.
    pub fn write(&mut self, source: &str, findings: &[Finding]) -> Result<()> {
        self.header()?;
        for f in findings {
            let keys: Vec<&str> = f.keys.iter().map(|k| k.as_str()).collect();
            let first = f.spans.first();
            let record = [
                source,
                &f.rule,
                f.severity.as_str(),
                &keys.join(";"),
                f.expected.as_deref().unwrap_or(""),
                f.actual.as_deref().unwrap_or(""),
                &first.map(|s| s.line.to_string()).unwrap_or_default(),
                &first.map(|s| s.column.to_string()).unwrap_or_default(),
                f.message(self.lang),
            ];
            self.csv.write_record(record).map_err(|error| Error::Csv {
                source_name: source.to_owned(),
                error,
            })?;
        }
        Ok(())
    }

    /// Writes the header if nothing came, flushes, and hands back the writer.
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

/// Writes findings as one JSON object `{"findings": [...]}`, followed by a newline.
///
/// Each finding has `source`, `rule`, `severity` (`error`, `warning`, `info`),
/// `message` in `lang`, `keys`, `expected` and `actual` (`null` when the rule has
/// none), `spans` (each `{start, end, line, column}`), `culprit` and `notes`.
///
/// ```
/// use zfxxgk_export::{write_findings_json, JsonStyle, Lang};
/// use zfxxgk_model::{Finding, Severity};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let f = Finding {
///     rule: "T301".into(),
///     severity: Severity::Error,
///     message_zh: "总计不等于各项之和".into(),
///     message_en: "total is not the sum of its parts".into(),
///     keys: vec!["t3.granted.total".parse()?],
///     expected: Some("12".into()),
///     actual: Some("13".into()),
///     spans: vec![],
///     culprit: None,
///     notes: vec![],
/// };
/// let mut out = Vec::new();
/// write_findings_json(&mut out, [("a.txt", &f)], Lang::En, JsonStyle::Compact)?;
/// let json: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!(json["findings"][0]["message"], "total is not the sum of its parts");
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// [`Error::Io`] when the writer fails.
pub fn write_findings_json<'a, W, I>(
    writer: W,
    findings: I,
    lang: Lang,
    style: JsonStyle,
) -> Result<()>
where
    W: Write,
    I: IntoIterator<Item = (&'a str, &'a Finding)>,
{
    let mut out = FindingsJsonWriter::new(writer, lang, style)?;
    for (source, f) in findings {
        out.write(source, std::slice::from_ref(f))?;
    }
    out.finish()?;
    Ok(())
}

#[derive(Serialize)]
struct FindingOut<'a> {
    source: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    keys: &'a [CellKey],
    expected: Option<&'a str>,
    actual: Option<&'a str>,
    spans: &'a [Location],
    culprit: Option<CellKey>,
    notes: &'a [String],
}

impl<'a> FindingOut<'a> {
    fn new(source: &'a str, f: &'a Finding, lang: Lang) -> FindingOut<'a> {
        FindingOut {
            source,
            rule: &f.rule,
            severity: f.severity,
            message: f.message(lang),
            keys: &f.keys,
            expected: f.expected.as_deref(),
            actual: f.actual.as_deref(),
            spans: &f.spans,
            culprit: f.culprit,
            notes: &f.notes,
        }
    }
}

fn frame(style: JsonStyle) -> &'static Frame {
    match style {
        JsonStyle::Pretty => &array::FINDINGS_PRETTY,
        JsonStyle::Compact => &array::FINDINGS_COMPACT,
    }
}

/// Writes findings as one JSON object `{"findings": [...]}`, report by report as they
/// come, in the shape and bytes of [`write_findings_json`].
///
/// The findings of a report may also be encoded apart, on the thread that checked it,
/// with [`encode_findings_json`], and copied in order with
/// [`FindingsJsonWriter::write_encoded`]: memory stays flat whatever the number of
/// reports.
///
/// ```
/// use zfxxgk_export::{encode_findings_json, FindingsJsonWriter, JsonStyle, Lang};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let f = zfxxgk_model::Finding {
/// #     rule: "T301".into(), severity: zfxxgk_model::Severity::Error,
/// #     message_zh: "总计不等于各项之和".into(), message_en: "total is not the sum".into(),
/// #     keys: vec![], expected: None, actual: None, spans: vec![], culprit: None, notes: vec![],
/// # };
/// let items = encode_findings_json("b.txt", &[f.clone()], Lang::En, JsonStyle::Compact)?;
/// let mut out = FindingsJsonWriter::new(Vec::new(), Lang::En, JsonStyle::Compact)?;
/// out.write("a.txt", &[f])?;
/// out.write_encoded(&items)?;
/// let json: serde_json::Value = serde_json::from_slice(&out.finish()?)?;
/// assert_eq!(json["findings"][1]["source"], "b.txt");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct FindingsJsonWriter<W: Write> {
    array: Array<W>,
    lang: Lang,
    /// The last report's items, encoded.
    scratch: Vec<u8>,
}

impl<W: Write> FindingsJsonWriter<W> {
    /// A writer that writes to `writer`, messages in `lang`, laid out in `style`; the
    /// opening `{"findings": [` is written at once.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn new(writer: W, lang: Lang, style: JsonStyle) -> Result<FindingsJsonWriter<W>> {
        Ok(FindingsJsonWriter {
            array: Array::open(writer, frame(style))?,
            lang,
            scratch: Vec::new(),
        })
    }

    /// Writes the findings of the report read from `source`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn write(&mut self, source: &str, findings: &[Finding]) -> Result<()> {
        self.scratch.clear();
        let lang = self.lang;
        array::encode(
            self.array.frame(),
            findings.iter().map(|f| FindingOut::new(source, f, lang)),
            source,
            &mut self.scratch,
        )?;
        self.array.write_encoded(&self.scratch)
    }

    /// Copies the findings of a report as [`encode_findings_json`] encoded them, with
    /// the writer's language and style.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn write_encoded(&mut self, items: &[u8]) -> Result<()> {
        self.array.write_encoded(items)
    }

    /// Writes the closing `]}` and a line break, flushes, and hands back the writer.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when writing or flushing fails.
    pub fn finish(self) -> Result<W> {
        self.array.finish()
    }
}

/// The findings of the report read from `source` as items of the `findings` array,
/// for [`FindingsJsonWriter::write_encoded`] of a writer with the same `lang` and
/// `style`; empty when there are none.
///
/// # Errors
///
/// [`Error::JsonWrite`] naming `source` when a finding cannot be serialized.
pub fn encode_findings_json(
    source: &str,
    findings: &[Finding],
    lang: Lang,
    style: JsonStyle,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    array::encode(
        frame(style),
        findings.iter().map(|f| FindingOut::new(source, f, lang)),
        source,
        &mut out,
    )?;
    Ok(out)
}
