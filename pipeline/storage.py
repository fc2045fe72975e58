"""Parquet input and output: the only module that touches the output folder.

Every table is checked against its declared schema (``schemas.TABLES``) and
written to a temporary file that is renamed into place, so a run that is
killed never leaves a half-written table behind.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .locations import is_remote, local_path
from .schemas import CACHES, SCHEMAS, TABLES

ROW_GROUP_ROWS = 50_000
RUN_KEY = b"accords_run_id"  # Parquet metadata: the run that wrote the table
LOCK_NAME = ".accords.lock"


def usual_mode(path: str | Path) -> None:
    """Give a file written through ``mkstemp`` (mode 0600) the permissions a plain
    ``open`` would: 0666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


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


def write_table(frame: pd.DataFrame, name: str, out_dir: Path, run_id: str | None = None) -> Path:
    """Check ``frame`` against its schema and write ``out_dir/<name>.parquet`` atomically."""
    table = stamped(to_arrow(frame, name), run_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.parquet"
    handle, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    os.close(handle)
    try:
        pq.write_table(table, tmp_name)
        usual_mode(tmp_name)
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target


def write_arrow(table: pa.Table, name: str, out_dir: Path, run_id: str | None = None) -> Path:
    """Write an Arrow ``table`` of the schema of ``name`` to ``out_dir/<name>.parquet``
    atomically."""
    writer = TableWriter(name, out_dir, run_id)
    try:
        writer.write_arrow(table)
        writer.close()
    except BaseException:
        writer.discard()
        raise
    return writer.commit()


def remove_table(name: str, out_dir: Path) -> None:
    """Remove ``out_dir/<name>.parquet`` if it is there (a cache a run no longer needs)."""
    (out_dir / f"{name}.parquet").unlink(missing_ok=True)


def read_table(name: str, out_dir: Path) -> pd.DataFrame:
    """Read ``out_dir/<name>.parquet`` into a DataFrame with the declared columns."""
    path = out_dir / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such table; run `accords extract` first")
    return pq.read_table(path, schema=SCHEMAS[name]).to_pandas()


def write_json(obj: dict, name: str, out_dir: Path) -> Path:
    """Write ``out_dir/<name>.json`` atomically (the manifest is written last)."""
    import json

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.json"
    handle, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        # one line: indenting a million documents' entries costs more than it helps
        json.dump(obj, stream, sort_keys=True, separators=(",", ":"), default=str)
    usual_mode(tmp_name)
    os.replace(tmp_name, target)
    return target


def read_json(name: str, out_dir: Path) -> dict | None:
    """``out_dir/<name>.json``, or None if it is missing or unreadable."""
    import json

    path = out_dir / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class TableWriter:
    """Stream batches of one table into a temporary Parquet file; ``commit`` renames
    it into place. Small batches are gathered into row groups of about
    ``ROW_GROUP_ROWS`` rows, so memory stays flat however many batches are written
    and the file does not fragment into thousands of tiny row groups."""

    def __init__(self, name: str, out_dir: Path, run_id: str | None = None):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.run_id = run_id
        self.target = out_dir / f"{name}.parquet"
        handle, self.tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
        os.close(handle)
        self.writer = pq.ParquetWriter(
            self.tmp_name, stamped(SCHEMAS[name].empty_table(), run_id).schema
        )
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
            self.writer.write_table(pa.concat_tables(self.pending))
            self.pending, self.pending_rows = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def commit(self) -> Path:
        usual_mode(self.tmp_name)
        os.replace(self.tmp_name, self.target)
        return self.target

    def read_back(self) -> pa.Table:
        """The rows written so far (after ``close``)."""
        return pq.read_table(self.tmp_name, schema=SCHEMAS[self.name])

    def replace(self, table: pa.Table) -> None:
        """Write ``table`` in place of the rows written so far (after ``close``)."""
        if not table.schema.equals(SCHEMAS[self.name], check_metadata=False):
            raise SchemaError(f"table {self.name!r} does not fit its schema")
        table = stamped(table, self.run_id)
        pq.write_table(table, self.tmp_name, row_group_size=ROW_GROUP_ROWS)
        self.rows = table.num_rows

    def discard(self) -> None:
        if os.path.exists(self.tmp_name):
            os.unlink(self.tmp_name)

    def batches(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        """The rows written so far (after ``close``), batch by batch."""
        yield from file_batches(Path(self.tmp_name), columns)

    def rewrite(self, drop_docs: set[str], extra: pa.Table) -> None:
        """Keep the rows written so far except those of ``drop_docs``, then add ``extra``
        (after ``close``); streamed into a new temporary file, so memory stays flat."""
        import pyarrow.compute as pc

        handle, tmp_name = tempfile.mkstemp(
            prefix=f".{self.name}.", suffix=".tmp", dir=self.target.parent
        )
        os.close(handle)
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


class OutputsInUse(RuntimeError):
    """Another run holds the outputs folder."""


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for one run: a second run exits with who holds it; the lock of a
    run that died goes with its process (``flock``), so it is taken over by the next."""
    import fcntl

    out_dir.mkdir(parents=True, exist_ok=True)
    handle = open(out_dir / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputsInUse(f"outputs in use by {holder}") from None
        handle.seek(0)
        handle.truncate()
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        handle.write(f"pid {os.getpid()} since {started}\n")
        handle.flush()
        remove_leftovers(out_dir)
        yield
    finally:
        handle.close()


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Temporary files of runs that died before renaming them into place."""
    gone = []
    for path in out_dir.glob(".*.tmp"):
        try:
            path.unlink()
            gone.append(path)
        except OSError:
            pass
    return gone


# Outputs anywhere fsspec reaches (s3://, gs://, memory:// ...): a run works in a local
# folder that stands for them, filled with the last run's files first and published
# back after a run that succeeded.


PUBLISHED = tuple(f"{name}.parquet" for name in (*TABLES, *CACHES)) + ("manifest.json",)


@contextmanager
def staged(location: str | Path) -> Iterator[Path]:
    """The local outputs folder of a run that writes to ``location``.

    A local ``location`` is that folder. A remote one is stood in for by a temporary
    folder holding its current tables and manifest; when the run succeeds they are
    published back (``publish``), the manifest last; when it fails, nothing is."""
    if not is_remote(location):
        yield local_path(location)
        return
    import fsspec

    fs, root = fsspec.core.url_to_fs(str(location))
    with tempfile.TemporaryDirectory(prefix="accords-out-") as folder:
        local = Path(folder)
        for name in PUBLISHED:
            if fs.exists(f"{root}/{name}"):
                fs.get_file(f"{root}/{name}", str(local / name))
        yield local
        publish(local, fs, root)


def publish(local: Path, fs: Any, root: str) -> None:
    """Copy the run's files to ``root`` on ``fs``: each under a temporary name, then
    renamed over the old one. The manifest goes last and names the run that wrote
    every table (``table_run_id``): on a store without an atomic rename, a reader or
    the next run trusts the tables only when their run id is the manifest's."""
    fs.makedirs(root, exist_ok=True)
    for name in PUBLISHED:
        source = local / name
        if not source.exists():
            continue
        temporary = f"{root}/.{name}.{os.getpid()}.tmp"
        fs.put_file(str(source), temporary)
        fs.mv(temporary, f"{root}/{name}")
