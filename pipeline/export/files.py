"""Writing an export's files: each under a temporary name beside it, renamed into
place when it is whole, so a failed export never leaves a half-written file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import storage

SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite writes beside a database


class ExportError(ValueError):
    """An export the tool cannot write (an unknown format, a missing extra)."""


@contextmanager
def atomic(target: Path) -> Iterator[Path]:
    """A temporary path to write ``target`` to; it replaces ``target`` when the block
    ends without an error and is removed (with any SQLite journal beside it) when it
    does not. An ``OSError`` (a full disk) names ``target``."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        raise storage.named(error, target) from error
    finally:
        for path in (temporary, *(Path(f"{temporary}{side}") for side in SIDE_FILES)):
            path.unlink(missing_ok=True)
