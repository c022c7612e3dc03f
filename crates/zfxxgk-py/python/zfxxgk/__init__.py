"""zfxxgk: read 政府信息公开工作年度报告 (Chinese government information-disclosure
annual reports) into checked, typed data, from Python.

>>> import zfxxgk
>>> report = zfxxgk.read("report.pdf")             # doctest: +SKIP
>>> report.cells["t3.granted.total"]               # doctest: +SKIP
13
>>> [f.message for f in zfxxgk.check(report)]      # doctest: +SKIP
>>> zfxxgk.diff("2023.pdf", "2024.pdf").to_pandas() # doctest: +SKIP
>>> zfxxgk.read_many("reports/").to_pandas()       # doctest: +SKIP

Reading, checking, comparing and the parallel reading of ``read_many`` run in Rust (the same
libraries as the ``zfxxgk`` command line), without holding the GIL.
"""

from __future__ import annotations

import os
import warnings
from typing import Iterable, Iterator, Literal, Optional, Union

from ._zfxxgk import (
    Cell,
    Change,
    Diff,
    FileAccessError,
    Finding,
    MissingTable,
    NoCounterpart,
    PdfToolError,
    Place,
    ReadError,
    Report,
    Side,
    TooLargeError,
    UnsupportedFileError,
    __version__,
    check,
    diff,
    read,
)
from . import _zfxxgk

__all__ = [
    "Cell",
    "Change",
    "Diff",
    "FileAccessError",
    "Finding",
    "MissingTable",
    "NoCounterpart",
    "PdfToolError",
    "Place",
    "ReadError",
    "ReadWarning",
    "Report",
    "Side",
    "TooLargeError",
    "UnsupportedFileError",
    "__version__",
    "check",
    "diff",
    "iter_batches",
    "read",
    "read_many",
]

PathLike = Union[str, "os.PathLike[str]"]

#: Files read per thread before their rows go to Python: bounds memory whatever the
#: number of files, with each thread laying out rows in parts of 64.
CHUNK_PER_THREAD = 128


class ReadWarning(UserWarning):
    """A file ``read_many`` could not read and left out (``on_error="warn"``)."""


def read_many(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    threads: Optional[int] = None,
    wide: bool = True,
    on_error: Literal["warn", "raise", "ignore"] = "warn",
) -> "pyarrow.Table":  # noqa: F821
    """Reads many reports in parallel (in Rust, without the GIL) into a ``pyarrow.Table``.

    ``paths`` is a folder (read recursively: the files ``zfxxgk parse DIR`` reads, in
    its order), a file, or an iterable of either. ``threads`` defaults to one per core.

    With ``wide=True`` the table has one row per report and the columns of the command
    line's wide CSV and Parquet files: ``source``, ``body``, ``year``, ``edition``,
    ``encoding``, then one column per canonical key of both editions, counts as
    nullable ``int64`` and amounts as ``decimal128(38, 6)``. A blank cell, text, a
    count written with a fraction and a cell the report lacks are all null there.
    With ``wide=False`` it is the tidy table: ``source``, ``key``, ``value`` (the
    facts, exactly as ``zfxxgk parse --format facts``), ``kind`` (``number``,
    ``blank`` or ``text``), ``number`` (``decimal128(38, 6)``) and ``unit``, which
    keeps every one of those differences.

    A file that cannot be read is left out with a ``ReadWarning`` carrying the
    command line's message (``on_error="warn"``), silently (``"ignore"``), or raises
    its ``ReadError`` (``"raise"``, after the files read so far). Use
    ``table.to_pandas()`` for pandas; ``types_mapper=pandas.ArrowDtype`` keeps the
    nullable integers and exact decimals. For more files than memory holds as one
    table, ``iter_batches`` gives the same rows a chunk at a time.
    """
    import pyarrow as pa

    return pa.concat_tables(list(_tables(paths, threads, wide, on_error)))


def iter_batches(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    threads: Optional[int] = None,
    wide: bool = True,
    on_error: Literal["warn", "raise", "ignore"] = "warn",
) -> "Iterator[pyarrow.RecordBatch]":  # noqa: F821
    """The rows of ``read_many``, as ``pyarrow.RecordBatch`` es of a few hundred
    reports each, read while the previous are used: memory stays flat whatever the
    number of files (write them to Parquet with ``pyarrow.parquet.ParquetWriter``)."""
    for table in _tables(paths, threads, wide, on_error):
        yield from table.to_batches()


def _tables(paths, threads, wide, on_error) -> "Iterator[pyarrow.Table]":  # noqa: F821
    """One table per chunk of files (at least one, empty when there are no files)."""
    import pyarrow as pa
    import pyarrow.ipc

    if on_error not in ("warn", "raise", "ignore"):
        raise ValueError(f'on_error must be "warn", "raise" or "ignore", not {on_error!r}')
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    files, problems = _zfxxgk.expand([os.fspath(p) for p in paths])
    reader = _zfxxgk.Reader(threads)
    for message in problems:
        _failed(FileAccessError(message), on_error)
    chunk = CHUNK_PER_THREAD * reader.threads
    start = 0
    while True:
        ipc, failures = reader.read(files[start : start + chunk], wide)
        # One batch per chunk, copied out of the stream's bytes: a batch carries a
        # few hundred bytes of bookkeeping per column, which tiny batches multiply.
        yield pa.ipc.open_stream(ipc).read_all().combine_chunks()
        for _source, error in failures:
            _failed(error, on_error)
        start += chunk
        if start >= len(files):
            break


def _failed(error: ReadError, on_error: str) -> None:
    if on_error == "raise":
        raise error
    if on_error == "warn":
        warnings.warn(str(error), ReadWarning, stacklevel=4)
