"""`zfxxgk.diff` gives the comparison of `zfxxgk diff OLD NEW --format json`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import zfxxgk
from conftest import CORPUS, cli_stdout, corpus_dir, corpus_files

FILES = corpus_files()
REAL = CORPUS / "real"
SEEDS = CORPUS / "seeds"

# Pairs that exercise each part of a comparison: the same body a year apart (numbers
# changed), a 2019-edition seed against a 2021-edition report (keys without counterpart,
# missing tables), two seeds (a blank edition against a known one), and every corpus
# report against the next one (whatever the two happen to hold).
PAIRS = [
    (REAL / "hongze-2023.pdf", REAL / "hongze-2024.pdf"),
    (SEEDS / "000_c121f8ee66fba0bb.txt", REAL / "pingtan-2023.html"),
    (REAL / "kewei-2024.md", SEEDS / "004_84e2449ff8fa4ecd.txt"),
    (SEEDS / "001_e0518ba9d551da5b.txt", SEEDS / "000_c121f8ee66fba0bb.txt"),
    (SEEDS / "003_32ea3ccbdc60bfbb.txt", SEEDS / "002_6c2b816ae976f4e8.txt"),
] + [(Path(a), Path(b)) for a, b in zip(FILES, FILES[1:])]


def cli_diff(cli: str, old, new) -> dict:
    doc = json.loads(cli_stdout(cli, "diff", str(old), str(new), "--format", "json"))
    [comparison] = doc["comparisons"]
    return comparison


def side(s: zfxxgk.Side) -> dict:
    return {"source": s.source, "body": s.body, "year": s.year, "edition": s.edition}


def text(d) -> str | None:
    return None if d is None else str(d)


def as_cli(d: zfxxgk.Diff) -> dict:
    """A Python diff, from its attributes, in the shape of the command line's JSON."""
    return {
        "old": side(d.old),
        "new": side(d.new),
        "changes": [
            {
                "key": c.key,
                "kind": c.kind,
                "old": c.old,
                "new": c.new,
                "change": text(c.change),
                "relative": text(c.relative),
            }
            for c in d.changes
        ],
        "unchanged": d.unchanged,
        "missing_tables": [
            {"table": m.table, "missing_in": m.missing_in} for m in d.missing_tables
        ],
        "no_counterpart": [
            {"key": n.key, "side": n.side, "value": n.value} for n in d.no_counterpart
        ],
    }


@pytest.mark.parametrize(
    "old,new", PAIRS, ids=lambda p: p.name if isinstance(p, Path) else str(p)
)
def test_diff_equals_the_command_lines(cli, old, new):
    corpus_dir()
    expected = cli_diff(cli, old, new)
    d = zfxxgk.diff(str(old), str(new))
    assert d.to_dict() == expected
    assert as_cli(d) == expected
    # Reports read first compare the same; so do the files' bytes, named alike.
    assert zfxxgk.diff(zfxxgk.read(str(old)), zfxxgk.read(str(new))).to_dict() == expected
    as_bytes = zfxxgk.diff(
        zfxxgk.read(old.read_bytes(), name=str(old)),
        zfxxgk.read(new.read_bytes(), name=str(new)),
    )
    assert as_bytes.to_dict() == expected


def test_hongze_a_year_apart():
    corpus_dir()
    d = zfxxgk.diff(REAL / "hongze-2023.pdf", REAL / "hongze-2024.pdf")
    assert (d.old.year, d.new.year) == (2023, 2024)
    assert (d.old.edition, d.new.edition) == ("2019", "2019")
    by_key = {c.key: c for c in d.changes}
    received = by_key["t3.new_received.total"]
    assert (received.kind, received.old, received.new) == ("changed", "21", "95")
    assert received.change == Decimal(74)
    assert received.relative == Decimal("3.5238")
    licensing = by_key["t2.licensing.decisions"]
    assert (licensing.old, licensing.new, licensing.change) == ("550", "9487", Decimal(8937))
    assert licensing.relative == Decimal("16.2491")
    assert "t3.new_received.total" in repr(received)


def test_editions_apart_have_keys_without_counterpart(cli):
    corpus_dir()
    old, new = SEEDS / "000_c121f8ee66fba0bb.txt", REAL / "pingtan-2023.html"
    d = zfxxgk.diff(old, new)
    assert (d.old.edition, d.new.edition) == ("2019", "2021")
    assert d.no_counterpart and all(n.side in ("old", "new") for n in d.no_counterpart)
    assert {(m.table, m.missing_in) for m in d.missing_tables} == {("t3", "old"), ("t4", "old")}
    assert {c.kind for c in d.changes} == {"only_new"}
    assert all(c.old is None and c.change is None for c in d.changes)


def test_a_report_against_itself_has_no_change():
    corpus_dir()
    report = zfxxgk.read(SEEDS / "004_84e2449ff8fa4ecd.txt")
    d = zfxxgk.diff(report, report)
    assert d.changes == [] and d.no_counterpart == [] and d.missing_tables == []
    assert d.unchanged == len(report.cells)
    frame = d.to_pandas()
    assert list(frame.columns) == ["key", "kind", "old", "new", "change", "relative"]
    assert len(frame) == 0


def test_to_pandas_holds_the_changes():
    pd = pytest.importorskip("pandas")
    corpus_dir()
    d = zfxxgk.diff(REAL / "hongze-2023.pdf", REAL / "hongze-2024.pdf")
    frame = d.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert frame["key"].tolist() == [c.key for c in d.changes]
    row = frame.set_index("key").loc["t3.new_received.total"]
    assert (row["old"], row["new"], row["change"]) == ("21", "95", Decimal(74))
    assert row["relative"] == Decimal("3.5238")


def test_bad_input_raises_read_error(tmp_path):
    corpus_dir()
    good = SEEDS / "000_c121f8ee66fba0bb.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(zfxxgk.ReadError, match="no text in it"):
        zfxxgk.diff(good, empty)
    with pytest.raises(zfxxgk.UnsupportedFileError, match="^<bytes>: "):
        zfxxgk.diff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64), good)
    with pytest.raises(zfxxgk.FileAccessError):
        zfxxgk.diff(tmp_path / "nowhere.txt", good)
    with pytest.raises(TypeError):
        zfxxgk.diff(good, 2024)
