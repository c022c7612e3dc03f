"""Bad input raises `zfxxgk.ReadError` with the command line's message, and never
crashes the interpreter."""

from __future__ import annotations

import os
import random
import shutil

import pytest

import zfxxgk
from conftest import corpus_dir, run_cli


def cli_message(cli, path, env=None) -> str:
    done = run_cli(cli, "parse", str(path), "--format", "facts", env=env)
    assert done.returncode == 2, done
    lines = [l for l in done.stderr.decode().splitlines() if l.startswith("zfxxgk: ")]
    return lines[0][len("zfxxgk: ") :]


def test_random_bytes(cli, tmp_path):
    path = tmp_path / "random.bin"
    path.write_bytes(random.Random(19).randbytes(4096))
    with pytest.raises(zfxxgk.UnsupportedFileError) as e:
        zfxxgk.read(path)
    assert str(e.value) == cli_message(cli, path)
    assert isinstance(e.value, zfxxgk.ReadError)


def test_an_empty_file(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(zfxxgk.ReadError) as e:
        zfxxgk.read(path)
    assert str(e.value) == cli_message(cli, path)
    assert "no text in it" in str(e.value)


def test_a_pdf_without_pdftotext(cli, tmp_path, monkeypatch):
    pdf = next(corpus_dir().glob("real/*.pdf"))
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(zfxxgk.PdfToolError) as e:
        zfxxgk.read(pdf)
    env = dict(os.environ, PATH=str(empty))
    assert str(e.value) == cli_message(cli, pdf, env=env)
    assert "pdftotext" in str(e.value)


def test_a_missing_file(cli, tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(zfxxgk.FileAccessError) as e:
        zfxxgk.read(path)
    assert str(path) in str(e.value)


def test_bytes_are_named_in_the_message():
    with pytest.raises(zfxxgk.UnsupportedFileError, match="^upload.png: this is a PNG image"):
        zfxxgk.read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64), name="upload.png")


def test_no_input_crashes_the_interpreter():
    rng = random.Random(1919)
    seeds = [p.read_bytes() for p in sorted(corpus_dir().glob("seeds/*.txt"))]
    prefixes = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"%PDF-", b"<html>"]
    for _ in range(300):
        kind = rng.randrange(3)
        if kind == 0:
            data = rng.choice(prefixes) + rng.randbytes(rng.randrange(2048))
        else:
            seed = bytearray(rng.choice(seeds))
            for _ in range(rng.randrange(1, 40)):
                at = rng.randrange(len(seed))
                seed[at : at + rng.randrange(8)] = rng.randbytes(rng.randrange(8))
            data = bytes(seed)
        try:
            report = zfxxgk.read(data, name="fuzz.txt")
        except zfxxgk.ReadError as e:
            assert str(e).startswith("fuzz.txt: ")
            continue
        report.cells
        report.to_dict()
        for f in zfxxgk.check(report):
            assert f.rule and f.message
