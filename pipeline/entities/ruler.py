"""The EntityRuler patterns: the gazetteer, the generic organisation rules and the
regions, each with its rule id (which becomes the mention's ``source``)."""

from __future__ import annotations

from typing import Any

from ..rules.files import read_jsonl

RULER_FILES = ("organisations.jsonl", "org_generic.jsonl", "regions.jsonl")


def ruler_patterns() -> list[dict[str, Any]]:
    patterns = []
    for name in RULER_FILES:
        for row in read_jsonl(name, ("id", "label", "pattern")):
            patterns.append({"label": row["label"], "pattern": row["pattern"], "id": row["id"]})
    return patterns
