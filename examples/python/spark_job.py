"""zfxxgk on Spark: the facts and findings of every report under a folder, as Parquet.

    spark-submit examples/python/spark_job.py INPUT_DIR OUTPUT_DIR    # a cluster
    python examples/python/spark_job.py INPUT_DIR OUTPUT_DIR          # local mode

On a cluster, install the zfxxgk wheel on every executor first (and pdftotext, from
poppler-utils, for PDF reports): build it once with
`maturin build --release -m crates/zfxxgk-py/Cargo.toml` and install it in the
executors' image or bootstrap script, or ship a packed virtualenv with
`--archives venv.tar.gz#venv` and `PYSPARK_PYTHON=./venv/bin/python`.
"""

import sys

from pyspark.sql import SparkSession

import zfxxgk.spark

source, out = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("zfxxgk").getOrCreate()  # local[*] under plain python
# Reports are small files: Spark's default cost of opening one (4 MB) makes a task of
# every 32 files, and each task's start outweighs reading them; 64 KB packs them.
spark.conf.set("spark.sql.files.openCostInBytes", str(64 * 1024))
files = (
    spark.read.format("binaryFile")
    .option("recursiveFileLookup", "true")
    .option("pathGlobFilter", "*.{txt,md,html,htm,pdf,docx}")
    .load(source)
)
zfxxgk.spark.facts(files).write.mode("overwrite").parquet(f"{out}/facts")
zfxxgk.spark.findings(files).write.mode("overwrite").parquet(f"{out}/findings")
zfxxgk.spark.read_errors(files).write.mode("overwrite").parquet(f"{out}/read_errors")
spark.read.parquet(f"{out}/findings").groupBy("rule").count().show()
spark.stop()
