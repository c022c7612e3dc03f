//! `zfxxgk.diff` and the `Diff` it gives: `zfxxgk_rules::diff` of two reports, its
//! parts converted to Python objects; `Diff.to_dict` is serde's JSON of it, the JSON
//! of `zfxxgk diff OLD NEW --format json`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use zfxxgk::model::Decimal;
use zfxxgk_rules::{Figures, Which};

use crate::report::{with_report, Report};

/// `Which` as serde writes it.
fn which(w: Which) -> &'static str {
    match w {
        Which::Old => "old",
        Which::New => "new",
    }
}

/// One report of a comparison: where it came from and what it says about itself.
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct Side {
    /// What the report goes by (`Report.name`: its path, or the name given).
    source: String,
    /// The issuing body, as written, or `None`.
    body: Option<String>,
    /// The year reported on, or `None`.
    year: Option<u16>,
    /// The template edition of its tables, `"2019"` or `"2021"`, or `None`.
    edition: Option<&'static str>,
}

impl Side {
    fn new(s: &zfxxgk_rules::Side) -> Side {
        Side {
            source: s.source.clone(),
            body: s.body.clone(),
            year: s.year,
            edition: s.edition.map(|e| e.as_str()),
        }
    }
}

#[pymethods]
impl Side {
    fn __repr__(&self) -> String {
        format!(
            "<zfxxgk.Side {:?}: {} {} edition {}>",
            self.source,
            self.body.as_deref().unwrap_or("(no body)"),
            self.year
                .map_or_else(|| "(no year)".to_owned(), |y| y.to_string()),
            self.edition.unwrap_or("?")
        )
    }
}

/// One cell that differs between the two reports.
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct Change {
    /// The canonical key (`t3.new_received.total`).
    key: &'static str,
    /// How it differs: `changed`, `blank_to_zero`, `zero_to_blank`,
    /// `blank_to_number`, `number_to_blank`, `text`, `only_old` or `only_new`.
    kind: &'static str,
    /// The old value as the tidy export writes it (`""` for blank); `None` when the
    /// old report lacks the cell.
    old: Option<String>,
    /// The new value, likewise.
    new: Option<String>,
    /// `new − old` as a `decimal.Decimal`, when both are numbers.
    change: Option<Decimal>,
    /// `(new − old) / |old|` to four places, when both are numbers and `old` is not 0.
    relative: Option<Decimal>,
}

impl Change {
    fn new(c: &zfxxgk_rules::Change) -> Change {
        Change {
            key: c.key.as_str(),
            kind: c.kind.as_str(),
            old: c.old.clone(),
            new: c.new.clone(),
            change: c.change,
            relative: c.relative,
        }
    }
}

#[pymethods]
impl Change {
    fn __repr__(&self) -> String {
        let shown = |v: &Option<String>| match v.as_deref() {
            None => "(none)".to_owned(),
            Some("") => "(blank)".to_owned(),
            Some(v) => v.to_owned(),
        };
        format!(
            "<zfxxgk.Change {} {}: {} -> {}>",
            self.key,
            self.kind,
            shown(&self.old),
            shown(&self.new)
        )
    }
}

/// A table one report has and the other lacks; its cells are changes of kind
/// `only_old` or `only_new`.
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct MissingTable {
    /// The table: `t2`, `t3` or `t4`.
    table: &'static str,
    /// The report that lacks it: `old` or `new`.
    missing_in: &'static str,
}

#[pymethods]
impl MissingTable {
    fn __repr__(&self) -> String {
        format!(
            "<zfxxgk.MissingTable {} missing in {}>",
            self.table, self.missing_in
        )
    }
}

/// A cell whose key the other report's edition of the template does not have, so
/// there is nothing to compare it with.
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct NoCounterpart {
    /// The canonical key.
    key: &'static str,
    /// The report that has it: `old` or `new`.
    side: &'static str,
    /// Its value as the tidy export writes it.
    value: String,
}

#[pymethods]
impl NoCounterpart {
    fn __repr__(&self) -> String {
        format!(
            "<zfxxgk.NoCounterpart {} = {:?} in {} only>",
            self.key, self.value, self.side
        )
    }
}

/// What changed from one report to another: see `diff`.
#[pyclass(frozen, module = "zfxxgk")]
pub struct Diff {
    /// The comparison, for `to_dict`.
    diff: zfxxgk_rules::Diff,
    /// The older report.
    #[pyo3(get)]
    old: Py<Side>,
    /// The newer report.
    #[pyo3(get)]
    new: Py<Side>,
    /// Every cell that differs, in key order.
    #[pyo3(get)]
    changes: Vec<Py<Change>>,
    /// Tables one report has and the other lacks.
    #[pyo3(get)]
    missing_tables: Vec<Py<MissingTable>>,
    /// Cells whose key the other report's edition lacks, in key order.
    #[pyo3(get)]
    no_counterpart: Vec<Py<NoCounterpart>>,
}

impl Diff {
    fn new(py: Python<'_>, diff: zfxxgk_rules::Diff) -> PyResult<Diff> {
        Ok(Diff {
            old: Py::new(py, Side::new(&diff.old))?,
            new: Py::new(py, Side::new(&diff.new))?,
            changes: diff
                .changes
                .iter()
                .map(|c| Py::new(py, Change::new(c)))
                .collect::<PyResult<_>>()?,
            missing_tables: diff
                .missing_tables
                .iter()
                .map(|m| {
                    let table = MissingTable {
                        table: m.table.as_str(),
                        missing_in: which(m.missing_in),
                    };
                    Py::new(py, table)
                })
                .collect::<PyResult<_>>()?,
            no_counterpart: diff
                .no_counterpart
                .iter()
                .map(|n| {
                    let cell = NoCounterpart {
                        key: n.key.as_str(),
                        side: which(n.side),
                        value: n.value.clone(),
                    };
                    Py::new(py, cell)
                })
                .collect::<PyResult<_>>()?,
            diff,
        })
    }
}

#[pymethods]
impl Diff {
    /// How many cells both reports have with the same value.
    #[getter]
    fn unchanged(&self) -> usize {
        self.diff.unchanged
    }

    /// The comparison as `zfxxgk diff OLD NEW --format json` writes each element of
    /// its `comparisons` (schema/diff.schema.json), as Python dicts and lists; changes
    /// and relative changes are strings there, as in the JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_vec(&self.diff).map_err(|e| {
            PyValueError::new_err(format!(
                "{} -> {}: {e}",
                self.diff.old.source, self.diff.new.source
            ))
        })?;
        py.import("json")?
            .call_method1("loads", (PyBytes::new(py, &json),))
    }

    /// The changes as a `pandas.DataFrame`, one row per cell that differs in key
    /// order, with columns `key`, `kind`, `old`, `new` (`str`, `None` where the report
    /// lacks the cell), `change` and `relative` (`decimal.Decimal` or `None`, exact).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows: Vec<_> = self
            .diff
            .changes
            .iter()
            .map(|c| {
                (
                    c.key.as_str(),
                    c.kind.as_str(),
                    c.old.as_deref(),
                    c.new.as_deref(),
                    c.change,
                    c.relative,
                )
            })
            .collect();
        let kwargs = PyDict::new(py);
        kwargs.set_item(
            "columns",
            ["key", "kind", "old", "new", "change", "relative"],
        )?;
        py.import("pandas")?
            .call_method("DataFrame", (rows,), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        format!(
            "<zfxxgk.Diff {:?} -> {:?}: {} changed, {} unchanged, {} without counterpart>",
            self.diff.old.source,
            self.diff.new.source,
            self.diff.changes.len(),
            self.diff.unchanged,
            self.diff.no_counterpart.len()
        )
    }
}

/// Compares two reports cell by cell, as `zfxxgk diff OLD NEW` does.
///
/// `old` and `new` are each a `Report` from `read`, or anything `read` accepts (then
/// it is read first, and `ReadError` raised as `read` raises it). Cells are compared
/// through their canonical keys, so reports of the two template editions compare on
/// the keys both have; the others are in `Diff.no_counterpart`. Blank is not 0: a
/// blank against a number is a change of its own kind, with no computed change.
#[pyfunction]
#[pyo3(signature = (old, new, /))]
pub(crate) fn diff(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
) -> PyResult<Diff> {
    let figures = |r: &Report| Figures::of(&r.name, &r.doc.report);
    let old = with_report(py, old, figures)?;
    let new = with_report(py, new, figures)?;
    let diff = py.detach(|| zfxxgk_rules::diff(&old, &new));
    Diff::new(py, diff)
}
