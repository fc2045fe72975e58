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
import pyarrow as pa

from .. import corrections, ingest, storage
from ..accords import build_accords, group_accords
from ..hashing import short_hash
from ..nlp.model import resolve_model_name
from ..schemas import TABLES, UNCORRECTED
from ..tables import STAGE_TABLES
from .engine import Engine, LocalEngine
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
    corrections_at: str | Path | None = None,
) -> Summary:
    """Run the pipeline on ``corpus`` and write every table to ``out``.

    Only new or changed documents are parsed; the rows of unchanged ones are
    kept from the previous run (see ``manifest.json``), so the result equals a
    run from scratch. Tables are written one by one, each atomically, and the
    manifest last: a run killed half way leaves readable tables, and the next
    run redoes whatever the old manifest does not vouch for.

    ``corpus`` and ``out`` are folders or URLs that fsspec reaches (``s3://…``,
    ``memory://…``); remote outputs are published when the run succeeds
    (``storage.staged``). ``scheduler`` runs cleaning and parsing on a Dask cluster
    (an address, or ``"local"`` for a ``LocalCluster`` of ``workers`` processes);
    the tables are the same as a local run's.

    The analyst's corrections (``corrections_at``: a folder of ``*.jsonl`` files or one
    file; by default ``corrections/`` beside a local corpus) are applied to the rows
    before they are committed, so every run gives the corrected tables
    (``pipeline.corrections``); a location asked for that does not exist is an error.
    """
    location = corrections.default_location(corpus) if corrections_at is None else corrections_at
    loaded = corrections.load(
        None if location is None else Path(location), required=corrections_at is not None
    )
    with storage.staged(out) as folder, storage.locked(folder):
        engine = open_engine(scheduler, workers)
        try:
            return run(
                corpus, folder, model, workers, force, progress, max_seconds_per_doc, engine, loaded
            )
        finally:
            engine.close()


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
    loaded: corrections.Loaded,
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
    corrected = set(previous.get("corrected_docs") or []) if previous and trusted else set()
    ids = (run_id, corrected)
    writers, plan, failures = write_stage_tables(out, documents, plan, how, progress, ids)
    mark_failed(documents, failures)
    step = corrections.correct(writers, documents, loaded)
    accords = link_accords(writers["agreements"], documents, step)
    counts = commit(out, writers, documents, boilerplate, accords, run_id, step)
    storage.write_table(line_hash_frame(documents, hashes), LINE_HASHES, out, run_id)
    state = manifest(documents, current, keys, stats) | {"run_id": run_id}
    storage.write_json(state | corrections_state(step), "manifest", out)
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
        corrections=step.summary_lines(),
    )


def corrections_state(step: corrections.Step) -> dict:
    """What the manifest records of the corrections: the documents whose rows the tables
    hold corrected (a re-run reuses their uncorrected rows), the files applied, where."""
    location = step.loaded.location
    return {
        "corrected_docs": step.docs,
        "corrections": step.loaded.files,
        "corrections_at": str(Path(location).resolve()) if location else None,
    }


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
    names = [*TABLES] + ([*UNCORRECTED.values()] if previous.get("corrected_docs") else [])
    trusted = bool(run_id) and all(storage.table_run_id(name, out) == run_id for name in names)
    return previous, trusted


def write_stage_tables(
    out: Path,
    documents: pd.DataFrame,
    plan: Plan,
    how: Work,
    progress: Callable[[int, int], None] | None,
    ids: tuple[str, set[str]],
) -> tuple[Writers, Plan, list[Failure]]:
    """Stream the kept and the new rows of every stage table into temporary files
    (``ids``: the run's id, and the documents the last run's corrections changed)."""
    run_id, corrected = ids
    writers = new_writers(out, run_id)
    failures: list[Failure] = []
    try:
        if plan.reuse and not reuse_previous(out, set(plan.reuse), writers, corrected):
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


def mark_failed(documents: pd.DataFrame, failures: list[Failure]) -> None:
    """Documents that a stage could not process are listed as rejected, with the error;
    the next run tries them again."""
    for doc_id, reason in failures:
        row = documents["doc_id"] == doc_id
        documents.loc[row, "status"] = "rejected"
        documents.loc[row, "reason"] = reason


def link_accords(
    agreements: storage.TableWriter, documents: pd.DataFrame, step: corrections.Step
) -> pd.DataFrame:
    """Give every agreement row its accord (across the whole corpus, with the analyst's
    merges and splits) and build the ``accords`` table; the agreement rows are rewritten
    with their ``accord_id``."""
    table = agreements.read_back()
    frame = table.drop(["accord_id"]).to_pandas()
    published = dict(zip(documents["doc_id"], documents["published"], strict=True))
    ids = group_accords(frame, published)
    ids, moved = corrections.regroup_accords(step, frame, ids, published)
    column = table.schema.get_field_index("accord_id")
    table = table.set_column(column, "accord_id", pa.array(ids, pa.string()))
    if moved is not None:
        frame["corrected"] = moved
        column = table.schema.get_field_index("corrected")
        table = table.set_column(column, "corrected", pa.array(moved, pa.list_(pa.string())))
    agreements.replace(table)
    return build_accords(frame, ids, published)


def commit(
    out: Path,
    writers: Writers,
    documents: pd.DataFrame,
    boilerplate: pd.DataFrame,
    accords: pd.DataFrame,
    run_id: str,
    step: corrections.Step,
) -> dict[str, int]:
    """Move every table into place (the stage tables, the pipeline's own rows of the
    documents corrections changed, then accords, corrections, boilerplate and documents);
    returns the row counts."""
    counts = {"documents": len(documents), "boilerplate": len(boilerplate)}
    for name, writer in writers.items():
        writer.commit()
        counts[name] = writer.rows
        fail_point(name)
    for name, cache in UNCORRECTED.items():  # none when no document is corrected
        if step.docs:
            storage.write_arrow(step.uncorrected[name], cache, out, run_id)
        else:
            storage.remove_table(cache, out)
    for name, frame in (
        ("accords", accords),
        ("corrections", step.audit()),
        ("boilerplate", boilerplate),
        ("documents", documents),
    ):
        storage.write_table(frame, name, out, run_id)
        counts[name] = len(frame)
        fail_point(name)
    return counts


def fail_point(name: str) -> None:
    """Crash on purpose after writing table ``name`` (``ACCORDS_FAIL_AFTER``), for tests."""
    if os.environ.get(FAIL_AFTER_ENV) == name:
        os._exit(70)
