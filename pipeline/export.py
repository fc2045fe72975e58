"""``accords export``: the tables in the formats analysts open.

- ``.csv``: one file per table beside the target (``data.csv`` -> ``data.agreements.csv``
  ...), list columns joined with "; ", signatories as "name (role, org)";
- ``.jsonl``: one file per table the same way, one JSON object a row;
- ``.xlsx``: one sheet per table (needs ``openpyxl``: ``pip install accords[export]``);
- ``.sqlite``: one table per table, list columns as JSON, and child tables
  ``agreement_parties`` and ``agreement_signatories`` (one row per party or signatory)
  so Datasette offers them as facets.
"""

from __future__ import annotations

import errno
import gc
import io
import json
import os
import sqlite3
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pandas as pd

from . import storage
from .schemas import TABLES

FORMATS = (".csv", ".jsonl", ".xlsx", ".sqlite")
EXCEL_SHEET_ROWS = 1_048_575


class ExportError(ValueError):
    """An export the tool cannot write (an unknown format, a missing extra)."""


def export(outputs: Path, target: Path) -> list[Path]:
    """Write every table of ``outputs`` to ``target`` in the format its suffix names;
    returns the files written."""
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"{target}: unknown format {suffix or '(none)'}: use {', '.join(FORMATS)}"
        )
    tables = storage.read_dataset(outputs, tuple(TABLES))
    target.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        return per_table(tables, target, lambda f, p: flat(f).to_csv(p, index=False))
    if suffix == ".jsonl":
        return per_table(tables, target, write_jsonl)
    with storage.replacing(target) as temporary:
        if suffix == ".xlsx":
            write_xlsx(tables, temporary)
        else:
            write_sqlite(tables, temporary, target)
    return [target]


def per_table(tables: dict[str, pd.DataFrame], target: Path, write: Any) -> list[Path]:
    """One file per table beside ``target``: all written under temporary names first,
    then renamed into place, so a failed write leaves every old file as it was."""
    written = [target.with_name(f"{target.stem}.{name}{target.suffix}") for name in tables]
    with ExitStack() as stack:
        for frame, path in zip(tables.values(), written, strict=True):
            write(frame, stack.enter_context(storage.replacing(path)))
    return written


def cell(value: Any, column: str) -> Any:
    """A list or struct value as one readable string; scalars as they are."""
    if column == "signatories":
        return "; ".join(signatory(s) for s in as_list(value))
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return "; ".join("" if v is None else str(v) for v in items)
    return value


def signatory(s: dict) -> str:
    details = ", ".join(x for x in (s.get("role"), s.get("org")) if x)
    return f"{s.get('name')} ({details})" if details else str(s.get("name"))


def as_list(value: Any) -> list:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return list(value)


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Every list column as text, for CSV and spreadsheets."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [cell(v, column) for v in frame[column]]
    return frame


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


def write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> Path:
    """The tables as a workbook at ``target`` (a temporary path: see ``export``). Built in
    memory, then written: a failed write is an ``OSError`` (openpyxl's own are not)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as error:
        raise ExportError("xlsx export needs openpyxl: pip install 'accords[export]'") from error
    book, failure = io.BytesIO(), None
    hook, sys.unraisablehook = sys.unraisablehook, lambda _: None
    try:
        with pd.ExcelWriter(book, engine="openpyxl") as writer:
            for name, frame in tables.items():
                flat(frame).head(EXCEL_SHEET_ROWS).to_excel(writer, sheet_name=name, index=False)
    except OSError:
        raise
    except Exception as error:  # lxml's, writing its sheets to temporary files: "IO_EFBIG"
        code = next((c for c in (errno.EFBIG, errno.ENOSPC) if errno.errorcode[c] in str(error)), 0)
        failure = OSError(code or None, os.strerror(code) if code else str(error))
    finally:
        gc.collect()  # lxml's half-written sheets complain again as they go: not to stderr
        sys.unraisablehook = hook
    if failure is not None:
        raise failure
    target.write_bytes(book.getvalue())
    return target


def write_sqlite(tables: dict[str, pd.DataFrame], path: Path, target: Path) -> Path:
    """The tables as a SQLite database at ``path`` (an error of SQLite's, such as a full
    disk, becomes an ``OSError`` naming ``target``)."""
    db = sqlite3.connect(path)
    try:
        fill_sqlite(db, tables)
        db.commit()
    except sqlite3.Error as error:
        full = getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
        code = errno.ENOSPC if full else errno.EIO
        raise OSError(code, os.strerror(code) if full else str(error), str(target)) from error
    finally:
        db.close()
    return path


def fill_sqlite(db: sqlite3.Connection, tables: dict[str, pd.DataFrame]) -> None:
    for name, frame in tables.items():
        as_json = frame.copy()
        for column in as_json.columns:
            if as_json[column].dtype == object:
                as_json[column] = [
                    json.dumps(jsonable(v), ensure_ascii=False)
                    if isinstance(jsonable(v), (list, dict))
                    else jsonable(v)
                    for v in as_json[column]
                ]
        as_json.to_sql(name, db, index=False)
    children(tables["agreements"]).to_sql("agreement_parties", db, index=False)
    signers(tables["agreements"]).to_sql("agreement_signatories", db, index=False)


def children(agreements: pd.DataFrame) -> pd.DataFrame:
    rows = [
        {
            "agreement_id": a.agreement_id,
            "position": i,
            "party": party,
            "party_id": pid,
            "party_country": country,
        }
        for a in agreements.itertuples()
        for i, (party, pid, country) in enumerate(
            zip(as_list(a.parties), as_list(a.party_ids), as_list(a.party_countries), strict=False)
        )
    ]
    columns = ["agreement_id", "position", "party", "party_id", "party_country"]
    return pd.DataFrame(rows, columns=columns)


def signers(agreements: pd.DataFrame) -> pd.DataFrame:
    rows = [
        {
            "agreement_id": a.agreement_id,
            "position": i,
            **{k: s.get(k) for k in ("name", "role", "org")},
        }
        for a in agreements.itertuples()
        for i, s in enumerate(as_list(a.signatories))
    ]
    return pd.DataFrame(rows, columns=["agreement_id", "position", "name", "role", "org"])
