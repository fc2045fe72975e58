"""Word lists shared by the rule stages, read from ``patterns/lexicons.jsonl``."""

from __future__ import annotations

from functools import cache

from .patterns_io import read_jsonl


@cache
def words(list_id: str) -> frozenset[str]:
    for row in read_jsonl("lexicons.jsonl", ("id", "words")):
        if row["id"] == list_id:
            return frozenset(word.casefold() for word in row["words"])
    raise KeyError(f"patterns/lexicons.jsonl has no list {list_id!r}")


@cache
def gazetteer() -> dict[str, dict]:
    """Gazetteer rule id -> {"entity": key, "canonical": name} for ORG patterns."""
    table = {}
    for row in read_jsonl("organisations.jsonl", ("id", "label", "pattern")):
        if row["label"] == "ORG":
            table[row["id"]] = {"entity": row["entity"], "canonical": row["canonical"]}
    return table
