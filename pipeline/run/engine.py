"""Where a run's work is done: in this machine's processes (``LocalEngine``, the
default) or on a Dask cluster (``dask_engine.DaskEngine``).

An engine does the two corpus-wide steps of a run, the same way whatever it runs
on: cleaning as map → reduce → map (``cleaning``), and the chunks of documents
through the parser and every stage (``runner.process_chunk``). The chunks are fixed,
so every engine writes the same tables, row for row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import numpy as np
import pandas as pd

from .cleaning import Cleaned, CleanItem, clean_all, clean_pooled
from .parallel import Pool
from .runner import ChunkResult, load_worker, process_documents, start_workers, workers_for

# From this many documents the last step of cleaning (each document against the
# recurring lines) runs in the workers, a share each: it takes some 2 ms a release, so a
# million releases cleaned in one process would keep every worker waiting half an hour.
PARALLEL_CLEAN_DOCS = 1000


class Engine(Protocol):
    name: str

    def clean(self, items: list[CleanItem]) -> tuple[list[Cleaned], np.ndarray]:
        """Every item's recurring key and cleaning, in order (``cleaning.clean_batch``
        against the recurring lines of all the items), and those lines' hashes."""
        ...

    def process(
        self, documents: pd.DataFrame, model: str, workers: int, seconds_per_doc: float
    ) -> Iterator[ChunkResult]:
        """The rows of ``documents``, chunk by chunk, in corpus order."""
        ...

    def workers_used(self, n_docs: int, asked: int) -> int:
        """How many processes a job of ``n_docs`` documents runs in."""
        ...

    def prepare(self, model: str, workers: int, seconds_per_doc: float, n_docs: int) -> None:
        """A hint, before cleaning, that about ``n_docs`` documents will be processed:
        an engine may start its workers now."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """Parsing in ``--workers`` local processes when that pays; cleaning in this process,
    or, for a large corpus, its last step spread over those processes too."""

    name = "local"

    def __init__(self) -> None:
        self.pool: Pool | None = None  # started by ``prepare`` or ``clean``, for ``process``
        self.job: tuple[str, int, float] | None = None  # (model, workers, seconds per doc)

    def prepare(self, model: str, workers: int, seconds_per_doc: float, n_docs: int) -> None:
        self.close()
        self.pool = start_workers(model, workers, n_docs, seconds_per_doc)
        self.job = (model, workers_for(n_docs, workers), seconds_per_doc)

    def clean(self, items: list[CleanItem]) -> tuple[list[Cleaned], np.ndarray]:
        if self.job is None or len(items) < PARALLEL_CLEAN_DOCS or self.job[1] < 2:
            return clean_all(items)
        model, workers, seconds_per_doc = self.job
        if self.pool is None:  # forked from the server, which has loaded by now
            self.pool = Pool(load_worker, (model, seconds_per_doc), workers)
        return clean_pooled(items, self.pool)

    def process(
        self, documents: pd.DataFrame, model: str, workers: int, seconds_per_doc: float
    ) -> Iterator[ChunkResult]:
        pool, self.pool = self.pool, None
        return process_documents(documents, model, workers, seconds_per_doc, pool)

    def workers_used(self, n_docs: int, asked: int) -> int:
        return workers_for(n_docs, asked)

    def close(self) -> None:
        if self.pool is not None:  # prepared for a job that did not come
            self.pool.kill()
            self.pool = None
