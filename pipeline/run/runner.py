"""Documents to Arrow tables, chunk by chunk, in worker processes when that pays.

The same ``process_chunk`` runs in worker processes and in the main process, over
the same fixed chunks, so ``--workers`` never changes a result. A document that
makes the parser or a component fail is left out of the tables and reported with
its error; the other documents of its chunk are unaffected.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from .. import storage
from ..components import annotate, load_nlp
from ..nlp.model import parse_lines
from ..tables import STAGE_TABLES, doc_rows, frames
from .parallel import ordered_map

CHUNK_DOCS = 16  # documents parsed and processed together, whatever the worker count
MIN_DOCS_PER_WORKER = 50
Failure = tuple[str, str]  # (doc_id, reason)


@dataclass
class ChunkResult:
    """The rows of one chunk of documents, and the documents that failed."""

    tables: dict[str, pa.Table]
    failures: list[Failure]
    n_docs: int


Item = tuple[str, str, str | None]  # (text, doc_id, the release's published date)


def process_chunk(nlp: Language, items: list[Item]) -> ChunkResult:
    """Parse a chunk of ``(text, doc_id)`` documents, run every component and build
    the rows. Strings that parsing adds to the vocabulary are dropped after the chunk
    (spaCy's memory zone), so a long run's memory stays flat."""
    with nlp.memory_zone():
        docs, failures = parse_chunk(nlp, [(text, doc_id) for text, doc_id, _ in items])
        published = {doc_id: date for _, doc_id, date in items}
        for doc in docs:
            doc._.accords_published = published.get(doc._.accords_doc_id)
        rows, more = annotate_checked(nlp, docs)
        built = frames(rows)
        tables = {name: storage.to_arrow(built[name], name) for name in STAGE_TABLES}
        del docs
    return ChunkResult(tables, failures + more, len(items))


def parse_chunk(nlp: Language, pairs: list[tuple[str, str]]) -> tuple[list[Doc], list[Failure]]:
    """Parse ``(text, doc_id)`` pairs; returns (Docs, failures)."""
    try:
        return list(parse_lines(nlp, pairs)), []
    except Exception:  # one unparsable document must not stop the run
        parsed, failures = [], []
        for text, doc_id in pairs:
            try:
                parsed += list(parse_lines(nlp, [(text, doc_id)]))
            except Exception as error:
                failures.append((doc_id, f"parsing failed: {type(error).__name__}: {error}"))
        return parsed, failures


def annotate_checked(
    nlp: Language, docs: list[Doc]
) -> tuple[dict[str, list[dict[str, Any]]], list[Failure]]:
    """Run the components over each Doc and gather its rows, leaving out (and reporting)
    any document that makes a component fail."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in STAGE_TABLES}
    failures: list[Failure] = []
    for doc in docs:
        try:
            own = doc_rows(annotate(nlp, doc))
        except Exception as error:
            reason = f"extraction failed: {type(error).__name__}: {error}"
            failures.append((doc._.accords_doc_id, reason))
            continue
        for name in STAGE_TABLES:
            rows[name] += own[name]
    return rows, failures


def chunks(documents: pd.DataFrame) -> Iterator[list[Item]]:
    """``(text, doc_id, published)`` items in chunks of ``CHUNK_DOCS``, in corpus order."""
    published = [None if pd.isna(p) else str(p) for p in documents["published"].tolist()]
    items = list(
        zip(documents["text"].tolist(), documents["doc_id"].tolist(), published, strict=True)
    )
    for start in range(0, len(items), CHUNK_DOCS):
        yield items[start : start + CHUNK_DOCS]


def process_documents(documents: pd.DataFrame, model: str, workers: int) -> Iterator[ChunkResult]:
    """Process ``documents`` chunk by chunk, in ``workers`` processes when that pays."""
    # starting worker processes costs more than it saves on a few documents
    if workers > 1 and len(documents) >= MIN_DOCS_PER_WORKER * workers:
        yield from ordered_map(load_nlp, (model,), process_chunk, chunks(documents), workers)
        return
    nlp = load_nlp(model)
    for chunk in chunks(documents):
        yield process_chunk(nlp, chunk)
