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
            title = title_case_acronym(row["pattern"])
            if title is not None:  # "Unicef", "Unesco": the acronym written as a word
                patterns.append({"label": row["label"], "pattern": title, "id": row["id"]})
    return patterns


MIN_WORD_ACRONYM = 5  # "UNICEF" reads as a word ("Unicef"); "IOM" or "ILO" never do


def title_case_acronym(pattern: Any) -> list[dict[str, str]] | None:
    """The title-case form of a gazetteer acronym long enough to be written as a word."""
    if not isinstance(pattern, list) or len(pattern) != 1:
        return None
    text = pattern[0].get("TEXT")
    if not isinstance(text, str) or not text.isupper() or len(text) < MIN_WORD_ACRONYM:
        return None
    return [{"TEXT": text.title()}] if text.isalpha() else None
