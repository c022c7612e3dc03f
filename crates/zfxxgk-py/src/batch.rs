//! `read_many`'s native half: many files read in parallel on a rayon pool without the
//! GIL, laid out as the wide or tidy table by zfxxgk-export's Arrow builders, and
//! handed to Python as an Arrow IPC stream, one per chunk of files.
//!
//! Why IPC bytes and not the Arrow C Data Interface: the stream is a stable, versioned
//! format that every pyarrow reads (`pyarrow.ipc.open_stream`), so the wheel ties
//! itself to no pyarrow or `arrow-pyarrow`/pyo3 version pair and needs no unsafe
//! pointer hand-over; the price is one copy of each chunk's columns, small beside
//! the parsing.

use std::ffi::OsString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use arrow_array::RecordBatch;
use arrow_ipc::writer::StreamWriter;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use zfxxgk::{InputOptions, Report};
use zfxxgk_export::{TidyBatchBuilder, WideBatchBuilder, WideColumns};

use crate::error;

/// Rayon threads' stack: as deep as a main thread's, for deeply nested input.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// A file of the chunk that could not be read, or not laid out.
enum Failure {
    Read(zfxxgk::ReadError),
    Input(String, zfxxgk::InputError),
    Export(zfxxgk_export::Error),
    Panic(String),
}

impl Failure {
    fn into_py(self) -> PyErr {
        match self {
            Failure::Read(e) => error::read_error(&e),
            Failure::Input(message, e) => error::input_error(&e, message),
            Failure::Export(e) => error::ReadError::new_err(e.to_string()),
            Failure::Panic(m) => error::ReadError::new_err(m),
        }
    }
}

/// One file to read: on disk, or its bytes already in memory (Spark's `binaryFile`).
enum Item {
    File(PathBuf),
    Bytes { name: String, bytes: Vec<u8> },
}

impl Item {
    /// What the file goes by in the table and in messages.
    fn source(&self) -> String {
        match self {
            Item::File(path) => path.display().to_string(),
            Item::Bytes { name, .. } => name.clone(),
        }
    }

    /// Reads the file; a panic (a bug, never an input's fault) becomes this file's
    /// failure, so that one file cannot end a run over millions.
    fn read(&self, opts: &InputOptions) -> Result<Report, Failure> {
        let read = || match self {
            Item::File(path) => zfxxgk::read_file(path, opts)
                .map(|d| d.report)
                .map_err(Failure::Read),
            Item::Bytes { name, bytes } => {
                let opts = InputOptions {
                    name_hint: Some(name.clone()),
                    ..opts.clone()
                };
                zfxxgk::read(bytes, &opts)
                    .map(|d| d.report)
                    .map_err(|e| Failure::Input(format!("{name}: {e}"), e))
            }
        };
        catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
            Err(Failure::Panic(format!(
                "{}: internal error while reading this file (a bug: please report it)",
                self.source()
            )))
        })
    }
}

/// One of the two tables being built.
enum Table {
    Wide(WideBatchBuilder),
    Tidy(TidyBatchBuilder),
}

impl Table {
    fn new(wide: bool) -> zfxxgk_export::Result<Table> {
        Ok(if wide {
            Table::Wide(WideBatchBuilder::new(WideColumns::Typed)?)
        } else {
            Table::Tidy(TidyBatchBuilder::new()?)
        })
    }

    fn append(&mut self, source: &str, report: &Report) -> zfxxgk_export::Result<()> {
        match self {
            Table::Wide(b) => b.append(source, report),
            Table::Tidy(b) => b.append(source, report),
        }
    }

    /// The rows appended so far, as one batch.
    fn finish(&mut self) -> zfxxgk_export::Result<RecordBatch> {
        match self {
            Table::Wide(b) => b.finish(),
            Table::Tidy(b) => b.finish(),
        }
    }
}

/// Reads `items` one after the other into one batch of `wide` or tidy rows, and the
/// files that failed.
fn read_part(
    items: &[Item],
    wide: bool,
    opts: &InputOptions,
) -> zfxxgk_export::Result<(RecordBatch, Vec<(String, Failure)>)> {
    let mut table = Table::new(wide)?;
    let mut failures = Vec::new();
    for item in items {
        let source = item.source();
        let appended = item
            .read(opts)
            .and_then(|r| table.append(&source, &r).map_err(Failure::Export));
        if let Err(f) = appended {
            failures.push((source, f));
        }
    }
    Ok((table.finish()?, failures))
}

/// `batches` as an Arrow IPC stream: the schema, the batches, the end mark.
fn ipc_stream(batches: &[RecordBatch], wide: bool) -> Result<Vec<u8>, String> {
    let schema = match batches.first() {
        Some(b) => b.schema(),
        None => Table::new(wide)
            .and_then(|mut t| t.finish())
            .map_err(|e| e.to_string())?
            .schema(),
    };
    let mut w = StreamWriter::try_new(Vec::new(), &schema).map_err(|e| e.to_string())?;
    for batch in batches {
        w.write(batch).map_err(|e| e.to_string())?;
    }
    w.finish().map_err(|e| e.to_string())?;
    w.into_inner().map_err(|e| e.to_string())
}

/// A chunk read: its Arrow IPC stream, and each file that failed with its exception.
type Chunk<'py> = (Bound<'py, PyBytes>, Vec<(String, PyErr)>);

/// Reads chunks of files on its own thread pool.
#[pyclass(frozen, module = "zfxxgk")]
pub struct Reader {
    pool: rayon::ThreadPool,
}

#[pymethods]
impl Reader {
    /// A reader on `threads` threads (`None`: one per core).
    #[new]
    #[pyo3(signature = (threads = None))]
    fn new(threads: Option<usize>) -> PyResult<Reader> {
        let mut builder = rayon::ThreadPoolBuilder::new()
            .stack_size(STACK_BYTES)
            .thread_name(|i| format!("zfxxgk-{i}"));
        match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => builder = builder.num_threads(n),
            None => {}
        }
        let pool = builder
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start threads: {e}")))?;
        Ok(Reader { pool })
    }

    /// The number of threads.
    #[getter]
    fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Reads `paths` in parallel, without the GIL, and returns the Arrow IPC stream of
    /// their rows (in the order given) and the exceptions of the files that could not
    /// be read, as `(path, exception)`.
    fn read<'py>(&self, py: Python<'py>, paths: Vec<PathBuf>, wide: bool) -> PyResult<Chunk<'py>> {
        let items = paths.into_iter().map(Item::File).collect();
        self.run(py, items, wide)
    }

    /// As `read`, for files already in memory: `names[i]` is what `contents[i]` goes
    /// by (the `source` column, and the name in messages).
    fn read_bytes<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
        contents: Vec<Vec<u8>>,
        wide: bool,
    ) -> PyResult<Chunk<'py>> {
        if names.len() != contents.len() {
            return Err(PyValueError::new_err(format!(
                "{} names for {} contents",
                names.len(),
                contents.len()
            )));
        }
        let items = names
            .into_iter()
            .zip(contents)
            .map(|(name, bytes)| Item::Bytes { name, bytes })
            .collect();
        self.run(py, items, wide)
    }
}

impl Reader {
    fn run<'py>(&self, py: Python<'py>, items: Vec<Item>, wide: bool) -> PyResult<Chunk<'py>> {
        let (ipc, failures) = py
            .detach(|| {
                // Each thread reads a part and lays its rows out itself, so that the
                // only work left to this thread is writing the stream.
                let opts = InputOptions::default();
                let part = items
                    .len()
                    .div_ceil(2 * self.pool.current_num_threads())
                    .max(1);
                let parts: Vec<_> = self.pool.install(|| {
                    items
                        .par_chunks(part)
                        .map(|p| read_part(p, wide, &opts))
                        .collect()
                });
                let mut batches = Vec::with_capacity(parts.len());
                let mut failures = Vec::new();
                for p in parts {
                    let (batch, failed) = p.map_err(|e| e.to_string())?;
                    batches.push(batch);
                    failures.extend(failed);
                }
                ipc_stream(&batches, wide).map(|ipc| (ipc, failures))
            })
            .map_err(PyRuntimeError::new_err)?;
        let failures = failures
            .into_iter()
            .map(|(source, f)| (source, f.into_py()))
            .collect();
        Ok((PyBytes::new(py, &ipc), failures))
    }
}

/// The files to read for `paths`, in order: a folder gives its report files
/// (recursively, sorted, as `zfxxgk parse DIR` reads them), a file itself. Also the
/// inputs that name nothing, as messages.
///
/// Files come back as `str` (undecodable bytes as surrogate escapes, as `os.fsdecode`
/// writes them): a `pathlib.Path` per file would weigh on a list of millions.
#[pyfunction]
pub(crate) fn expand(paths: Vec<PathBuf>) -> (Vec<OsString>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let (found, unreadable) = zfxxgk::report_files(&path);
            files.extend(found.into_iter().map(PathBuf::into_os_string));
            problems.extend(unreadable);
        } else if path.exists() {
            files.push(path.into_os_string());
        } else {
            problems.push(format!("{}: no such file or folder", path.display()));
        }
    }
    (files, problems)
}
