"""The whole pipeline: corpus folder in, Parquet tables out.

ingest + clean -> documents, boilerplate; parse; sentences; entities and
people; commitments; agreements (which also completes commitments). Each
stage is a plain function in its own module; this module only wires them
together and hands the tables to ``storage``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, clean, ingest, storage
from .agreements import build_agreements
from .commitments import extract_commitments
from .entities import extract_entities
from .nlp import load_nlp, model_description, parse_lines
from .patterns_io import rules_version
from .people import extract_people
from .schemas import empty_frame
from .sentences import split_sentences

BATCH_SIZE = 64
PROGRESS_MIN_DOCS = 50


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_documents(
    raw_docs: list[ingest.RawDocument],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every readable document: the ``documents`` and ``boilerplate`` tables."""
    usable = [d for d in raw_docs if d.status == "ok"]
    recurring = clean.recurring_lines(d.raw_text for d in usable)
    documents, removed = [], []
    for raw in raw_docs:
        title = text = ""
        status, reason = raw.status, raw.reason
        n_removed = 0
        if status == "ok":
            cleaned = clean.clean_text(raw.raw_text, recurring)
            title, text = cleaned.title, cleaned.text
            n_removed = len(cleaned.removed)
            removed += [
                {"doc_id": raw.doc_id, "line_no": no, "text": line, "rule": rule}
                for no, line, rule in cleaned.removed
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
    return pd.DataFrame(documents), boilerplate


def parse_documents(nlp, documents: pd.DataFrame, workers: int = 1):
    """Yield parsed spaCy Docs of the ``ok`` documents, with ``user_data["doc_id"]``."""
    ok = documents[documents["status"] == "ok"]
    pairs = zip(ok["text"].tolist(), ok["doc_id"].tolist(), strict=False)
    for doc, doc_id in parse_lines(nlp, pairs, n_process=workers):
        doc.user_data["doc_id"] = doc_id
        yield doc


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


def concat(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_frame(name)


def extract(
    corpus: Path,
    out: Path,
    model: str | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Run the pipeline on ``corpus`` and write every table to ``out``."""
    started = time.perf_counter()
    raw_docs, ignored = ingest.read_corpus(corpus)
    documents, boilerplate = build_documents(raw_docs)
    nlp = load_nlp(model)
    n_ok = int((documents["status"] == "ok").sum())
    parts: dict[str, list[pd.DataFrame]] = {}
    batch: list = []
    done = 0
    for doc in parse_documents(nlp, documents, workers):
        batch.append(doc)
        if len(batch) >= BATCH_SIZE:
            for name, frame in run_stages(batch).items():
                parts.setdefault(name, []).append(frame)
            done += len(batch)
            batch = []
            if progress:
                progress(done, n_ok)
    if batch:
        for name, frame in run_stages(batch).items():
            parts.setdefault(name, []).append(frame)
        done += len(batch)
        if progress:
            progress(done, n_ok)
    tables = {"documents": documents, "boilerplate": boilerplate}
    for name in ("sentences", "entities", "people", "commitments", "agreements"):
        tables[name] = concat(parts.get(name, []), name)
    for name, frame in tables.items():
        storage.write_table(frame, name, out)
    manifest = {
        "pipeline_version": __version__,
        "rules_version": rules_version(),
        "model": model_description(nlp),
        "documents": {
            row.doc_id: {"sources": list(row.sources), "status": row.status}
            for row in documents.itertuples()
        },
    }
    storage.write_json(manifest, "manifest", out)
    summary = Summary(
        counts={name: len(frame) for name, frame in tables.items()},
        rejected=[(row.source, row.reason) for row in documents.itertuples() if row.status != "ok"],
        ignored=[str(p.relative_to(corpus)) for p in ignored],
        seconds=time.perf_counter() - started,
    )
    return summary


def summary_lines(summary: Summary) -> list[str]:
    c = summary.counts
    lines = [
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


def dumps(obj) -> str:
    return json.dumps(obj, indent=2, sort_keys=True)
