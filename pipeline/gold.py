"""Gold files (``<document>.gold.json``): read and checked before anything is scored,
so a broken one is named with what it lacks, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class GoldError(ValueError):
    """A gold folder with no gold files, or a gold file that cannot be read."""


TEXT_FIELDS = ("doc", "title", "body_first", "body_last")
# list field -> the fields each of its items needs
ITEM_FIELDS = {
    "agreements": ("type", "parties"),
    "commitments": ("sentence_contains", "modality", "actors"),
}
DATE_FIELDS = ("text", "value")


def read_gold(gold_dir: Path) -> list[dict]:
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        raise GoldError(f"{gold_dir} holds no <document>.gold.json files")
    gold = []
    for path in paths:
        try:
            g = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise GoldError(f"{path}: cannot read gold file: {error}") from error
        if not isinstance(g, dict) or "doc" not in g:
            raise GoldError(f'{path}: not a gold file (no "doc" field)')
        if "title" in g and g["title"] is None:
            g["title"] = ""  # a page with no headline, as score.py reads it
        problem = gold_problem(g)
        if problem:
            raise GoldError(f"{path}: {problem}")
        gold.append(g)
    return gold


def gold_problem(g: dict[str, Any]) -> str | None:
    """What a gold file lacks for scoring, or None."""
    for name in TEXT_FIELDS:
        if not isinstance(g.get(name), str):
            return f'no "{name}" text'
    entities = g.get("entities", {})
    if not isinstance(entities, dict) or not all(isinstance(v, list) for v in entities.values()):
        return '"entities" is not an object of lists'
    for n, item in enumerate(entities.get("DATE", [])):
        if not isinstance(item, dict) or any(key not in item for key in DATE_FIELDS):
            return f'entities.DATE[{n}] lacks "text" or "value"'
    for field, needed in ITEM_FIELDS.items():
        items = g.get(field, [])
        if not isinstance(items, list):
            return f'"{field}" is not a list'
        for n, item in enumerate(items):
            missing = [key for key in needed if not isinstance(item, dict) or key not in item]
            if missing:
                return f'{field}[{n}] lacks "{missing[0]}"'
            if field == "agreements" and not all(
                isinstance(s, dict) and "name" in s for s in item.get("signatories", [])
            ):
                return f'agreements[{n}].signatories: each needs a "name"'
    return None
