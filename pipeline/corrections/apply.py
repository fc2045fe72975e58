"""Applying corrections to the pipeline's rows of the documents they touch.

In this order, each step finding its targets among the rows the steps before left:
entities (label, canonical name: carried into parties, actors and organisations), missed
agreements, agreements that are not, agreement fields, commitments that are not,
commitment fields, people (carried into signatories), then the agreements of accord
merges and splits (applied when accords are grouped, ``accord_fix``). Of two corrections of
one field of one row the later (``at``, then reading order) wins; every correction gets a
status and audit rows (``Ledger``), and nothing is applied to a row its target does not
name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..hashing import short_hash
from ..topics import topics_of
from . import targets
from .entity_fix import fix_entities
from .ledger import REMOVED, Ledger
from .model import Correction
from .names import Names, place_country, span
from .targets import Row, Rows, Stale, fold

TABLE_OF = {"agreement": "agreements", "commitment": "commitments", "person": "people"}
RESOLVE: dict[str, Callable[[Rows, dict[str, Any]], Row]] = {
    "agreement": targets.agreement,
    "commitment": targets.commitment,
    "person": targets.person,
}


@dataclass
class AccordFix:
    """A merge or split with the agreement rows it names (applied when accords are grouped)."""

    correction: Correction
    agreement_ids: list[str]


@dataclass
class Outcome:
    rows: Rows
    ledger: Ledger
    accord_fixes: list[AccordFix] = field(default_factory=list)

    def kept(self, table: str) -> list[Row]:
        """The corrected rows of ``table``: without those a correction removed."""
        return [r for r in getattr(self.rows, table) if not r.get(REMOVED)]


def apply(rows: Rows, corrections: list[Correction]) -> Outcome:
    """Apply ``corrections`` to ``rows`` (changed in place); what each did is in the ledger."""
    fixer = Fixer(rows)
    kinds: dict[str, list[Correction]] = defaultdict(list)
    for c in sorted(corrections, key=lambda c: c.when):
        kinds[c.kind].append(c)
    fix_entities(fixer, kinds["entity"])
    fixer.add_missed(kinds["missed_agreement"])
    fixer.remove("agreement", kinds["not_agreement"])
    fixer.fix_fields("agreement", kinds["agreement"])
    fixer.remove("commitment", kinds["not_commitment"])
    fixer.fix_fields("commitment", kinds["commitment"])
    fixer.fix_fields("person", kinds["person"])
    fixer.resolve_accords(kinds["merge_accords"] + kinds["split_accord"])
    return Outcome(rows, fixer.ledger, fixer.accord_fixes)


def plain(value: Any) -> Any:
    """A field's value in a comparable form: folded names, lists as sorted tuples."""
    if isinstance(value, dict):
        return tuple(fold(value.get(k)) for k in ("name", "role", "org"))
    if isinstance(value, (list, tuple)):
        return tuple(sorted(plain(v) for v in value))
    return fold(value)


def same(a: Any, b: Any) -> bool:
    return plain(a) == plain(b)


def describe(table: str, row: Row) -> str:
    what = {"agreements": "agreement", "commitments": "commitment", "people": "person"}
    return f"{what.get(table, table)} {targets.row_id(table, row)[:16]}"


class Fixer:
    """Applies corrections to the rows, recording what each did in its ledger."""

    def __init__(self, rows: Rows):
        self.rows = rows
        self.names = Names(rows.entities)
        self.ledger = Ledger()
        self.accord_fixes: list[AccordFix] = []
        self.explicit: set[tuple[int, str]] = set()  # (row, field) an agreement correction set

    def resolve(self, kind: str, c: Correction, gone_is_fine: bool = False) -> Row | None:
        try:
            return RESOLVE[kind](self.rows, c.target)
        except targets.Gone as why:
            if not gone_is_fine:
                self.ledger.stale(c, str(why))
            else:
                self.ledger.note(
                    c, "unchanged", message=f"the pipeline no longer reports it: {why}"
                )
        except Stale as why:
            self.ledger.stale(c, str(why))
        return None

    def fix_fields(self, kind: str, fixes: list[Correction]) -> None:
        table = TABLE_OF[kind]
        claims: dict[tuple[int, str | None], list[tuple[Correction, Row]]] = defaultdict(list)
        for c in fixes:
            row = self.resolve(kind, c)
            if row is not None:
                claims[(id(row), c.field)].append((c, row))
        for items in claims.values():
            what = f"{items[0][0].field} of {describe(table, items[0][1])}"
            c, row = self.ledger.later_wins(items, what)
            remover = row.get(REMOVED)
            if remover is not None:
                self.ledger.overridden(
                    c, f"{remover.id} removes the {describe(table, row)} {c.id} corrects"
                )
                continue
            assert c.field is not None
            self.set_field(c, table, row, c.field, c.value)

    def set_field(self, c: Correction, table: str, row: Row, name: str, value: Any) -> None:
        before = row.get(name)
        if name in ("parties", "actors"):
            value = self.canonical(row["doc_id"], value)
        if same(before, value):
            self.ledger.note(c, "unchanged", (table, row), name, (before, value))
            return
        if name in ("parties", "actors"):
            self.set_names(row, value, table)
        elif name == "date":
            row["date"], (row["date_start"], row["date_end"]) = value, span(value)
        elif name == "place":
            row["place"], row["country_code"] = value, place_country(value)
        elif table == "people" and name == "org":
            row["org"], row["org_entity_id"] = value, self.names.org_id(row["doc_id"], value)
        else:
            row[name] = value
        self.ledger.change(c, table, row, name, before, value)
        if table == "agreements":
            self.explicit.add((id(row), name))
        if table == "people":
            self.carry_to_signatories(c, row, name, value)

    def canonical(self, doc_id: str, names: list[str]) -> list[str]:
        """Names as the document's entities give them ("IOM": the International
        Organization for Migration), each once."""
        out: list[str] = []
        for name in names:
            canonical = self.names.of(doc_id, name)[0]
            if fold(canonical) not in map(fold, out):
                out.append(canonical)
        return out

    def set_names(self, row: Row, names: list[str], table: str) -> None:
        """Parties (with ids and countries) or actors (with ids) of canonical ``names``."""
        known = [self.names.of(row["doc_id"], name) for name in names]
        if table == "agreements":
            row["parties"] = [k[0] for k in known]
            row["party_ids"] = [k[1] for k in known]
            row["party_countries"] = [k[2] for k in known]
        else:
            row["actors"], row["actor_ids"] = [k[0] for k in known], [k[1] for k in known]

    def carry_to_signatories(self, c: Correction, person: Row, name: str, value: Any) -> None:
        """A person's corrected role or organisation, in the signatories that name them
        (unless an agreement correction set those signatories itself)."""
        for a in self.rows.of("agreements", person["doc_id"]):
            sigs = [dict(s) for s in a["signatories"] or []]
            if (id(a), "signatories") in self.explicit or a.get(REMOVED):
                continue
            after = [
                s | {name: value} if fold(s["name"]) == fold(person["name"]) else s for s in sigs
            ]
            if not same(sigs, after):
                a["signatories"] = after
                self.ledger.change(c, "agreements", a, "signatories", sigs, after)

    def add_missed(self, fixes: list[Correction]) -> None:
        claims: dict[tuple[str, int], list[tuple[Correction, Row]]] = defaultdict(list)
        for c in fixes:
            try:
                sentence = targets.sentence(self.rows, c.target, "evidence")
            except Stale as why:
                self.ledger.stale(c, str(why))
                continue
            claims[(c.target["doc"], sentence["sent_id"])].append((c, sentence))
        for (doc_id, sent_id), items in claims.items():
            what = f"the missed agreement at {targets.short(items[0][1]['text'])}"
            c, sentence = self.ledger.later_wins(items, what)
            found = [a for a in self.rows.of("agreements", doc_id) if a["sent_id"] == sent_id]
            if not found:
                row = self.new_agreement(c, sentence)
                self.rows.agreements.append(row)
                self.ledger.change(c, "agreements", row, None, None, c.value)
                continue
            try:
                row = targets.pick(found, c.target, "agreement", "agreement_id")
            except Stale as why:
                self.ledger.stale(c, str(why))
                continue
            self.ledger.messages.append(
                f"note: {c.describe()}: the pipeline now finds this agreement; "
                "its fields apply to it"
            )
            for name, value in c.value.items():
                self.set_field(c, "agreements", row, name, value)

    def new_agreement(self, c: Correction, sentence: Row) -> Row:
        doc_id, fields = sentence["doc_id"], c.value
        title = self.rows.documents[doc_id].get("title") or ""
        row: Row = {
            "agreement_id": short_hash(f"{doc_id}:{sentence['start']}:missed"),
            "doc_id": doc_id,
            "type": fields["type"],
            "name": fields.get("name"),
            "status": fields.get("status") or "signed",
            "signatories": fields.get("signatories") or [],
            "topics": topics_of([title, sentence["text"]]),
            "n_commitments": 0,
            "sent_id": sentence["sent_id"],
            "evidence": sentence["text"],
            "evidence_start": sentence["start"],
            "evidence_end": sentence["end"],
            "rule_id": "correction",
            "accord_id": None,
            "corrected": [],
        }
        self.set_names(row, self.canonical(doc_id, fields.get("parties") or []), "agreements")
        row["date"], (row["date_start"], row["date_end"]) = (
            fields.get("date"),
            span(fields.get("date")),
        )
        row["place"], row["country_code"] = fields.get("place"), place_country(fields.get("place"))
        return row

    def remove(self, kind: str, fixes: list[Correction]) -> None:
        table = TABLE_OF[kind]
        claims: dict[int, list[tuple[Correction, Row]]] = defaultdict(list)
        for c in fixes:
            row = self.resolve(kind, c, gone_is_fine=True)
            if row is not None:
                claims[id(row)].append((c, row))
        for items in claims.values():
            c, row = self.ledger.later_wins(items, describe(table, items[0][1]))
            row[REMOVED] = c
            self.ledger.change(c, table, row, None, dict(row), None)
            if kind == "agreement":
                self.unlink(c, row["agreement_id"])
            else:
                self.uncount(c, row["agreement_id"])

    def unlink(self, c: Correction, agreement_id: str) -> None:
        """The commitments of a removed agreement belong to no agreement."""
        for com in self.rows.commitments:
            if com["agreement_id"] == agreement_id and not com.get(REMOVED):
                com["agreement_id"] = None
                self.ledger.change(c, "commitments", com, "agreement_id", agreement_id, None)

    def uncount(self, c: Correction, agreement_id: str | None) -> None:
        for a in self.rows.agreements:
            if agreement_id and a["agreement_id"] == agreement_id and a["n_commitments"]:
                before = a["n_commitments"]
                a["n_commitments"] = before - 1
                self.ledger.change(c, "agreements", a, "n_commitments", before, before - 1)

    def resolve_accords(self, fixes: list[Correction]) -> None:
        for c in fixes:
            ids = []
            for key in c.target["agreements"]:
                try:
                    row = targets.agreement(self.rows, key)
                except Stale as why:
                    self.ledger.stale(c, f"one of its agreements: {why}")
                    break
                if row.get(REMOVED) is not None:
                    self.ledger.overridden(
                        c, f"{row[REMOVED].id} removes one of the agreements of {c.id}"
                    )
                    break
                ids.append(row["agreement_id"])
            else:
                self.accord_fixes.append(AccordFix(c, ids))
