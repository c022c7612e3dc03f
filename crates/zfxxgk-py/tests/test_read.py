"""`zfxxgk.read` gives what `zfxxgk parse` gives, for every corpus report."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import zfxxgk
from conftest import CORPUS, cli_stdout, corpus_dir, corpus_files, csv_rows

FILES = corpus_files()


def test_the_corpus_is_there_or_skipped():
    corpus_dir()
    assert len(FILES) >= 15, FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_facts_equal_the_command_lines(cli, path):
    rows = csv_rows(cli_stdout(cli, "parse", path, "--format", "facts"))
    assert rows[0] == ["source", "key", "value"]
    expected = [(key, value) for _source, key, value in rows[1:]]
    report = zfxxgk.read(path)
    assert report.facts() == expected
    # The same bytes handed over in memory read the same.
    assert zfxxgk.read(Path(path).read_bytes(), name=path).facts() == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_to_dict_is_the_command_lines_json(cli, path):
    expected = json.loads(cli_stdout(cli, "parse", path, "--format", "json"))
    assert zfxxgk.read(path).to_dict() == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_cells_are_typed_and_placed(path):
    report = zfxxgk.read(path)
    model = report.to_dict()
    by_key = {c["key"]: c for t in model["tables"] for c in t["cells"]}
    assert list(report.cells) == [k for k, _ in report.facts()]
    for key, value in report.cells.items():
        cell = by_key[key]
        kind = cell["value"]["kind"]
        if kind == "blank":
            assert value is None, key
        elif kind == "text":
            assert value == cell["value"]["text"], key
        else:
            number = Decimal(cell["value"]["value"])
            assert value == number, key
            amount = key.endswith((".amount", ".amount_10k_yuan"))
            whole = number == number.to_integral_value()
            assert isinstance(value, int if whole and not amount else Decimal), key
        placed = report.cell(key)
        assert (placed.line, placed.column) == (
            cell["location"]["line"],
            cell["location"]["column"],
        )
        assert placed.raw == cell["raw"]
        # Line and column point at the cell's text in `Report.text`.
        text = report.text.encode()[placed.start : placed.end].decode()
        assert text == placed.raw or placed.raw == "", (key, text, placed.raw)


def test_metadata_of_a_seed():
    report = zfxxgk.read(corpus_dir() / "seeds" / "002_6c2b816ae976f4e8.txt")
    assert (report.year, report.edition, report.encoding, report.kind) == (
        2020,
        "2019",
        "UTF-8",
        "text",
    )
    assert report.cells["t2.procurement.amount"] == Decimal("81284.86")
    assert report.cells["t3.granted.total"] == 1
    assert report.cell("t3.granted.total").line == 129
    assert report.cell("t4.review.total") is not None
    with pytest.raises(ValueError, match="t9.nothing"):
        report.cell("t9.nothing")


def test_wrong_argument_types_raise_type_error():
    with pytest.raises(TypeError, match="path"):
        zfxxgk.read(12)
    with pytest.raises(ValueError, match="lang"):
        zfxxgk.check(b"x", lang="fr")
