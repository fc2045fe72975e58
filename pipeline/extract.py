"""The whole pipeline: corpus folder in, Parquet tables out.

ingest + clean -> documents, boilerplate; parse; sentences; entities and
people; commitments; agreements (which also completes commitments). Each
stage is a plain function in its own module; this module only wires them
together and hands the tables to ``storage``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import spacy
from spacy.language import Language

from . import __version__, clean, ingest, storage
from .agreements import build_agreements, noun_matcher
from .commitments import extract_commitments, matcher_for
from .entities import extract_entities
from .nlp import load_nlp, parse_lines, resolve_model_name
from .parallel import ordered_map
from .patterns_io import rules_version
from .people import extract_people
from .schemas import empty_frame
from .sentences import split_sentences

CHUNK_DOCS = 16  # documents parsed and processed together, whatever the worker count
MIN_DOCS_PER_WORKER = 50


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    seconds: float = 0.0
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    processed: int = 0


def recurring_key(lines: frozenset[str], recurring: frozenset[str]) -> str:
    """A hash of the corpus-recurring lines a document contains (``lines`` is its
    ``clean.line_set``): its cleaning depends on nothing else outside the document."""
    return text_hash("\n".join(sorted(lines & recurring)))


@dataclass
class CleanCache:
    """Cleaning results of the previous run, reused when neither the document nor
    the recurring lines it contains changed."""

    keys: dict[str, str] = field(default_factory=dict)  # doc_id -> recurring key
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> title, text
    removed: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)


def build_documents(
    raw_docs: list[ingest.RawDocument], cache: CleanCache | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every readable document: the ``documents`` and ``boilerplate`` tables
    (with a ``recurring_key`` per document in ``documents.attrs``)."""
    cache = cache or CleanCache()
    line_sets = {d.doc_id: clean.line_set(d.raw_text) for d in raw_docs if d.status == "ok"}
    recurring = clean.recurring_lines(line_sets.values())
    documents, removed, keys = [], [], {}
    for raw in raw_docs:
        title = text = ""
        status, reason = raw.status, raw.reason
        n_removed = 0
        if status == "ok":
            key = keys[raw.doc_id] = recurring_key(line_sets[raw.doc_id], recurring)
            if cache.keys.get(raw.doc_id) == key and raw.doc_id in cache.documents:
                title, text = cache.documents[raw.doc_id]
                lines = cache.removed.get(raw.doc_id, [])
            else:
                cleaned = clean.clean_text(raw.raw_text, recurring)
                title, text, lines = cleaned.title, cleaned.text, cleaned.removed
            n_removed = len(lines)
            removed += [
                {"doc_id": raw.doc_id, "line_no": no, "text": line, "rule": rule}
                for no, line, rule in lines
            ]
            if not text.strip():
                status, reason = "rejected", "nothing left after removing site chrome"
        documents.append(
            {
                "doc_id": raw.doc_id,
                "source": raw.source,
                "sources": raw.sources,
                "title": title,
                "text": text,
                "status": status,
                "reason": reason,
                "encoding": raw.encoding,
                "n_chars": len(text),
                "n_boilerplate_lines": n_removed,
            }
        )
    boilerplate = pd.DataFrame(removed) if removed else empty_frame("boilerplate")
    frame = pd.DataFrame(documents)
    frame.attrs["recurring_keys"] = keys
    return frame, boilerplate


def clean_cache(out: Path, previous: dict | None, current: dict) -> CleanCache:
    """The previous run's cleaning, if it was made by the same pipeline and rules."""
    if not previous or any(previous.get(k) != v for k, v in current.items()):
        return CleanCache()
    try:
        docs = storage.read_columns("documents", out, ["doc_id", "title", "text", "status"])
        lines = storage.read_columns("boilerplate", out, ["doc_id", "line_no", "text", "rule"])
    except Exception:  # no usable previous tables: clean everything
        return CleanCache()
    cache = CleanCache(
        keys={k: d.get("recurring_key") for k, d in previous.get("documents", {}).items()},
    )
    for doc_id, title, text, status in zip(
        docs["doc_id"], docs["title"], docs["text"], docs["status"], strict=True
    ):
        if status == "ok":
            cache.documents[doc_id] = (title, text)
    for doc_id, no, text, rule in zip(
        lines["doc_id"], lines["line_no"], lines["text"], lines["rule"], strict=True
    ):
        cache.removed.setdefault(doc_id, []).append((no, text, rule))
    return cache


def run_stages(docs: list) -> dict[str, pd.DataFrame]:
    """All per-document stages over a batch of parsed documents."""
    commitments = extract_commitments(docs)
    agreements, commitments = build_agreements(docs, commitments)
    return {
        "sentences": split_sentences(docs),
        "entities": extract_entities(docs),
        "people": extract_people(docs),
        "commitments": commitments,
        "agreements": agreements,
    }


@dataclass
class ChunkResult:
    """The rows of one chunk of documents, and the documents that failed."""

    tables: dict[str, pa.Table]
    failures: list[tuple[str, str]]  # (doc_id, reason)
    n_docs: int


def parse_chunk(nlp: Language, pairs: list[tuple[str, str]]) -> tuple[list, list]:
    """Parse ``(text, doc_id)`` pairs; returns (Docs, failures)."""
    try:
        parsed = list(parse_lines(nlp, pairs))
    except Exception:  # one unparsable document must not stop the run
        parsed, failures = [], []
        for text, doc_id in pairs:
            try:
                parsed += list(parse_lines(nlp, [(text, doc_id)]))
            except Exception as error:
                failures.append((doc_id, f"parsing failed: {type(error).__name__}: {error}"))
    else:
        failures = []
    docs = []
    for doc, doc_id in parsed:
        doc.user_data["doc_id"] = doc_id
        docs.append(doc)
    return docs, failures


def run_stages_checked(docs: list) -> tuple[dict[str, pd.DataFrame], list[tuple[str, str]]]:
    """``run_stages``, leaving out (and reporting) any document that makes a stage fail."""
    try:
        return run_stages(docs), []
    except Exception:  # find the culprit, keep the others
        good, failures = [], []
        for doc in docs:
            try:
                run_stages([doc])
            except Exception as error:
                reason = f"extraction failed: {type(error).__name__}: {error}"
                failures.append((doc.user_data["doc_id"], reason))
            else:
                good.append(doc)
        return run_stages(good), failures


def process_chunk(nlp: Language, items: list[tuple[str, str]]) -> ChunkResult:
    """Parse a chunk of ``(text, doc_id)`` documents and run every stage on it.

    The same function runs in worker processes and in the main process, over
    the same fixed chunks, so ``--workers`` never changes a result. Strings
    that parsing adds to the vocabulary are dropped after the chunk (spaCy's
    memory zone), so a long run's memory stays flat.
    """
    with nlp.memory_zone():
        docs, failures = parse_chunk(nlp, items)
        frames, more = run_stages_checked(docs)
        tables = {name: storage.to_arrow(frames[name], name) for name in STAGE_TABLES}
        del docs
    return ChunkResult(tables, failures + more, len(items))


def load_worker_nlp(model: str) -> Language:
    """A worker's pipeline, with the rule matchers built before any memory zone."""
    nlp = load_nlp(model)
    matcher_for(nlp.vocab)
    noun_matcher(nlp.vocab)
    return nlp


def chunks(documents: pd.DataFrame) -> Iterator[list[tuple[str, str]]]:
    """``(text, doc_id)`` pairs in chunks of ``CHUNK_DOCS``, in corpus order."""
    pairs = list(zip(documents["text"].tolist(), documents["doc_id"].tolist(), strict=True))
    size = CHUNK_DOCS
    for start in range(0, len(pairs), size):
        yield pairs[start : start + size]


def process_documents(
    documents: pd.DataFrame, model: str, workers: int
) -> Iterator[ChunkResult]:
    """Process ``documents`` chunk by chunk, in ``workers`` processes when that pays."""
    # starting worker processes costs more than it saves on a few documents
    if workers > 1 and len(documents) >= MIN_DOCS_PER_WORKER * workers:
        yield from ordered_map(load_worker_nlp, (model,), process_chunk, chunks(documents), workers)
        return
    nlp = load_worker_nlp(model)
    for chunk in chunks(documents):
        yield process_chunk(nlp, chunk)


STAGE_TABLES = ("sentences", "entities", "people", "commitments", "agreements")
FAIL_AFTER_ENV = "ACCORDS_FAIL_AFTER"  # fault injection for the crash-safety test


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprint(model: str) -> dict:
    """What a document's results depend on besides its cleaned text."""
    return {
        "pipeline_version": __version__,
        "rules_version": rules_version(),
        "model": f"{model}-{spacy.util.get_package_version(model) or '?'}",
    }


@dataclass
class Plan:
    """Which documents a run processes, and what it can keep from the last run."""

    process: list[str]
    reuse: list[str]
    new: int = 0
    changed: int = 0
    removed: int = 0


def plan_run(documents: pd.DataFrame, previous: dict | None, current: dict, force: bool) -> Plan:
    ok = documents[documents["status"] == "ok"]
    ids = ok["doc_id"].tolist()
    hashes = dict(zip(ok["doc_id"], ok["text"].map(text_hash), strict=True))
    old_docs = (previous or {}).get("documents", {})
    same_versions = previous is not None and all(previous.get(k) == v for k, v in current.items())
    old_sources = {src: doc_id for doc_id, d in old_docs.items() for src in d.get("sources", [])}
    plan = Plan(process=[], reuse=[])
    for doc_id, sources in zip(ok["doc_id"], ok["sources"], strict=True):
        old = old_docs.get(doc_id)
        reusable = (
            not force
            and same_versions
            and old is not None
            and old.get("status") == "ok"
            and old.get("text_hash") == hashes[doc_id]
        )
        (plan.reuse if reusable else plan.process).append(doc_id)
        if old is None:
            if any(src in old_sources for src in sources):
                plan.changed += 1
            else:
                plan.new += 1
        elif not reusable:
            plan.changed += 1
    current_sources = {src for sources in documents["sources"] for src in sources}
    plan.removed = sum(
        1
        for doc_id, d in old_docs.items()
        if doc_id not in ids and not set(d.get("sources", [])) & current_sources
    )
    return plan


def reuse_previous(out: Path, doc_ids: set[str], writers: dict) -> bool:
    """Copy the last run's rows of ``doc_ids`` into the new tables; False if any
    table is missing or damaged (then everything is redone)."""
    try:
        for name, writer in writers.items():
            for table in storage.previous_batches(name, out, doc_ids):
                writer.write_arrow(table)
    except Exception:  # a missing or damaged table: redo everything
        return False
    return True


def mark_failed(documents: pd.DataFrame, failures: list[tuple[str, str]]) -> None:
    """Documents that a stage could not process are listed as rejected, with the error;
    the next run tries them again."""
    for doc_id, reason in failures:
        row = documents["doc_id"] == doc_id
        documents.loc[row, "status"] = "rejected"
        documents.loc[row, "reason"] = reason


def fail_point(name: str) -> None:
    """Crash on purpose after writing table ``name`` (``ACCORDS_FAIL_AFTER``), for tests."""
    if os.environ.get(FAIL_AFTER_ENV) == name:
        os._exit(70)


def extract(
    corpus: Path,
    out: Path,
    model: str | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Run the pipeline on ``corpus`` and write every table to ``out``.

    Only new or changed documents are parsed; the rows of unchanged ones are
    kept from the previous run (see ``manifest.json``), so the result equals a
    run from scratch. Tables are written one by one, each atomically, and the
    manifest last: a run killed half way leaves readable tables, and the next
    run redoes whatever the old manifest does not vouch for.
    """
    started = time.perf_counter()
    model_name = resolve_model_name(model)
    current = fingerprint(model_name)
    previous = storage.read_json("manifest", out)
    same_versions = previous is not None and all(previous.get(k) == v for k, v in current.items())
    known = (
        set()
        if force or not same_versions
        else {
            doc_id for doc_id, d in previous.get("documents", {}).items() if d.get("status") == "ok"
        }
    )
    raw_docs, ignored = ingest.read_corpus(corpus, known_ok=known)
    documents, boilerplate = build_documents(
        raw_docs, None if force else clean_cache(out, previous, current)
    )
    del raw_docs  # the raw texts are not needed any more
    plan = plan_run(documents, previous, current, force)
    writers = {name: storage.TableWriter(name, out) for name in STAGE_TABLES}
    failures: list[tuple[str, str]] = []
    try:
        if plan.reuse and not reuse_previous(out, set(plan.reuse), writers):
            for writer in writers.values():
                writer.close()
                writer.discard()
            writers = {name: storage.TableWriter(name, out) for name in STAGE_TABLES}
            plan = Plan(
                process=plan.reuse + plan.process,
                reuse=[],
                new=plan.new,
                changed=plan.changed + len(plan.reuse),
                removed=plan.removed,
            )
        if plan.process:
            todo = documents[documents["doc_id"].isin(set(plan.process))]
            done = 0
            for result in process_documents(todo, model_name, workers):
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
    mark_failed(documents, failures)
    counts = {"documents": len(documents), "boilerplate": len(boilerplate)}
    for name, writer in writers.items():
        writer.commit()
        counts[name] = writer.rows
        fail_point(name)
    for name, frame in (("boilerplate", boilerplate), ("documents", documents)):
        storage.write_table(frame, name, out)
        fail_point(name)
    manifest = current | {
        "documents": {
            row.doc_id: {
                "sources": list(row.sources),
                "status": row.status,
                "reason": row.reason,
                "encoding": row.encoding,
                "text_hash": text_hash(row.text),
                "recurring_key": documents.attrs["recurring_keys"].get(row.doc_id),
            }
            for row in documents.itertuples()
        },
    }
    storage.write_json(manifest, "manifest", out)
    return Summary(
        counts=counts,
        rejected=[(row.source, row.reason) for row in documents.itertuples() if row.status != "ok"],
        ignored=[str(p.relative_to(corpus)) for p in ignored],
        seconds=time.perf_counter() - started,
        new=plan.new,
        changed=plan.changed,
        removed=plan.removed,
        unchanged=len(plan.reuse),
        processed=len(plan.process),
    )


def summary_lines(summary: Summary) -> list[str]:
    c = summary.counts
    lines = [
        f"{summary.new} new, {summary.changed} changed, {summary.removed} removed, "
        f"{summary.unchanged} unchanged: processed {summary.processed} document(s)",
        f"documents    {c['documents']:>6}  ({c['documents'] - len(summary.rejected)} ok, "
        f"{len(summary.rejected)} rejected, {c['boilerplate']} boilerplate lines removed)",
        f"sentences    {c['sentences']:>6}",
        f"entities     {c['entities']:>6}  ({c['people']} people)",
        f"commitments  {c['commitments']:>6}",
        f"agreements   {c['agreements']:>6}",
    ]
    if summary.ignored:
        lines.append(f"ignored {len(summary.ignored)} file(s) with unsupported extensions")
    for source, reason in summary.rejected:
        lines.append(f"warning: {source}: {reason}")
    return lines
