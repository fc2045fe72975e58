"""Worker processes for the expensive part of a run: parsing and the stages.

Each worker loads the spaCy pipeline once and then takes whole chunks of
documents, parses them and runs every stage on them, and sends back Arrow
tables. Shipping finished rows instead of parsed Docs (as spaCy's own
``n_process`` does) saves serialising every Doc in the worker and rebuilding
it in the parent, and lets the stages run in parallel too; the parent only
writes Parquet.

Results come back in the order the chunks were submitted, and at most a few
chunks per worker are in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

IN_FLIGHT_PER_WORKER = 2

_state: dict[str, Any] = {}


def _init_worker(setup: Callable[..., Any], args: tuple) -> None:
    try:
        _state["context"] = setup(*args)
    except Exception as error:  # a pool would restart a failing initializer for ever
        _state["error"] = error


def _run(task: Callable[[Any, Any], Any], item: Any) -> Any:
    if "error" in _state:
        raise _state["error"]  # the parent gets it from the first task
    return task(_state["context"], item)


def ordered_map(
    setup: Callable[..., Any],
    setup_args: tuple,
    task: Callable[[Any, Any], Any],
    items: Iterable[Any],
    workers: int,
) -> Iterator[Any]:
    """Yield ``task(context, item)`` for every item, in order, computed in ``workers``
    fresh processes where ``context = setup(*setup_args)`` is built once per worker.

    ``setup`` and ``task`` must be module-level functions (they are sent to the
    workers by name). Processes are started with ``spawn``: forking a parent
    that already runs Arrow's or BLAS's threads is not safe.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(setup, setup_args)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.apply_async(_run, (task, item)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
