"""``accords export``: the tables in the formats analysts open.

- ``.csv``: one file per table beside the target (``data.csv`` -> ``data.agreements.csv``
  ...), list columns as text (``pipeline.cells``: items joined with "; ", signatories as
  "name (role, org)"); ``excel=True`` (``--excel``) adds a UTF-8 byte order mark, so
  Excel reads "António", and keeps a cell Excel would take for a formula as text;
- ``.jsonl``: one file per table the same way, one JSON object a row;
- ``.xlsx``: one sheet per table (needs ``openpyxl``: ``pip install -e '.[export]'``), see
  ``export.xlsx``;
- ``.sqlite``: one table per table with primary keys and indexed ids, list columns as
  JSON, and child tables (one row per party, signatory or actor) that Datasette offers
  as facets, see ``export.sqlite``.

Every file is written under a temporary name and renamed into place when whole; the
tables are read only when they are all the last run's (``storage.read_dataset``).
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import storage
from ..cells import spreadsheet_text, text_cell
from ..schemas import TABLES
from .files import ExportError, atomic

FORMATS = (".csv", ".jsonl", ".xlsx", ".sqlite")

__all__ = ["FORMATS", "ExportError", "Exported", "export", "flat"]


@dataclass
class Exported:
    """The files an export wrote, and what it had to change to fit the format."""

    files: list[Path]
    notes: list[str] = field(default_factory=list)


def export(outputs: Path, target: Path, excel: bool = False) -> Exported:
    """Write every table of ``outputs`` to ``target`` in the format its suffix names.
    ``excel``: CSV for Excel (a byte order mark, formula-looking cells as text)."""
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"{target}: unknown format {suffix or '(none)'}: use {', '.join(FORMATS)}"
        )
    arrow = storage.read_arrow_dataset(outputs, tuple(TABLES))
    tables = {name: table.to_pandas() for name, table in arrow.items()}
    target.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return Exported(per_table(tables, target, lambda f, p: write_csv(f, p, excel)))
    if suffix == ".jsonl":
        return Exported(per_table(tables, target, write_jsonl))
    if suffix == ".xlsx":
        from .xlsx import write_xlsx

        return Exported([target], write_xlsx(tables, target))
    from .sqlite import write_sqlite

    write_sqlite(arrow, target)
    return Exported([target])


def per_table(tables: dict[str, pd.DataFrame], target: Path, write: Any) -> list[Path]:
    """One file per table beside ``target``: all written under temporary names first,
    then renamed into place, so a failed write leaves every old file as it was."""
    written = [target.with_name(f"{target.stem}.{name}{target.suffix}") for name in tables]
    with ExitStack() as stack:
        for frame, path in zip(tables.values(), written, strict=True):
            write(frame, stack.enter_context(atomic(path)))
    return written


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Every list column as text, for CSV and spreadsheets."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [text_cell(v, column) for v in frame[column]]
    return frame


def write_csv(frame: pd.DataFrame, path: Path, excel: bool) -> None:
    frame = flat(frame)
    if excel:
        for column in frame.columns:
            if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
                frame[column] = [spreadsheet_text(v) for v in frame[column]]
    frame.to_csv(path, index=False, encoding="utf-8-sig" if excel else "utf-8")


def jsonable(value: Any) -> Any:
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def write_jsonl(frame: pd.DataFrame, path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in frame.to_dict("records"):
            stream.write(json.dumps({k: jsonable(v) for k, v in row.items()}, ensure_ascii=False))
            stream.write("\n")
