"""How long the Dask engine waits: for a scheduler to answer, and for a chunk."""

from __future__ import annotations

from . import runner

PROBE_TIMEOUT = 5.0  # seconds: a scheduler's port, to accept a connection at all


class EngineError(RuntimeError):
    """The Dask engine cannot start: Dask missing, or the scheduler unreachable."""


def probe(scheduler: str) -> None:
    """Connect to the scheduler's port and close: a refused connection or an unknown host
    is an ``EngineError`` at once, an unanswered one after ``PROBE_TIMEOUT``."""
    import socket

    protocol, separator, rest = scheduler.partition("://")
    if protocol == "inproc":
        return
    host, _, port = (rest if separator else scheduler).rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_TIMEOUT).close()
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None


class Budget:
    """How long a chunk may take on this cluster: its documents' budget
    (``--max-seconds-per-doc`` each) plus an allowance for a worker that must start and
    load the model first (a restarted one), which is the larger of
    ``runner.WORKER_START_SECONDS`` and ``SLACK`` times what this run measured: the
    cluster's start, and the first chunk's time (model loading included). A busy
    machine is slow at all three, so its budgets grow with it."""

    SLACK = 4.0

    def __init__(self) -> None:
        self.measured: dict[str, float] = {}

    def started(self, seconds: float) -> None:
        self.measured["the cluster's start"] = seconds

    def first_chunk(self, seconds: float) -> None:
        """The time from the run's first chunk's submission to its result (not measured
        when it ran past its budget)."""
        self.measured["the first chunk"] = seconds

    def allowance(self) -> float:
        return max([runner.WORKER_START_SECONDS, *(self.SLACK * s for s in self.measured.values())])

    def seconds(self, n_docs: int, seconds_per_doc: float) -> float:
        return self.allowance() + seconds_per_doc * n_docs

    def hit(self, n_docs: int, seconds_per_doc: float) -> str:
        """The reason given for a chunk past its budget."""
        return (
            f"processing took longer than {self.seconds(n_docs, seconds_per_doc):.0f} s "
            f"(the chunk's budget: {seconds_per_doc:g} s a document, plus "
            f"{self.allowance():.0f} s for a worker to start"
            + "".join(f"; {name}: {s:.1f} s" for name, s in self.measured.items())
            + ")"
        )
