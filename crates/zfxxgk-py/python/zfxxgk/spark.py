"""zfxxgk on Spark: the reader mapped over ``spark.read.format("binaryFile")``.

>>> files = spark.read.format("binaryFile").load("hdfs:///reports/*.pdf")  # doctest: +SKIP
>>> zfxxgk.spark.facts(files).write.parquet("hdfs:///out/facts")            # doctest: +SKIP

Each function takes a DataFrame with the ``path`` and ``content`` columns of the
``binaryFile`` source and returns a DataFrame, computed with ``mapInArrow``: the reports
are read on the executors, in Rust, a batch of files at a time (facts go from Rust to
Arrow with no Python object per cell), so nothing but the results crosses to the
driver. The ``zfxxgk`` wheel must be installed on every executor
(and ``pdftotext``, from poppler-utils, for PDF reports).

Reports are small files: set ``spark.sql.files.openCostInBytes`` to 64 KB or so
(``spark.conf.set("spark.sql.files.openCostInBytes", str(64 * 1024))``), or Spark's
default of 4 MB makes a task of every 32 files and the tasks' start-up dominates
(measured in local[2]: 80 reports/s with the default, 400 with 64 KB).

A file that cannot be read gives no facts and no findings; ``read_errors`` lists them
with the command line's message.
"""

from __future__ import annotations

from typing import Callable, Iterator, List

import pyarrow as pa

import zfxxgk
from zfxxgk import _zfxxgk

#: The Spark schema of ``facts``: the tidy facts of REPORT_FORMAT.md, by file.
FACTS_SCHEMA = "path string, key string, value string"
#: The Spark schema of ``findings``: one row per finding, its first place as
#: ``line``/``column`` and every cell it names in ``keys``.
FINDINGS_SCHEMA = (
    "path string, rule string, severity string, message string, keys array<string>, "
    "expected string, actual string, line int, column int, culprit string, "
    "notes array<string>"
)
#: The Spark schema of ``read_errors``: the files that could not be read.
READ_ERRORS_SCHEMA = "path string, error string, message string"

_FACTS = pa.schema([("path", pa.string()), ("key", pa.string()), ("value", pa.string())])
_FINDINGS = pa.schema(
    [
        ("path", pa.string()),
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("keys", pa.list_(pa.string())),
        ("expected", pa.string()),
        ("actual", pa.string()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("culprit", pa.string()),
        ("notes", pa.list_(pa.string())),
    ]
)
_READ_ERRORS = pa.schema(
    [("path", pa.string()), ("error", pa.string()), ("message", pa.string())]
)


def _rows_of_files(
    schema: pa.Schema, rows: Callable[[str, bytes], List[dict]]
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """A ``mapInArrow`` function: ``rows(path, content)`` for every file of every batch."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out: List[dict] = []
            for path, content in zip(*_files(batch)):
                out.extend(rows(path, content))
            yield pa.RecordBatch.from_pylist(out, schema=schema)

    return run


def _files(batch: pa.RecordBatch):
    """The paths and contents of a ``binaryFile`` batch."""
    paths = batch.column(batch.schema.get_field_index("path")).to_pylist()
    contents = batch.column(batch.schema.get_field_index("content")).to_pylist()
    return paths, [c or b"" for c in contents]


def _read_in_rust(batches: Iterator[pa.RecordBatch]):
    """For each batch of files, read in Rust (one thread: Spark runs a task per core):
    the tidy table of their cells and the files that failed, ``(path, exception)``."""
    import pyarrow.ipc

    reader = _zfxxgk.Reader(1)
    for batch in batches:
        ipc, failures = reader.read_bytes(*_files(batch), False)
        yield pa.ipc.open_stream(ipc).read_all(), failures


def _facts_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for tidy, _failures in _read_in_rust(batches):
        facts = tidy.select(["source", "key", "value"]).rename_columns(_FACTS.names)
        yield from facts.cast(_FACTS).to_batches()


def _read_errors_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for _tidy, failures in _read_in_rust(batches):
        rows = [
            {"path": path, "error": type(e).__name__, "message": str(e)} for path, e in failures
        ]
        yield pa.RecordBatch.from_pylist(rows, schema=_READ_ERRORS)


def _read(path: str, content: bytes):
    try:
        return zfxxgk.read(content, name=path)
    except zfxxgk.ReadError:
        return None


def _findings(lang: str) -> Callable[[str, bytes], List[dict]]:
    def rows(path: str, content: bytes) -> List[dict]:
        report = _read(path, content)
        if report is None:
            return []
        out = []
        for f in zfxxgk.check(report, lang=lang):
            first = next((p for p in f.places if p.line is not None), None)
            out.append(
                {
                    "path": path,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "keys": f.keys,
                    "expected": f.expected,
                    "actual": f.actual,
                    "line": first.line if first else None,
                    "column": first.column if first else None,
                    "culprit": f.culprit,
                    "notes": f.notes,
                }
            )
        return out

    return rows


def facts(files):
    """The facts of every report in ``files`` (a ``binaryFile`` DataFrame): one row
    ``(path, key, value)`` per cell, as ``zfxxgk parse --format facts`` writes them."""
    return files.select("path", "content").mapInArrow(_facts_batches, FACTS_SCHEMA)


def findings(files, *, lang: str = "zh"):
    """The findings of every report in ``files`` (a ``binaryFile`` DataFrame), as
    ``zfxxgk check --format json`` gives them, messages in ``lang``."""
    if lang not in ("zh", "en"):
        raise ValueError(f'lang must be "zh" or "en", not {lang!r}')
    return files.select("path", "content").mapInArrow(
        _rows_of_files(_FINDINGS, _findings(lang)), FINDINGS_SCHEMA
    )


def read_errors(files):
    """The files of ``files`` that could not be read: ``(path, error, message)``, the
    exception's class name and the command line's message."""
    return files.select("path", "content").mapInArrow(_read_errors_batches, READ_ERRORS_SCHEMA)
