"""A folder of reports to pandas: one row per report, a column per canonical key.

    python examples/python/read_folder.py reports/

Without an argument it reads the seeds of the corpus (../shared/corpus/seeds).
"""

import sys
from pathlib import Path

import pandas as pd

import zfxxgk

folder = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2].parent / "shared/corpus/seeds"
wide = zfxxgk.read_many(folder).to_pandas(types_mapper=pd.ArrowDtype)
print(wide[["source", "year", "edition", "t3.new_received.total", "t3.results_total.total"]])
print(wide.groupby("year")["t3.new_received.total"].sum())
