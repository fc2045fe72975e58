"""What a run did, as the CLI prints it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..display import printable


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that reject nothing
    seconds: float = 0.0
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    processed: int = 0
    workers: tuple[int, int] = (1, 1)  # (asked for, used)
    forced: bool = False
    engine: str = "local"  # or the Dask scheduler's address
    corrections: list[str] = field(default_factory=list)  # what the analyst's corrections did


def summary_lines(summary: Summary) -> list[str]:
    c = summary.counts
    counts = (
        f"{summary.new} new, {summary.changed} changed, {summary.removed} removed, "
        f"{summary.unchanged} unchanged"
    )
    if summary.forced:
        counts = f"all {summary.processed} reprocessed (--force), {summary.removed} removed"
    lines = [
        f"{counts}: processed {summary.processed} document(s)",
        f"documents    {c['documents']:>6}  ({c['documents'] - len(summary.rejected)} ok, "
        f"{len(summary.rejected)} rejected, {c['boilerplate']} boilerplate lines removed)",
        f"sentences    {c['sentences']:>6}",
        f"entities     {c['entities']:>6}  ({c['people']} people)",
        f"commitments  {c['commitments']:>6}",
        f"agreements   {c['agreements']:>6}  ({c.get('accords', 0)} distinct accords)",
        *summary.corrections,
    ]
    asked, used = summary.workers
    if summary.engine != "local":
        lines.append(f"ran on {printable(summary.engine)} ({used} worker threads)")
    elif used < asked and summary.processed:
        lines.append(
            f"used {used} of {asked} worker processes: {summary.processed} document(s) "
            f"do not pay for more (each worker starts with the model)"
        )
    for name in summary.ignored:
        lines.append(f"ignored: {printable(name)} (unsupported extension)")
    for note in summary.notes:
        lines.append(f"warning: {printable(note)}")
    for source, reason in summary.rejected:
        lines.append(f"warning: {printable(source)}: {printable(reason)}")
    return lines
