"""The Dask engine: the same run on a Dask cluster (``accords extract --scheduler``).

The client (the ``accords extract`` process) reads the corpus, plans, and writes
Parquet; the cluster does the work. Cleaning runs as map → reduce → map
(``cleaning``): line counts per batch of documents, recurring lines per hash
bucket, cleaning per batch. Parsing runs the same fixed chunks as the local pool,
as one task each: a worker starts loading the model while cleaning runs
(``preload``) and keeps it (``worker_nlp``); each task runs
``runner.process_chunk`` and sends back Arrow tables. At most a few chunks per
worker thread are in flight and results are taken in corpus order, so the client's
memory does not grow with the corpus and the tables equal a local run's, row for row.

A worker that dies takes its tasks with it; the scheduler runs them again on
another worker. A chunk that has killed several workers
(``distributed.scheduler.allowed-failures``) is rejected with the reason, and
the run goes on.

Dask is an optional dependency: ``pip install 'accords[dask]'``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import operator
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any

import numpy as np
import pandas as pd
from spacy.language import Language

from .. import forkserver
from .cleaning import (
    Cleaned,
    CleanItem,
    clean_batch,
    count_lines,
    document_key,
    duplicate_keys,
    item_hashes,
    long_lines,
    recurring_in,
    union,
)
from .dask_budget import Budget, EngineError, probe
from .parallel import main_hidden
from .runner import (
    ChunkResult,
    Item,
    chunks,
    failed_chunk,
    load_worker,
    process_chunk,
    warm_up,
)

CLEAN_BATCH_DOCS = 256  # documents per cleaning task
BUCKETS_PER_THREAD = 2  # hash buckets of the recurring-lines reduce
IN_FLIGHT_PER_THREAD = 3
CONNECT_TIMEOUT = 30.0  # seconds: a scheduler that accepts connections, to answer
# A busy machine may be slow, never wrong: a LocalCluster's workers get this long to start
# and join, and a chunk's budget grows with what the run measured (``Budget``).
LOCAL_START_TIMEOUT = 300.0
STOP_SECONDS = 0.1  # a LocalCluster's worker, asked to exit at the end, is killed after 80 % of it
CLOSE_SECONDS = 60  # the client and our LocalCluster, to close at the end
# fault injection for the tests: a marker file's path; the first chunk to find it missing
# creates it and dies (DIE) or hangs (HANG)
DIE_ONCE_ENV = "ACCORDS_DASK_DIE_ONCE"
HANG_ONCE_ENV = "ACCORDS_DASK_HANG_ONCE"

# The worker's statistical profiler samples the task thread's stack every 10 ms and its
# event loop ticks every 20 ms, for nothing a run reads; a chunk takes about a second.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
}
# Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which also pins glibc's
# mmap threshold at 128 KiB: every large allocation of parsing became an mmap and an
# munmap, and the workers spent three times the system CPU of the local pool's (about
# 15 % more wall time on 1,000 releases). spaCy's memory zone keeps a worker's memory
# flat without it. ``usual_malloc`` undoes it in every worker, local or remote.
TRIM_ENV = "MALLOC_TRIM_THRESHOLD_"
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
MMAP_THRESHOLD_BYTES = 32 * 2**20  # glibc's dynamic threshold's ceiling on 64-bit
TRIM_THRESHOLD_BYTES = 64 * 2**20


def usual_malloc() -> bool:
    """In a worker started with ``MALLOC_TRIM_THRESHOLD_`` (a Dask nanny's), raise glibc's
    mmap and trim thresholds back to what they grow to by default; True if done."""
    if TRIM_ENV not in os.environ:
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        done = libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
        return done and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1
    except (OSError, AttributeError):  # not glibc: nothing to undo
        return False


_models: dict[tuple[int, str, float], Language] = {}
_models_lock = threading.Lock()
_preloads: dict[tuple[str, float], Future] = {}  # pipelines loading, not yet taken by a thread


def worker_nlp(model: str, seconds_per_doc: float) -> Language:
    """The pipeline of this worker thread: the one ``preload`` started, else loaded on
    its first chunk; kept for the next chunks."""
    key = (threading.get_ident(), model, seconds_per_doc)
    with _models_lock:
        nlp = _models.get(key)
        started = _preloads.pop((model, seconds_per_doc), None) if nlp is None else None
    if nlp is None:
        nlp = started.result() if started is not None else load_here(model, seconds_per_doc)
        with _models_lock:
            _models[key] = nlp
    return nlp


def load_here(model: str, seconds_per_doc: float) -> Language:
    usual_malloc()
    return load_worker(model, seconds_per_doc)


def preload(model: str, seconds_per_doc: float) -> None:
    """Start loading and warming up the pipeline in a thread of this worker (a task
    ``DaskEngine.prepare`` pins to every worker), so that it is ready, or nearly, when the
    first chunk comes: the cleaning tasks and the client's planning leave the workers
    idle between round trips. The first task thread takes it over; a failure to load is
    raised in that task."""
    with _models_lock:
        held = any(key[1:] == (model, seconds_per_doc) for key in _models)
        if held or (model, seconds_per_doc) in _preloads:  # a run before this one's
            return
        started: Future = Future()
        _preloads[(model, seconds_per_doc)] = started

    def load() -> None:
        try:
            nlp = load_here(model, seconds_per_doc)
            warm_up(nlp, None)  # as the local pool's workers are, on a made-up release
            started.set_result(nlp)
        except BaseException as error:  # re-raised in the task that takes it over
            started.set_exception(error)

    threading.Thread(target=load, name="accords-preload", daemon=True).start()


def run_chunk(model: str, seconds_per_doc: float, chunk: list[Item]) -> ChunkResult:
    """A task: one chunk through the parser and every stage."""
    if first_to(DIE_ONCE_ENV):
        os._exit(70)
    if first_to(HANG_ONCE_ENV):
        time.sleep(3600)
    return process_chunk(worker_nlp(model, seconds_per_doc), chunk)


def first_to(variable: str) -> bool:
    """True for the first task to find the marker file named by ``variable`` missing."""
    marker = os.environ.get(variable)
    if not marker:
        return False
    try:
        with open(marker, "x"):
            return True
    except FileExistsError:
        return False


def long_batch(items: list[CleanItem]) -> list[tuple[np.ndarray, int]]:
    """Each item's long lines and own key: all the group step needs of a batch."""
    found = [item_hashes(item) for item in items]
    return [(long_lines(h), document_key(h)) for h in found]


def group_batches(longs: list[list[tuple[np.ndarray, int]]]) -> list[list[int]]:
    """The key each item of each batch counts its lines under (``duplicate_keys``)."""
    flat = [pair for batch in longs for pair in batch]
    keys = duplicate_keys([p[0] for p in flat], [p[1] for p in flat])
    out, start = [], 0
    for batch in longs:
        out.append(keys[start : start + len(batch)])
        start += len(batch)
    return out


def count_batch(items: list[CleanItem], buckets: int, keys: list[int]) -> list[Any]:
    return count_lines((item_hashes(item) for item in items), buckets, keys)


async def stop_now(nannies: list[Any]) -> None:
    """Stop the nannies' worker processes, killing any still alive after a moment. On a
    busy machine a killed process can take longer than that to be reaped, and the nanny
    says so with a timeout: then it is killed again by its id, and the run goes on (its
    results are in). Any other error of closing is raised."""
    pids = [pid for nanny in nannies if (pid := getattr(nanny, "pid", None))]
    results = await asyncio.gather(
        *(nanny.close(timeout=STOP_SECONDS) for nanny in nannies), return_exceptions=True
    )
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(
            result, (TimeoutError, asyncio.TimeoutError, asyncio.CancelledError)
        ):
            raise result


class DaskEngine:
    """A client of a Dask cluster; ``connect`` starts a ``LocalCluster`` for ``"local"``."""

    def __init__(self, client: Any, cluster: Any = None, name: str = "dask"):
        self.client, self.cluster, self.name = client, cluster, name
        self.preloads: list[Any] = []
        self.budget = Budget()

    @classmethod
    def connect(cls, scheduler: str, workers: int, model: str | None = None) -> DaskEngine:
        try:
            import distributed  # noqa: F401
        except ImportError as error:
            raise EngineError("the Dask engine needs Dask: pip install 'accords[dask]'") from error
        started = time.perf_counter()
        local = scheduler == "local"
        engine = cls.start_local(workers, model) if local else cls.join(scheduler)
        engine.budget.started(time.perf_counter() - started)
        return engine

    @classmethod
    def start_local(cls, workers: int, model: str | None = None) -> DaskEngine:
        """A client of a ``LocalCluster`` of ``workers`` processes started here, forked
        from the fork server (``pipeline.forkserver``: with ``model`` and Dask loaded)
        where the platform has one, as the local pool's are."""
        import dask
        from distributed import Client, LocalCluster

        dask.config.set(QUIET)
        timeout = f"{LOCAL_START_TIMEOUT:.0f}s"
        settings = {"distributed.comm.timeouts.connect": timeout}
        if forkserver.start(model, ["distributed"]) and forkserver.usable():
            settings["distributed.worker.multiprocessing-method"] = "forkserver"
        try:
            with dask.config.set(settings):
                with main_hidden():  # the nannies spawn their workers as the pool does
                    cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",
                        silence_logs=logging.ERROR,
                        death_timeout=LOCAL_START_TIMEOUT,
                    )
                client = Client(cluster, timeout=timeout)
        except (OSError, TimeoutError) as error:
            raise EngineError(
                f"the local Dask cluster did not start within {LOCAL_START_TIMEOUT:.0f} s: {error}"
            ) from error
        return cls(client, cluster, f"a local Dask cluster of {workers} processes")

    @classmethod
    def join(cls, scheduler: str) -> DaskEngine:
        """A client of the cluster whose scheduler is at ``scheduler``: its port must take
        a connection within ``PROBE_TIMEOUT`` (a refused one is said at once)."""
        from distributed import Client

        probe(scheduler)
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError as error:
            client.close()
            raise EngineError(
                f"the Dask scheduler at {scheduler} has no workers (none joined in "
                f"{CONNECT_TIMEOUT:.0f} s): start some with `dask worker {scheduler}`"
            ) from error
        return cls(client, None, f"the Dask cluster at {scheduler}")

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def clean(self, items: list[CleanItem]) -> tuple[list[Cleaned], np.ndarray]:
        if not items:
            return [], np.zeros(0, dtype=np.uint64)
        client, buckets = self.client, BUCKETS_PER_THREAD * self.threads()
        batches = [
            items[start : start + CLEAN_BATCH_DOCS]
            for start in range(0, len(items), CLEAN_BATCH_DOCS)
        ]
        scattered = client.scatter(batches)
        groups = client.submit(group_batches, client.map(long_batch, scattered))
        counted = [
            client.submit(count_batch, batch, buckets, client.submit(operator.getitem, groups, n))
            for n, batch in enumerate(scattered)
        ]
        reduced = [
            client.submit(recurring_in, [client.submit(operator.getitem, c, k) for c in counted])
            for k in range(buckets)
        ]
        recurring = client.submit(union, reduced)
        cleaned = client.map(clean_batch, scattered, recurring=recurring)
        results = [result for batch in client.gather(cleaned) for result in batch]
        return results, recurring.result()

    def process(
        self,
        documents: pd.DataFrame,
        model: str,
        workers: int,  # noqa: ARG002 (the cluster's size is set where it was started)
        seconds_per_doc: float,
    ) -> Iterator[ChunkResult]:
        limit = IN_FLIGHT_PER_THREAD * self.threads()
        pending: deque[tuple[list[Item], Any]] = deque()
        submitted, first = time.perf_counter(), True
        for chunk in chunks(documents):
            task = self.client.submit(run_chunk, model, seconds_per_doc, chunk, pure=False)
            pending.append((chunk, task))
            if len(pending) >= limit:
                yield self.result(*pending.popleft(), seconds_per_doc, submitted if first else None)
                first = False
        while pending:
            yield self.result(*pending.popleft(), seconds_per_doc, submitted if first else None)
            first = False

    def result(
        self, chunk: list[Item], task: Any, seconds_per_doc: float, submitted: float | None
    ) -> ChunkResult:
        """The chunk's rows; its documents rejected if its workers died, or if it ran past
        its budget (a task cannot be stopped in its thread: its worker is restarted).
        ``submitted``: when the run's first chunk was submitted, for the first chunk."""
        from distributed.scheduler import KilledWorker

        try:
            found = task.result(timeout=self.budget.seconds(len(chunk), seconds_per_doc))
            if submitted is not None:
                self.budget.first_chunk(time.perf_counter() - submitted)
            return found
        except KilledWorker:
            return failed_chunk(chunk, "the chunk's Dask workers died (out of memory or a crash)")
        except TimeoutError:
            reason = self.budget.hit(len(chunk), seconds_per_doc)
            with contextlib.suppress(Exception):  # a restart that is slow fails no run
                worker = self.processing_on(task.key)
                task.cancel()
                if worker:
                    self.client.restart_workers([worker], raise_for_error=False)
            return failed_chunk(chunk, reason)
        finally:
            task.release()

    def processing_on(self, key: str) -> str | None:
        """The address of the worker running task ``key``, if any."""

        def where(dask_scheduler: Any) -> str | None:
            state = dask_scheduler.tasks.get(key)
            running = state.processing_on if state is not None else None
            return running.address if running is not None else None

        address = self.client.run_on_scheduler(where)
        return str(address) if address else None

    def workers_used(self, n_docs: int, asked: int) -> int:  # noqa: ARG002
        return self.threads()  # a cluster's workers are there already, whatever the job

    def prepare(
        self,
        model: str,
        workers: int,  # noqa: ARG002 (the cluster's size is set where it was started)
        seconds_per_doc: float,
        n_docs: int,  # noqa: ARG002 (a cluster's workers are there, whatever the job)
    ) -> None:
        """Have every worker start loading the model now, while cleaning runs (a task
        pinned to each; the client does not wait for them). A preload that fails is
        ignored: the first chunk meets the same failure and reports it as it always has."""
        try:
            self.preloads = [
                self.client.submit(preload, model, seconds_per_doc, workers=[worker], pure=False)
                for worker in self.client.nthreads()
            ]  # held until the run ends: a released future's task may be dropped
        except Exception:
            return

    def close(self) -> None:
        """Let go of the cluster; stop our own LocalCluster. The run's results are in (or
        it failed for another reason): nothing here may fail it."""
        self.preloads = []
        with contextlib.suppress(Exception):
            self.client.close(timeout=CLOSE_SECONDS)
        if self.cluster is not None:
            # Our own LocalCluster, its results all in: its workers are stopped at once,
            # as the local pool's are. A graceful exit (Python freeing a loaded model)
            # took 0.4 s of a 10 s run.
            nannies = list(self.cluster.workers.values())
            with contextlib.suppress(Exception):
                self.cluster.sync(stop_now, nannies)
            with contextlib.suppress(Exception):
                self.cluster.close(timeout=CLOSE_SECONDS)
