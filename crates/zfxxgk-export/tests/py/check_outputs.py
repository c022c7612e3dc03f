#!/usr/bin/env python3
"""Check zfxxgk-export's outputs with the tools analysts use: pandas and DuckDB.

Usage:
    check_outputs.py WIDE_CSV WIDE_PARQUET [TIDY_PARQUET]

- pandas loads WIDE_CSV and every canonical-key column (t2.*, t3.*, t4.*) must be
  of a numeric dtype: blank and missing cells are empty fields, which pandas reads
  as NaN, so a column turns to `object` only when a cell holds text. The files of
  `cargo run -p zfxxgk-export --example write_sample` hold no text cell.
- DuckDB sums t3.new_received.total by year over WIDE_PARQUET; the sums must equal
  those pandas computes from the CSV, and the cell columns must be DECIMAL(38,6).
- With TIDY_PARQUET, DuckDB computes the same sums from the tidy table's `number`
  column (joined to the wide table for the year), and they must agree too.

Exits 1 with a message on the first failed check.
"""

import argparse
import sys
from decimal import Decimal

import duckdb
import pandas as pd

KEY_PREFIXES = ("t2.", "t3.", "t4.")
TOTAL = "t3.new_received.total"


def literal(path: str) -> str:
    """A path as an SQL string literal."""
    return "'" + path.replace("'", "''") + "'"


def fail(message: str) -> None:
    print(f"check_outputs: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wide_csv")
    parser.add_argument("wide_parquet")
    parser.add_argument("tidy_parquet", nargs="?")
    args = parser.parse_args()
    checks = 0

    df = pd.read_csv(
        args.wide_csv,
        dtype={"source": str, "body": str, "edition": str, "encoding": str},
        keep_default_na=False,
        na_values=[""],
    )
    keys = [c for c in df.columns if c.startswith(KEY_PREFIXES)]
    if len(keys) < 200:
        fail(f"{args.wide_csv}: only {len(keys)} key columns")
    not_numeric = [c for c in keys if not pd.api.types.is_numeric_dtype(df[c])]
    if not_numeric:
        fail(f"{args.wide_csv}: not numeric: {not_numeric[:10]}")
    if not pd.api.types.is_integer_dtype(df["year"]):
        fail(f"{args.wide_csv}: year is {df['year'].dtype}, not an integer")
    checks += 1
    print(f"ok: {len(df)} rows, {len(keys)} key columns, all numeric")

    csv_totals = {
        int(year): Decimal(str(total))
        for year, total in df.groupby("year")[TOTAL].sum().items()
    }

    con = duckdb.connect()
    wide = f"read_parquet({literal(args.wide_parquet)})"
    types = dict(
        (name, kind)
        for name, kind, *_ in con.execute(f"DESCRIBE SELECT * FROM {wide}").fetchall()
    )
    if types.get(TOTAL) != "DECIMAL(38,6)":
        fail(f"{args.wide_parquet}: {TOTAL} is {types.get(TOTAL)}")
    if types.get("year") not in ("USMALLINT", "SMALLINT", "INTEGER"):
        fail(f"{args.wide_parquet}: year is {types.get('year')}")
    checks += 1

    rows = con.execute(
        f'SELECT year, SUM("{TOTAL}") AS total, COUNT(*) AS reports '
        f"FROM {wide} GROUP BY year ORDER BY year"
    ).fetchall()
    parquet_totals = {int(year): Decimal(total) for year, total, _ in rows}
    print(f"DuckDB, {TOTAL} by year (wide.parquet):")
    for year, total, reports in rows:
        print(f"  {year}: {total} ({reports} reports)")
    if parquet_totals != csv_totals:
        fail(f"wide.parquet totals {parquet_totals} != wide.csv totals {csv_totals}")
    checks += 1

    if args.tidy_parquet:
        tidy = f"read_parquet({literal(args.tidy_parquet)})"
        rows = con.execute(
            f"SELECT w.year, SUM(t.number) FROM {tidy} AS t JOIN {wide} AS w "
            f"USING (source) WHERE t.key = '{TOTAL}' GROUP BY w.year ORDER BY w.year"
        ).fetchall()
        tidy_totals = {int(year): Decimal(total) for year, total in rows}
        if tidy_totals != csv_totals:
            fail(f"tidy.parquet totals {tidy_totals} != wide.csv totals {csv_totals}")
        (mismatched,) = con.execute(
            f"SELECT COUNT(*) FROM {tidy} WHERE (kind = 'number') != (number IS NOT NULL)"
        ).fetchone()
        if mismatched:
            fail(f"{args.tidy_parquet}: {mismatched} rows whose kind and number disagree")
        checks += 1
        print("ok: tidy.parquet gives the same totals")

    print(f"check_outputs: all {checks} checks passed")


if __name__ == "__main__":
    main()
