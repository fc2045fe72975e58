"""The outputs folder as a place: temporary files renamed into place, the run's lock,
the leftovers of runs that died, and outputs at a URL worked on in a local folder."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..locations import is_remote, local_path
from ..schemas import CACHES, TABLES

LOCK_NAME = ".accords.lock"
TMP_PREFIX = ".accords-"  # a run's temporary files: ``.accords-<name>.XXXXXXXX.tmp``
TMP_SUFFIX = ".tmp"
# the temporary files of earlier versions (``.<table>.XXXXXXXX.tmp``, mkstemp's random part)
LEGACY_NAMES = "|".join(["manifest", "line_hashes", *TABLES])
LEGACY_TMP = re.compile(rf"^\.\.?(?:{LEGACY_NAMES})\.[a-z0-9_]+\.tmp$")


def temporary(name: str, out_dir: Path) -> str:
    """A new temporary file for ``name`` in ``out_dir`` (its path), which a later run
    removes if this one dies before renaming it into place."""
    handle, tmp_name = tempfile.mkstemp(
        prefix=f"{TMP_PREFIX}{name.lstrip('.')}.", suffix=TMP_SUFFIX, dir=out_dir
    )
    os.close(handle)
    return tmp_name


def named(error: OSError, path: str | Path) -> OSError:
    """``error`` about ``path`` (pyarrow and ``write`` leave the file out), with the plain
    reason (pyarrow wraps it: "Error writing bytes to file. Detail: [errno 28] ...")."""
    reason = error.strerror
    if error.errno and (not reason or "Detail:" in reason):
        reason = os.strerror(error.errno)
    return OSError(error.errno, reason or str(error), str(path))


class Staged:
    """A file written under a temporary name in its folder: ``commit`` renames it into
    place, ``discard`` removes it."""

    def __init__(self, tmp_name: str, target: Path):
        self.tmp_name, self.target = tmp_name, target

    def commit(self) -> Path:
        usual_mode(self.tmp_name)
        os.replace(self.tmp_name, self.target)
        return self.target

    def discard(self) -> None:
        if os.path.exists(self.tmp_name):
            os.unlink(self.tmp_name)


SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite writes beside a database


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed over ``target`` when the
    block ends without an error, removed (with any SQLite journal beside it) when it
    raises, so a failed write (a full disk) leaves the old ``target`` whole. An
    ``OSError`` names ``target``."""
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".part{target.suffix}", dir=target.parent
    )
    os.close(handle)
    os.unlink(name)  # the writer creates it (SQLite wants no empty file there)
    temporary = Path(name)
    try:
        yield temporary
        usual_mode(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise named(error, target) from error
    finally:
        for path in [temporary, *(Path(f"{temporary}{side}") for side in SIDE_FILES)]:
            if path.exists():
                path.unlink()


def usual_mode(path: str | Path) -> None:
    """Give a file written through ``mkstemp`` (mode 0600) the permissions a plain
    ``open`` would: 0666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def run_under_way(out_dir: Path) -> bool:
    """A run holds ``out_dir`` (its lock is taken)."""
    import fcntl

    try:
        with open(out_dir / LOCK_NAME, "rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    except OSError:
        return False


COMMIT_WAIT_SECONDS = 10.0  # a reader meeting a commit waits this long, at most, for its end


def wait_for_commit(out_dir: Path) -> bool:
    """Wait until the run holding ``out_dir`` writes its manifest or ends (at most
    ``COMMIT_WAIT_SECONDS``): False if it did neither."""
    path = out_dir / "manifest.json"

    def stamp() -> int | None:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return None

    before, deadline = stamp(), time.monotonic() + COMMIT_WAIT_SECONDS
    while stamp() == before and run_under_way(out_dir):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


class OutputsInUse(RuntimeError):
    """Another run holds the outputs folder."""


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir`` for one run: a second run exits with who holds it. The lock file
    goes when the run ends; one left by a run that died is free (``flock`` locks go with
    their process), so the next run takes it over and removes it in turn."""
    import fcntl

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    while True:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115
        if not take(handle, fcntl.LOCK_EX):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise OutputsInUse(f"outputs in use by {holder}") from None
        if same_file(handle, path):
            break
        handle.close()  # its holder removed it as we opened it: take the new one
    try:
        handle.seek(0)
        handle.truncate()
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        handle.write(f"pid {os.getpid()} since {started}\n")
        handle.flush()
        remove_leftovers(out_dir)
        yield
    finally:
        remove_leftovers(out_dir)  # a run stopped anywhere (even making a file) leaves none
        path.unlink(missing_ok=True)  # while still held: no one else holds this file
        handle.close()


def same_file(handle: Any, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


LOCK_TRIES = 20  # a reader asking whether a run is under way holds the lock a moment
LOCK_PAUSE_SECONDS = 0.05


def take(handle: Any, kind: int) -> bool:
    """Take a ``flock`` of ``kind`` on ``handle``, trying for about a second: a reader's
    shared lock (``run_under_way``) is held for microseconds, a run's for the run."""
    import fcntl

    for attempt in range(LOCK_TRIES):
        try:
            fcntl.flock(handle, kind | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if attempt + 1 < LOCK_TRIES:
                time.sleep(LOCK_PAUSE_SECONDS)
    return False


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Temporary files of runs that died before renaming them into place: only the run's
    own, by their prefix (a user's ``.notes.tmp`` stays)."""
    gone = []
    for path in out_dir.glob(".*.tmp"):
        if not (path.name.startswith(TMP_PREFIX) or LEGACY_TMP.match(path.name)):
            continue
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
