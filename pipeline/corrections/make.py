"""Making corrections against an outputs folder: the target of a row the analyst points
at (an agreement or commitment id, a document and a sentence), new records, and what they
would change (``effect``: the rows before and after, for ``--dry-run``)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .. import storage
from ..accords import group_accords
from ..schemas import CORRECTABLE
from . import targets
from .files import Loaded
from .ledger import jsonable
from .model import Correction, new_id, now, parse
from .step import OutputSource, Step, corrected_view, regroup_accords
from .targets import Row, Rows, flat

SHOWN = {
    "agreements": (
        "type",
        "status",
        "name",
        "parties",
        "signatories",
        "date",
        "place",
        "n_commitments",
        "accord_id",
    ),
    "commitments": ("actors", "modality", "action", "agreement_id"),
    "people": ("role", "org"),
    "entities": ("label", "norm", "entity_id"),
}


WAS = {  # what a correction's ``was`` shows of a row
    "agreement": (),
    "not_agreement": ("type", "name", "parties"),
    "commitment": (),
    "not_commitment": ("modality", "actors", "action"),
    "person": (),
}
RESOLVE = {
    "agreement": targets.agreement,
    "not_agreement": targets.agreement,
    "commitment": targets.commitment,
    "not_commitment": targets.commitment,
    "person": targets.person,
}


class RefError(ValueError):
    """A row reference that names no row, or several."""


@dataclass
class Outputs:
    """An outputs folder as the analyst sees it (the corrected tables)."""

    out: Path
    tables: dict[str, pd.DataFrame]

    @classmethod
    def read(cls, out: Path) -> Outputs:
        names = ("documents", "sentences", *CORRECTABLE, "corrections")
        return cls(out, {name: storage.read_table(name, out) for name in names})

    def source(self, doc_id: str) -> str | None:
        docs = self.tables["documents"]
        hit = docs[docs["doc_id"] == doc_id]
        return str(hit.iloc[0]["source"]) if len(hit) else None

    def corrected_fields(self, table: str, row_id: str) -> frozenset[str]:
        audit = self.tables["corrections"]
        hits = audit[
            (audit["table"] == table) & (audit["row_id"] == row_id) & (audit["status"] == "applied")
        ]
        return frozenset(str(f) for f in hits["field"].dropna())

    def row(self, table: str, id_column: str, ref: str) -> Row:
        """The row whose id starts with ``ref``."""
        frame = self.tables[table]
        if ref.startswith("acc:") and table == "agreements":
            hits = frame[frame["accord_id"] == ref].head(1)
        else:
            hits = frame[frame[id_column].astype(str).str.startswith(ref)]
        if len(hits) != 1:
            what = "no" if hits.empty else f"{len(hits)}"
            raise RefError(
                f"{what} {table} row(s) with an id starting {ref!r}; `accords show DOC` lists them"
            )
        return {k: jsonable(v) for k, v in hits.iloc[0].to_dict().items()}

    def agreement_target(self, ref: str) -> dict[str, Any]:
        row = self.row("agreements", "agreement_id", ref)
        siblings = self.tables["agreements"][self.tables["agreements"]["doc_id"] == row["doc_id"]]
        skip = self.corrected_fields("agreements", row["agreement_id"])
        rows = [{k: jsonable(v) for k, v in r.items()} for r in siblings.to_dict("records")]
        same = next(r for r in rows if r["agreement_id"] == row["agreement_id"])
        return targets.agreement_key(same, rows, self.source(row["doc_id"]), skip)

    def commitment_target(self, ref: str) -> dict[str, Any]:
        row = self.row("commitments", "commitment_id", ref)
        siblings = self.tables["commitments"][self.tables["commitments"]["doc_id"] == row["doc_id"]]
        rows = [{k: jsonable(v) for k, v in r.items()} for r in siblings.to_dict("records")]
        same = next(r for r in rows if r["commitment_id"] == row["commitment_id"])
        return targets.commitment_key(same, rows, self.source(row["doc_id"]))

    def rows(self, doc_id: str | None) -> Rows:
        """The rows of one document (of all, for ``None``) as corrections read them."""
        rows = Rows()
        for name in ("documents", "sentences", *CORRECTABLE):
            frame = self.tables[name]
            if doc_id is not None:
                frame = frame[frame["doc_id"] == doc_id]
            records = [{k: jsonable(v) for k, v in r.items()} for r in frame.to_dict("records")]
            if name == "documents":
                rows.documents = {r["doc_id"]: r for r in records}
            else:
                setattr(rows, name, records)
        return rows

    def was(self, kind: str, target: dict[str, Any], field: str | None) -> Any:
        """What the tables say now of what a correction sets (its ``was``), or None."""
        rows = self.rows(target.get("doc"))
        try:
            if kind == "entity":
                row = targets.entities(rows, target)[0]
                return row["norm"] if field == "name" else row["label"]
            if kind not in WAS:
                return None
            row = RESOLVE[kind](rows, target)
        except targets.Stale:
            return None
        return row.get(field) if field else {k: row.get(k) for k in WAS[kind]}

    def sentence(self, doc_id: str, text: str) -> str:
        """The whole sentence of ``doc_id`` that is (or holds) ``text``."""
        sentences = self.tables["sentences"]
        rows = sentences[sentences["doc_id"] == doc_id].to_dict("records")
        found = targets.by_text(rows, "text", text)
        if not found:
            raise RefError(
                f"no sentence of {self.source(doc_id)} is or holds {targets.short(text)}"
            )
        return str(found[0]["text"])


def analyst() -> str:
    return os.environ.get("ACCORDS_ANALYST") or getpass.getuser()


def record(
    kind: str, target: dict[str, Any], field: str | None = None, value: Any = None, **extra: Any
) -> Correction:
    """A new correction (checked), made now."""
    out: dict[str, Any] = {"kind": kind, "target": target}
    if field is not None:
        out["field"] = field
    if field is not None or value is not None:
        out["value"] = value
    out |= {k: v for k, v in extra.items() if v is not None} | {"at": now()}
    out.setdefault("by", analyst())
    out["id"] = new_id(out)
    return parse(out)


def applied(outputs: Outputs, loaded: Loaded, docs: Iterable[str] = ()) -> Step:
    """The corrections of ``loaded`` applied to the pipeline's own rows of ``outputs``,
    over the documents they touch and ``docs``."""
    view = corrected_view(
        OutputSource(outputs.out), outputs.tables["documents"], loaded.corrections, set(docs)
    )
    return Step(loaded, view.outcome, view.before, sorted(view.docs))


def effect(outputs: Outputs, existing: Loaded, new: list[Correction]) -> tuple[list[str], Step]:
    """What ``new`` corrections change, the ``existing`` ones applied: a line per changed
    row field (before -> after), and the step (statuses, the summary's lines)."""
    everything = Loaded(existing.corrections + new, existing.errors, existing.files)
    everything.location = existing.location
    after = applied(outputs, everything)
    before = applied(outputs, existing, set(after.docs))
    lines = []
    for table in CORRECTABLE:
        lines += diff(table, rows_of(before, table), rows_of(after, table), outputs)
    lines += accord_lines(outputs, accord_ids(outputs, before), accord_ids(outputs, after))
    return lines, after


def rows_of(step: Step, table: str) -> list[Row]:
    return step.outcome.kept(table) if step.outcome else []


def check(outputs: Outputs, loaded: Loaded) -> tuple[list[str], bool]:
    """What the corrections do against the pipeline's own rows of ``outputs``: the run's
    summary lines (stale, overridden, malformed files) and the changes a re-run would still
    make to the tables; False when a file is malformed or a correction stale."""
    step = applied(outputs, loaded)
    changes = []
    for table in CORRECTABLE:
        now = outputs.tables[table]
        now = now[now["doc_id"].isin(set(step.docs))].to_dict("records")
        changes += diff(table, now, rows_of(step, table), outputs)
    agreements = outputs.tables["agreements"]
    current = dict(zip(agreements["agreement_id"], agreements["accord_id"], strict=True))
    changes += accord_lines(outputs, current, accord_ids(outputs, step))
    lines = step.summary_lines() or ["no corrections"]
    if changes:
        lines.append(
            f"{len(changes)} change(s) not in {outputs.out} yet; `accords extract` applies them:"
        )
        lines += ["  " + line for line in changes]
    return lines, not loaded.errors and not step.ledger.counts()["stale"]


def diff(table: str, before: list[Row], after: list[Row], outputs: Outputs) -> list[str]:
    key = targets.row_id
    old = {key(table, r): r for r in before}
    new = {key(table, r): r for r in after}
    lines = []
    for rid in sorted(old.keys() | new.keys()):
        row = old.get(rid) or new[rid]
        where = f"{table} {label(table, row)} ({outputs.source(row['doc_id'])})"
        if rid not in new:
            lines.append(f"{where}: removed")
        elif rid not in old:
            lines.append(f"{where}: added: {show_row(table, new[rid])}")
        else:
            for name in SHOWN[table]:
                if name == "accord_id":
                    continue
                a, b = jsonable(old[rid].get(name)), jsonable(new[rid].get(name))
                if a != b:
                    lines.append(f"{where}: {name}: {show_value(a)} -> {show_value(b)}")
    return lines


def accord_ids(outputs: Outputs, step: Step) -> dict[str, str]:
    """The accord of every agreement row, with the corrections of ``step`` (as a run
    groups them: the corrected rows, then the merges and splits)."""
    agreements = outputs.tables["agreements"]
    rows = [r for r in agreements.to_dict("records") if r["doc_id"] not in set(step.docs)]
    rows += rows_of(step, "agreements")
    if not rows:
        return {}
    frame = pd.DataFrame(rows).drop(columns=["accord_id"])
    documents = outputs.tables["documents"]
    published = dict(zip(documents["doc_id"], documents["published"], strict=True))
    ids, _ = regroup_accords(step, frame, group_accords(frame, published), published)
    return dict(zip(frame["agreement_id"], ids, strict=True))


def accord_lines(outputs: Outputs, before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The agreement rows (of both) whose accord changes."""
    agreements = outputs.tables["agreements"]
    docs = dict(zip(agreements["agreement_id"], agreements["doc_id"], strict=True))
    return [
        f"agreements {aid} ({outputs.source(docs[aid])}): accord {before[aid]} -> {after[aid]}"
        for aid in sorted(before.keys() & after.keys())
        if before[aid] != after[aid] and aid in docs
    ]


def label(table: str, row: Row) -> str:
    if table == "entities":
        return f"{row['text']!r} at {row['start']}"
    if table == "people":
        return repr(row["name"])
    return targets.row_id(table, row)


def show_row(table: str, row: Row) -> str:
    return ", ".join(
        f"{name} {show_value(jsonable(row.get(name)))}"
        for name in SHOWN[table]
        if row.get(name) is not None and name != "accord_id"
    )


def show_value(value: Any) -> str:
    if isinstance(value, list):
        items = [
            ", ".join(str(v) for v in item.values() if v) if isinstance(item, dict) else str(item)
            for item in value
        ]
        return "[" + "; ".join(items) + "]"
    return "-" if value is None else repr(flat(value)) if isinstance(value, str) else str(value)
