"""Finding what a correction names among the pipeline's rows: by document hash and
sentence text (after folding quotes, dashes and spaces), never by row number; two rows of
one sentence are told apart by ``target.match`` or ``target.row``. What cannot be found,
or not told apart, is stale: it is reported and applied to no row."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .model import MATCH_KEYS

PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
Row = dict[str, Any]


SPACES = re.compile(r"\s+")


def flat(text: Any) -> str:
    """Text with its quotes, dashes and spaces folded: how sentences are compared."""
    return flat_text(text) if isinstance(text, str) else flat_text(str(text or ""))


@lru_cache(maxsize=1 << 16)
def flat_text(text: str) -> str:
    return SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(PUNCT)).strip()


def fold(text: Any) -> str:
    """``flat`` and case-folded: how names are compared."""
    return fold_text(text) if isinstance(text, str) else flat(text).casefold()


@lru_cache(maxsize=1 << 16)
def fold_text(text: str) -> str:
    return flat_text(text).casefold()


@dataclass
class Rows:
    """The rows of the documents corrections touch, as dicts (lists as lists, dates as
    ``datetime.date``); ``documents`` maps every document of the run to its source, title,
    status and publication date."""

    documents: dict[str, Row] = field(default_factory=dict)
    sentences: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    commitments: list[Row] = field(default_factory=list)
    agreements: list[Row] = field(default_factory=list)

    def of(self, table: str, doc_id: str) -> list[Row]:
        return [r for r in getattr(self, table) if r["doc_id"] == doc_id]


class Stale(Exception):
    """A target that is not (or no longer) among the rows; the message says why."""


class Gone(Stale):
    """The document and the sentence are there, but no row of the kind at the sentence."""


def row_id(table: str, row: Row) -> str:
    """The key of a row in the audit: its id, or where it stands in its document."""
    if table == "agreements":
        return str(row["agreement_id"])
    if table == "commitments":
        return str(row["commitment_id"])
    if table == "entities":
        return f"{row['doc_id']}:{row['start']}-{row['end']}"
    return f"{row['doc_id']}:{row.get('entity_id') or row.get('name')}"


def document(rows: Rows, target: dict[str, Any]) -> Row:
    """The document a target names; ``Stale`` if it is not in this run (removed, changed:
    a changed file has another hash) or was rejected."""
    doc_id = target["doc"]
    doc = rows.documents.get(doc_id)
    label = f"{doc_id[:16]}" + (f" ({target['source']})" if target.get("source") else "")
    if doc is None:
        raise Stale(f"document {label} is not in the corpus any more (removed or changed)")
    if doc.get("status") != "ok":
        raise Stale(f"document {label} is rejected in this run: {doc.get('reason')}")
    return doc


def by_text(candidates: list[Row], column: str, text: str) -> list[Row]:
    """The rows whose ``column`` is ``text``; else, if ``text`` is a part of exactly one
    distinct value, the rows of that value (a hand-written fragment)."""
    wanted = flat(text)
    exact = [r for r in candidates if flat(r[column]) == wanted]
    if exact or not wanted:
        return exact
    values = {flat(r[column]) for r in candidates if wanted in flat(r[column])}
    if len(values) != 1:
        return []
    (value,) = values
    return [r for r in candidates if flat(r[column]) == value]


def sentence(rows: Rows, target: dict[str, Any], key: str) -> Row:
    """The sentence of the document a target names by its text (``key``)."""
    doc = document(rows, target)
    found = by_text(rows.of("sentences", target["doc"]), "text", target[key])
    if not found:
        raise Stale(f"its sentence is not in {doc.get('source')} any more: {short(target[key])}")
    return found[0]


def pick(rows: list[Row], target: dict[str, Any], shape: str, id_column: str) -> Row:
    """One row of several at the same sentence: the one whose fields are ``target.match``,
    then (among those) the one ``target.row`` names; ``Stale`` if still not one. The row id
    only breaks ties: after a rules change it may name another row of the sentence."""
    match = target.get("match") or {}
    keys = [k for k in MATCH_KEYS[shape] if k in match]
    fitting = [r for r in rows if all(fold(r[k]) == fold(match[k]) for k in keys)]
    if len(fitting) > 1 and target.get("row"):
        fitting = [r for r in fitting if r[id_column] == target["row"]] or fitting
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        raise Stale(f"no {shape} at its sentence has the fields of target.match {match}")
    raise Stale(f"{len(rows)} {shape}s at its sentence and target.match does not tell them apart")


def agreement(rows: Rows, target: dict[str, Any]) -> Row:
    """The agreement row a target names (document hash, evidence sentence)."""
    doc = document(rows, target)
    found = by_text(rows.of("agreements", target["doc"]), "evidence", target["evidence"])
    if not found:
        sentence(rows, target, "evidence")  # stale if the sentence itself is gone
        raise Gone(f"no agreement at its sentence in {doc.get('source')}")
    return pick(found, target, "agreement", "agreement_id")


def commitment(rows: Rows, target: dict[str, Any]) -> Row:
    doc = document(rows, target)
    found = by_text(rows.of("commitments", target["doc"]), "sentence", target["sentence"])
    if not found:
        sentence(rows, target, "sentence")
        raise Gone(f"no commitment at its sentence in {doc.get('source')}")
    return pick(found, target, "commitment", "commitment_id")


def person(rows: Rows, target: dict[str, Any]) -> Row:
    doc = document(rows, target)
    found = [r for r in rows.of("people", target["doc"]) if fold(r["name"]) == fold(target["name"])]
    if not found:
        raise Stale(f"no person {target['name']!r} in {doc.get('source')}")
    return found[0]


def entities(rows: Rows, target: dict[str, Any]) -> list[Row]:
    """The entity rows a target names: by their text or canonical name (and label), in
    its document or, without one, anywhere."""
    if target.get("doc"):
        document(rows, target)
    wanted = fold(target["text"])
    found = [
        r
        for r in rows.entities
        if (not target.get("doc") or r["doc_id"] == target["doc"])
        and (not target.get("label") or r["label"] == target["label"])
        and wanted in (fold(r["text"]), fold(r["norm"]))
    ]
    if not found:
        where = rows.documents[target["doc"]].get("source") if target.get("doc") else "the corpus"
        raise Stale(f"no entity {target['text']!r} in {where}")
    return found


def agreement_key(
    row: Row, siblings: list[Row], source: str | None = None, skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The target that names ``row`` among the agreements of its document: its document and
    evidence sentence, with ``match`` and ``row`` when another row shares the sentence.
    ``skip``: fields a correction changed (``match`` holds what the pipeline said)."""
    key: dict[str, Any] = {"doc": row["doc_id"], "evidence": row["evidence"]}
    if source:
        key["source"] = source
    same = [s for s in siblings if s is not row and flat(s["evidence"]) == flat(row["evidence"])]
    if same:
        keys = [k for k in MATCH_KEYS["agreement"] if k not in skip]
        match = {k: row[k] for k in keys if isinstance(row.get(k), str)}
        key |= {"match": match, "row": row["agreement_id"]}
    return key


def commitment_key(row: Row, siblings: list[Row], source: str | None = None) -> dict[str, Any]:
    key: dict[str, Any] = {"doc": row["doc_id"], "sentence": row["sentence"]}
    if source:
        key["source"] = source
    same = [s for s in siblings if s is not row and flat(s["sentence"]) == flat(row["sentence"])]
    if same:
        match = {k: row[k] for k in MATCH_KEYS["commitment"] if isinstance(row.get(k), str)}
        key |= {"match": match, "row": row["commitment_id"]}
    return key


def short(text: Any, size: int = 60) -> str:
    text = flat(text)
    return repr(text if len(text) <= size else text[: size - 1] + "…")
