//! `zfxxgk.check` and the `Finding` it gives.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use zfxxgk::model::Lang;

use crate::report::{with_report, Report};

/// A place a finding points at: the cell's key (`None` for a heading or a sentence),
/// the text there as read, and its 1-based line and column.
type Place = (Option<&'static str>, String, u32, u32);

/// The places of `finding` in `text`, the text its report was read from.
///
/// This is the one place that knows how a `zfxxgk_model::Finding` names its places:
/// today `keys[i]` stands at `spans[i]`, and the spans after the keys are headings or
/// sentences with no key.
fn places(finding: &zfxxgk::Finding, text: &str) -> Vec<Place> {
    let keys = finding.keys.iter().map(|k| Some(k.as_str()));
    let keys = keys.chain(std::iter::repeat(None));
    finding
        .spans
        .iter()
        .zip(keys)
        .map(|(span, key)| {
            let read = text.get(span.range()).unwrap_or_default().to_owned();
            (key, read, span.line, span.column)
        })
        .collect()
}

fn lang(lang: &str) -> PyResult<Lang> {
    match lang {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(PyValueError::new_err(format!(
            "lang must be \"zh\" or \"en\", not {other:?}"
        ))),
    }
}

/// What a validation rule (RULES.md) found in a report.
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct Finding {
    /// The report it is about (`Report.name`).
    source: String,
    /// The rule's ID (`T301`).
    rule: String,
    /// `error`, `warning` or `info`.
    severity: &'static str,
    /// The message, in the language asked for.
    message: String,
    /// The value the rule expected, if it computes one.
    expected: Option<String>,
    /// The value the report has, if the rule names one.
    actual: Option<String>,
    /// The canonical keys of the cells it names, in order.
    keys: Vec<&'static str>,
    /// Where it points: `(key, text as read, line, column)`, the cells first, then
    /// headings or sentences (key `None`).
    places: Vec<Place>,
    /// The cell most likely to hold the typo, when the rule can tell.
    culprit: Option<&'static str>,
    /// Further remarks (`空白按0计 | blank counted as 0`).
    notes: Vec<String>,
}

impl Finding {
    fn new(source: &str, f: &zfxxgk::Finding, text: &str, lang: Lang) -> Finding {
        Finding {
            source: source.to_owned(),
            rule: f.rule.clone(),
            severity: f.severity.as_str(),
            message: f.message(lang).to_owned(),
            expected: f.expected.clone(),
            actual: f.actual.clone(),
            keys: f.keys.iter().map(|k| k.as_str()).collect(),
            places: places(f, text),
            culprit: f.culprit.map(|k| k.as_str()),
            notes: f.notes.clone(),
        }
    }
}

#[pymethods]
impl Finding {
    fn __repr__(&self) -> String {
        let at = self
            .places
            .first()
            .map(|p| format!(" at {}:{}", p.2, p.3))
            .unwrap_or_default();
        format!(
            "<zfxxgk.Finding {}[{}] {:?}{at}>",
            self.severity, self.rule, self.message
        )
    }
}

/// Checks a report against every rule of RULES.md and returns what they found.
///
/// `report` is a `Report` from `read`, or anything `read` accepts (then it is read
/// first, and `ReadError` raised as `read` raises it). `lang` is the language of the
/// messages, `"zh"` or `"en"`.
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
            .map(|f| Finding::new(&r.name, f, &r.doc.text, lang))
            .collect()
    })
}
