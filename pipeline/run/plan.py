"""What a run must do: the fingerprint of the pipeline, the cleaning it can reuse, and
which documents it parses and which it keeps from the last run (``manifest.json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd
import spacy

from .. import __version__, ingest, storage
from ..entities.release import release_date
from ..hashing import short_hash
from ..rules.files import rules_version
from ..schemas import empty_frame
from .engine import Engine, LocalEngine

Manifest = dict[str, Any]
METADATA = ("published", "url", "site")  # a release's own metadata (``release_metadata``)


def fingerprint(model: str) -> dict[str, str]:
    """What a document's results depend on besides its cleaned text."""
    return {
        "pipeline_version": __version__,
        "rules_version": rules_version(),
        "model": f"{model}-{spacy.util.get_package_version(model) or '?'}",
    }


def same_versions(previous: Manifest | None, current: dict[str, str]) -> bool:
    """The last run was made by this pipeline, rules and model."""
    return previous is not None and all(previous.get(k) == v for k, v in current.items())


def known_ok(previous: Manifest | None, current: dict[str, str], force: bool) -> set[str]:
    """Documents the last run of the same pipeline accepted (not re-checked on ingest)."""
    if force or not same_versions(previous, current):
        return set()
    assert previous is not None
    docs = previous.get("documents", {})
    return {doc_id for doc_id, d in docs.items() if d.get("status") == "ok"}


@dataclass
class CleanCache:
    """Cleaning results of the previous run, reused when neither the document nor
    the recurring lines it contains changed."""

    keys: dict[str, str] = field(default_factory=dict)  # doc_id -> recurring key
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> title, text
    metadata: dict[str, dict[str, str | None]] = field(default_factory=dict)  # published ...
    removed: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)


def clean_cache(out: Path, previous: Manifest | None, current: dict[str, str]) -> CleanCache:
    """The previous run's cleaning, if it was made by the same pipeline and rules."""
    if not previous or not same_versions(previous, current):
        return CleanCache()
    try:
        docs = storage.read_columns(
            "documents", out, ["doc_id", "title", "text", "status", *METADATA]
        )
        lines = storage.read_columns("boilerplate", out, ["doc_id", "line_no", "text", "rule"])
    except Exception:  # no usable previous tables: clean everything
        return CleanCache()
    cache = CleanCache(
        keys={k: d.get("recurring_key") for k, d in previous.get("documents", {}).items()},
    )
    for n, (doc_id, title, text, status) in enumerate(
        zip(docs["doc_id"], docs["title"], docs["text"], docs["status"], strict=True)
    ):
        if status == "ok":
            cache.documents[doc_id] = (title, text)
            cache.metadata[doc_id] = {name: docs[name][n] for name in METADATA}
    for doc_id, no, text, rule in zip(
        lines["doc_id"], lines["line_no"], lines["text"], lines["rule"], strict=True
    ):
        cache.removed.setdefault(doc_id, []).append((no, text, rule))
    return cache


def build_documents(
    raw_docs: list[ingest.RawDocument],
    cache: CleanCache | None = None,
    engine: Engine | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every readable document: the ``documents`` and ``boilerplate`` tables
    (with a ``recurring_key`` per document in ``documents.attrs``). The ``engine``
    (this process by default) counts the recurring lines and cleans."""
    cache = cache or CleanCache()
    engine = engine or LocalEngine()
    readable = [d for d in raw_docs if d.status == "ok"]
    items = [
        (d.doc_id, d.raw_text, cache.keys.get(d.doc_id) if d.doc_id in cache.documents else None)
        for d in readable
    ]
    cleaned = dict(zip([d.doc_id for d in readable], engine.clean(items), strict=True))
    documents, removed, keys = [], [], {}
    for raw in raw_docs:
        title = text = ""
        status, reason = raw.status, raw.reason
        lines: list[tuple[int, str, str]] = []
        metadata = None
        if status == "ok":
            key, result = cleaned[raw.doc_id]
            keys[raw.doc_id] = key
            if result is None:
                title, text = cache.documents[raw.doc_id]
                lines = cache.removed.get(raw.doc_id, [])
                metadata = cache.metadata.get(raw.doc_id)
            else:
                title, text, lines = result.title, result.text, result.removed
            removed += [
                {"doc_id": raw.doc_id, "line_no": no, "text": line, "rule": rule}
                for no, line, rule in lines
            ]
            if not text.strip():
                status, reason = "rejected", "nothing left after removing site chrome"
            elif not text.partition("\n")[2].strip():
                status, reason = "rejected", "no body text after removing site chrome"
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
                "n_boilerplate_lines": len(lines),
                **(metadata or release_metadata(text, raw.meta)),
            }
        )
    boilerplate = pd.DataFrame(removed) if removed else empty_frame("boilerplate")
    frame = pd.DataFrame(documents)
    frame.attrs["recurring_keys"] = keys
    return frame, boilerplate


def release_metadata(text: str, meta: dict[str, str]) -> dict[str, str | None]:
    """``published``: the release's own date (its dateline's, a date line by the
    headline's, else the HTML page's); ``url`` and ``site`` where the page gives them."""
    found = release_date(text) if text else None
    published = found.value if found is not None else meta.get("published")
    url = meta.get("url")
    site = urlparse(url).netloc.removeprefix("www.") if url else None
    return {"published": published, "url": url, "site": site or None}


@dataclass
class Plan:
    """Which documents a run processes, and what it can keep from the last run."""

    process: list[str]
    reuse: list[str]
    new: int = 0
    changed: int = 0
    removed: int = 0

    def redo_all(self) -> Plan:
        """The plan when nothing of the last run can be kept."""
        return Plan(
            process=self.reuse + self.process,
            reuse=[],
            new=self.new,
            changed=self.changed + len(self.reuse),
            removed=self.removed,
        )


def plan_run(
    documents: pd.DataFrame, previous: Manifest | None, current: dict[str, str], force: bool
) -> Plan:
    ok = documents[documents["status"] == "ok"]
    ids = set(ok["doc_id"].tolist())
    hashes = dict(zip(ok["doc_id"], ok["text"].map(short_hash), strict=True))
    old_docs = (previous or {}).get("documents", {})
    reusable_run = not force and same_versions(previous, current)
    old_sources = {src: doc_id for doc_id, d in old_docs.items() for src in d.get("sources", [])}
    plan = Plan(process=[], reuse=[])
    for doc_id, sources in zip(ok["doc_id"], ok["sources"], strict=True):
        old = old_docs.get(doc_id)
        reusable = (
            reusable_run
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


def manifest(
    documents: pd.DataFrame, current: dict[str, str], keys: dict[str, str | None]
) -> Manifest:
    return current | {
        "documents": {
            row.doc_id: {
                "sources": list(row.sources),
                "status": row.status,
                "reason": row.reason,
                "encoding": row.encoding,
                "text_hash": short_hash(str(row.text)),
                "recurring_key": keys.get(row.doc_id),
            }
            for row in documents.itertuples()
        },
    }
