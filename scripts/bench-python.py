"""Benchmark of the Python package (not a test: figures for the README).

    python scripts/bench-python.py [COUNT ...]      default: 1000 4000

Generates consistent reports with examples/gen_corpus.rs (build it first:
`cargo build --release --example gen_corpus`; install the package from a release
build: `pip install ./crates/zfxxgk-py`) and, in a fresh process each, reads them with
`zfxxgk.read_many` on one and two threads, printing reports per second and the
process's peak RSS (ru_maxrss) beside the size of the table it returned (pyarrow's
allocations), so that memory can be seen to grow only by the table; and with
`iter_batches`, which keeps no table. Then the Spark job (`zfxxgk.spark.facts`,
local[2]) over the first count's files, if pyspark is installed.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GEN = REPO / "target" / "release" / "examples" / "gen_corpus"

READ = """
import json, resource, sys, time, zfxxgk
import pyarrow, pyarrow.ipc  # imported before the clock starts
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if sys.argv[3] == "iter":
    start, rows = time.perf_counter(), 0
    for batch in zfxxgk.iter_batches(sys.argv[1], threads=int(sys.argv[2])):
        rows += batch.num_rows
    secs, table_mb = time.perf_counter() - start, 0.0
else:
    start = time.perf_counter()
    table = zfxxgk.read_many(sys.argv[1], threads=int(sys.argv[2]))
    secs, rows = time.perf_counter() - start, table.num_rows
    table_mb = pyarrow.total_allocated_bytes() / 1e6  # the table's buffers
print(json.dumps({"rows": rows, "secs": secs, "table_mb": table_mb, "rss_mb": rss()}))
"""

SPARK = """
import json, os, sys, time
os.environ["PYSPARK_PYTHON"] = sys.executable
from pyspark.sql import SparkSession
import zfxxgk.spark
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.sql.files.openCostInBytes", str(64 * 1024)).getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
         .load(sys.argv[1]))
n = files.count()
zfxxgk.spark.facts(files.limit(20)).write.format("noop").mode("overwrite").save()  # warm-up
start = time.perf_counter()
zfxxgk.spark.facts(files).write.format("noop").mode("overwrite").save()
print(json.dumps({"secs": time.perf_counter() - start, "files": n}))
spark.stop()
"""


def run(code: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [1000, 4000]
    with tempfile.TemporaryDirectory() as work:
        print("| run | reports | seconds | reports/s | table MB | peak RSS MB | RSS − table |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for n in counts:
            folder = Path(work) / f"c{n}"
            subprocess.run([str(GEN), str(folder), str(n)], check=True, capture_output=True)
            for how, threads in (("table", 1), ("table", 2), ("iter", 2)):
                r = run(READ, str(folder), str(threads), how)
                name = "read_many" if how == "table" else "iter_batches"
                print(
                    f"| `{name}`, {threads} thread{'s' if threads > 1 else ''} "
                    f"| {r['rows']} | {r['secs']:.2f} | {r['rows'] / r['secs']:.0f} "
                    f"| {r['table_mb']:.1f} | {r['rss_mb']:.0f} "
                    f"| {r['rss_mb'] - r['table_mb']:.0f} |",
                    flush=True,
                )
        try:
            import pyspark  # noqa: F401
        except ImportError:
            return
        r = run(SPARK, str(Path(work) / f"c{counts[0]}"))
        print(
            f"| Spark local[2], `zfxxgk.spark.facts` | {r['files']} | {r['secs']:.2f} "
            f"| {r['files'] / r['secs']:.0f} | | | |"
        )


if __name__ == "__main__":
    main()
