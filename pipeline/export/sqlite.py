"""The SQLite database: one table per output table, with a primary key where the
table has one and an index on every id column, list and struct columns as JSON, and
child tables with one row per item of a list, for joins and Datasette facets:
``agreement_parties``, ``agreement_signatories``, ``accord_parties`` and
``commitment_actors``."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterable
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pyarrow as pa

from .files import atomic

PRIMARY_KEYS = {
    "documents": ("doc_id",),
    "sentences": ("doc_id", "sent_id"),
    "commitments": ("commitment_id",),
    "agreements": ("agreement_id",),
    "accords": ("accord_id",),
}
# child table: (parent table, its key, the list columns it unrolls, their names here)
CHILDREN = {
    "agreement_parties": (
        "agreements",
        "agreement_id",
        ("parties", "party_ids", "party_countries"),
        ("party", "party_id", "party_country"),
    ),
    "accord_parties": (
        "accords",
        "accord_id",
        ("parties", "party_ids", "party_countries"),
        ("party", "party_id", "party_country"),
    ),
    "commitment_actors": (
        "commitments",
        "commitment_id",
        ("actors", "actor_ids"),
        ("actor", "actor_id"),
    ),
}


def sql_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        return "INTEGER"
    if pa.types.is_floating(kind):
        return "REAL"
    return "TEXT"  # strings, dates (ISO), lists and structs (JSON)


def sql_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def id_columns(schema: pa.Schema) -> list[str]:
    return [f.name for f in schema if f.name.endswith("_id") and pa.types.is_string(f.type)]


def create(
    db: sqlite3.Connection,
    name: str,
    columns: list[tuple[str, str]],
    rows: Iterable[tuple],
    key: tuple[str, ...] = (),
    indexed: Iterable[str] = (),
) -> None:
    declared = [f'"{column}" {kind}' for column, kind in columns]
    if key:
        declared.append(f"PRIMARY KEY ({', '.join(key)})")
    db.execute(f'CREATE TABLE "{name}" ({", ".join(declared)})')
    marks = ", ".join("?" * len(columns))
    db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    for column in indexed:
        if column not in key[:1]:  # the key's first column is indexed already
            db.execute(f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")')


def write_sqlite(tables: dict[str, pa.Table], target: Path) -> Path:
    """The tables as a database at ``target`` (an error of SQLite's, such as a full
    disk, becomes an ``OSError`` naming ``target``)."""
    with atomic(target) as temporary:
        db = sqlite3.connect(temporary)
        try:
            fill(db, tables)
            db.commit()
        except sqlite3.Error as error:
            full = getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
            code = errno.ENOSPC if full else errno.EIO
            raise OSError(code, os.strerror(code) if full else str(error), str(target)) from error
        finally:
            db.close()
    return target


def fill(db: sqlite3.Connection, tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        columns = [(f.name, sql_type(f.type)) for f in table.schema]
        rows = (tuple(sql_value(v) for v in row.values()) for row in table.to_pylist())
        key = PRIMARY_KEYS.get(name, ())
        create(db, name, columns, rows, key, id_columns(table.schema))
    for child, spec in CHILDREN.items():
        write_child(db, child, tables[spec[0]], *spec[1:])
    write_signatories(db, tables["agreements"])


def write_child(
    db: sqlite3.Connection,
    name: str,
    parent: pa.Table,
    key: str,
    lists: tuple[str, ...],
    names: tuple[str, ...],
) -> None:
    columns = parent.select([key, *lists]).to_pydict()
    rows = [
        (owner, position, *items)
        for owner, *values in zip(*columns.values(), strict=True)
        for position, items in enumerate(zip_longest(*(v or [] for v in values)))
    ]
    declared = [(key, "TEXT"), ("position", "INTEGER"), *((n, "TEXT") for n in names)]
    ids = [key] + [n for n in names if n.endswith("_id")]
    create(db, name, declared, rows, (key, "position"), ids)


def write_signatories(db: sqlite3.Connection, agreements: pa.Table) -> None:
    columns = agreements.select(["agreement_id", "signatories"]).to_pydict()
    rows = [
        (agreement, position, s.get("name"), s.get("role"), s.get("org"))
        for agreement, signatories in zip(*columns.values(), strict=True)
        for position, s in enumerate(signatories or [])
    ]
    declared = [("agreement_id", "TEXT"), ("position", "INTEGER")]
    declared += [(n, "TEXT") for n in ("name", "role", "org")]
    create(db, "agreement_signatories", declared, rows, ("agreement_id", "position"))
