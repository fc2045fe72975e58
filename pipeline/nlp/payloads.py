"""The typed payloads the accords components leave on a Doc (see ``extensions``).

Each stage reads the payloads of the stages before it and adds its own; the table
builder (``pipeline.tables``) turns the finished payloads into rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the corrections read payload types without parsing anything
    from spacy.tokens import Span, Token


@dataclass
class Sentences:
    """The document's sentences (no surrounding whitespace, none empty) and their kinds:
    ``title``, ``sentence``, ``list_item`` or ``lead_in``. Every stage numbers sentences
    by this list, so ``sent_id`` values agree across tables."""

    spans: list[Span]
    kinds: list[str]
    starts: list[int] = field(default_factory=list)  # start_char of each span

    def index_at(self, char: int) -> int:
        """The sentence holding character ``char``, or -1 between sentences."""
        from bisect import bisect_right

        index = bisect_right(self.starts, char) - 1
        if index >= 0 and char < self.spans[index].end_char:
            return index
        return -1


@dataclass
class Mention:
    """One entity mention: PERSON, ORG, PLACE or DATE (character offsets)."""

    start: int
    end: int
    label: str
    source: str
    entity_key: str | None = None  # gazetteer body
    canonical: str | None = None
    office: str | None = None
    value: str | None = None  # DATE
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    norm: str | None = None
    entity_id: str | None = None
    country_code: str | None = None
    country_guessed: bool = False  # the release's country, for a body that names none
    nested: bool = False  # a place inside an office name, kept as its own mention
    alias: str | None = None  # "ACR" of "Full Name (ACR)"
    alias_of: Mention | None = None  # the definition an acronym stands for
    capital: bool = False  # a national capital, which may stand for its government


@dataclass
class Person:
    mention: Mention
    role: str | None
    org: Mention | None
    org_name: str | None
    rule_id: str
    sent_id: int = -1


@dataclass
class Commitment:
    sentence: Span
    sent_id: int
    modality: str
    rule_id: str
    actors: list[Mention] = field(default_factory=list)
    actor_source: str = "subject"
    action: str = ""
    addressees: list[str] = field(default_factory=list)
    negated: bool = False
    clause: int = 0  # 1, 2 ... for further commitments in coordinated clauses of the sentence
    anchor: Token | None = None  # the trigger's token
    commitment_id: str = ""
    agreement_id: str | None = None
    score: float | None = None  # the learned scorer's probability, where it decided
    features: dict[str, float] | None = None  # what the learned scorer saw


@dataclass
class Agreement:
    sentence: Span
    sent_id: int
    noun: Token
    type: str
    status: str
    rule_id: str
    name: str | None
    parties: list[Mention] = field(default_factory=list)
    parties_guessed: bool = False  # taken from the lead of the report, not the sentence
    signatories: list[dict[str, Any]] = field(default_factory=list)
    party_countries: dict[str, str] = field(default_factory=dict)  # from signers' roles
    date: Mention | None = None
    place: Mention | None = None
    place_name: str | None = None
    country_code: str | None = None
    place_source: str | None = (
        None  # "sentence", "dateline", "lead", "headline", "meeting", "split"
    )
    recalled: bool = False  # "the recently signed pact": made before the report that dates it
    commitments: list[Commitment] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    agreement_id: str = ""
    party_candidates: list[tuple[Mention, dict[str, float]]] | None = None  # learned scorer
    partners: list[str] = field(default_factory=list)  # of the other copies of a split act
