"""Reading the dataset: every table written by the run the manifest names."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..schemas import SCHEMAS, TABLES
from .files import run_under_way, wait_for_commit
from .tables import RUN_KEY, read_json, table_run_id


class MixedOutputs(RuntimeError):
    """The tables of an outputs folder are not all the run's the manifest names."""


READ_WAIT_SECONDS = 60.0  # a reader beside runs that follow one another gives up after this
MIXED = "outputs are mid-run or damaged: run `accords extract`"


def read_dataset(out_dir: Path, names: tuple[str, ...] = tuple(TABLES)) -> dict[str, pd.DataFrame]:
    """The tables ``names`` of ``out_dir``, all written by the run its manifest names
    (``read_arrow_dataset``), as data frames."""
    return {name: table.to_pandas() for name, table in read_arrow_dataset(out_dir, names).items()}


def read_arrow_dataset(
    out_dir: Path, names: tuple[str, ...] = tuple(TABLES)
) -> dict[str, pa.Table]:
    """The tables ``names`` of ``out_dir``, all written by the run its manifest names.

    A run commits by renaming its tables into place, then its manifest: a reader that
    meets tables of two runs waits for the commit while a run holds the folder
    (``wait_for_commit``) and reads again, as often as runs follow one another (for
    ``READ_WAIT_SECONDS`` at most); tables of two runs with no run under way (one killed
    between its tables and its manifest) are an error, never a dataset."""
    deadline = time.monotonic() + READ_WAIT_SECONDS
    idle_misses = 0
    while (tables := vouched_tables(out_dir, names)) is None:
        # runs may follow one another: each commit met is waited out, until the reader
        # finds one run's tables; a run that does not commit in time, or twice no run
        # under way (one killed mid-commit), ends the wait
        if run_under_way(out_dir):
            committed = wait_for_commit(out_dir)
        else:
            idle_misses, committed = idle_misses + 1, idle_misses == 0
        if not committed or time.monotonic() > deadline:
            raise MixedOutputs(f"{out_dir}: {MIXED}")
    return tables


def vouched_tables(out_dir: Path, names: tuple[str, ...]) -> dict[str, pa.Table] | None:
    """The tables, if each carries the run id of the manifest; else None."""
    manifest = read_json("manifest", out_dir) or {}
    run_id = manifest.get("run_id") if isinstance(manifest, dict) else None
    for name in names:
        if not (out_dir / f"{name}.parquet").exists():
            raise FileNotFoundError(
                f"{out_dir / name}.parquet: no such table; run `accords extract` first"
            )
    if not run_id or any(table_run_id(name, out_dir) != run_id for name in names):
        return None
    tables = {}
    for name in names:  # a commit may have begun since: the file read is checked itself
        with open(out_dir / f"{name}.parquet", "rb") as handle:
            if (pq.read_schema(handle).metadata or {}).get(RUN_KEY, b"").decode() != run_id:
                return None
            handle.seek(0)
            tables[name] = pq.read_table(handle, schema=SCHEMAS[name])
    return tables
