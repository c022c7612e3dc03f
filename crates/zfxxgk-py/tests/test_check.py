"""`zfxxgk.check` gives the findings of `zfxxgk check --format json`."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import List

import pytest

import zfxxgk
from conftest import cli_stdout, corpus_files

FILES = corpus_files()


def place(p: zfxxgk.Place) -> dict:
    location = (
        None
        if p.line is None
        else {"start": p.start, "end": p.end, "line": p.line, "column": p.column}
    )
    return {"key": p.key, "value": p.value, "location": location}


def as_cli(finding: zfxxgk.Finding) -> dict:
    """A Python finding in the shape of the command line's JSON."""
    return {
        "source": finding.source,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": {"zh": finding.message_zh, "en": finding.message_en},
        "places": [place(p) for p in finding.places],
        "expected": finding.expected,
        "actual": finding.actual,
        "culprit": finding.culprit,
    }


def from_cli(finding: dict) -> dict:
    return {k: v for k, v in finding.items() if k != "notes"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_findings_equal_the_command_lines(cli, path, lang):
    doc = json.loads(cli_stdout(cli, "check", path, "--format", "json"))
    expected = [from_cli(f) for f in doc["findings"]]
    found = zfxxgk.check(zfxxgk.read(path), lang=lang)
    assert [as_cli(f) for f in found] == expected
    # Messages and notes in the language asked for; `to_dict` is the CLI's finding.
    assert [f.message for f in found] == [f["message"][lang] for f in doc["findings"]]
    assert [f.notes for f in found] == [[n[lang] for n in f["notes"]] for f in doc["findings"]]
    assert [dict(f.to_dict(), source=f.source) for f in found] == doc["findings"]
    # A path is read first, and gives the same.
    assert [as_cli(f) for f in zfxxgk.check(path, lang=lang)] == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_places_name_the_cells_as_read(path):
    report = zfxxgk.read(path)
    for f in zfxxgk.check(report):
        cells = [p for p in f.places if p.key is not None]
        assert [p.key for p in cells] == f.keys
        for p in cells:
            cell = report.cell(p.key)
            assert (cell.line, cell.column) == (p.line, p.column)
            assert (cell.start, cell.end) == (p.start, p.end)
            if p.value is not None:
                assert p.value == cell.raw


def stub_members(cls: str) -> List[str]:
    """The properties and methods the type stubs give class ``cls``."""
    stubs = Path(zfxxgk.__file__).with_name("_zfxxgk.pyi")
    if not stubs.exists():
        stubs = Path(__file__).parents[1] / "python" / "zfxxgk" / "_zfxxgk.pyi"
    tree = ast.parse(stubs.read_text(encoding="utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls]
    return [f.name for f in node.body if isinstance(f, ast.FunctionDef)]


def test_findings_and_places_have_what_the_stubs_say():
    found = [f for path in FILES for f in zfxxgk.check(path, lang="en")]
    f = next(f for f in found if f.notes and f.places)
    for name in stub_members("Finding"):
        assert hasattr(f, name), name
    for name in stub_members("Place"):
        assert hasattr(f.places[0], name), name
    # Nothing is joined by a separator: each note is in one language.
    assert all(" | " not in n for g in found for n in g.notes)
    assert all(" | " not in n["zh"] for g in found for n in g.to_dict()["notes"])
