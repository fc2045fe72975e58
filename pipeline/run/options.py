"""The arguments of a run, checked before any work starts (nothing is created, no
worker started, no scheduler waited for): each problem is one line naming it."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..forkserver import cores
from ..locations import is_remote, local_path

MAX_SECONDS_PER_DOC = 86_400.0  # a day: more is no budget at all
MIN_SECONDS_PER_DOC = 1.0
DASK_PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx", "inproc")
HOST_PORT = re.compile(r"^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(?P<port>\d{1,5})$")


class OptionError(ValueError):
    """An argument the run cannot work with."""


@dataclass
class Checked:
    """The arguments as the run uses them, and what it says about them."""

    workers: int
    notes: list[str]


def check_options(
    corpus: str | Path,
    out: str | Path,
    workers: int,
    max_seconds_per_doc: float,
    scheduler: str | None,
) -> Checked:
    """Every argument of ``extract`` checked (``OptionError`` says what is wrong); the
    workers capped at this machine's cores, with a note saying so."""
    check_seconds(max_seconds_per_doc)
    check_location(corpus, "--corpus")
    check_location(out, "--out")
    check_outputs_place(corpus, out)
    if scheduler:
        check_scheduler(scheduler)
    return capped_workers(workers)


def check_seconds(seconds: float) -> None:
    try:
        value = float(seconds)
    except (TypeError, ValueError):
        raise OptionError(f"--max-seconds-per-doc {seconds!r} is not a number") from None
    if not math.isfinite(value) or not MIN_SECONDS_PER_DOC <= value <= MAX_SECONDS_PER_DOC:
        raise OptionError(
            f"--max-seconds-per-doc {value:g}: give a number of seconds from "
            f"{MIN_SECONDS_PER_DOC:.0f} to {MAX_SECONDS_PER_DOC:.0f}"
        )


def capped_workers(workers: int) -> Checked:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise OptionError(f"--workers {workers!r}: give a whole number from 1")
    available = cores()
    if workers <= available:
        return Checked(workers, [])
    return Checked(
        available,
        [f"--workers {workers} is more than the {available} cores here: using {available}"],
    )


def check_location(location: str | Path, option: str) -> None:
    """A URL's protocol must be one fsspec knows, with its package installed."""
    if not is_remote(location):
        return
    protocol = str(location).partition("://")[0]
    try:
        import fsspec

        fsspec.get_filesystem_class(protocol)
    except ValueError:
        raise OptionError(f"{option} {location}: unknown protocol {protocol}://") from None
    except ImportError as error:
        raise OptionError(f"{option} {location}: {protocol}:// needs {error}") from None


def check_outputs_place(corpus: str | Path, out: str | Path) -> None:
    """The outputs must not be the root folder, the corpus or inside it (the next run
    would read ``report.html`` as a release)."""
    if not is_remote(out) and os.path.realpath(local_path(out)) == os.path.sep:
        raise OptionError(f"--out {out}: the root folder cannot hold the outputs")
    if is_remote(out) != is_remote(corpus):
        return
    if is_remote(out):
        inner, outer = str(out).rstrip("/"), str(corpus).rstrip("/")
    else:
        inner = os.path.realpath(local_path(out))
        outer = os.path.realpath(local_path(corpus))
    if inner == outer or inner.startswith(outer.rstrip("/") + "/"):
        raise OptionError(
            f"--out {out} is inside the corpus {corpus}: the next run would read the "
            "outputs as releases; choose a folder outside it"
        )


def check_scheduler(address: str) -> None:
    """``local``, or a Dask scheduler's address: ``tcp://HOST:PORT`` (or another of
    Dask's protocols), or ``HOST:PORT``."""
    if address == "local":
        return
    protocol, separator, rest = address.partition("://")
    if not separator:
        protocol, rest = "tcp", address
    if protocol in ("http", "https"):
        raise OptionError(
            f"--scheduler {address}: that is a web address (the dashboard's?); a Dask "
            "scheduler's is tcp://HOST:8786"
        )
    if protocol not in DASK_PROTOCOLS or (protocol != "inproc" and not valid_port(rest)):
        raise OptionError(
            f"--scheduler {address!r} is not a Dask scheduler's address: give "
            "tcp://HOST:PORT, or local"
        )


def valid_port(host_port: str) -> bool:
    match = HOST_PORT.match(host_port)
    return match is not None and 0 < int(match["port"]) < 65536
