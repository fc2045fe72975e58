"""Entity corrections: a name's label ("Nepal Foreign Affairs" is a news site, not an
organisation: ``label`` null) or canonical name ("UNECA" is the United Nations Economic
Commission for Africa). A target without ``doc`` corrects the name in every document.

The entity rows change, and so does every row that carries the entity by name: a renamed
organisation is renamed among parties, actors, addressees and people's organisations; a
name that is no entity leaves them (and a person who is none leaves people and
signatories).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from . import targets
from .ledger import REMOVED
from .model import Correction
from .names import entity_id
from .targets import Row, Stale, fold

if TYPE_CHECKING:
    from .apply import Fixer

Key = tuple[str, str]  # (doc_id, folded name)
LISTS = {
    "agreements": ("parties", "party_ids", "party_countries"),
    "commitments": ("actors", "actor_ids", None),
}


def fix_entities(fixer: Fixer, fixes: list[Correction]) -> None:
    claims: dict[tuple[int, str | None], list[tuple[Correction, Row]]] = defaultdict(list)
    for c in fixes:
        try:
            found = targets.entities(fixer.rows, c.target)
        except Stale as why:
            fixer.ledger.stale(c, str(why))
            continue
        for row in found:
            claims[(id(row), c.field)].append((c, row))
    renamed: dict[Key, tuple[Correction, str, str]] = {}
    removed: dict[Key, tuple[Correction, str]] = {}
    ordered = sorted(claims.values(), key=lambda items: items[0][0].field != "name")
    for items in ordered:  # names first: a label then finds the row by its new name
        what = f"the {items[0][0].field} of {items[0][1]['text']!r}"
        c, row = fixer.ledger.later_wins(items, what)
        if c.field == "name":
            rename(fixer, c, row, renamed)
        else:
            relabel(fixer, c, row, removed)
    if renamed or removed:
        carry(fixer, renamed, removed)


def rename(
    fixer: Fixer, c: Correction, row: Row, renamed: dict[Key, tuple[Correction, str, str]]
) -> None:
    before = row["norm"]
    if fold(before) == fold(c.value):
        fixer.ledger.note(c, "unchanged", ("entities", row), "name", (before, c.value))
        return
    row["norm"] = c.value
    row["entity_id"] = entity_id(row["label"], c.value, row["country_code"])
    known = (c.value, row["entity_id"], row["country_code"])
    for name in (c.value, before, row["text"]):
        if name:
            fixer.names.known[(row["doc_id"], fold(name))] = known
    for old in (before, row["text"]):
        if old:
            renamed[(row["doc_id"], fold(old))] = (c, c.value, row["entity_id"])
    fixer.ledger.change(c, "entities", row, "name", before, c.value)


def relabel(
    fixer: Fixer, c: Correction, row: Row, removed: dict[Key, tuple[Correction, str]]
) -> None:
    before = row["label"]
    if before == c.value:
        fixer.ledger.note(c, "unchanged", ("entities", row), "label", (before, c.value))
        return
    if c.value is None:
        row[REMOVED] = c
        for name in (row["norm"], row["text"]):
            if name:
                removed[(row["doc_id"], fold(name))] = (c, before)
    else:
        row["label"] = c.value
        row["entity_id"] = entity_id(c.value, row["norm"] or row["text"], row["country_code"])
    fixer.ledger.change(c, "entities", row, "label", before, c.value)


def carry(fixer: Fixer, renamed: dict[Key, Any], removed: dict[Key, Any]) -> None:
    """Every row that carries a renamed or removed entity by name."""
    for table, (names, ids, countries) in LISTS.items():
        for row in getattr(fixer.rows, table):
            carry_list(fixer, table, row, (names, ids, countries), renamed, removed)
            if table == "commitments":
                carry_addressees(fixer, row, renamed, removed)
            if table == "agreements":
                drop_signatories(fixer, row, removed)
    for person in fixer.rows.people:
        carry_person(fixer, person, renamed, removed)


def carry_list(
    fixer: Fixer,
    table: str,
    row: Row,
    columns: tuple[str, str, str | None],
    renamed: dict,
    removed: dict,
) -> None:
    names, ids, countries = columns
    before = list(row[names] or [])
    kept: list[tuple[str, Any, Any]] = []
    seen: set[str] = set()
    cause = None
    given_countries = list(row[countries] or []) if countries else [None] * len(before)
    for name, eid, country in zip(before, row[ids] or [], given_countries, strict=False):
        key = (row["doc_id"], fold(name))
        if key in removed:
            cause = removed[key][0]
            continue
        if key in renamed:
            cause, name, eid = renamed[key]
        if fold(name) not in seen:
            seen.add(fold(name))
            kept.append((name, eid, country))
    after = [k[0] for k in kept]
    if cause is None or after == before:
        return
    row[names], row[ids] = after, [k[1] for k in kept]
    if countries:
        row[countries] = [k[2] for k in kept]
    fixer.ledger.change(cause, table, row, names, before, after)


def carry_addressees(fixer: Fixer, row: Row, renamed: dict, removed: dict) -> None:
    before = list(row["addressees"] or [])
    after, cause = [], None
    for name in before:
        key = (row["doc_id"], fold(name))
        if key in removed:
            cause = removed[key][0]
            continue
        if key in renamed:
            cause, name = renamed[key][0], renamed[key][1]
        after.append(name)
    if cause is not None and after != before:
        row["addressees"] = after
        fixer.ledger.change(cause, "commitments", row, "addressees", before, after)


def drop_signatories(fixer: Fixer, row: Row, removed: dict) -> None:
    """A signatory whose name is no person (the label of a PERSON removed)."""
    before = [dict(s) for s in row["signatories"] or []]
    hits = [removed.get((row["doc_id"], fold(s["name"]))) for s in before]
    if not any(h and h[1] == "PERSON" for h in hits):
        return
    after = [s for s, h in zip(before, hits, strict=True) if not (h and h[1] == "PERSON")]
    row["signatories"] = after
    cause = next(h[0] for h in hits if h and h[1] == "PERSON")
    fixer.ledger.change(cause, "agreements", row, "signatories", before, after)


def carry_person(fixer: Fixer, person: Row, renamed: dict, removed: dict) -> None:
    gone = removed.get((person["doc_id"], fold(person["name"])))
    if gone and gone[1] == "PERSON":
        person[REMOVED] = gone[0]
        fixer.ledger.change(gone[0], "people", person, None, dict(person), None)
        return
    key = (person["doc_id"], fold(person["org"]))
    if person["org"] and key in renamed:
        c, name, eid = renamed[key]
        before = person["org"]
        person["org"], person["org_entity_id"] = name, eid
        fixer.ledger.change(c, "people", person, "org", before, name)
    elif person["org"] and key in removed:
        c = removed[key][0]
        before = person["org"]
        person["org"], person["org_entity_id"] = None, None
        fixer.ledger.change(c, "people", person, "org", before, None)
