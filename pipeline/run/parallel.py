"""Worker processes for the expensive part of a run: parsing and the stages.

Each worker loads the spaCy pipeline once and then takes whole chunks of
documents, parses them and runs every stage on them, and sends back Arrow
tables. Shipping finished rows instead of parsed Docs (as spaCy's own
``n_process`` does) saves serialising every Doc in the worker and rebuilding
it in the parent, and lets the stages run in parallel too; the parent only
writes Parquet.

Results come back in the order the chunks were submitted, and at most a few
chunks per worker are in flight, so memory does not grow with the corpus.

A worker that dies (the out-of-memory killer, a crash in native code) or a chunk
that runs past its time limit breaks the pool: the chunks in flight are then run
again one at a time, each in a fresh process, so the one at fault is found; if it
fails again, ``on_failure`` turns it into a result (its documents rejected) and the
run goes on with a fresh pool.
"""

from __future__ import annotations

import ctypes
import multiprocessing.context
import os
import signal
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from .. import forkserver
from ..forkserver import ONE_THREAD_ENV

IN_FLIGHT_PER_WORKER = 2

_state: dict[str, Any] = {}
PARENT_CHECK_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent dies


def _init_worker(setup: Callable[..., Any], args: tuple, parent: int) -> None:
    die_with(parent)
    try:
        _state["context"] = setup(*args)
    except Exception as error:  # reported by the first task instead of a silent restart
        _state["error"] = error


def die_with(parent: int) -> None:
    """End this worker when process ``parent`` (the run's) ends, however it ends (``kill
    -9`` included). A spawned worker is ``parent``'s child: the kernel sends SIGKILL on
    Linux when it ends, and a thread checks the parent's id everywhere (an orphan is
    adopted by another process). A worker forked by the fork server
    (``pipeline.forkserver``) is the server's child, and the server lives as long as any
    of its children: the thread then checks that ``parent`` itself still runs."""
    killed_with_parent()  # the thread below still watches where this does nothing
    watched = os.getppid()

    def gone() -> bool:
        return os.getppid() != watched if watched == parent else not running(parent)

    def watch() -> None:
        while not gone():
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    if gone():  # before the watch began
        os._exit(1)
    threading.Thread(target=watch, name="accords-parent-watch", daemon=True).start()


def killed_with_parent() -> None:
    """Have the kernel send this process SIGKILL when its parent ends (Linux; elsewhere
    nothing). The fork server sets it too, so that its workers, which it sets it for in
    turn, go with the run's process even while one holds the GIL in a long call."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def running(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    if os.path.isdir("/proc/self"):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except FileNotFoundError:
            return False
        except (OSError, IndexError):
            pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's: it exists
        return True
    return True


def _run(task: Callable[[Any, Any], Any], item: Any) -> Any:
    if "error" in _state:
        raise _state["error"]  # the parent gets it from the first task
    return task(_state["context"], item)


@contextmanager
def main_hidden() -> Iterator[None]:
    """While a worker is started, ``__main__`` is a blank module: a spawned child
    otherwise runs the parent's script again to rebuild it, and a script without an
    ``if __name__ == "__main__":`` guard (``pipeline.extract(...)`` at its top level) then
    starts a run inside every worker, which dies of it. The workers only run functions
    of this package, so they need nothing from ``__main__``."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")  # no __file__, no __spec__
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class MainHidden:
    """A process class whose ``start`` hides ``__main__`` (``main_hidden``)."""

    def start(self) -> None:
        with main_hidden():
            super().start()  # type: ignore[misc]


class SpawnProcess(MainHidden, multiprocessing.context.SpawnProcess):
    pass


class SpawnContext(multiprocessing.context.SpawnContext):
    """Fresh interpreters (forking a threaded parent is unsafe) that do not re-run the
    parent's script."""

    Process = SpawnProcess


if sys.platform != "win32":  # sent to the server by name, so defined at module level

    class ServerProcess(MainHidden, multiprocessing.context.ForkServerProcess):
        pass

    class ServerContext(multiprocessing.context.ForkServerContext):
        """Processes forked from the fork server (``pipeline.forkserver``), which does
        not re-run the parent's script either."""

        Process = ServerProcess


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from the fork server where it serves (``forkserver.usable``), else
    spawned."""
    return ServerContext() if forkserver.usable() else SpawnContext()


class Pool:
    """A process pool that can be thrown away and started again."""

    def __init__(self, setup: Callable[..., Any], setup_args: tuple, workers: int):
        self.setup, self.setup_args, self.workers = setup, setup_args, workers
        self.executor = self.start(workers)

    def start(self, workers: int) -> ProcessPoolExecutor:
        for name, value in ONE_THREAD_ENV.items():  # read by the children only
            os.environ.setdefault(name, value)
        return ProcessPoolExecutor(
            workers,
            mp_context=worker_context(),
            initializer=_init_worker,
            initargs=(self.setup, self.setup_args, os.getpid()),
        )

    def submit(self, task: Callable[[Any, Any], Any], item: Any) -> Future:
        return self.executor.submit(_run, task, item)

    def kill(self) -> None:
        for process in list(getattr(self.executor, "_processes", {}).values()):
            process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def restart(self) -> None:
        self.kill()
        self.executor = self.start(self.workers)


def ordered_map(
    setup: Callable[..., Any],
    setup_args: tuple,
    task: Callable[[Any, Any], Any],
    items: Iterable[Any],
    workers: int,
    timeout: Callable[[Any], float] | None = None,
    on_failure: Callable[[Any, str], Any] | None = None,
    pool: Pool | None = None,
) -> Iterator[Any]:
    """Yield ``task(context, item)`` for every item, in order, computed in ``workers``
    fresh processes where ``context = setup(*setup_args)`` is built once per worker.

    ``setup`` and ``task`` must be module-level functions (they are sent to the
    workers by name). ``timeout(item)`` is the seconds an item may take;
    ``on_failure(item, reason)`` stands in for an item whose process died or timed
    out twice (without it the error is raised). ``pool``: one started earlier with the
    same setup and workers (``warm_pool``), which this call then owns.
    """
    pool = pool or Pool(setup, setup_args, workers)
    pending: deque[tuple[Any, Future]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(task, item)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from drain(pool, task, pending, 1, timeout, on_failure)
        yield from drain(pool, task, pending, len(pending), timeout, on_failure)
    finally:
        pool.kill()


def warm_pool(
    setup: Callable[..., Any], setup_args: tuple, workers: int, warm_up: Callable[[Any, Any], Any]
) -> Pool:
    """A pool whose ``workers`` processes start now, each set up and then running
    ``warm_up(context, None)`` once, while the caller goes on with other work.
    A warm-up that fails is ignored: the chunks that follow meet the same failure and
    are recovered from as usual."""
    pool = Pool(setup, setup_args, workers)
    for _ in range(workers):  # the executor starts a process for each task it cannot place
        pool.submit(warm_up, None)
    return pool


def drain(
    pool: Pool,
    task: Callable[[Any, Any], Any],
    pending: deque[tuple[Any, Future]],
    count: int,
    timeout: Callable[[Any], float] | None,
    on_failure: Callable[[Any, str], Any] | None,
) -> Iterator[Any]:
    """Yield the results of the first ``count`` pending items, recovering a broken pool."""
    for _ in range(count):
        item, future = pending.popleft()
        try:
            yield future.result(timeout=timeout(item) if timeout else None)
        except (BrokenProcessPool, FutureTimeout) as error:
            reason = describe(error, timeout(item) if timeout else None)
            stranded = [item] + [other for other, _ in pending]
            pending.clear()
            pool.restart()
            for other in stranded:  # one at a time, each in a fresh process: find the culprit
                yield isolated(pool, task, other, reason, timeout, on_failure)
            return


def isolated(
    pool: Pool,
    task: Callable[[Any, Any], Any],
    item: Any,
    reason: str,
    timeout: Callable[[Any], float] | None,
    on_failure: Callable[[Any, str], Any] | None,
) -> Any:
    single = pool.start(1)
    try:
        return single.submit(_run, task, item).result(timeout=timeout(item) if timeout else None)
    except (BrokenProcessPool, FutureTimeout) as error:
        again = describe(error, timeout(item) if timeout else None)
        if on_failure is None:
            raise RuntimeError(f"{reason}; retried alone: {again}") from error
        return on_failure(item, f"{again} (twice)")
    finally:
        for process in list(getattr(single, "_processes", {}).values()):
            process.kill()
        single.shutdown(wait=False, cancel_futures=True)


def describe(error: BaseException, seconds: float | None) -> str:
    if isinstance(error, FutureTimeout):
        return f"processing took longer than {seconds:.0f} s" if seconds else "timed out"
    return "the worker process died (out of memory or a crash)"
