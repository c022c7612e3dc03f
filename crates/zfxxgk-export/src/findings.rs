//! Findings of the validation rules, as CSV and as JSON.

use std::io::Write;

use serde::Serialize;
use zfxxgk_model::{Finding, Lang};

use crate::array::{self, Array, Frame};
use crate::{Error, JsonStyle, Result};

/// The header of the findings CSV.
pub const FINDINGS_CSV_HEADER: [&str; 12] = [
    "source", "rule", "severity", "keys", "expected", "actual", "line", "column", "message",
    "values", "culprit", "notes",
];

/// Writes findings as CSV, one line per finding, as they come.
///
/// Columns: `source,rule,severity,keys,expected,actual,line,column,message,values,
/// culprit,notes`. `keys` joins the cell keys with `;`; `values` their texts as read,
/// in the same order (empty for a blank cell or a text the rule did not keep; a
/// `;` or `\` within a text is written `\;` or `\\`); `line` and `column` are those
/// of the finding's first span (empty when it has none); `culprit` is the key of the
/// cell most likely wrong, if the rule names one; `message` and `notes` (one a line)
/// are in the language asked for.
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
            let keys: Vec<&str> = f.keys().map(|k| k.as_str()).collect();
            let values: Vec<String> = f
                .places
                .iter()
                .filter(|p| p.key.is_some())
                .map(|p| escape_value(p.value.as_deref().unwrap_or("")))
                .collect();
            let notes: Vec<&str> = f.notes.iter().map(|n| n.get(self.lang)).collect();
            let first = f.first_location();
            let record = [
                source,
                f.rule.as_str(),
                f.severity.as_str(),
                &keys.join(";"),
                f.expected.as_deref().unwrap_or(""),
                f.actual.as_deref().unwrap_or(""),
                &first.map(|s| s.line.to_string()).unwrap_or_default(),
                &first.map(|s| s.column.to_string()).unwrap_or_default(),
                f.message(self.lang),
                &values.join(";"),
                f.culprit.map_or("", |k| k.as_str()),
                &notes.join("\n"),
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

/// A cell's text in the `values` column: `;` and `\` escaped with a `\`.
fn escape_value(text: &str) -> String {
    if !text.contains([';', '\\']) {
        return text.to_owned();
    }
    text.replace('\\', "\\\\").replace(';', "\\;")
}

/// Writes findings as one JSON object `{"findings": [...]}`, followed by a newline.
///
/// Each finding has `source`, then the fields of [`Finding`] as it serializes:
/// `rule`, `severity` (`error`, `warning`, `info`), `message` (`{"zh", "en"}`),
/// `places` (each `{key, value, location}`, `null` where a place has none),
/// `expected`, `actual` and `culprit` (`null` when the rule has none) and `notes`
/// (each `{"zh", "en"}`). `schema/findings.schema.json` is its JSON Schema.
///
/// ```
/// use zfxxgk_export::{write_findings_json, JsonStyle};
/// use zfxxgk_model::{Finding, Place, RuleId, Severity, Text};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let f = Finding {
///     rule: RuleId::T301,
///     severity: Severity::Error,
///     message: Text::new("总计不等于各项之和", "total is not the sum of its parts"),
///     places: vec![Place::cell("t3.granted.total".parse()?, "13", None)],
///     expected: Some("12".into()),
///     actual: Some("13".into()),
///     culprit: None,
///     notes: vec![],
/// };
/// let mut out = Vec::new();
/// write_findings_json(&mut out, [("a.txt", &f)], JsonStyle::Compact)?;
/// let json: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!(json["findings"][0]["source"], "a.txt");
/// assert_eq!(json["findings"][0]["message"]["en"], "total is not the sum of its parts");
/// assert_eq!(json["findings"][0]["places"][0]["value"], "13");
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// [`Error::Io`] when the writer fails.
pub fn write_findings_json<'a, W, I>(writer: W, findings: I, style: JsonStyle) -> Result<()>
where
    W: Write,
    I: IntoIterator<Item = (&'a str, &'a Finding)>,
{
    let mut out = FindingsJsonWriter::new(writer, style)?;
    for (source, f) in findings {
        out.write(source, std::slice::from_ref(f))?;
    }
    out.finish()?;
    Ok(())
}

/// What `zfxxgk check --format json` writes: every finding of every report, each
/// with the report it is about.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[schemars(rename = "Findings")]
#[allow(dead_code)] // Only its schema is used: the writers frame the array themselves.
pub(crate) struct FindingsDoc<'a> {
    /// The findings, report by report.
    findings: Vec<FindingOut<'a>>,
}

/// A [`Finding`] and the report it is about: `source`, then the finding's fields.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "SourcedFinding"))]
struct FindingOut<'a> {
    /// The report it is about, as named on the command line.
    source: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
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
/// use zfxxgk_export::{encode_findings_json, FindingsJsonWriter, JsonStyle};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let f = zfxxgk_model::Finding {
/// #     rule: zfxxgk_model::RuleId::T301, severity: zfxxgk_model::Severity::Error,
/// #     message: zfxxgk_model::Text::new("总计不等于各项之和", "total is not the sum"),
/// #     places: vec![], expected: None, actual: None, culprit: None, notes: vec![],
/// # };
/// let items = encode_findings_json("b.txt", &[f.clone()], JsonStyle::Compact)?;
/// let mut out = FindingsJsonWriter::new(Vec::new(), JsonStyle::Compact)?;
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
    /// The last report's items, encoded.
    scratch: Vec<u8>,
}

impl<W: Write> FindingsJsonWriter<W> {
    /// A writer that writes to `writer` (messages and notes in both languages), laid
    /// out in `style`; the opening `{"findings": [` is written at once.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the writer fails.
    pub fn new(writer: W, style: JsonStyle) -> Result<FindingsJsonWriter<W>> {
        Ok(FindingsJsonWriter {
            array: Array::open(writer, frame(style))?,
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
        array::encode(
            self.array.frame(),
            findings
                .iter()
                .map(|finding| FindingOut { source, finding }),
            source,
            &mut self.scratch,
        )?;
        self.array.write_encoded(&self.scratch)
    }

    /// Copies the findings of a report as [`encode_findings_json`] encoded them, with
    /// the writer's style.
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
/// for [`FindingsJsonWriter::write_encoded`] of a writer with the same `style`; empty
/// when there are none.
///
/// # Errors
///
/// [`Error::JsonWrite`] naming `source` when a finding cannot be serialized.
pub fn encode_findings_json(
    source: &str,
    findings: &[Finding],
    style: JsonStyle,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    array::encode(
        frame(style),
        findings
            .iter()
            .map(|finding| FindingOut { source, finding }),
        source,
        &mut out,
    )?;
    Ok(out)
}
