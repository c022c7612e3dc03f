//! Findings of the validation rules, as CSV and as JSON.

use std::io::Write;

use serde::Serialize;
use zfxxgk_model::{Finding, Lang};

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

/// What `zfxxgk check --format json` writes: every finding of every report, each
/// with the report it is about.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Findings"))]
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
pub fn write_findings_json<'a, W, I>(mut writer: W, findings: I, style: JsonStyle) -> Result<()>
where
    W: Write,
    I: IntoIterator<Item = (&'a str, &'a Finding)>,
{
    let doc = FindingsDoc {
        findings: findings
            .into_iter()
            .map(|(source, finding)| FindingOut { source, finding })
            .collect(),
    };
    let written = match style {
        JsonStyle::Pretty => serde_json::to_writer_pretty(&mut writer, &doc),
        JsonStyle::Compact => serde_json::to_writer(&mut writer, &doc),
    };
    written.map_err(|error| {
        if error.is_io() {
            Error::Io(error.into())
        } else {
            Error::JsonWrite {
                source_name: "findings".to_owned(),
                error,
            }
        }
    })?;
    writer.write_all(b"\n")?;
    writer.flush()?;
    Ok(())
}
