"""Where corrections meet the tables: the corrections step of a run (after the stages,
before the tables are committed: ``correct``, then ``regroup_accords``) and the same over
an outputs folder (``OutputSource``: the pipeline's own rows, for ``accords corrections
check``, ``evaluate`` and dry runs).

Only the rows of the documents corrections name are read into Python (and, for an entity
corrected everywhere, of the documents that hold it); the other rows stream through. The
pipeline's own rows of those documents are kept beside the tables (``.uncorrected.*``), so
a re-run reuses them and applies the corrections afresh: removing a correction undoes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import storage
from ..schemas import CORRECTABLE, SCHEMAS, UNCORRECTED
from .accord_fix import regroup
from .apply import Outcome, apply
from .files import Loaded
from .ledger import Ledger
from .model import Correction
from .targets import Rows, fold

GATHERED = ("sentences", *CORRECTABLE)
DOCUMENT_COLUMNS = ["doc_id", "source", "title", "status", "reason", "published"]


class Source(Protocol):
    def batches(self, name: str, columns: list[str] | None = None) -> Iterator[pa.Table]: ...


class RunSource:
    """The rows a run has written so far (the pipeline's: corrections are not applied yet)."""

    def __init__(self, writers: dict[str, storage.TableWriter]):
        self.writers = writers

    def batches(self, name: str, columns: list[str] | None = None) -> Iterator[pa.Table]:
        yield from self.writers[name].batches(columns)


class OutputSource:
    """The pipeline's own rows of an outputs folder: the tables' rows, those of the
    documents corrections changed taken from the ``.uncorrected.*`` caches."""

    def __init__(self, out: Path):
        self.out = out
        manifest = storage.read_json("manifest", out) or {}
        self.corrected = set(manifest.get("corrected_docs") or [])

    def batches(self, name: str, columns: list[str] | None = None) -> Iterator[pa.Table]:
        if name not in UNCORRECTED or not self.corrected:
            yield from storage.table_batches(name, self.out, columns)
            return
        wanted = (
            None
            if columns is None
            else [*columns, *(["doc_id"] if "doc_id" not in columns else [])]
        )
        dropped = pa.array(sorted(self.corrected), pa.string())
        for table in storage.table_batches(name, self.out, wanted):
            kept = table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=dropped)))
            yield kept if columns is None else kept.select(columns)
        yield from storage.table_batches(UNCORRECTED[name], self.out, columns)


def named_docs(corrections: list[Correction]) -> set[str]:
    docs: set[str] = set()
    for c in corrections:
        for key in c.target.get("agreements", [c.target]):
            if key.get("doc"):
                docs.add(key["doc"])
    return docs


def scope(source: Source, corrections: list[Correction]) -> set[str]:
    """The documents corrections touch: those they name, and those that hold an entity
    corrected everywhere (its text or canonical name)."""
    docs = named_docs(corrections)
    everywhere = {
        fold(c.target["text"])
        for c in corrections
        if c.kind == "entity" and not c.target.get("doc")
    }
    if not everywhere:
        return docs
    for table in source.batches("entities", ["doc_id", "text", "norm"]):
        for column in ("text", "norm"):
            values = [
                v for v in pc.unique(table[column]).to_pylist() if v and fold(v) in everywhere
            ]
            if values:
                hits = table["doc_id"].filter(pc.is_in(table[column], value_set=pa.array(values)))
                docs |= set(pc.unique(hits).to_pylist())
    return docs


def documents_of(frame: pd.DataFrame, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    rows = frame[frame["doc_id"].isin(doc_ids)]
    columns = [c for c in DOCUMENT_COLUMNS if c in rows.columns]
    return {r["doc_id"]: r for r in rows[columns].to_dict("records")}


def gather(source: Source, doc_ids: set[str], documents: dict[str, dict[str, Any]]) -> Rows:
    """The rows of ``doc_ids`` of every table corrections read."""
    rows = Rows(documents=documents)
    wanted = pa.array(sorted(doc_ids), pa.string())
    for name in GATHERED:
        found = getattr(rows, name)
        for table in source.batches(name):
            found += table.filter(pc.is_in(table["doc_id"], value_set=wanted)).to_pylist()
    return rows


def as_table(rows: list[dict[str, Any]], name: str) -> pa.Table:
    """Rows as an Arrow table of ``name`` (keys outside its schema, such as ``REMOVED``,
    are left out)."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


@dataclass
class View:
    """Corrections applied to the pipeline's rows of the documents they touch (``docs``):
    the outcome, and those rows as the pipeline gave them (Arrow tables by table name)."""

    outcome: Outcome
    before: dict[str, pa.Table]
    docs: set[str]


def corrected_view(
    source: Source,
    documents: pd.DataFrame,
    corrections: list[Correction],
    more: set[str] | None = None,
) -> View:
    """Apply ``corrections`` to the pipeline's rows of the documents they touch (and of
    ``more``, to compare two sets of corrections)."""
    ok = set(documents.loc[documents["status"] == "ok", "doc_id"])
    docs = (scope(source, corrections) | (more or set())) & ok
    rows = gather(source, docs, documents_of(documents, named_docs(corrections) | docs))
    before = {name: as_table(getattr(rows, name), name) for name in CORRECTABLE}
    return View(apply(rows, corrections), before, docs)


@dataclass
class Step:
    """What the corrections step of a run did."""

    loaded: Loaded
    outcome: Outcome | None = None
    uncorrected: dict[str, pa.Table] = field(default_factory=dict)  # the pipeline's rows
    docs: list[str] = field(default_factory=list)  # whose rows the tables hold corrected

    @property
    def ledger(self) -> Ledger:
        return self.outcome.ledger if self.outcome else Ledger()

    def audit(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.ledger.audit, columns=SCHEMAS["corrections"].names)
        return frame.astype({"line": "Int32"})

    def summary_lines(self) -> list[str]:
        lines = [f"error: {e}" for e in self.loaded.errors]
        if not self.loaded.corrections:
            return lines
        c = self.ledger.counts()
        head = (
            f"corrections  {len(self.loaded.corrections):>6}  ({c['applied']} applied, "
            f"{c['unchanged']} already so, {c['stale']} stale, {c['overridden']} overridden; "
            f"from {self.loaded.location})"
        )
        return [head, *lines, *self.ledger.messages]


def correct(
    writers: dict[str, storage.TableWriter], documents: pd.DataFrame, loaded: Loaded
) -> Step:
    """Apply the corrections to the rows the run has written (before they are committed)."""
    if not loaded.corrections:
        return Step(loaded)
    view = corrected_view(RunSource(writers), documents, loaded.corrections)
    if view.docs:
        for name in CORRECTABLE:
            writers[name].rewrite(view.docs, as_table(view.outcome.kept(name), name))
    return Step(loaded, view.outcome, view.before, sorted(view.docs))


def regroup_accords(
    step: Step, frame: pd.DataFrame, ids: list[str], published: dict[str, Any]
) -> tuple[list[str], list[list[str]] | None]:
    """The accord ids after the merges and splits of ``step``, and the ``corrected`` column
    of the agreement rows (None when no row moved)."""
    if step.outcome is None or not step.outcome.accord_fixes:
        return ids, None
    rows = frame.to_dict("records")
    ids, moved = regroup(step.outcome.accord_fixes, rows, ids, published, step.outcome.ledger)
    if not moved:
        return ids, None
    return ids, [list(r["corrected"]) if r["corrected"] is not None else [] for r in rows]
