"""Finished Docs to table rows: one function per table, reading the payloads the
components left (``pipeline.nlp.extensions``). Nothing here decides anything."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from spacy.tokens import Doc

from .nlp import extensions as ext
from .nlp.payloads import Agreement, Mention
from .schemas import STAGE_TABLES as STAGE_TABLES
from .schemas import empty_frame

Rows = list[dict[str, Any]]


def doc_rows(doc: Doc) -> dict[str, Rows]:
    """The rows of every per-document table for one finished Doc."""
    return {
        "sentences": sentence_rows(doc),
        "entities": entity_rows(doc),
        "people": people_rows(doc),
        "commitments": commitment_rows(doc),
        "agreements": agreement_rows(doc),
    }


def frames(rows: dict[str, Rows]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table (empty ones with their declared columns)."""
    return {
        name: pd.DataFrame(rows[name]) if rows[name] else empty_frame(name) for name in STAGE_TABLES
    }


def doc_tables(docs: Iterable[Doc]) -> dict[str, pd.DataFrame]:
    """Every per-document table for finished Docs."""
    gathered: dict[str, Rows] = {name: [] for name in STAGE_TABLES}
    for doc in docs:
        for name, own in doc_rows(doc).items():
            gathered[name] += own
    return frames(gathered)


def sentence_rows(doc: Doc) -> list[dict[str, Any]]:
    found = ext.sentences(doc)
    name = ext.doc_id(doc)
    return [
        {
            "doc_id": name,
            "sent_id": sent_id,
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "kind": kind,
        }
        for sent_id, (span, kind) in enumerate(zip(found.spans, found.kinds, strict=True))
    ]


def entity_rows(doc: Doc) -> list[dict[str, Any]]:
    found = ext.sentences(doc)
    text = ext.doc_text(doc)
    name = ext.doc_id(doc)
    return [
        {
            "doc_id": name,
            "sent_id": found.index_at(m.start),
            "start": m.start,
            "end": m.end,
            "text": text[m.start : m.end],
            "label": m.label,
            "norm": m.norm,
            "entity_id": m.entity_id,
            "source": m.source,
            "office": m.office,
            "country_code": m.country_code,
            "date_start": m.date_start,
            "date_end": m.date_end,
            "corrected": [],
        }
        for m in ext.mentions(doc)
    ]


def people_rows(doc: Doc) -> list[dict[str, Any]]:
    name = ext.doc_id(doc)
    return [
        {
            "doc_id": name,
            "entity_id": p.mention.entity_id,
            "name": p.mention.norm,
            "role": p.role,
            "org": p.org_name,
            "org_entity_id": p.org.entity_id if p.org is not None else None,
            "sent_id": p.sent_id,
            "rule_id": p.rule_id,
            "corrected": [],
        }
        for p in ext.people(doc)
    ]


def names_and_ids(mentions: list[Mention]) -> tuple[list[str | None], list[str | None]]:
    """(names, entity ids) of ``mentions``, aligned: each entity once, by its first name."""
    names: list[str | None] = []
    ids: list[str | None] = []
    for m in mentions:
        if m.entity_id not in ids and m.norm not in names:
            names.append(m.norm)
            ids.append(m.entity_id)
    return names, ids


def commitment_rows(doc: Doc) -> list[dict[str, Any]]:
    name = ext.doc_id(doc)
    rows = []
    for c in ext.commitments(doc):
        actors, actor_ids = names_and_ids(c.actors)
        rows.append(
            {
                "commitment_id": c.commitment_id,
                "doc_id": name,
                "sent_id": c.sent_id,
                "start": c.sentence.start_char,
                "end": c.sentence.end_char,
                "sentence": c.sentence.text,
                "actors": actors,
                "actor_ids": actor_ids,
                "actor_source": c.actor_source,
                "modality": c.modality,
                "action": c.action,
                "addressees": c.addressees,
                "negated": c.negated,
                "rule_id": c.rule_id,
                "agreement_id": c.agreement_id,
                "corrected": [],  # the analyst's corrections are applied when the run commits
            }
        )
    return rows


def date_fields(date: Mention | None) -> dict[str, Any]:
    return {
        "date": date.norm if date else None,
        "date_start": date.date_start if date else None,
        "date_end": date.date_end if date else None,
    }


def agreement_rows(doc: Doc) -> list[dict[str, Any]]:
    name = ext.doc_id(doc)
    return [agreement_row(name, a) for a in ext.agreements(doc)]


def agreement_row(doc_id: str, a: Agreement) -> dict[str, Any]:
    parties, party_ids = names_and_ids(a.parties)
    countries = {
        m.entity_id: a.party_countries.get(m.entity_id or "") or m.country_code for m in a.parties
    }
    return {
        "agreement_id": a.agreement_id,
        "doc_id": doc_id,
        "type": a.type,
        "name": a.name,
        "status": a.status,
        "parties": parties,
        "party_ids": party_ids,
        "party_countries": [countries.get(i) for i in party_ids],
        "signatories": a.signatories,
        **date_fields(a.date),
        "place": a.place_name,
        "country_code": a.country_code,
        "topics": a.topics,
        "n_commitments": len(a.commitments),
        "sent_id": a.sent_id,
        "evidence": a.sentence.text,
        "evidence_start": a.sentence.start_char,
        "evidence_end": a.sentence.end_char,
        "rule_id": a.rule_id,
        "accord_id": None,  # set across the corpus when the run commits (pipeline.accords)
        "corrected": [],
    }
