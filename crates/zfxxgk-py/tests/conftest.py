"""Shared fixtures: the repository, the corpus, and the command line to compare with.

The command line is the reference: every test here reads something from Python and
from `zfxxgk` (the binary of crates/zfxxgk-cli) and asserts they agree. `ZFXXGK_CLI`
names a built binary; otherwise `cargo build -p zfxxgk-cli` builds one, once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import zfxxgk
from zfxxgk import _zfxxgk

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def cli() -> str:
    given = os.environ.get("ZFXXGK_CLI")
    if given:
        return given
    subprocess.run(
        ["cargo", "build", "-q", "-p", "zfxxgk-cli"], cwd=REPO, check=True
    )
    target = os.environ.get("CARGO_TARGET_DIR", str(REPO / "target"))
    return str(Path(target) / "debug" / "zfxxgk")


def run_cli(cli: str, *args: str, env: Dict[str, str] = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [cli, *args, "--no-progress"], capture_output=True, env=env, check=False
    )


def cli_stdout(cli: str, *args: str) -> str:
    done = run_cli(cli, *args)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout.decode()


def csv_rows(text: str) -> List[List[str]]:
    return list(csv.reader(io.StringIO(text)))


def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (a fresh clone): the corpus tests need ../shared/corpus")
    return CORPUS


def corpus_files() -> List[str]:
    """Every report of the corpus, as `zfxxgk parse DIR` finds them."""
    if not CORPUS.is_dir():
        return []
    files, problems = _zfxxgk.expand([str(CORPUS)])
    assert not problems, problems
    return [str(f) for f in files]


def seeds_dir() -> Path:
    return corpus_dir() / "seeds"
