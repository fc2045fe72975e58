"""The analyst's corrections files: JSON lines (``*.jsonl``), one correction a line, in a
folder beside the corpus (``corrections/`` next to ``corpus/``) or one file.

A person reads, reviews and versions them: blank lines and lines starting with ``#`` are
skipped. A file with a line that is not a correction is applied not at all (never half):
its error names the file and the line, and the other files still apply.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..locations import is_remote, local_path
from .model import Correction, CorrectionError, parse

SUFFIX = ".jsonl"
DEFAULT_FILE = "corrections.jsonl"
FOLDER = "corrections"


class CorrectionsMissing(FileNotFoundError):
    """A corrections path that was asked for does not exist."""


@dataclass
class Loaded:
    """The corrections of a folder: those of its well-formed files, in reading order, and
    one error line per file that is applied not at all."""

    corrections: list[Correction] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the files applied
    location: str | None = None

    def __bool__(self) -> bool:
        return bool(self.corrections)


def default_location(corpus: str | Path) -> Path | None:
    """``corrections/`` beside a local corpus folder; None for a corpus at a URL."""
    if is_remote(corpus):
        return None
    return local_path(corpus).resolve().parent / FOLDER


def files_of(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(p for p in location.iterdir() if p.suffix == SUFFIX and p.is_file())
    return [location]


def load(location: Path | None, required: bool = False) -> Loaded:
    """Every correction under ``location`` (a folder of ``*.jsonl`` files, or one file).
    A missing location holds none, unless ``required`` (then ``CorrectionsMissing``)."""
    loaded = Loaded(location=None if location is None else str(location))
    if location is None or not location.exists():
        if required and location is not None:
            raise CorrectionsMissing(f"{location}: no such corrections file or folder")
        return loaded
    seen: dict[str, Correction] = {}
    for path in files_of(location):
        try:
            found = read_file(path, len(loaded.corrections), seen)
        except CorrectionError as error:
            loaded.errors.append(f"{error}; none of the corrections of {path} applied")
            continue
        for correction in found:
            seen[correction.id] = correction
        loaded.corrections += found
        loaded.files.append(str(path))
    return loaded


def read_file(path: Path, start: int, seen: dict[str, Correction]) -> list[Correction]:
    """The corrections of one file; raises ``CorrectionError`` ("file line N: ...") at the
    first line that is not one, or that reuses the id of another correction."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorrectionError(f"{path}: cannot read: {error}") from error
    found: list[Correction] = []
    ids = dict(seen)
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
            correction = parse(record, str(path), line_no, start + len(found))
        except json.JSONDecodeError as error:
            raise CorrectionError(f"{path} line {line_no}: not JSON: {error.msg}") from None
        except CorrectionError as error:
            raise CorrectionError(f"{path} line {line_no}: {error}") from None
        other = ids.get(correction.id)
        if other is not None and other.record() != correction.record():
            raise CorrectionError(
                f"{path} line {line_no}: id {correction.id!r} is also {other.file} "
                f"line {other.line}, with other content"
            )
        if other is None:
            ids[correction.id] = correction
            found.append(correction)
    return found


def target_file(location: Path) -> Path:
    """Where new corrections go: the file itself, or ``corrections.jsonl`` in a folder."""
    if location.is_dir() or not location.suffix:
        return location / DEFAULT_FILE
    return location


def append(location: Path, records: list[dict[str, Any]]) -> Path:
    """Add ``records`` as lines to the corrections file at ``location``, atomically (a
    reader sees the old file or the new one, never half a line)."""
    path = target_file(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(old + lines)
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp_name, 0o666 & ~mask)
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return path
