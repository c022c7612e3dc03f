//! `zfxxgk.read` and the `Report` and `Cell` it gives.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict};
use pyo3::IntoPyObjectExt;
use zfxxgk::{CellKey, Document, InputOptions, Value};
use zfxxgk_export::JsonStyle;

use crate::error;

/// What `read` and `check` accept: a path, or the bytes of a file.
pub(crate) enum Source {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

impl Source {
    pub(crate) fn extract(source: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(bytes) = source.cast::<PyBytes>() {
            return Ok(Source::Bytes(bytes.as_bytes().to_vec()));
        }
        if let Ok(bytes) = source.cast::<PyByteArray>() {
            return Ok(Source::Bytes(bytes.to_vec()));
        }
        source.extract::<PathBuf>().map(Source::Path).map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a path (str or os.PathLike) or bytes, not {}",
                source
                    .get_type()
                    .name()
                    .map_or_else(|_| "this".to_owned(), |n| n.to_string())
            ))
        })
    }

    /// Reads the report, without the GIL: the name it goes by, and the document.
    pub(crate) fn read(self, py: Python<'_>, name: Option<String>) -> PyResult<Report> {
        match self {
            Source::Path(path) => {
                let name = name.unwrap_or_else(|| path.display().to_string());
                let opts = InputOptions {
                    name_hint: Some(name.clone()),
                    ..InputOptions::default()
                };
                let doc = py
                    .detach(|| zfxxgk::read_file(&path, &opts))
                    .map_err(|e| error::read_error(&e))?;
                Ok(Report { name, doc })
            }
            Source::Bytes(bytes) => {
                let opts = InputOptions {
                    name_hint: name.clone(),
                    ..InputOptions::default()
                };
                let name = name.unwrap_or_else(|| "<bytes>".to_owned());
                let doc = py
                    .detach(|| zfxxgk::read(&bytes, &opts))
                    .map_err(|e| error::input_error(&e, format!("{name}: {e}")))?;
                Ok(Report { name, doc })
            }
        }
    }
}

/// Runs `f` on `report`: a `Report` as it is, or anything `read` accepts, read first
/// (raising `ReadError` as `read` raises it).
pub(crate) fn with_report<T>(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    f: impl FnOnce(&Report) -> T,
) -> PyResult<T> {
    if let Ok(r) = report.cast::<Report>() {
        return Ok(f(r.get()));
    }
    let r = Source::extract(report)?.read(py, None)?;
    Ok(f(&r))
}

/// Reads one report: from a path (`str` or `os.PathLike`), or from the bytes of a file.
///
/// The kind of file (text, markdown, HTML, .docx, PDF through `pdftotext`) and its
/// encoding are told from its content. `name` is what the report goes by (in
/// findings, in `Report.name`); it defaults to the path, or `<bytes>`.
///
/// Raises `ReadError` (a subclass saying which trouble) with the command line's
/// message when the input is not a report that can be read.
#[pyfunction]
#[pyo3(signature = (source, /, *, name = None))]
pub(crate) fn read(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
) -> PyResult<Report> {
    Source::extract(source)?.read(py, name)
}

/// One report, read: its metadata, its cells by canonical key, and where each stands.
#[pyclass(frozen, module = "zfxxgk")]
pub struct Report {
    /// What the report goes by.
    pub(crate) name: String,
    /// The decoded text and what was read from it.
    pub(crate) doc: Document,
}

/// A cell's value for Python: `int` for a count, `decimal.Decimal` for an amount (and
/// for a count written with a fraction, never rounded), `None` for blank, `str` for
/// text that is not a number.
fn value_to_py(py: Python<'_>, key: CellKey, value: &Value) -> PyResult<Py<PyAny>> {
    match value {
        Value::Number(n) => match n.as_i64().filter(|_| !key.is_amount()) {
            Some(i) => i.into_py_any(py),
            None => n.value.into_py_any(py),
        },
        Value::Blank => Ok(py.None()),
        Value::Text { text } => text.into_py_any(py),
    }
}

pub(crate) fn parse_key(key: &str) -> PyResult<CellKey> {
    key.parse()
        .map_err(|e| PyValueError::new_err(format!("{key:?}: {e}")))
}

#[pymethods]
impl Report {
    /// What the report goes by: the path it was read from, or the `name` given.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The issuing body (`温州市民政局`), or `None` when the report does not say.
    #[getter]
    fn body(&self) -> Option<&str> {
        self.doc.report.meta.body.as_deref()
    }

    /// The year reported on, or `None`.
    #[getter]
    fn year(&self) -> Option<u16> {
        self.doc.report.meta.year
    }

    /// The template edition, `"2019"` or `"2021"`, or `None` when no table told.
    #[getter]
    fn edition(&self) -> Option<&'static str> {
        self.doc.report.meta.edition.map(|e| e.as_str())
    }

    /// The encoding the text was read in (`UTF-8`, `GBK`, `GB18030`, `UTF-16LE`…).
    #[getter]
    fn encoding(&self) -> Option<&str> {
        self.doc.report.meta.encoding.as_deref()
    }

    /// What kind of file it was: `text`, `HTML page`, `.docx document` or `PDF`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.doc.kind.as_str()
    }

    /// The decoded text the report was read from (for PDF, HTML and .docx, the text
    /// they were converted to); lines and columns point into it.
    #[getter]
    fn text(&self) -> &str {
        &self.doc.text
    }

    /// Every cell the report contains, in REPORT_FORMAT.md order: canonical key →
    /// `int` (a count), `decimal.Decimal` (an amount, or a count written with a
    /// fraction), `None` (blank: not zero) or `str` (text that is not a number).
    /// A cell the report does not contain has no entry.
    #[getter]
    fn cells<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for cell in self.doc.report.cells() {
            dict.set_item(cell.key.as_str(), value_to_py(py, cell.key, &cell.value)?)?;
        }
        Ok(dict)
    }

    /// The cell `key` with its value and place, or `None` when the report does not
    /// contain it. Raises `ValueError` when `key` is not a canonical key.
    fn cell(&self, py: Python<'_>, key: &str) -> PyResult<Option<Cell>> {
        let key = parse_key(key)?;
        let Some(cell) = self.doc.report.cell(key) else {
            return Ok(None);
        };
        Ok(Some(Cell {
            key: key.as_str(),
            value: value_to_py(py, key, &cell.value)?,
            raw: cell.raw.clone(),
            line: cell.location.line,
            column: cell.location.column,
            start: cell.location.start,
            end: cell.location.end,
            placement: match cell.placement {
                zfxxgk::model::Placement::Label => "label",
                zfxxgk::model::Placement::Position => "position",
            },
        }))
    }

    /// The facts of REPORT_FORMAT.md: `(key, value)` for every cell the report
    /// contains, in key order, the value as `zfxxgk parse --format facts` writes it
    /// (the normalized number, `""` for blank, the text as written).
    fn facts(&self) -> Vec<(&'static str, String)> {
        self.doc
            .report
            .tidy()
            .map(|(k, v)| (k.as_str(), v))
            .collect()
    }

    /// What the parser inferred, guessed or repaired, for a reviewer: one dict each,
    /// `{"kind": "inferred_placement", "zh": "…", "en": "…"}`.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.doc
            .report
            .notes
            .iter()
            .map(|n| {
                let d = PyDict::new(py);
                let kind = serde_json::to_value(n.kind)
                    .map_err(|e| PyValueError::new_err(format!("{}: {e}", self.name)))?;
                d.set_item("kind", kind.as_str().unwrap_or_default())?;
                d.set_item("zh", &n.message.zh)?;
                d.set_item("en", &n.message.en)?;
                Ok(d)
            })
            .collect()
    }

    /// The whole model as `zfxxgk parse FILE --format json` writes it (every cell with
    /// its value, raw text and location, the sections, facts, notes and blocks), as
    /// Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut json = Vec::new();
        zfxxgk_export::write_json(&mut json, &self.doc.report, JsonStyle::Compact)
            .map_err(|e| PyValueError::new_err(format!("{}: {e}", self.name)))?;
        py.import("json")?
            .call_method1("loads", (PyBytes::new(py, &json),))
    }

    fn __repr__(&self) -> String {
        format!(
            "<zfxxgk.Report {:?}: {} {} edition {}, {} cells>",
            self.name,
            self.doc.report.meta.body.as_deref().unwrap_or("(no body)"),
            self.doc
                .report
                .meta
                .year
                .map_or_else(|| "(no year)".to_owned(), |y| y.to_string()),
            self.doc.report.meta.edition.map_or("?", |e| e.as_str()),
            self.doc.report.cells().count()
        )
    }
}

/// One table cell: its canonical key, its value, the text as written, and where it
/// stands in `Report.text` (1-based `line` and `column`, the column in characters;
/// `start` and `end` are byte offsets into the UTF-8 text).
#[pyclass(frozen, get_all, module = "zfxxgk")]
pub struct Cell {
    /// The canonical key (`t3.granted.total`).
    key: &'static str,
    /// As in `Report.cells`: `int`, `decimal.Decimal`, `None` (blank) or `str`.
    value: Py<PyAny>,
    /// The cell's text as written (trimmed).
    raw: String,
    /// 1-based line.
    line: u32,
    /// 1-based column, in characters.
    column: u32,
    /// Byte offset of the first byte in the UTF-8 text.
    start: usize,
    /// Byte offset one past the last byte.
    end: usize,
    /// How its row was placed on the template: `label` or `position`.
    placement: &'static str,
}

#[pymethods]
impl Cell {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<zfxxgk.Cell {} = {} at {}:{}>",
            self.key,
            self.value.bind(py).repr()?,
            self.line,
            self.column
        ))
    }
}
