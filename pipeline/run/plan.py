"""What a run must do: the fingerprint of the pipeline, the cleaning it can reuse, and
which documents it parses and which it keeps from the last run (``manifest.json``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from .. import __version__, clean, ingest, storage
from ..entities.release import date_line_above, release_date
from ..hashing import short_hash
from ..nlp.learned import learned_parts_on, models_dir
from ..nlp.model_names import package_version
from ..nlp.text import has_headline
from ..rules.files import code_version, rules_version
from ..schemas import empty_frame
from .cleaning import LINE_HASH_SCHEME, REREAD, CleaningFailed, CleanItem, CleanResult, clean_batch
from .engine import Engine, LocalEngine

Manifest = dict[str, Any]
LINE_HASHES = ".line_hashes"  # the cache of every document's line hashes
METADATA = ("published", "url", "site")  # a release's own metadata (``release_metadata``)


def fingerprint(model: str) -> dict[str, str]:
    """What a document's results depend on besides its cleaned text."""
    return {
        "pipeline_version": __version__,
        "rules_version": rules_version(),
        "code_version": code_version(),
        "line_hashes": LINE_HASH_SCHEME,  # cached line hashes of another scheme are stale
        "model": f"{model}-{package_version(model) or '?'}",
        "learned": learned_state(),
    }


def learned_state() -> str:
    """Which learned parts a run uses: "off", or a hash of the weights it reads (the
    shipped ones, or those of the folder ``$ACCORDS_MODELS`` names): a run after either
    changes redoes every document, the cleaning too."""
    if not learned_parts_on():
        return "off"
    digest = hashlib.sha256()
    for path in sorted(models_dir().glob("*.json")) + sorted(models_dir().glob("*.bin")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


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
    hashes: dict[str, np.ndarray] = field(default_factory=dict)  # doc_id -> line hashes
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
    cache.hashes = line_hash_cache(out, previous)
    return cache


def line_hash_cache(out: Path, previous: Manifest) -> dict[str, np.ndarray]:
    """The last run's line hashes per document, if that run wrote them (else none: the
    files are read again)."""
    if storage.table_run_id(LINE_HASHES, out) != previous.get("run_id"):
        return {}
    try:
        table = storage.read_arrow(LINE_HASHES, out)
    except Exception:  # missing or damaged: read the files again
        return {}
    ids = table["doc_id"].to_pylist()
    lists = table["hashes"].combine_chunks()
    offsets = lists.offsets.to_numpy()
    values = lists.values.to_numpy(zero_copy_only=False)
    return {doc_id: values[offsets[n] : offsets[n + 1]] for n, doc_id in enumerate(ids)}


def known_files(previous: Manifest | None, cache: CleanCache) -> ingest.Known:
    """The last run's files whose documents can be reused without reading them: cleaned
    by the same pipeline, with their line hashes kept."""
    if previous is None or not cache.hashes:
        return {}
    known: ingest.Known = {}
    for doc_id, d in previous.get("documents", {}).items():
        if d.get("status") != "ok" or doc_id not in cache.hashes:
            continue
        for source, stat in zip(d.get("sources", []), d.get("stats", []), strict=False):
            known[source] = (int(stat[0]), int(stat[1]), doc_id, d.get("encoding"))
    return known


def build_documents(
    raw_docs: list[ingest.RawDocument],
    cache: CleanCache | None = None,
    engine: Engine | None = None,
    reread: Callable[[ingest.RawDocument], ingest.RawDocument] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every readable document: the ``documents`` and ``boilerplate`` tables
    (with each document's ``recurring_keys`` and ``line_hashes`` in ``documents.attrs``).
    The ``engine`` (this process by default) counts the recurring lines and cleans; a
    document that was not read (unchanged) but whose recurring lines changed is read
    with ``reread`` and cleaned here."""
    cache = cache or CleanCache()
    engine = engine or LocalEngine()
    readable = [d for d in raw_docs if d.status == "ok"]
    results, recurring = engine.clean([clean_item(d, cache) for d in readable])
    cleaned = dict(zip([d.doc_id for d in readable], results, strict=True))
    stale = [d for d in readable if cleaned[d.doc_id][1] == REREAD]
    if stale:
        if reread is None:
            raise ValueError("documents that were not read need a reread function")
        fresh = {id(d): reread(d) for d in stale}
        raw_docs = [fresh.get(id(d), d) for d in raw_docs]
        again = [d for d in fresh.values() if d.status == "ok"]
        redone = clean_batch([clean_item(d, CleanCache()) for d in again], recurring)
        cleaned |= dict(zip([d.doc_id for d in again], redone, strict=True))
    documents, removed, keys, hashes = [], [], {}, {}
    for raw in raw_docs:
        result = None
        if raw.status == "ok":
            keys[raw.doc_id], result, hashes[raw.doc_id] = cleaned[raw.doc_id]
        row, lines = document_row(raw, result, cache)
        documents.append(row)
        removed += [
            {"doc_id": raw.doc_id, "line_no": no, "text": line, "rule": rule}
            for no, line, rule in lines
        ]
    boilerplate = pd.DataFrame(removed) if removed else empty_frame("boilerplate")
    frame = pd.DataFrame(documents)
    frame.attrs["recurring_keys"] = keys
    frame.attrs["line_hashes"] = hashes
    return frame, boilerplate


def document_row(
    raw: ingest.RawDocument, result: CleanResult, cache: CleanCache
) -> tuple[dict[str, Any], list[tuple[int, str, str]]]:
    """A document's row of ``documents`` and its removed lines, from its cleaning (None:
    the last run's, kept; ``CleaningFailed``: rejected with the reason)."""
    title = text = ""
    status, reason = raw.status, raw.reason
    lines: list[tuple[int, str, str]] = []
    metadata = None
    by_headline = ""
    if status != "ok":
        pass  # rejected on reading
    elif result is None:
        title, text = cache.documents[raw.doc_id]
        lines = cache.removed.get(raw.doc_id, [])
        metadata = cache.metadata.get(raw.doc_id)
    elif isinstance(result, CleaningFailed):
        status, reason = "rejected", result.reason
    else:
        assert isinstance(result, clean.CleanedText)
        title, text, lines = result.title, result.text, result.removed
        by_headline = "\n".join(filter(None, (result.over_headline, result.under_headline)))
    if status != "ok":
        pass  # rejected already
    elif not text.strip():
        status, reason = "rejected", "nothing left after removing site chrome"
    elif not text.partition("\n")[2].strip() and has_headline(text):
        status, reason = "rejected", "no body text after removing site chrome"
    if metadata is None:
        metadata, problem = checked_metadata(text, raw.meta, by_headline)
        status, reason = ("rejected", problem) if problem and status == "ok" else (status, reason)
    row = {
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
        **metadata,
    }
    return row, lines


def clean_item(document: ingest.RawDocument, cache: CleanCache) -> CleanItem:
    """What cleaning needs of a document: its text (None if not read), the last run's
    recurring key (only where its cleaning is at hand) and line hashes."""
    reusable = document.doc_id in cache.documents
    return (
        document.doc_id,
        document.raw_text if document.read else None,
        cache.keys.get(document.doc_id) if reusable else None,
        cache.hashes.get(document.doc_id),
    )


def checked_metadata(
    text: str, meta: dict[str, str], above: str = ""
) -> tuple[dict[str, str | None], str | None]:
    """``release_metadata``, and the reason to reject the document if it raised (then the
    metadata is empty)."""
    try:
        return release_metadata(text, meta, above), None
    except Exception as error:  # one document must not stop the run
        return dict.fromkeys(METADATA), ingest.failure("release metadata", error)


def release_metadata(text: str, meta: dict[str, str], above: str = "") -> dict[str, str | None]:
    """``published``: the release's own date (its dateline's, a date line by the
    headline's, else the HTML page's, else a date line that cleaning removed right
    ``above`` the headline or among the few lines under it); ``url`` and ``site`` where the
    page gives them."""
    found = release_date(text) if text else None
    published = found.value if found is not None else meta.get("published")
    if published is None and above:
        over = date_line_above(above)
        published = over.value if over is not None else None
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
    documents: pd.DataFrame,
    current: dict[str, str],
    keys: dict[str, str | None],
    stats: dict[str, list[tuple[int, int]]],
) -> Manifest:
    return current | {
        "documents": {
            row.doc_id: {
                "sources": list(row.sources),
                "stats": [list(stat) for stat in stats.get(row.doc_id, [])],
                "status": row.status,
                "reason": row.reason,
                "encoding": row.encoding,
                "text_hash": short_hash(str(row.text)),
                "recurring_key": keys.get(row.doc_id),
            }
            for row in documents.itertuples()
        },
    }
