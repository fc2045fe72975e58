"""The whole run: corpus folder in, Parquet tables out.

``extract`` reads as its steps: read the corpus → clean it (reusing the last run's
cleaning where nothing changed) → plan what to parse → copy the kept rows → parse
and annotate the rest (``runner``) → commit the tables and the manifest.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import ingest, storage
from ..hashing import short_hash
from ..nlp.model import check_model, resolve_model_name
from ..schemas import TABLES
from ..tables import STAGE_TABLES
from .engine import Engine, LocalEngine
from .linking import link_accords
from .options import check_options
from .plan import (
    LINE_HASHES,
    CleanCache,
    Manifest,
    Plan,
    build_documents,
    clean_cache,
    fingerprint,
    known_files,
    known_ok,
    manifest,
    plan_run,
)
from .runner import SECONDS_PER_DOC, Failure
from .summary import Summary

FAIL_AFTER_ENV = "ACCORDS_FAIL_AFTER"  # fault injection for the crash-safety test
Writers = dict[str, storage.TableWriter]


@dataclass
class Work:
    """How the documents of a run are processed."""

    engine: Engine
    model: str
    workers: int
    seconds_per_doc: float


def extract(
    corpus: str | Path,
    out: str | Path,
    model: str | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    max_seconds_per_doc: float = SECONDS_PER_DOC,
    scheduler: str | None = None,
) -> Summary:
    """Run the pipeline on ``corpus`` and write every table to ``out``.

    Only new or changed documents are parsed; the rows of unchanged ones are
    kept from the previous run (see ``manifest.json``), so the result equals a
    run from scratch. Every table and the manifest are written under temporary names
    first, then renamed into place, the manifest last (``commit``): a failed write
    leaves the last run's dataset whole, a run killed between the renames leaves
    tables that readers refuse and the next run redoes.

    ``corpus`` and ``out`` are folders or URLs that fsspec reaches (``s3://…``,
    ``memory://…``); remote outputs are published when the run succeeds
    (``storage.staged``). ``scheduler`` runs cleaning and parsing on a Dask cluster
    (an address, or ``"local"`` for a ``LocalCluster`` of ``workers`` processes);
    the tables are the same as a local run's.

    The arguments are checked first (``options``: ``OptionError``), and the model and
    the scheduler before the outputs folder is created or locked.
    """
    checked = check_options(corpus, out, workers, max_seconds_per_doc, scheduler)
    workers = checked.workers
    check_model(model)  # before anything is created or started
    engine = open_engine(scheduler, workers)
    try:
        with storage.staged(out) as folder, storage.locked(folder):
            summary = run(
                corpus, folder, model, workers, force, progress, max_seconds_per_doc, engine
            )
    finally:
        engine.close()
    summary.notes[:0] = checked.notes
    return summary


def open_engine(scheduler: str | None, workers: int) -> Engine:
    """The local process pool, or a client of the Dask cluster at ``scheduler``."""
    if not scheduler:
        return LocalEngine()
    from .dask_engine import DaskEngine

    return DaskEngine.connect(scheduler, workers)


def run(
    corpus: str | Path,
    out: Path,
    model: str | None,
    workers: int,
    force: bool,
    progress: Callable[[int, int], None] | None,
    max_seconds_per_doc: float,
    engine: Engine,
) -> Summary:
    started = time.perf_counter()
    model_name = resolve_model_name(model)
    current = fingerprint(model_name)
    previous, trusted = vouched_manifest(out)
    redo = force or not trusted
    run_id = short_hash(f"{time.time_ns()}:{os.getpid()}")
    cache = CleanCache() if redo else clean_cache(out, previous, current)
    raw_docs, listing = ingest.read_corpus(
        corpus, known_ok(previous, current, redo), known_files(previous, cache)
    )
    stats = {d.doc_id: d.stats for d in raw_docs}
    engine.prepare(model_name, workers, max_seconds_per_doc, len(raw_docs))  # start workers
    reread = functools.partial(ingest.reread, listing)
    documents, boilerplate = build_documents(raw_docs, cache, engine, reread)
    del raw_docs  # the raw texts are not needed any more
    keys = documents.attrs.pop("recurring_keys")  # pandas deep-copies attrs at every step
    hashes = documents.attrs.pop("line_hashes")
    folders = listing.unreadable
    notes = [f"cannot read folder {f}: its documents are kept from the last run" for f in folders]
    if folders and trusted and previous is not None:
        documents, boilerplate = carry_over(
            out, previous, folders, (documents, boilerplate), (keys, hashes, stats), cache
        )
    plan = plan_run(documents, previous, current, redo)
    how = Work(engine, model_name, workers, max_seconds_per_doc)
    writers, plan, failures = write_stage_tables(out, documents, plan, how, progress, run_id)
    try:
        accords, unlinked = link_accords(writers, documents)
        mark_failed(documents, failures + unlinked)
        state = manifest(documents, current, keys, stats) | {"run_id": run_id}
        frames = {
            "accords": accords,
            "boilerplate": boilerplate,
            "documents": documents,
            LINE_HASHES: line_hash_frame(documents, hashes),
        }
        counts = commit(out, writers, frames, state, run_id)
    finally:
        for writer in writers.values():
            writer.discard()  # after a commit, nothing is left to remove
    return Summary(
        counts=counts,
        rejected=[(row.source, row.reason) for row in documents.itertuples() if row.status != "ok"],
        ignored=listing.ignored,
        notes=notes + encoding_notes(documents),
        seconds=time.perf_counter() - started,
        new=plan.new,
        changed=plan.changed,
        removed=plan.removed,
        unchanged=len(plan.reuse),
        processed=len(plan.process),
        workers=(workers, engine.workers_used(len(plan.process), workers)),
        engine=engine.name,
        forced=force,
    )


def carry_over(
    out: Path,
    previous: Manifest,
    folders: list[str],
    tables: tuple[pd.DataFrame, pd.DataFrame],
    state: tuple[dict, dict, dict],
    cache: CleanCache,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The last run's documents whose files all lie in folders this run cannot read:
    kept as they were (their rows are reused), not dropped as removed; their recurring
    keys, line hashes and file stats are added to ``state``."""
    documents, boilerplate = tables
    keys, hashes, stats = state
    prefixes = tuple(f.rstrip("/") + "/" for f in folders)
    present = set(documents["doc_id"])
    kept = {
        doc_id
        for doc_id, d in previous["documents"].items()
        if doc_id not in present
        and d.get("sources")
        and all(str(src).startswith(prefixes) for src in d["sources"])
    }
    if not kept:
        return documents, boilerplate
    old_docs = storage.read_table("documents", out)
    old_lines = storage.read_table("boilerplate", out)
    for doc_id in kept:
        keys[doc_id] = previous["documents"][doc_id].get("recurring_key")
        stats[doc_id] = previous["documents"][doc_id].get("stats", [])
        if doc_id in cache.hashes:
            hashes[doc_id] = cache.hashes[doc_id]
    documents = pd.concat([documents, old_docs[old_docs["doc_id"].isin(kept)]], ignore_index=True)
    boilerplate = pd.concat(
        [boilerplate, old_lines[old_lines["doc_id"].isin(kept)]], ignore_index=True
    )
    return documents, boilerplate


def line_hash_frame(documents: pd.DataFrame, hashes: dict) -> pd.DataFrame:
    """The ``.line_hashes`` cache: the line hashes of every accepted document."""
    ok = [
        doc_id
        for doc_id in documents.loc[documents["status"] == "ok", "doc_id"]
        if doc_id in hashes
    ]
    return pd.DataFrame({"doc_id": ok, "hashes": [hashes[doc_id] for doc_id in ok]})


def encoding_notes(documents: pd.DataFrame) -> list[str]:
    """Files read with a few bytes replaced, or in a detected encoding: worth a look."""
    return [
        f"{row.source}: decoded as {row.encoding}"
        for row in documents.itertuples()
        if isinstance(row.encoding, str)
        and ("replaced" in row.encoding or "detected" in row.encoding)
    ]


def vouched_manifest(out: Path) -> tuple[Manifest | None, bool]:
    """The last run's manifest (None if missing or of the wrong shape) and whether it
    vouches for the tables in ``out``: written by the run that wrote every table. A run
    killed between its tables and its manifest, or two runs that overlapped, leave a
    manifest that does not vouch for them: then nothing is reused and every document is
    processed again."""
    previous = storage.read_json("manifest", out)
    if not isinstance(previous, dict) or not isinstance(previous.get("documents"), dict):
        return None, False
    run_id = previous.get("run_id")
    trusted = bool(run_id) and all(storage.table_run_id(name, out) == run_id for name in TABLES)
    return previous, trusted


def write_stage_tables(
    out: Path,
    documents: pd.DataFrame,
    plan: Plan,
    how: Work,
    progress: Callable[[int, int], None] | None,
    run_id: str,
) -> tuple[Writers, Plan, list[Failure]]:
    """Stream the kept and the new rows of every stage table into temporary files."""
    writers = new_writers(out, run_id)
    failures: list[Failure] = []
    try:
        if plan.reuse and not reuse_previous(out, set(plan.reuse), writers):
            discard(writers)
            writers, plan = new_writers(out, run_id), plan.redo_all()
        if plan.process:
            todo = documents[documents["doc_id"].isin(set(plan.process))]
            done = 0
            for result in how.engine.process(todo, how.model, how.workers, how.seconds_per_doc):
                for name, table in result.tables.items():
                    writers[name].write_arrow(table)
                failures += result.failures
                done += result.n_docs
                if progress:
                    progress(done, len(plan.process))
        for writer in writers.values():
            writer.close()
    except BaseException:
        for writer in writers.values():
            writer.discard()
        raise
    return writers, plan, failures


def new_writers(out: Path, run_id: str) -> Writers:
    return {name: storage.TableWriter(name, out, run_id) for name in STAGE_TABLES}


def discard(writers: Writers) -> None:
    for writer in writers.values():
        writer.close()
        writer.discard()


def reuse_previous(out: Path, doc_ids: set[str], writers: Writers) -> bool:
    """Copy the last run's rows of ``doc_ids`` into the new tables; False if any
    table is missing or damaged (then everything is redone)."""
    try:
        for name, writer in writers.items():
            for table in storage.previous_batches(name, out, doc_ids):
                writer.write_arrow(table)
    except Exception:  # a missing or damaged table: redo everything
        return False
    return True


def mark_failed(documents: pd.DataFrame, failures: list[Failure]) -> None:
    """Documents that a stage could not process are listed as rejected, with the error;
    the next run tries them again."""
    for doc_id, reason in failures:
        row = documents["doc_id"] == doc_id
        documents.loc[row, "status"] = "rejected"
        documents.loc[row, "reason"] = reason


def commit(
    out: Path, writers: Writers, frames: dict[str, pd.DataFrame], state: dict, run_id: str
) -> dict[str, int]:
    """All or nothing: every table and the manifest are written under temporary names
    first (if one cannot be, the rest are removed and the last run's dataset stays
    whole); then they are renamed into place, the stage tables, accords, boilerplate,
    documents, the line hashes and the manifest last. Returns the row counts."""
    staged: list[tuple[str, storage.Staged]] = list(writers.items())
    try:
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
    counts = {name: len(frame) for name, frame in frames.items() if name in TABLES}
    return counts | {name: writer.rows for name, writer in writers.items()}


def fail_point(name: str) -> None:
    """Crash on purpose after writing table ``name`` (``ACCORDS_FAIL_AFTER``), for tests."""
    if os.environ.get(FAIL_AFTER_ENV) == name:
        os._exit(70)
