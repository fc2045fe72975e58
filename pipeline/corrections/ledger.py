"""What corrections did, row by row: the ``corrections`` table (an audit with what the
pipeline said and what the analyst says), each correction's status and the lines of the
run's summary.

Statuses: ``applied`` (it changed a row), ``unchanged`` (the pipeline already says so),
``stale`` (its target is gone: nothing applied), ``overridden`` (a later correction of the
same field won, or another removed the row).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from .model import Correction
from .targets import Row, row_id

STATUSES = ("applied", "unchanged", "overridden", "stale")  # a correction's best first
REMOVED = "_removed_by"  # a row a correction removed (dropped when the rows are written)


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if k != REMOVED}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return jsonable(value.tolist())
    if isinstance(value, float) and value != value:
        return None
    return value


def dump(value: Any) -> str | None:
    return None if value is None else json.dumps(jsonable(value), ensure_ascii=False)


class Ledger:
    """The audit rows, statuses and summary lines of one application of corrections."""

    def __init__(self) -> None:
        self.audit: list[dict[str, Any]] = []
        self.seen: dict[str, set[str]] = defaultdict(set)
        self.messages: list[str] = []
        self.corrections: dict[str, Correction] = {}

    def note(
        self,
        c: Correction,
        status: str,
        where: tuple[str, Row] | None = None,
        field: str | None = None,
        values: tuple[Any, Any] = (None, None),
        message: str | None = None,
    ) -> None:
        table, row = where if where else (None, None)
        self.corrections[c.id] = c
        self.seen[c.id].add(status)
        self.audit.append(
            {
                "correction_id": c.id,
                "kind": c.kind,
                "status": status,
                "table": table,
                "row_id": row_id(table, row) if table and row is not None else None,
                "doc_id": row["doc_id"] if row is not None else c.target.get("doc"),
                "field": field,
                "extracted": dump(values[0]),
                "value": dump(values[1]),
                "message": message,
                "by": c.by,
                "at": c.at,
                "note": c.note,
                "file": c.file or None,
                "line": c.line or None,
            }
        )

    def change(
        self, c: Correction, table: str, row: Row, field: str | None, before: Any, after: Any
    ) -> None:
        """A change made to ``row``: applied, and the row lists the correction."""
        corrected = [] if row.get("corrected") is None else list(row["corrected"])
        if c.id not in corrected:
            row["corrected"] = [*corrected, c.id]
        self.note(c, "applied", (table, row), field, (before, after))

    def stale(self, c: Correction, why: str) -> None:
        self.note(c, "stale", message=why)
        self.messages.append(f"stale: {c.describe()}: {why}")

    def overridden(self, c: Correction, why: str) -> None:
        self.note(c, "overridden", message=why)
        self.messages.append(f"note: {why}")

    def later_wins(self, items: list[tuple[Correction, Row]], what: str) -> tuple[Correction, Row]:
        """The latest of corrections of one field of one row; the others are overridden."""
        items = sorted(items, key=lambda item: item[0].when)
        winner = items[-1]
        for c, _ in items[:-1]:
            if c.id != winner[0].id and "overridden" not in self.seen[c.id]:
                self.overridden(c, f"{winner[0].id} overrides {c.id} on {what} (the later wins)")
        return winner

    def status(self) -> dict[str, str]:
        """Each correction's status: its best over the rows it named."""
        return {
            cid: next(s for s in STATUSES if s in statuses) for cid, statuses in self.seen.items()
        }

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for status in self.status().values():
            out[status] += 1
        return out
