"""The whole run: corpus folder in, Parquet tables out.

``extract`` reads as its steps: read the corpus → clean it (reusing the last run's
cleaning where nothing changed) → plan what to parse → copy the kept rows → parse
and annotate the rest (``runner``) → commit the tables and the manifest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .. import corrections, ingest, storage
from ..hashing import short_hash
from ..nlp.model_names import check_model, resolve_model_name
from ..schemas import TABLES, UNCORRECTED
from .engine import Engine, LocalEngine
from .linking import link_accords
from .options import check_options, cores
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
from .writing import Writers, commit, discard, new_writers, reuse_previous


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
    workers: int | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    max_seconds_per_doc: float = SECONDS_PER_DOC,
    scheduler: str | None = None,
    corrections_at: str | Path | None = None,
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
    the tables are the same as a local run's. ``workers`` defaults to the number of
    cores (``default_workers``), as on the command line.

    The analyst's corrections (``corrections_at``: a folder of ``*.jsonl`` files or one
    file; by default ``corrections/`` beside a local corpus) are applied to the rows
    before they are committed, so every run gives the corrected tables
    (``pipeline.corrections``); a location asked for that does not exist is an error.

    The arguments are checked first (``options``: ``OptionError``), then the model and
    the corrections are loaded, and the scheduler reached, before the outputs folder is
    created or locked.
    """
    workers = default_workers() if workers is None else workers
    checked = check_options(corpus, out, workers, max_seconds_per_doc, scheduler)
    workers = checked.workers
    check_model(model)  # before anything is created or started
    location = corrections.default_location(corpus) if corrections_at is None else corrections_at
    loaded = corrections.load(
        None if location is None else Path(location), required=corrections_at is not None
    )
    engine = open_engine(scheduler, workers, model)
    try:
        with storage.staged(out) as folder, storage.locked(folder):
            summary = run(
                corpus, folder, model, workers, force, progress, max_seconds_per_doc, engine, loaded
            )
    finally:
        engine.close()
    summary.notes[:0] = checked.notes
    return summary


def default_workers() -> int:
    """The processes a run starts unless told otherwise: one per core."""
    return cores()


def open_engine(scheduler: str | None, workers: int, model: str | None = None) -> Engine:
    """The local process pool, or a client of the Dask cluster at ``scheduler``."""
    if not scheduler:
        return LocalEngine()
    from .dask_engine import DaskEngine

    return DaskEngine.connect(scheduler, workers, model)


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
    read_now = {d.doc_id for d in raw_docs if d.read}
    engine.prepare(model_name, workers, max_seconds_per_doc, len(raw_docs))  # start workers

    def reread(document: ingest.RawDocument) -> ingest.RawDocument:
        read_now.add(document.doc_id)
        return ingest.reread(listing, document)

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
    ids = (run_id, corrected_docs(previous, trusted))
    writers, plan, failures = write_stage_tables(out, documents, plan, how, progress, ids)
    try:
        step, accords = correct_and_link(writers, documents, failures, loaded)
        state = manifest(documents, current, keys, stats) | {"run_id": run_id}
        frames = {
            "accords": accords,
            "corrections": step.audit(),
            "boilerplate": boilerplate,
            "documents": documents,
            LINE_HASHES: line_hash_frame(documents, hashes),
        }
        state |= corrections_state(step)
        counts = commit(out, writers, frames, state, run_id, uncorrected_tables(step))
    finally:
        for writer in writers.values():
            writer.discard()  # after a commit, nothing is left to remove
    return Summary(
        counts=counts,
        rejected=[(row.source, row.reason) for row in documents.itertuples() if row.status != "ok"],
        ignored=listing.ignored,
        notes=notes + encoding_notes(documents[documents["doc_id"].isin(read_now)]),
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


def corrected_docs(previous: Manifest | None, trusted: bool) -> set[str]:
    """The documents whose rows the last run's tables hold corrected (their pipeline's
    own rows are in the ``.uncorrected.*`` caches)."""
    return set(previous.get("corrected_docs") or []) if previous and trusted else set()


def correct_and_link(
    writers: Writers, documents: pd.DataFrame, failures: list[Failure], loaded: corrections.Loaded
) -> tuple[corrections.Step, pd.DataFrame]:
    """After the stages: the documents they failed on rejected, the analyst's corrections
    applied to the rows, then the accords linked (a document whose rows make linking fail
    is rejected too). Returns the corrections step and the accords table."""
    mark_failed(documents, failures)
    step = corrections.correct(writers, documents, loaded)
    accords, unlinked = link_accords(writers, documents, step)
    mark_failed(documents, unlinked)
    return step, accords


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
    """Files read with a few bytes replaced, or in a detected encoding: worth a look.
    Said when a file is read, not on every run that keeps its rows."""
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


def mark_failed(documents: pd.DataFrame, failures: list[Failure]) -> None:
    """Documents that a stage could not process are listed as rejected, with the error;
    the next run tries them again."""
    for doc_id, reason in failures:
        row = documents["doc_id"] == doc_id
        documents.loc[row, "status"] = "rejected"
        documents.loc[row, "reason"] = reason


def uncorrected_tables(step: corrections.Step) -> dict[str, pa.Table]:
    """The pipeline's own rows of the documents the corrections changed, by cache name
    (none when no document is corrected: ``commit`` then removes the old caches)."""
    if not step.docs:
        return {}
    return {
        cache: step.uncorrected.get(name, TABLES[name].empty_table())
        for name, cache in UNCORRECTED.items()
    }
