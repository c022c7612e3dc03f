"""The Python examples under examples/python run as their docstrings say, and give
the command line's numbers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest

from conftest import REPO, cli_stdout, csv_rows, seeds_dir

EXAMPLES = REPO / "examples" / "python"


def run_example(name: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        env=env,
        cwd=REPO,
        check=False,
    )


def test_read_folder_prints_the_command_lines_totals_by_year(cli):
    done = run_example("read_folder.py", str(seeds_dir()))
    assert done.returncode == 0, done.stderr.decode()
    rows = csv_rows(cli_stdout(cli, "parse", str(seeds_dir()), "--format", "csv-wide"))
    header, body = rows[0], rows[1:]
    year, total = header.index("year"), header.index("t3.new_received.total")
    by_year = defaultdict(int)
    for r in body:
        if r[year]:
            # pandas sums a blank cell as nothing: a year whose totals are all blank is 0.
            by_year[r[year]] += int(r[total]) if r[total] else 0
    out = done.stdout.decode()
    # pandas prints the group sums last, a line per year: `2020    123`.
    sums = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit() and len(parts[0]) == 4:
            sums[parts[0]] = int(parts[1])
    assert sums == dict(by_year), out


def test_spark_job_writes_the_command_lines_facts(cli, tmp_path):
    pytest.importorskip("pyspark", reason="pyspark is not installed (.ci/run installs it)")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("Spark needs a JDK")
    pq = pytest.importorskip("pyarrow.parquet")
    done = run_example("spark_job.py", str(seeds_dir()), str(tmp_path))
    assert done.returncode == 0, done.stderr.decode()[-4000:]
    facts = pq.read_table(tmp_path / "facts").to_pylist()
    got = sorted(
        (f["path"].removeprefix("file:"), f["key"], f["value"]) for f in facts
    )
    rows = csv_rows(cli_stdout(cli, "parse", str(seeds_dir()), "--format", "facts"))[1:]
    assert got == sorted(tuple(r) for r in rows)
    assert pq.read_table(tmp_path / "read_errors").num_rows == 0
