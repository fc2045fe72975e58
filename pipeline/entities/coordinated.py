"""Two bodies the model read as one name: "the White House and State Department", "the
House of Commons and House of Lords". Each side of the "and" is a body of its own when
each has a body's head word ("Ministry", "House", "Department": the word before its first
"of" or "for", else its last) and the second opens with a capital. After a first side with an
"of", the second must open with its head word ("House of Commons and House of Lords"),
else the "and" may join the "of"'s objects ("Association of Local Authorities and
Regions"). A portfolio list ("Ministry of Labour and Social Affairs") has no head word
after its "and", and stays one name."""

from __future__ import annotations

from spacy.tokens import Span

from ..nlp.heads import COORDINATORS, head_index
from ..rules.lexicon import words


def coordinated_bodies(span: Span) -> tuple[Span, Span] | None:
    """The two bodies an organisation's name joins by its one "and", or None."""
    joins = [t for t in span[1:-1] if t.lower_ in COORDINATORS]
    if len(joins) != 1:
        return None
    doc = span.doc
    first, second = doc[span.start : joins[0].i], doc[joins[0].i + 1 : span.end]
    if second[0].lower_ == "the" and len(second) > 1:
        second = second[1:]
    if not second[0].is_title or any(t.text == "," for t in span):
        return None
    if not all(is_body(side) for side in (first, second)):
        return None
    if any(t.lower_ == "of" for t in first) and not opens_a_body(second):
        return None  # "Association of Local Authorities and Regions' Committee": one name
    return first, second


def opens_a_body(side: Span) -> bool:
    """ "House of Lords", "Ministry of Health": the head word first, an "of" after it."""
    return len(side) > 2 and side[1].lower_ == "of" and side[0].lower_ in heads()


def is_body(side: Span) -> bool:
    """Two words at least, the head a body's singular head word (a plural one, "Affairs",
    "Nations", ends a portfolio or a name: "Social Affairs", "United Nations")."""
    if len(side) < 2:
        return False
    head = side[head_index([t.lower_ for t in side])]
    lowered = head.lower_
    return head.is_title and lowered in heads() and not lowered.endswith("s")


def heads() -> frozenset[str]:
    return words("coordinated_body_heads")
