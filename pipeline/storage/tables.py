"""Parquet tables: checked against their declared schemas, stamped with the run that
wrote them, written under a temporary name and renamed into place."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..schemas import SCHEMAS
from .files import Staged, named, temporary

ROW_GROUP_ROWS = 50_000
RUN_KEY = b"accords_run_id"  # Parquet metadata: the run that wrote the table


class SchemaError(ValueError):
    """A table does not fit its declared schema."""


def to_arrow(frame: pd.DataFrame, name: str) -> pa.Table:
    """Convert ``frame`` to an Arrow table with the declared schema of ``name``."""
    schema = SCHEMAS[name]
    missing = [field.name for field in schema if field.name not in frame.columns]
    if missing:
        raise SchemaError(f"table {name!r} lacks columns {missing}")
    extra = [column for column in frame.columns if column not in schema.names]
    if extra:
        raise SchemaError(f"table {name!r} has undeclared columns {extra}")
    try:
        arrays = [pa.array(column_values(frame[field.name]), type=field.type) for field in schema]
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as error:
        raise SchemaError(f"table {name!r} does not fit its schema: {error}") from error
    return pa.Table.from_arrays(arrays, schema=schema)


def rows_to_arrow(rows: list[dict[str, Any]], name: str) -> pa.Table:
    """``to_arrow`` of the DataFrame of ``rows`` (dicts by column), without building the
    DataFrame: a key a row lacks, NaN, NaT and NA are None, as there."""
    schema = SCHEMAS[name]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    missing = [field.name for field in schema if field.name not in columns]
    if missing and rows:
        raise SchemaError(f"table {name!r} lacks columns {missing}")
    extra = [column for column in columns if column not in schema.names]
    if extra:
        raise SchemaError(f"table {name!r} has undeclared columns {extra}")
    try:
        arrays = [
            pa.array([present(row.get(field.name)) for row in rows], type=field.type)
            for field in schema
        ]
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as error:
        raise SchemaError(f"table {name!r} does not fit its schema: {error}") from error
    return pa.Table.from_arrays(arrays, schema=schema)


def present(value: Any) -> Any:
    """``value``, or None for pandas' missing markers."""
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return value


def column_values(column: pd.Series) -> list:
    """A column as Python values, with pandas' missing markers (NaN, NaT, NA) as None."""
    values = column.tolist()
    missing = column.isna()
    if missing.any():
        values = [None if gone else value for value, gone in zip(values, missing, strict=True)]
    return values


def stamped(table: pa.Table, run_id: str | None) -> pa.Table:
    """``table`` with the id of the run that writes it in its metadata."""
    if run_id is None:
        return table
    return table.replace_schema_metadata({RUN_KEY: run_id.encode()})


def table_run_id(name: str, out_dir: Path) -> str | None:
    """The run that wrote ``out_dir/<name>.parquet``, or None (missing, unreadable, unstamped)."""
    try:
        metadata = pq.read_schema(out_dir / f"{name}.parquet").metadata or {}
    except (OSError, pa.ArrowException):
        return None
    value = metadata.get(RUN_KEY)
    return value.decode() if value else None


def stage_table(frame: pd.DataFrame, name: str, out_dir: Path, run_id: str | None = None) -> Staged:
    """Check ``frame`` against its schema and write it under a temporary name beside
    ``out_dir/<name>.parquet``; nothing is left behind if the write fails."""
    table = stamped(to_arrow(frame, name), run_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged = Staged(temporary(name, out_dir), out_dir / f"{name}.parquet")
    try:
        pq.write_table(table, staged.tmp_name)
    except OSError as error:
        staged.discard()
        raise named(error, staged.target) from error
    except BaseException:
        staged.discard()
        raise
    return staged


def stage_arrow(table: pa.Table, name: str, out_dir: Path, run_id: str | None = None) -> Staged:
    """Write an Arrow ``table`` of the schema of ``name`` under a temporary name beside
    ``out_dir/<name>.parquet``; nothing is left behind if the write fails."""
    writer = TableWriter(name, out_dir, run_id)
    try:
        writer.write_arrow(table)
        writer.close()
    except BaseException:
        writer.discard()
        raise
    return writer


def remove_table(name: str, out_dir: Path) -> None:
    """Remove ``out_dir/<name>.parquet`` if it is there (a cache a run no longer needs)."""
    (out_dir / f"{name}.parquet").unlink(missing_ok=True)


def read_table(name: str, out_dir: Path) -> pd.DataFrame:
    """Read ``out_dir/<name>.parquet`` into a DataFrame with the declared columns."""
    path = out_dir / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such table; run `accords extract` first")
    return pq.read_table(path, schema=SCHEMAS[name]).to_pandas()


def stage_json(obj: dict, name: str, out_dir: Path) -> Staged:
    """Write ``obj`` under a temporary name beside ``out_dir/<name>.json``."""
    import json

    out_dir.mkdir(parents=True, exist_ok=True)
    staged = Staged(temporary(name, out_dir), out_dir / f"{name}.json")
    try:
        with open(staged.tmp_name, "w", encoding="utf-8") as stream:
            # one line: indenting a million documents' entries costs more than it helps
            json.dump(obj, stream, sort_keys=True, separators=(",", ":"), default=str)
    except OSError as error:
        staged.discard()
        raise named(error, staged.target) from error
    except BaseException:
        staged.discard()
        raise
    return staged


def read_json(name: str, out_dir: Path) -> dict | None:
    """``out_dir/<name>.json``, or None if it is missing or unreadable."""
    import json

    path = out_dir / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class TableWriter(Staged):
    """Stream batches of one table into a temporary Parquet file; ``commit`` renames
    it into place. Small batches are gathered into row groups of about
    ``ROW_GROUP_ROWS`` rows, so memory stays flat however many batches are written
    and the file does not fragment into thousands of tiny row groups."""

    def __init__(self, name: str, out_dir: Path, run_id: str | None = None):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.run_id = run_id
        super().__init__(temporary(name, out_dir), out_dir / f"{name}.parquet")
        try:
            self.writer = pq.ParquetWriter(
                self.tmp_name, stamped(SCHEMAS[name].empty_table(), run_id).schema
            )
        except BaseException:
            self.discard()
            raise
        self.rows = 0
        self.pending: list[pa.Table] = []
        self.pending_rows = 0

    def write_arrow(self, table: pa.Table) -> None:
        if table.num_rows:
            self.pending.append(stamped(table.cast(SCHEMAS[self.name]), self.run_id))
            self.pending_rows += table.num_rows
            self.rows += table.num_rows
            if self.pending_rows >= ROW_GROUP_ROWS:
                self.flush()

    def flush(self) -> None:
        if self.pending:
            try:
                self.writer.write_table(pa.concat_tables(self.pending))
            except OSError as error:
                raise named(error, self.target) from error
            self.pending, self.pending_rows = [], 0

    def close(self) -> None:
        self.flush()
        try:
            self.writer.close()
        except OSError as error:
            raise named(error, self.target) from error

    def read_back(self) -> pa.Table:
        """The rows written so far (after ``close``)."""
        return pq.read_table(self.tmp_name, schema=SCHEMAS[self.name])

    def replace(self, table: pa.Table) -> None:
        """Write ``table`` in place of the rows written so far (after ``close``)."""
        if not table.schema.equals(SCHEMAS[self.name], check_metadata=False):
            raise SchemaError(f"table {self.name!r} does not fit its schema")
        table = stamped(table, self.run_id)
        try:
            pq.write_table(table, self.tmp_name, row_group_size=ROW_GROUP_ROWS)
        except OSError as error:
            raise named(error, self.target) from error
        self.rows = table.num_rows

    def batches(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        """The rows written so far (after ``close``), batch by batch."""
        yield from file_batches(Path(self.tmp_name), columns)

    def rewrite(self, drop_docs: set[str], extra: pa.Table) -> None:
        """Keep the rows written so far except those of ``drop_docs``, then add ``extra``
        (after ``close``); streamed into a new temporary file, so memory stays flat."""
        import pyarrow.compute as pc

        tmp_name = temporary(self.name, self.target.parent)
        dropped = pa.array(sorted(drop_docs), pa.string())
        schema = stamped(SCHEMAS[self.name].empty_table(), self.run_id).schema
        rows = 0
        try:
            with pq.ParquetWriter(tmp_name, schema) as writer:
                for table in self.batches():
                    kept = table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=dropped)))
                    writer.write_table(stamped(kept.cast(SCHEMAS[self.name]), self.run_id))
                    rows += kept.num_rows
                writer.write_table(stamped(extra.cast(SCHEMAS[self.name]), self.run_id))
            os.replace(tmp_name, self.tmp_name)
        except OSError as error:
            raise named(error, self.target) from error
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
        self.rows = rows + extra.num_rows


def file_batches(
    path: Path, columns: list[str] | None = None, batch_size: int = 65_536
) -> Iterator[pa.Table]:
    with pq.ParquetFile(path) as source:
        for batch in source.iter_batches(batch_size=batch_size, columns=columns):
            yield pa.Table.from_batches([batch])


def table_batches(name: str, out_dir: Path, columns: list[str] | None = None) -> Iterator[pa.Table]:
    """A committed table or cache of ``out_dir``, batch by batch (none if it is missing)."""
    path = out_dir / f"{name}.parquet"
    if path.exists():
        yield from file_batches(path, columns)


def previous_batches(name: str, out_dir: Path, doc_ids: set[str], batch_size: int = 20_000):
    """Yield the rows of ``doc_ids`` from the existing table, batch by batch, as Arrow tables.

    Raises if the table is missing or does not fit its schema."""
    import pyarrow.compute as pc

    source = pq.ParquetFile(out_dir / f"{name}.parquet")
    if not source.schema_arrow.equals(SCHEMAS[name], check_metadata=False):
        raise SchemaError(f"{out_dir / name}.parquet has another schema")
    wanted = pa.array(sorted(doc_ids), pa.string())
    for batch in source.iter_batches(batch_size=batch_size):
        table = pa.Table.from_batches([batch])
        yield table.filter(pc.is_in(table["doc_id"], value_set=wanted))


def read_columns(name: str, out_dir: Path, columns: list[str]) -> dict[str, list]:
    """Some columns of a table as Python lists (fast: no pandas round trip)."""
    table = pq.read_table(out_dir / f"{name}.parquet", columns=columns)
    return {column: table[column].to_pylist() for column in columns}


def read_arrow(name: str, out_dir: Path) -> pa.Table:
    """A table as Arrow, checked against its schema."""
    table = pq.read_table(out_dir / f"{name}.parquet")
    if not table.schema.equals(SCHEMAS[name], check_metadata=False):
        raise SchemaError(f"{out_dir / name}.parquet has another schema")
    return table
