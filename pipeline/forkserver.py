"""The process that a run's workers are forked from, loaded once.

A fresh worker process costs about a second and a half of imports and model loading
before it parses anything, paid again by every worker of every run. Where the platform
has it (Linux, macOS), the pool asks multiprocessing's *fork server* for its processes
instead: one process that imports ``PRELOAD`` (the stages, the model named in
``PRELOAD_MODEL`` and its lazily built tables) and then forks each worker, which starts
with all of it loaded and shares its memory copy-on-write. The server is started without
waiting for it, so it loads while the run reads and cleans the corpus; `accords extract`
starts it before its own imports (``pipeline.launch``), so the two load at once.

Workers are forked from the server only while this process's environment is the one the
server started in (``usable``), so that they see what spawned ones would; otherwise they
are spawned as before. Only the standard library here: the command line imports this
module before anything else. The server ends when the process that started it ends.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PRELOAD = ["pipeline.run.preload"]
PRELOAD_MODEL = "ACCORDS_PRELOAD_MODEL"  # read by ``PRELOAD`` in the server; "" the default
# One core per worker: numpy's BLAS (which the model multiplies with) must not start
# threads of its own in each. A Dask nanny sets the same before it starts a worker.
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def cores() -> int:
    """The cores this process may run on (what a pool's size defaults to)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def available() -> bool:
    """Whether this platform forks workers from a server (not Windows)."""
    return "forkserver" in multiprocessing.get_all_start_methods()


def server_env(model: str | None) -> dict[str, str]:
    """The server's environment beyond this process's: one BLAS thread unless the user
    set otherwise, and the model to preload."""
    env = {name: os.environ.get(name, value) for name, value in ONE_THREAD_ENV.items()}
    return env | {PRELOAD_MODEL: model or ""}


def start(model: str | None = None, also: Sequence[str] = ()) -> bool:
    """Start the fork server now, preloading ``model`` (None: the default model) and the
    modules ``also`` (``distributed`` for a local Dask cluster's workers), and return
    without waiting for it; False where the platform has none. A server already running
    is kept (its workers load another model themselves)."""
    if not available():
        return False
    from multiprocessing import forkserver

    with environment(server_env(model)):
        forkserver.set_forkserver_preload([*also, *PRELOAD])
        before = server_pid()
        forkserver.ensure_running()
        pid = server_pid()
        if pid != before:  # launched here (not another's, which has nothing preloaded)
            _server.update(pid=pid, env=comparable(os.environ), files=package_files())
    return True


_server: dict[str, Any] = {}  # the server ``start`` started: its "pid" and "env"


def usable() -> bool:
    """Whether workers forked from the server would run in this process's environment,
    as spawned ones do: the server is one ``start`` launched (not one another part of
    the program started), in the environment this process has now, with the package's
    files as they were (``package_files``). A notebook that sets ``ACCORDS_LEARNED=off``
    between two runs, or retrains, gets spawned workers for the second."""
    pid = _server.get("pid")
    return (
        pid is not None
        and pid == server_pid()
        and _server["env"] == comparable(os.environ)
        and _server["files"] == package_files()
    )


PACKAGE = Path(__file__).resolve().parent
PACKAGE_SUFFIXES = (".py", ".jsonl", ".json", ".bin")


def package_files() -> list[tuple[str, int, int]]:
    """(path, size, modification time) of the package's code, rules and weights, and of
    the weights ``$ACCORDS_MODELS`` names: the server's workers run what it loaded, so
    after an edit or a `make train` they are spawned again."""
    roots = [PACKAGE] + (
        [Path(os.environ["ACCORDS_MODELS"])] if os.environ.get("ACCORDS_MODELS") else []
    )
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if path.suffix in PACKAGE_SUFFIXES and path.is_file():
                stat = path.stat()
                found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return found


def server_pid() -> int | None:
    from multiprocessing import forkserver

    return getattr(forkserver._forkserver, "_forkserver_pid", None)


def comparable(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` without what the server's environment sets for it alone."""
    return {k: v for k, v in env.items() if k not in ONE_THREAD_ENV and k != PRELOAD_MODEL}


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """``values`` set in ``os.environ`` for the block (a process started in it inherits
    them), then the environment as it was."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
