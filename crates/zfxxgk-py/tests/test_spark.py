"""The Spark job (`zfxxgk.spark`, Spark local mode) gives the command line's facts and
findings on the seeds."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

from conftest import cli_stdout, csv_rows, seeds_dir

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (.ci/run installs it)")

if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Spark needs a JDK", allow_module_level=True)

import zfxxgk.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The Python workers must be this interpreter, where zfxxgk is installed (on a
    # cluster: the executors' Python, with the wheel installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("zfxxgk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def first_line(finding: dict):
    """The line of a finding's first place that has a location, as the CLI writes it."""
    return next((p["location"]["line"] for p in finding["places"] if p["location"]), None)


def local(path: str) -> str:
    return path[len("file:") :] if path.startswith("file:") else path


def files(spark):
    return spark.read.format("binaryFile").option("pathGlobFilter", "*.txt").load(
        str(seeds_dir())
    )


def test_spark_facts_equal_the_command_lines(spark, cli):
    rows = csv_rows(cli_stdout(cli, "parse", str(seeds_dir()), "--format", "facts"))[1:]
    got = [(local(r.path), r.key, r.value) for r in zfxxgk.spark.facts(files(spark)).collect()]
    assert sorted(got) == sorted(tuple(r) for r in rows)


def test_spark_findings_equal_the_command_lines(spark, cli):
    doc = json.loads(cli_stdout(cli, "check", str(seeds_dir()), "--format", "json"))
    # T305 compares the years of one body across files: the per-file job leaves it out.
    expected = sorted(
        (f["source"], f["rule"], f["message"]["zh"], first_line(f))
        for f in doc["findings"]
        if f["rule"] != "T305"
    )
    got = sorted(
        (local(r.path), r.rule, r.message, r.line)
        for r in zfxxgk.spark.findings(files(spark)).collect()
    )
    assert got == expected


def test_spark_read_errors(spark, tmp_path):
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64))
    df = spark.read.format("binaryFile").load(str(tmp_path))
    errors = zfxxgk.spark.read_errors(df).collect()
    assert [(r.error, "PNG image" in r.message) for r in errors] == [
        ("UnsupportedFileError", True)
    ]
    assert zfxxgk.spark.facts(df).count() == 0
