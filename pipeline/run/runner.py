"""Documents to Arrow tables, chunk by chunk, in worker processes when that pays.

The same ``process_chunk`` runs in worker processes and in the main process, over
the same fixed chunks, so ``--workers`` never changes a result. A document that
makes the parser or a component fail is left out of the tables and reported with
its error; the other documents of its chunk are unaffected.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa

from .. import forkserver, storage
from ..ingest import failure
from ..nlp.model_names import resolve_model_name
from ..schemas import STAGE_TABLES, empty_frame
from .parallel import Pool, ordered_map, warm_pool

if TYPE_CHECKING:  # spaCy and the stages are imported where documents are parsed: a
    # run's main process that hands them to workers never loads them (half a second)
    from spacy.language import Language
    from spacy.tokens import Doc


def parse_lines(nlp: Language, pairs: list[tuple[str, str]]) -> Iterator[Doc]:
    """``nlp.model.parse_lines``, imported where documents are parsed."""
    from ..nlp.model import parse_lines as parse

    return parse(nlp, pairs)


def load_nlp(model: str) -> Language:
    """``components.load_nlp``, imported where a pipeline is loaded."""
    from ..components import load_nlp as load

    return load(model)


CHUNK_DOCS = 16  # documents parsed and processed together, whatever the worker count
WORKER_START_SECONDS = 120  # a fresh worker loads the model before its first chunk
MIN_DOCS_PER_WORKER = 50
Failure = tuple[str, str]  # (doc_id, reason)


@dataclass
class ChunkResult:
    """The rows of one chunk of documents, and the documents that failed."""

    tables: dict[str, pa.Table]
    failures: list[Failure]
    n_docs: int


Item = tuple[str, str, str | None]  # (text, doc_id, the release's published date)


SECONDS_PER_DOC = 60.0  # a press release takes well under a second; --max-seconds-per-doc
_budget = {"seconds": SECONDS_PER_DOC}


class TooSlow(Exception):
    """A document ran past its time budget."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TooSlow`` in the block after ``seconds`` (Unix main thread; elsewhere the
    worker pool's chunk timeout still holds)."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TooSlow(f"processing took longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def set_budget(seconds: float) -> None:
    _budget["seconds"] = seconds


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
        del docs
        tables, worse = arrow_tables(rows)
    return ChunkResult(tables, failures + more + worse, len(items))


DocRows = list[tuple[str, dict[str, list[dict[str, Any]]]]]  # (doc_id, its rows per table)


def arrow_tables(rows: DocRows) -> tuple[dict[str, pa.Table], list[Failure]]:
    """The chunk's rows as Arrow tables of the declared schemas; if they do not fit, each
    document's are tried alone, and those that do not fit are left out and reported."""
    try:
        return joined_tables([own for _, own in rows]), []
    except Exception:  # find the document at fault
        kept, failures = [], []
        for doc_id, own in rows:
            try:
                joined_tables([own])
            except Exception as error:
                failures.append((doc_id, failure("building rows", error)))
            else:
                kept.append(own)
        return joined_tables(kept), failures


def joined_tables(rows: list[dict[str, list[dict[str, Any]]]]) -> dict[str, pa.Table]:
    gathered: dict[str, list[dict[str, Any]]] = {name: [] for name in STAGE_TABLES}
    for own in rows:
        for name in STAGE_TABLES:
            gathered[name] += own[name]
    return {name: storage.rows_to_arrow(gathered[name], name) for name in STAGE_TABLES}


def parse_chunk(nlp: Language, pairs: list[tuple[str, str]]) -> tuple[list[Doc], list[Failure]]:
    """Parse ``(text, doc_id)`` pairs; returns (Docs, failures)."""
    seconds = _budget["seconds"]
    try:
        with time_limit(seconds * len(pairs)):
            return list(parse_lines(nlp, pairs)), []
    except Exception:  # one unparsable or endless document must not stop the run
        parsed, failures = [], []
        for text, doc_id in pairs:
            try:
                with time_limit(seconds):
                    parsed += list(parse_lines(nlp, [(text, doc_id)]))
            except TooSlow as error:
                failures.append((doc_id, f"parsing failed: {error}"))
            except Exception as error:
                failures.append((doc_id, f"parsing failed: {type(error).__name__}: {error}"))
        return parsed, failures


def annotate_checked(nlp: Language, docs: list[Doc]) -> tuple[DocRows, list[Failure]]:
    """Run the components over each Doc and build its rows, leaving out (and reporting,
    naming the step) any document that makes a component or its rows fail."""
    rows: DocRows = []
    failures: list[Failure] = []
    for doc in docs:
        doc_id = doc._.accords_doc_id
        try:
            with time_limit(_budget["seconds"]):
                rows.append((doc_id, document_rows(nlp, doc)))
        except Exception as error:
            failures.append((doc_id, extraction_failure(error)))
    return rows, failures


class RowsFailed(Exception):
    """Building a document's rows raised ``error``."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def document_rows(nlp: Language, doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The rows of one parsed Doc, after every component (``ComponentFailed`` or
    ``RowsFailed`` says which step raised)."""
    from ..components import annotate
    from ..tables import doc_rows

    annotated = annotate(nlp, doc)
    try:
        return doc_rows(annotated)
    except TooSlow:
        raise
    except Exception as error:
        raise RowsFailed(error) from error


def extraction_failure(error: Exception) -> str:
    """The reason a document is rejected after ``error``, naming the step that raised."""
    from ..components import ComponentFailed

    step, cause = "extraction", error
    if isinstance(error, ComponentFailed):
        step, cause = f"extraction in {error.component}", error.error
    elif isinstance(error, RowsFailed):
        step, cause = "building rows", error.error
    if isinstance(cause, TooSlow):
        return f"extraction failed: {cause}"
    return failure(step, cause)


def workers_for(n_docs: int, asked: int) -> int:
    """The processes a job of ``n_docs`` documents gets: starting one costs about as
    much as parsing ``MIN_DOCS_PER_WORKER`` documents, so no more than that pays."""
    return max(1, min(asked, n_docs // MIN_DOCS_PER_WORKER))


_preloaded: dict[str, Language] = {}  # loaded in the fork server, before the fork


def load_worker(model: str, seconds_per_doc: float) -> Language:
    """A worker's pipeline (the fork server's, when it preloaded this model) and time
    budget."""
    set_budget(seconds_per_doc)
    return _preloaded.get(model) or load_nlp(model)


def preload(model: str | None) -> None:
    """In the fork server: load ``model`` (None: the default) and run the warm-up, so
    that every worker forked after starts with both done. A model that fails to load is
    left to each worker, which then reports why."""
    try:
        name = resolve_model_name(model)
        nlp = load_nlp(name)
        warm_up(nlp, None)
    except Exception:
        return
    _preloaded[name] = nlp


WARM_UP_TEXT = (
    "NAIROBI, 2 March 2026 – The Ministry of Labour of Kenya and the International "
    "Organization for Migration (IOM) signed a Memorandum of Understanding on Monday in "
    "Nairobi. Both parties will work together to protect migrant workers, said Minister "
    "Jane Wanjiru, who signed for the Government of Kenya.\nThe agreement aims to improve "
    "labour migration governance."
)  # made up: a release of the usual shape, so every stage builds its lazy tables


def warm_up(nlp: Language, _item: Any) -> None:
    """Run a made-up release through the parser and every stage once, so that the first
    chunk does not pay for the lazily built tables (gazetteers, caches, the model's
    first calls)."""
    process_chunk(nlp, [(WARM_UP_TEXT, "warm-up", None)])


def start_workers(
    model: str, workers: int, n_docs: int, seconds_per_doc: float = SECONDS_PER_DOC
) -> Pool | None:
    """Get a job of about ``n_docs`` documents' workers ready while the main process
    reads and cleans the corpus: the fork server started, loading the model (the pool
    is made when the chunks come: forking then takes no time), else a pool of spawned
    workers started and warmed up now. None when there is no pool yet to hand on (or the
    job will run in this process)."""
    workers = workers_for(n_docs, workers)
    if workers < 2 or (forkserver.start(model) and forkserver.usable()):
        return None
    return warm_pool(load_worker, (model, seconds_per_doc), workers, warm_up)


def failed_chunk(chunk: list[Item], reason: str) -> ChunkResult:
    """A chunk whose process died or timed out twice: its documents are rejected."""
    tables = {name: storage.to_arrow(empty_frame(name), name) for name in STAGE_TABLES}
    return ChunkResult(tables, [(doc_id, reason) for _, doc_id, _ in chunk], len(chunk))


def chunks(documents: pd.DataFrame) -> Iterator[list[Item]]:
    """``(text, doc_id, published)`` items in chunks of ``CHUNK_DOCS``, in corpus order."""
    published = [None if pd.isna(p) else str(p) for p in documents["published"].tolist()]
    items = list(
        zip(documents["text"].tolist(), documents["doc_id"].tolist(), published, strict=True)
    )
    for start in range(0, len(items), CHUNK_DOCS):
        yield items[start : start + CHUNK_DOCS]


def process_documents(
    documents: pd.DataFrame,
    model: str,
    workers: int,
    seconds_per_doc: float = SECONDS_PER_DOC,
    pool: Pool | None = None,
) -> Iterator[ChunkResult]:
    """Process ``documents`` chunk by chunk, in ``workers`` processes when that pays
    (see ``workers_for``), those of ``pool`` (``start_workers``) when it has as many."""
    workers = workers_for(len(documents), workers)
    if pool is not None and pool.workers != workers:
        pool.kill()
        pool = None
    if workers > 1:

        def timeout(chunk: list[Item]) -> float:
            return WORKER_START_SECONDS + seconds_per_doc * len(chunk)

        yield from ordered_map(
            load_worker,
            (model, seconds_per_doc),
            process_chunk,
            chunks(documents),
            workers,
            timeout,
            failed_chunk,
            pool,
        )
        return
    set_budget(seconds_per_doc)
    nlp = load_nlp(model)
    for chunk in chunks(documents):
        yield process_chunk(nlp, chunk)
