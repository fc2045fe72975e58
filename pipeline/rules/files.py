"""Load the rule files under ``pipeline/patterns/`` (JSONL), validated on load.

Every rule has an ``id``; a file with a bad line fails loudly, naming the file
and line, instead of silently dropping a rule.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

PATTERNS_DIR = Path(__file__).parent.parent / "patterns"


class PatternFileError(ValueError):
    """A rule file is malformed."""


def read_jsonl(name: str, required: tuple[str, ...] = ("id",)) -> list[dict]:
    """Read ``patterns/<name>``: one JSON object a line, blank lines and ``//`` comments skipped."""
    path = PATTERNS_DIR / name
    rows: list[dict] = []
    seen: set[str] = set()
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise PatternFileError(f"{path}:{line_no}: invalid JSON: {error}") from error
        if not isinstance(row, dict):
            raise PatternFileError(f"{path}:{line_no}: expected a JSON object")
        missing = [key for key in required if key not in row]
        if missing:
            raise PatternFileError(f"{path}:{line_no}: missing keys {missing}")
        rule_id = row.get("id")
        if rule_id is not None:
            if rule_id in seen:
                raise PatternFileError(f"{path}:{line_no}: duplicate id {rule_id!r}")
            seen.add(rule_id)
        rows.append(row)
    return rows


@cache
def load_regex_rules(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Rules of the form ``{"id": ..., "regex": ...}``, compiled case-insensitively."""
    compiled = []
    for row in read_jsonl(name, ("id", "regex")):
        try:
            compiled.append((row["id"], re.compile(row["regex"], re.IGNORECASE)))
        except re.error as error:
            raise PatternFileError(f"{PATTERNS_DIR / name}: rule {row['id']!r}: {error}") from error
    return tuple(compiled)


def rules_version() -> str:
    """A hash of every rule file, recorded with the outputs."""
    digest = hashlib.sha256()
    for path in sorted(PATTERNS_DIR.glob("*.jsonl")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def code_version() -> str:
    """A hash of the package's own code and shipped weights: a run after an edit of either
    redoes every document, even without a new release number."""
    package = PATTERNS_DIR.parent
    digest = hashlib.sha256()
    shipped = [*package.rglob("models/*.json"), *package.rglob("models/*.bin")]
    for path in sorted([*package.rglob("*.py"), *shipped]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
