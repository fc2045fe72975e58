"""Applying corrections to rows (no model needed): each kind, the later of two winning,
targets found by sentence text and never guessed, what the pipeline said kept."""

import datetime as dt
import json

import pytest

from pipeline.corrections.accord_fix import regroup
from pipeline.corrections.apply import apply
from pipeline.corrections.ledger import REMOVED
from pipeline.corrections.model import parse
from pipeline.corrections.names import span
from pipeline.corrections.step import as_table
from pipeline.corrections.targets import Rows
from pipeline.schemas import TABLES

IOM = "International Organization for Migration"
S0 = "IOM and UNECA signed a memorandum of understanding in Addis Ababa."
S1 = "The sides will train border officials."
S2 = "IOM and the Government signed two agreements, one in Accra and one in Lome."
S3 = "Source: Nepal Foreign Affairs"


def row(table: str, **values) -> dict:
    """A row of ``table`` with every column (lists empty, the rest None)."""
    out = {f.name: ([] if str(f.type).startswith("list") else None) for f in TABLES[table]}
    return out | values


def entity(doc, text, label, norm, entity_id, start=0, country=None):
    return row(
        "entities", doc_id=doc, sent_id=0, start=start, end=start + len(text), text=text,
        label=label, norm=norm, entity_id=entity_id, country_code=country,
    )  # fmt: skip


def agreement(aid, sent_id, evidence, **values):
    fields = {"type": "memorandum", "status": "signed"} | values
    return row(
        "agreements", agreement_id=aid, doc_id="d1", sent_id=sent_id, evidence=evidence,
        evidence_start=0, evidence_end=len(evidence), **fields,
    )  # fmt: skip


def rows() -> Rows:
    sentences = [
        row("sentences", doc_id="d1", sent_id=i, start=100 * i, end=100 * i + len(t), text=t)
        for i, t in enumerate([S0, S1, S2, S3])
    ]
    return Rows(
        documents={"d1": {"doc_id": "d1", "source": "a.txt", "title": "IOM signs", "status": "ok"}},
        sentences=sentences,
        entities=[
            entity("d1", "IOM", "ORG", IOM, "org:iom"),
            entity("d1", "UNECA", "ORG", "UNECA", "org:uneca", 8),
            entity("d1", "Nepal Foreign Affairs", "ORG", "Nepal Foreign Affairs", "org:nfa", 308),
            entity("d1", "Ana Lopez", "PERSON", "Ana Lopez", "person:ana-lopez", 20),
        ],
        people=[
            row(
                "people",
                doc_id="d1",
                entity_id="person:ana-lopez",
                name="Ana Lopez",
                role="Director",
                org="UNECA",
                org_entity_id="org:uneca",
            )
        ],  # fmt: skip
        commitments=[
            row(
                "commitments",
                commitment_id="c1",
                doc_id="d1",
                sent_id=1,
                sentence=S1,
                actors=[IOM, "UNECA"],
                actor_ids=["org:iom", "org:uneca"],
                modality="will",
                action="train border officials",
                agreement_id="a1",
                addressees=[],
            )
        ],  # fmt: skip
        agreements=[
            agreement(
                "a1",
                0,
                S0,
                parties=[IOM, "UNECA", "Nepal Foreign Affairs"],
                party_ids=["org:iom", "org:uneca", "org:nfa"],
                party_countries=[None] * 3,
                signatories=[{"name": "Ana Lopez", "role": "Director", "org": "UNECA"}],
                n_commitments=1,
                place="Addis Ababa",
            ),
            agreement("a2", 2, S2, type="agreement", place="Accra"),
            agreement("a3", 2, S2, type="agreement", place="Lome"),
        ],  # fmt: skip
    )


def fix(kind, target, field=None, value=None, at="2026-11-27T10:00:00", cid=None, order=0):
    record = {"kind": kind, "target": target, "by": "ana", "at": at}
    if field is not None:
        record |= {"field": field, "value": value}
    elif value is not None:
        record["value"] = value
    if cid:
        record["id"] = cid
    c = parse(record, "corrections.jsonl", order + 1, order)
    return c


A1 = {"doc": "d1", "evidence": S0}


def by_id(rs: Rows, table: str, key: str, value) -> dict:
    return next(r for r in getattr(rs, table) if r[key] == value)


def test_a_party_correction_sets_names_ids_countries_and_keeps_what_the_pipeline_said():
    rs = rows()
    c = fix("agreement", A1, "parties", ["IOM", "Government of Ghana", "Ghana"])
    outcome = apply(rs, [c])
    a1 = by_id(rs, "agreements", "agreement_id", "a1")
    assert a1["parties"] == [IOM, "Government of Ghana", "Ghana"]  # "IOM": the document's name
    assert a1["party_ids"] == ["org:iom", "org:government-of-ghana", "country:GH"]
    assert a1["party_countries"] == [None, None, "GH"]
    assert a1["corrected"] == [c.id]
    (audit,) = outcome.ledger.audit
    assert json.loads(audit["extracted"]) == [IOM, "UNECA", "Nepal Foreign Affairs"]
    assert (audit["status"], audit["row_id"], audit["file"], audit["line"]) == (
        "applied", "a1", "corrections.jsonl", 1,
    )  # fmt: skip
    assert as_table(outcome.kept("agreements"), "agreements").num_rows == 3  # fits the schema


@pytest.mark.parametrize(
    "ats, winner",
    [
        (("2026-11-27T10:00:00", "2026-11-27T11:00:00"), 1),  # the later one
        (("2026-11-27T12:00:00", "2026-11-27T11:00:00"), 0),  # by time, not by line
        (("2026-11-27T10:00:00", "2026-11-27T10:00:00"), 1),  # at once: the later line
    ],
)
def test_of_two_corrections_of_one_field_the_later_wins_and_the_summary_says_so(ats, winner):
    rs = rows()
    places = ["Ethiopia", "Nairobi"]
    fixes = [
        fix("agreement", A1, "place", p, at, f"c-{i}", i)
        for i, (p, at) in enumerate(zip(places, ats, strict=True))
    ]
    outcome = apply(rs, fixes)
    a1 = by_id(rs, "agreements", "agreement_id", "a1")
    assert a1["place"] == places[winner] and a1["corrected"] == [f"c-{winner}"]
    assert outcome.ledger.status() == {f"c-{winner}": "applied", f"c-{1 - winner}": "overridden"}
    assert outcome.ledger.messages == [
        f"note: c-{winner} overrides c-{1 - winner} on place of agreement a1 (the later wins)"
    ]
    assert a1["country_code"] == ("ET" if winner == 0 else "KE")


def test_a_correction_the_pipeline_already_agrees_with_is_unchanged():
    rs = rows()
    outcome = apply(rs, [fix("agreement", A1, "place", "addis ababa", cid="c-1")])
    assert outcome.ledger.status() == {"c-1": "unchanged"}
    assert by_id(rs, "agreements", "agreement_id", "a1")["corrected"] == []


@pytest.mark.parametrize(
    "target, why",
    [
        (
            {"doc": "gone", "evidence": S0, "source": "old.txt"},
            "document gone (old.txt) is not in the corpus",
        ),
        (
            {"doc": "d1", "evidence": "A sentence no longer there."},
            "its sentence is not in a.txt any more",
        ),
        ({"doc": "d1", "evidence": S1}, "no agreement at its sentence in a.txt"),
        ({"doc": "d1", "evidence": S2}, "2 agreements at its sentence"),
        (
            {"doc": "d1", "evidence": S2, "match": {"place": "Tema"}},
            "no agreement at its sentence has",
        ),
    ],
)
def test_a_target_that_is_not_found_is_stale_and_changes_nothing(target, why):
    rs, before = rows(), rows()
    outcome = apply(rs, [fix("agreement", target, "type", "partnership", cid="c-1")])
    assert outcome.ledger.status() == {"c-1": "stale"}
    (message,) = outcome.ledger.messages
    assert message.startswith("stale: c-1") and why in message
    assert rs.agreements == before.agreements


@pytest.mark.parametrize(
    "target, fixed",
    [
        ({"doc": "d1", "evidence": S2, "match": {"place": "Lome"}}, "a3"),
        ({"doc": "d1", "evidence": S2, "match": {"type": "agreement"}, "row": "a2"}, "a2"),
        (
            {"doc": "d1", "evidence": "one in Accra and one in Lome", "match": {"place": "Accra"}},
            "a2",
        ),
    ],
)
def test_two_rows_of_one_sentence_are_told_apart_by_their_fields(target, fixed):
    rs = rows()
    apply(rs, [fix("agreement", target, "type", "partnership")])
    changed = [a["agreement_id"] for a in rs.agreements if a["type"] == "partnership"]
    assert changed == [fixed]


def test_not_an_agreement_removes_the_row_unlinks_its_commitments_and_beats_field_fixes():
    rs = rows()
    fixes = [
        fix("not_agreement", A1, cid="c-no"),
        fix("agreement", A1, "type", "declaration", at="2026-11-28", cid="c-type"),
    ]
    outcome = apply(rs, fixes)
    assert [a["agreement_id"] for a in outcome.kept("agreements")] == ["a2", "a3"]
    assert by_id(rs, "commitments", "commitment_id", "c1")["agreement_id"] is None
    assert outcome.ledger.status() == {"c-no": "applied", "c-type": "overridden"}
    removed = next(a for a in outcome.ledger.audit if a["row_id"] == "a1" and a["field"] is None)
    assert json.loads(removed["extracted"])["parties"][0] == IOM  # the row, for training


def test_a_row_the_pipeline_no_longer_reports_needs_no_removal():
    outcome = apply(rows(), [fix("not_agreement", {"doc": "d1", "evidence": S1}, cid="c-1")])
    assert outcome.ledger.status() == {"c-1": "unchanged"}
    assert "no longer reports it" in outcome.ledger.audit[0]["message"]


def test_a_missed_agreement_is_added_at_its_sentence():
    rs = rows()
    value = {
        "type": "partnership",
        "parties": ["IOM", "UNECA"],
        "date": "2021-03",
        "place": "Accra",
    }
    c = fix("missed_agreement", {"doc": "d1", "evidence": "train border officials"}, value=value)
    outcome = apply(rs, [c])
    added = outcome.kept("agreements")[-1]
    assert (added["sent_id"], added["evidence"], added["evidence_start"]) == (1, S1, 100)
    assert added["party_ids"] == ["org:iom", "org:uneca"] and added["rule_id"] == "correction"
    assert (added["date_start"], added["date_end"]) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert added["country_code"] == "GH" and added["corrected"] == [c.id]


def test_a_missed_agreement_the_pipeline_now_finds_corrects_its_row():
    rs = rows()
    c = fix("missed_agreement", A1, value={"type": "memorandum", "date": "2021-05-05"})
    outcome = apply(rs, [c])
    assert len(outcome.kept("agreements")) == 3
    assert by_id(rs, "agreements", "agreement_id", "a1")["date"] == "2021-05-05"
    assert any("the pipeline now finds this agreement" in m for m in outcome.ledger.messages)


def test_an_entity_renamed_everywhere_is_renamed_in_parties_actors_and_organisations():
    rs = rows()
    name = "United Nations Economic Commission for Africa"
    outcome = apply(rs, [fix("entity", {"text": "UNECA"}, "name", name)])
    uneca = by_id(rs, "entities", "text", "UNECA")
    assert (uneca["norm"], uneca["entity_id"]) == (
        name,
        "org:united-nations-economic-commission-for-africa",
    )
    a1 = by_id(rs, "agreements", "agreement_id", "a1")
    assert a1["parties"][1] == name and a1["party_ids"][1] == uneca["entity_id"]
    assert by_id(rs, "commitments", "commitment_id", "c1")["actors"] == [IOM, name]
    assert by_id(rs, "people", "name", "Ana Lopez")["org"] == name
    assert {a["table"] for a in outcome.ledger.audit} == {
        "entities",
        "agreements",
        "commitments",
        "people",
    }


def test_a_name_that_is_no_entity_leaves_the_entities_and_the_parties():
    rs = rows()
    outcome = apply(rs, [fix("entity", {"text": "nepal foreign affairs"}, "label", None)])
    assert "Nepal Foreign Affairs" not in {e["text"] for e in outcome.kept("entities")}
    a1 = by_id(rs, "agreements", "agreement_id", "a1")
    assert a1["parties"] == [IOM, "UNECA"] and a1["party_ids"] == ["org:iom", "org:uneca"]
    assert len(a1["party_countries"]) == 2


def test_a_person_who_is_no_entity_leaves_people_and_signatories():
    rs = rows()
    outcome = apply(rs, [fix("entity", {"text": "Ana Lopez", "label": "PERSON"}, "label", None)])
    assert not outcome.kept("people")
    assert by_id(rs, "agreements", "agreement_id", "a1")["signatories"] == []


def test_commitment_fields_and_a_commitment_that_is_not_one():
    rs = rows()
    target = {"doc": "d1", "sentence": S1}
    outcome = apply(
        rs,
        [
            fix("commitment", target, "modality", "commit"),
            fix("commitment", target, "actors", ["UNECA"]),
        ],
    )
    c1 = by_id(rs, "commitments", "commitment_id", "c1")
    assert (c1["modality"], c1["actors"], c1["actor_ids"]) == ("commit", ["UNECA"], ["org:uneca"])
    assert len(c1["corrected"]) == 2
    rs = rows()
    outcome = apply(rs, [fix("not_commitment", target)])
    assert not outcome.kept("commitments")
    assert by_id(rs, "agreements", "agreement_id", "a1")["n_commitments"] == 0


def test_a_persons_role_follows_into_their_signatures_unless_the_agreement_says_otherwise():
    rs = rows()
    apply(rs, [fix("person", {"doc": "d1", "name": "ana lopez"}, "role", "Executive Secretary")])
    assert by_id(rs, "people", "name", "Ana Lopez")["role"] == "Executive Secretary"
    assert (
        by_id(rs, "agreements", "agreement_id", "a1")["signatories"][0]["role"]
        == "Executive Secretary"
    )
    rs = rows()
    signed = [{"name": "Ana Lopez", "role": "Deputy", "org": "UNECA"}]
    apply(
        rs,
        [
            fix("agreement", A1, "signatories", signed),
            fix("person", {"doc": "d1", "name": "Ana Lopez"}, "role", "Head"),
        ],
    )
    assert by_id(rs, "agreements", "agreement_id", "a1")["signatories"] == signed


def test_merges_and_splits_regroup_accords_the_later_winning():
    rs = rows()
    a2 = {"doc": "d1", "evidence": S2, "match": {"place": "Accra"}}
    a3 = {"doc": "d1", "evidence": S2, "match": {"place": "Lome"}}
    fixes = [
        fix("merge_accords", {"agreements": [A1, a2, a3]}, cid="c-merge"),
        fix("split_accord", {"agreements": [a3]}, at="2026-11-28", cid="c-split"),
    ]
    outcome = apply(rs, fixes)
    agreements = outcome.kept("agreements")
    ids, moved = regroup(
        outcome.accord_fixes, agreements, ["acc:a1", "acc:a2", "acc:a3"], {}, outcome.ledger
    )
    assert ids == ["acc:a1", "acc:a1", "acc:a3"]
    assert moved == {0: ["c-merge"], 1: ["c-merge"], 2: ["c-merge", "c-split"]}
    assert outcome.ledger.status() == {"c-merge": "applied", "c-split": "applied"}
    ids, _ = regroup(outcome.accord_fixes[:1], agreements, ["acc:a1"] * 3, {}, outcome.ledger)
    assert outcome.ledger.audit[-1]["message"] == "the pipeline already groups them so"


def test_an_accord_fix_naming_a_removed_agreement_is_not_applied():
    rs = rows()
    a2 = {"doc": "d1", "evidence": S2, "match": {"place": "Accra"}}
    outcome = apply(
        rs,
        [
            fix("not_agreement", A1, cid="c-no"),
            fix("merge_accords", {"agreements": [A1, a2]}, cid="c-m"),
        ],
    )
    assert outcome.accord_fixes == [] and outcome.ledger.status()["c-m"] == "overridden"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-11-26", (dt.date(2021, 11, 26), dt.date(2021, 11, 26))),
        ("2014-06-02/2014-06-03", (dt.date(2014, 6, 2), dt.date(2014, 6, 3))),
        ("2020", (dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        ("2021-02", (dt.date(2021, 2, 1), dt.date(2021, 2, 28))),
        ("XXXX-12-18", (None, None)),
        ("2021-13", (None, None)),
        ("2021-05-02/2021-05-01", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_values_have_spans(value, expected):
    assert span(value) == expected


def test_removed_rows_are_marked_not_deleted_until_written():
    rs = rows()
    outcome = apply(rs, [fix("not_agreement", A1)])
    assert any(a.get(REMOVED) for a in rs.agreements)
    assert REMOVED not in as_table(outcome.kept("agreements"), "agreements").column_names
