//! The `zfxxgk` Python package's native module, `zfxxgk._zfxxgk`: reading, checking,
//! comparing and reading many reports at once, for Python. The Python layer
//! (`python/zfxxgk/`) re-exports it and adds `read_many`'s table assembly and the Spark
//! helpers.
//!
//! Everything here calls the Rust libraries; nothing is computed twice: the JSON of
//! `Report.to_dict` is zfxxgk-export's writer, the wide and tidy tables are its Arrow
//! builders, the folder walk is the command line's, and `diff` is zfxxgk-rules', its
//! `Diff.to_dict` serde's JSON of the same `Diff` the command line writes.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod batch;
mod diff;
mod error;
mod findings;
mod report;

use pyo3::prelude::*;

/// The native part of the `zfxxgk` package.
#[pymodule]
fn _zfxxgk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ReadError", py.get_type::<error::ReadError>())?;
    m.add("FileAccessError", py.get_type::<error::FileAccessError>())?;
    m.add(
        "UnsupportedFileError",
        py.get_type::<error::UnsupportedFileError>(),
    )?;
    m.add("PdfToolError", py.get_type::<error::PdfToolError>())?;
    m.add("TooLargeError", py.get_type::<error::TooLargeError>())?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Cell>()?;
    m.add_class::<findings::Finding>()?;
    m.add_class::<findings::Place>()?;
    m.add_class::<diff::Diff>()?;
    m.add_class::<diff::Side>()?;
    m.add_class::<diff::Change>()?;
    m.add_class::<diff::MissingTable>()?;
    m.add_class::<diff::NoCounterpart>()?;
    m.add_class::<batch::Reader>()?;
    m.add_function(wrap_pyfunction!(report::read, m)?)?;
    m.add_function(wrap_pyfunction!(findings::check, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff, m)?)?;
    m.add_function(wrap_pyfunction!(batch::expand, m)?)?;
    Ok(())
}
