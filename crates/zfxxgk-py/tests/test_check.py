"""`zfxxgk.check` gives the findings of `zfxxgk check --format json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import zfxxgk
from conftest import cli_stdout, corpus_files

FILES = corpus_files()


def as_cli(finding: zfxxgk.Finding) -> dict:
    """A Python finding in the shape of the command line's JSON."""
    out = {
        "source": finding.source,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "keys": finding.keys,
        "expected": finding.expected,
        "actual": finding.actual,
        "spans": [(line, column) for _key, _text, line, column in finding.places],
        "culprit": finding.culprit,
        "notes": finding.notes,
    }
    return out


def from_cli(finding: dict) -> dict:
    return {
        "source": finding["source"],
        "rule": finding["rule"],
        "severity": finding["severity"],
        "message": finding["message"],
        "keys": finding["keys"],
        "expected": finding.get("expected"),
        "actual": finding.get("actual"),
        "spans": [(s["line"], s["column"]) for s in finding["spans"]],
        "culprit": finding.get("culprit"),
        "notes": finding.get("notes", []),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_findings_equal_the_command_lines(cli, path, lang):
    doc = json.loads(cli_stdout(cli, "check", path, "--format", "json", "--lang", lang))
    expected = [from_cli(f) for f in doc["findings"]]
    found = zfxxgk.check(zfxxgk.read(path), lang=lang)
    assert [as_cli(f) for f in found] == expected
    # A path is read first, and gives the same.
    assert [as_cli(f) for f in zfxxgk.check(path, lang=lang)] == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name)
def test_places_name_the_cells_as_read(path):
    report = zfxxgk.read(path)
    for f in zfxxgk.check(report):
        cells = [p for p in f.places if p[0] is not None]
        assert [p[0] for p in cells] == f.keys
        for key, text, line, column in cells:
            cell = report.cell(key)
            assert (cell.line, cell.column) == (line, column)
            assert text == report.text.encode()[cell.start : cell.end].decode()
