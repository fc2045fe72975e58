"""The edges of a body's name that a rule found (``extractor.add_ruler_org``): where a
date, a region's "and", a lower-case portfolio word or a field before its head word
moves them, and the two bodies of a name run into another ("Ministry of the
Interior and Unicef", "Ministry of the Presidency’s Department of Citizenship").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from ..nlp import places
from ..rules.constants import CALENDAR_WORDS, POSSESSIVE
from ..rules.files import read_jsonl
from ..rules.lexicon import gazetteer_acronyms, words

MAX_FIELD_TOKENS = 2
UNIT_HEADS = ("department", "directorate", "secretariat")


def before_a_date(span: Span) -> Span | None:
    """The part of a body's name before an "on" that opens a date: "Commission on
    Friday" is the Commission, on Friday; None when no date cuts it."""
    for token in span[1:-1]:
        if token.lower_ == "on" and span.doc[token.i + 1].lower_ in CALENDAR_WORDS:
            return span.doc[span.start : token.i]
    if span[-1].lower_ in CALENDAR_WORDS and len(span) > 2 and span[-2].lower_ == "on":
        return span.doc[span.start : span.end - 2]
    return None


@cache
def region_names() -> tuple[tuple[str, ...], ...]:
    """The regions of ``regions.jsonl`` whose names hold an "and", as words."""
    return tuple(
        tuple(row["pattern"].split())
        for row in read_jsonl("regions.jsonl", ("id", "label", "pattern"))
        if isinstance(row["pattern"], str) and " and " in row["pattern"]
    )


def with_region_and(span: Span) -> Span:
    """A body's name that ends in a region the title-case rule cut at its "and": "the
    Economic Commission for Asia | and the Pacific"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "and":
        return span
    for region in region_names():
        cut = region.index("and")
        head, rest = region[:cut], region[cut:]
        tail = [t.text for t in span[len(span) - len(head) :]]
        following = [t.text for t in doc[span.end : span.end + len(rest)]]
        if len(span) > len(head) and tail == list(head) and following == list(rest):
            return doc[span.start : span.end + len(rest)]
    return span


def before_a_known_body(span: Span) -> Span | None:
    """A body's name that the "and" rule ran on into a body the gazetteer knows by its
    acronym ("Ministry of the Interior | and Unicef"): the name before the "and"."""
    known = gazetteer_acronyms()
    for token in span[1:-1]:
        if token.lower_ != "and":
            continue
        after = span.doc[token.i + 1 : span.end]
        if len(after) == 1 and after[0].text.upper() in known:
            return span.doc[span.start : token.i]
    return None


def heads_of_government(span: Span) -> bool:
    """ "the Heads of State and Government of A, B and C": "Government" ends a role here,
    the countries after it are the places named."""
    before = span.doc[max(0, span.start - 4) : span.start]
    return any(t.lower_ in words("role_plurals") for t in before) and any(
        t.lower_ == "and" for t in before
    )


def with_lower_case_head(span: Span) -> Span:
    """A portfolio whose last word the release writes in lower case: "the Ministry of
    External relations", "Ministry of Social welfare". The title-case rule stops before
    it, but the name's last title word modifies it."""
    doc = span.doc
    last = span[-1]
    if span.end >= len(doc):
        return span
    following = doc[span.end]
    modifies = (last.dep_ in ("compound", "amod") and last.head == following) or (
        last.lower_ in words("portfolio_adjectives")
    )
    if (
        following.is_lower
        and following.pos_ == "NOUN"
        and modifies
        and any(t.lower_ in ("of", "for") for t in span)
    ):
        return doc[span.start : span.end + 1]
    return span


def with_field_before(span: Span) -> Span:
    """A unit's field in title case before its head word: "the Immigration Department of
    Sierra Leone", "the Labour Department of Hong Kong". Not a role, a name or a place
    ("Minister Department", "Kenya Department" is ``country_before``'s)."""
    doc = span.doc
    if span[0].lower_ not in UNIT_HEADS:
        return span
    start = span.start
    while (
        start > 0
        and span.start - start < MAX_FIELD_TOKENS
        and doc[start - 1].is_title
        and not doc[start - 1].is_sent_start
        and doc[start - 1].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE")
        and doc[start - 1].lower_ not in words("role_words")
        and not places.is_known_place(doc[start - 1].text)
    ):
        start -= 1
    return doc[start : span.end]


def body_of_body(span: Span) -> tuple[Span, Span] | None:
    """A body's unit named with its owner's possessive: "Ministry of the Presidency’s
    Department of Citizenship" -> the ministry and the department (with its "of ..."
    that the rule left out). "Ministry of Women’s Affairs" stays one body."""
    doc = span.doc
    for token in span[1:-1]:
        if token.text not in POSSESSIVE:
            continue
        owner, unit = doc[span.start : token.i], doc[token.i + 1 : span.end]
        heads = words("org_heads") - {"affairs"}
        if not any(t.lower_ in heads for t in owner) or unit[0].lower_ not in heads:
            return None
        end = unit.end
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
            end += 1
            while end < len(doc) and doc[end].is_title:
                end += 1
        return owner, doc[unit.start : end]
    return None
