//! `zfxxgk.check` and the `Finding` it gives, with its `Place`s.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use zfxxgk::model::Lang;

use crate::report::{with_report, Report};

fn lang(lang: &str) -> PyResult<Lang> {
    match lang {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(PyValueError::new_err(format!(
            "lang must be \"zh\" or \"en\", not {other:?}"
        ))),
    }
}

/// A place a finding names: a cell (its key, its text as read, where it stands), or a
/// heading or a sentence (a location only).
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct Place {
    /// The cell's canonical key; `None` for a heading or a sentence.
    key: Option<&'static str>,
    /// The cell's text as read (`""` for a blank cell); `None` for a heading or a
    /// sentence, or a cell whose text the rule did not keep.
    value: Option<String>,
    /// 1-based line in `Report.text`, or `None` when the place has no location.
    line: Option<u32>,
    /// 1-based column (in characters), or `None`.
    column: Option<u32>,
    /// Byte offset of its first byte in the UTF-8 text, or `None`.
    start: Option<usize>,
    /// Byte offset one past its last byte, or `None`.
    end: Option<usize>,
}

impl Place {
    fn new(p: &zfxxgk::model::Place) -> Place {
        Place {
            key: p.key.map(|k| k.as_str()),
            value: p.value.clone(),
            line: p.location.map(|l| l.line),
            column: p.location.map(|l| l.column),
            start: p.location.map(|l| l.start),
            end: p.location.map(|l| l.end),
        }
    }
}

#[pymethods]
impl Place {
    fn __repr__(&self) -> String {
        let at = match (self.line, self.column) {
            (Some(l), Some(c)) => format!(" at {l}:{c}"),
            _ => String::new(),
        };
        match (self.key, &self.value) {
            (Some(k), Some(v)) => format!("<zfxxgk.Place {k} = {v:?}{at}>"),
            (Some(k), None) => format!("<zfxxgk.Place {k}{at}>"),
            _ => format!("<zfxxgk.Place{at}>"),
        }
    }
}

/// What a validation rule (RULES.md) found in a report.
#[pyclass(frozen, module = "zfxxgk")]
pub struct Finding {
    /// The finding itself, for `to_dict` and the messages.
    finding: zfxxgk::Finding,
    /// The language `message` and `notes` are in.
    lang: Lang,
    /// The report it is about (`Report.name`).
    #[pyo3(get)]
    source: String,
    /// Where it points: the cells it names, then headings or sentences.
    #[pyo3(get)]
    places: Vec<Py<Place>>,
}

impl Finding {
    fn new(py: Python<'_>, source: &str, f: &zfxxgk::Finding, lang: Lang) -> PyResult<Finding> {
        Ok(Finding {
            places: f
                .places
                .iter()
                .map(|p| Py::new(py, Place::new(p)))
                .collect::<PyResult<_>>()?,
            finding: f.clone(),
            lang,
            source: source.to_owned(),
        })
    }
}

#[pymethods]
impl Finding {
    /// The rule's ID (`T301`).
    #[getter]
    fn rule(&self) -> &str {
        self.finding.rule.as_str()
    }

    /// `error`, `warning` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.finding.severity.as_str()
    }

    /// The message, in the language asked for.
    #[getter]
    fn message(&self) -> &str {
        self.finding.message(self.lang)
    }

    /// The message in Chinese.
    #[getter]
    fn message_zh(&self) -> &str {
        &self.finding.message.zh
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.finding.message.en
    }

    /// The value the rule expected, if it computes one.
    #[getter]
    fn expected(&self) -> Option<&str> {
        self.finding.expected.as_deref()
    }

    /// The value the report has, if the rule names one.
    #[getter]
    fn actual(&self) -> Option<&str> {
        self.finding.actual.as_deref()
    }

    /// The canonical keys of the cells it names, in order.
    #[getter]
    fn keys(&self) -> Vec<&'static str> {
        self.finding.keys().map(|k| k.as_str()).collect()
    }

    /// The cell most likely to hold the typo, when the rule can tell.
    #[getter]
    fn culprit(&self) -> Option<&'static str> {
        self.finding.culprit.map(|k| k.as_str())
    }

    /// Further remarks (`空白按0计`), in the language asked for.
    #[getter]
    fn notes(&self) -> Vec<&str> {
        self.finding
            .notes
            .iter()
            .map(|n| n.get(self.lang))
            .collect()
    }

    /// The finding as `zfxxgk check --format json` writes it (without `source`):
    /// `message` and each note as `{"zh": ..., "en": ...}`, `places` as
    /// `{"key", "value", "location"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_vec(&self.finding)
            .map_err(|e| PyValueError::new_err(format!("{}: {e}", self.source)))?;
        py.import("json")?
            .call_method1("loads", (PyBytes::new(py, &json),))
    }

    fn __repr__(&self) -> String {
        let at = self
            .finding
            .first_location()
            .map(|l| format!(" at {}:{}", l.line, l.column))
            .unwrap_or_default();
        format!(
            "<zfxxgk.Finding {}[{}] {:?}{at}>",
            self.finding.severity,
            self.finding.rule,
            self.message()
        )
    }
}

/// Checks a report against every rule of RULES.md and returns what they found.
///
/// `report` is a `Report` from `read`, or anything `read` accepts (then it is read
/// first, and `ReadError` raised as `read` raises it). `lang` is the language of
/// `Finding.message` and `Finding.notes`, `"zh"` or `"en"`.
#[pyfunction]
#[pyo3(signature = (report, /, *, lang = "zh"))]
pub(crate) fn check(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<Vec<Finding>> {
    let lang = self::lang(lang)?;
    with_report(py, report, |r: &Report| {
        let found = py.detach(|| zfxxgk::check(&r.doc.report));
        found
            .iter()
            .map(|f| Finding::new(py, &r.name, f, lang))
            .collect()
    })?
}
