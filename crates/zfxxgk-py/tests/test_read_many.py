"""`zfxxgk.read_many` gives the command line's wide CSV and facts, on any thread count."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pyarrow as pa
import pyarrow.ipc
import pytest

import zfxxgk
from conftest import cli_stdout, corpus_dir, csv_rows


def as_csv(value) -> str:
    """A table value as the wide CSV writes it (None: empty)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def same_number(csv_value: str, table_value) -> bool:
    if table_value is None:
        # Null: blank, text, a missing cell, or a count with a fraction.
        try:
            number = Decimal(csv_value)
        except ArithmeticError:
            return True
        return number != number.to_integral_value()
    return Decimal(csv_value) == Decimal(table_value)


@pytest.mark.parametrize("threads", [1, 2])
def test_wide_table_equals_the_wide_csv(cli, threads):
    corpus = str(corpus_dir())
    rows = csv_rows(cli_stdout(cli, "parse", corpus, "--format", "csv-wide"))
    header, rows = rows[0], rows[1:]
    table = zfxxgk.read_many(corpus, threads=threads)
    assert table.column_names == header
    assert table.num_rows == len(rows)
    columns = table.to_pydict()
    for i, row in enumerate(rows):
        for name, csv_value in zip(header, row):
            value = columns[name][i]
            if name in ("source", "body", "year", "edition", "encoding"):
                assert as_csv(value) == csv_value, (row[0], name)
            elif csv_value == "":
                assert value is None, (row[0], name)
            else:
                assert same_number(csv_value, value), (row[0], name, csv_value, value)
    schema = table.schema
    assert schema.field("t3.granted.total").type == pa.int64()
    assert schema.field("t2.procurement.amount").type == pa.decimal128(38, 6)
    assert schema.field("t2.fees.amount_10k_yuan").type == pa.decimal128(38, 6)


def test_tidy_table_equals_the_facts(cli):
    corpus = str(corpus_dir())
    rows = csv_rows(cli_stdout(cli, "parse", corpus, "--format", "facts"))[1:]
    table = zfxxgk.read_many(corpus, wide=False, threads=2)
    got = list(zip(*(table.column(c).to_pylist() for c in ("source", "key", "value"))))
    assert got == [tuple(r) for r in rows]


def test_no_files_give_an_empty_table_with_the_schema(tmp_path):
    table = zfxxgk.read_many(tmp_path)
    assert table.num_rows == 0
    assert table.column_names[:5] == ["source", "body", "year", "edition", "encoding"]


def test_unreadable_files_warn_raise_or_pass(tmp_path):
    good = corpus_dir() / "seeds" / "000_c121f8ee66fba0bb.txt"
    (tmp_path / "a.txt").write_bytes(good.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.warns(zfxxgk.ReadWarning, match="b.txt: this is a file with no text in it"):
        table = zfxxgk.read_many(tmp_path)
    assert table.column("source").to_pylist() == [str(tmp_path / "a.txt")]
    with pytest.raises(zfxxgk.UnsupportedFileError, match="b.txt"):
        zfxxgk.read_many(tmp_path, on_error="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert zfxxgk.read_many(tmp_path, on_error="ignore").num_rows == 1
    with pytest.warns(zfxxgk.ReadWarning, match="no such file"):
        zfxxgk.read_many([tmp_path / "a.txt", tmp_path / "nowhere.txt"])
    with pytest.raises(ValueError):
        zfxxgk.read_many(tmp_path, threads=0)


def test_iter_batches_gives_the_rows_of_read_many():
    corpus = corpus_dir()
    table = zfxxgk.read_many(corpus, threads=2)
    batches = list(zfxxgk.iter_batches(corpus, threads=2))
    assert pa.Table.from_batches(batches).equals(table)


def test_bytes_in_memory_read_as_the_files_do():
    from zfxxgk import _zfxxgk

    files = [str(p) for p in sorted((corpus_dir() / "seeds").glob("*.txt"))]
    reader = _zfxxgk.Reader(2)
    from_files, _ = reader.read(files, True)
    contents = [open(f, "rb").read() for f in files]
    from_bytes, failures = reader.read_bytes(files, contents, True)
    assert failures == []
    assert pa.ipc.open_stream(from_bytes).read_all().equals(
        pa.ipc.open_stream(from_files).read_all()
    )
    _, failures = reader.read_bytes(["x.png"], [b"\x89PNG\r\n\x1a\n" + bytes(32)], True)
    assert [(name, type(e)) for name, e in failures] == [("x.png", zfxxgk.UnsupportedFileError)]
    with pytest.raises(ValueError, match="2 names for 1 contents"):
        reader.read_bytes(["a", "b"], [b""], True)
