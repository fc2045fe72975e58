"""The files of a run's tables: the stage tables' writers, the last run's rows of
unchanged documents copied into them, and the all-or-nothing commit of every table,
cache and the manifest (with its fault injection for the crash-safety tests).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .. import storage
from ..schemas import STAGE_TABLES, TABLES, UNCORRECTED

FAIL_AFTER_ENV = "ACCORDS_FAIL_AFTER"  # fault injection for the crash-safety test
Writers = dict[str, storage.TableWriter]


def new_writers(out: Path, run_id: str) -> Writers:
    writers: Writers = {}
    try:
        for name in STAGE_TABLES:
            writers[name] = storage.TableWriter(name, out, run_id)
    except BaseException:  # Ctrl-C or SIGTERM among them: none is left behind
        for writer in writers.values():
            writer.discard()
        raise
    return writers


def discard(writers: Writers) -> None:
    for writer in writers.values():
        writer.close()
        writer.discard()


def reuse_previous(out: Path, doc_ids: set[str], writers: Writers, corrected: set[str]) -> bool:
    """Copy the last run's rows of ``doc_ids`` into the new tables: the pipeline's own rows,
    so those of the documents its corrections changed come from ``.uncorrected.*``
    (the corrections are applied afresh). False if any table is missing or damaged (then
    everything is redone)."""
    try:
        for name, writer in writers.items():
            cached = doc_ids & corrected if name in UNCORRECTED else set()
            for table in storage.previous_batches(name, out, doc_ids - cached):
                writer.write_arrow(table)
            if cached:
                for table in storage.previous_batches(UNCORRECTED[name], out, cached):
                    writer.write_arrow(table)
    except Exception:  # a missing or damaged table: redo everything
        return False
    return True


def commit(
    out: Path,
    writers: Writers,
    frames: dict[str, pd.DataFrame],
    state: dict,
    run_id: str,
    caches: dict[str, pa.Table] | None = None,
) -> dict[str, int]:
    """All or nothing: every table, cache and the manifest are written under temporary
    names first (if one cannot be, the rest are removed and the last run's dataset stays
    whole); then they are renamed into place, the stage tables, the pipeline's own rows
    of the documents corrections changed (``caches``), accords, corrections, boilerplate,
    documents, the line hashes and the manifest last. Returns the row counts."""
    staged: list[tuple[str, storage.Staged]] = list(writers.items())
    try:
        for name, table in (caches or {}).items():
            staged.append((name, storage.stage_arrow(table, name, out, run_id)))
        for name, frame in frames.items():
            staged.append((name, storage.stage_table(frame, name, out, run_id)))
        staged.append(("manifest", storage.stage_json(state, "manifest", out)))
    except BaseException:
        for _, file in staged:
            file.discard()
        raise
    for name, file in staged:
        file.commit()
        fail_point(name)
    if not caches:  # no document is corrected: no cache of uncorrected rows is kept
        for cache in UNCORRECTED.values():
            storage.remove_table(cache, out)
    counts = {name: len(frame) for name, frame in frames.items() if name in TABLES}
    return counts | {name: writer.rows for name, writer in writers.items()}


def fail_point(name: str) -> None:
    """Crash on purpose after writing table ``name`` (``ACCORDS_FAIL_AFTER``), for tests."""
    if os.environ.get(FAIL_AFTER_ENV) == name:
        os._exit(70)
