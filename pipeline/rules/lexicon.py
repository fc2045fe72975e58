"""Word lists shared by the rule stages, read from ``patterns/lexicons.jsonl``, and the
lists other rule files derive from.

A rule file refers to a word list instead of repeating it: inside a Matcher pattern,
``{"LEMMA": {"IN": ["@signing_verbs"]}}`` stands for the words of the lexicon
``signing_verbs`` and ``"@agreement_nouns"`` for the head nouns of ``agreements.jsonl``
(``expand``), so each list has one home.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .files import PatternFileError, read_jsonl

REFERENCE = "@"


@cache
def words(list_id: str) -> frozenset[str]:
    """The casefolded words of lexicon ``list_id``."""
    return frozenset(word.casefold() for word in word_list(list_id))


@cache
def word_list(list_id: str) -> tuple[str, ...]:
    """The words of a list in file order: a lexicon of ``lexicons.jsonl`` or
    ``agreement_nouns``."""
    if list_id == "agreement_nouns":
        return agreement_noun_forms()
    for row in read_jsonl("lexicons.jsonl", ("id", "words")):
        if row["id"] == list_id:
            return tuple(expand_words(row["words"]))
    raise KeyError(f"patterns/lexicons.jsonl has no list {list_id!r}")


def expand_words(items: list[str]) -> list[str]:
    """``items`` with every ``@list`` reference replaced by that list's words."""
    out: list[str] = []
    for item in items:
        if item.startswith(REFERENCE):
            try:
                out.extend(word_list(item[1:]))
            except KeyError as error:
                raise PatternFileError(f"unknown word list reference {item!r}") from error
        else:
            out.append(item)
    return out


def expand(pattern: Any) -> Any:
    """A Matcher pattern (or any JSON value) with ``@list`` references in ``IN`` and
    ``NOT_IN`` lists expanded."""
    if isinstance(pattern, list):
        return [expand(item) for item in pattern]
    if isinstance(pattern, dict):
        return {
            key: expand_words(value)
            if key in ("IN", "NOT_IN") and isinstance(value, list)
            else expand(value)
            for key, value in pattern.items()
        }
    return pattern


@cache
def agreement_noun_forms(types: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Every word that heads an agreement noun pattern in ``agreements.jsonl`` (the token
    at ``head``, by default the last), unless the rule says ``"head_word": false``; only
    those of the act ``types`` given."""
    found: list[str] = []
    for row in read_jsonl("agreements.jsonl", ("id", "kind")):
        if types is not None and row.get("type") not in types:
            continue
        if row["kind"] == "noun" and row.get("head_word", True):
            head = row["pattern"][row.get("head", -1)].get("LOWER")
            for word in head["IN"] if isinstance(head, dict) else [head]:
                if word not in found:
                    found.append(word)
    return tuple(found)


def agreement_nouns() -> frozenset[str]:
    return words("agreement_nouns")


@cache
def gazetteer_acronyms() -> dict[str, dict[str, str]]:
    """The acronyms the gazetteer knows ("UNICEF", "IOM"), as written there, with the rule
    id, entity key and canonical name of each."""
    found = {}
    for row in read_jsonl("organisations.jsonl", ("id", "label", "pattern")):
        pattern = row["pattern"]
        if row["label"] == "ORG" and isinstance(pattern, list) and len(pattern) == 1:
            text = pattern[0].get("TEXT")
            if isinstance(text, str) and text.isupper():
                found[text] = {
                    "id": row["id"],
                    "entity": row["entity"],
                    "canonical": row["canonical"],
                }
    return found


@cache
def gazetteer() -> dict[str, dict[str, str]]:
    """Gazetteer rule id -> {"entity": key, "canonical": name} for ORG patterns."""
    table = {}
    for row in read_jsonl("organisations.jsonl", ("id", "label", "pattern")):
        if row["label"] == "ORG":
            table[row["id"]] = {"entity": row["entity"], "canonical": row["canonical"]}
    return table


@cache
def un_system() -> frozenset[str]:
    """The entity keys of the gazetteer's bodies of the United Nations system."""
    return frozenset(
        row["entity"]
        for row in read_jsonl("organisations.jsonl", ("id", "label", "pattern"))
        if row.get("system") == "un"
    )
