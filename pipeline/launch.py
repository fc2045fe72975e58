"""The `accords` command's entry point: for `extract`, the fork server its workers come
from is started before the command line's own imports (``pipeline.forkserver``), so
that the two load side by side; then the command line (``pipeline.cli``) runs.

Only the standard library before ``cli`` is imported. The arguments are read loosely
here (the command line checks them): a run that will not use local workers (one worker,
a remote Dask scheduler, `--help`) starts no server."""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable, Sequence

from . import forkserver


def main() -> None:
    early = early_start(sys.argv[1:])
    if early is not None:
        model, also = early
        forkserver.start(model or None, also)
    from .cli import main as cli_main

    if early is None:
        interruptible(cli_main)
        return
    code = 0
    try:
        interruptible(cli_main)
    except SystemExit as done:
        code = exit_code(done)
    quick_exit(code)


def interruptible(command: Callable[[], None]) -> None:
    """Run the command line; an interrupt (Ctrl-C, or SIGTERM, which the extract turns
    into one) that reaches here outside click's own handling, as it may while a run
    winds down, ends the command as click ends it: "Aborted!", exit code 1."""
    try:
        command()
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr)
        raise SystemExit(1) from None


def exit_code(done: SystemExit) -> int:
    if done.code is None or isinstance(done.code, int):
        return done.code or 0
    print(done.code, file=sys.stderr)  # what sys.exit("message") would print
    return 1


def quick_exit(code: int) -> None:
    """End a finished extract without tearing the interpreter down: its tables and manifest
    are written and closed, and the exit handlers still run (multiprocessing's temporary
    folders, logging), but freeing the modules and objects of a run (spaCy, pandas, the
    corpus) one by one takes a fifth of a second more."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            code = code or 1
    os._exit(code)


def early_start(args: Sequence[str]) -> tuple[str, list[str]] | None:
    """For an `extract` that runs local workers (a pool of them, or a local Dask
    cluster's), the model its server preloads ("" for the default) and the other modules
    it imports; None when no server should start now."""
    if not args or args[0] != "extract" or "--help" in args:
        return None
    model = option(args, "--model") or ""
    scheduler = option(args, "--scheduler") or os.environ.get("ACCORDS_SCHEDULER")
    if scheduler:
        return (model, ["distributed"]) if scheduler == "local" else None
    workers = option(args, "--workers")
    if (workers or "").strip() == "1" or (workers is None and forkserver.cores() < 2):
        return None
    return model, []


def option(args: Sequence[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in ``args``, the last given."""
    found = None
    for n, arg in enumerate(args):
        if arg == name and n + 1 < len(args):
            found = args[n + 1]
        elif arg.startswith(name + "="):
            found = arg.split("=", 1)[1]
    return found
