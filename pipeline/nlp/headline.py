"""The bodies a release's headline names: whom the release is about, for an act or a
commitment whose report names no side ("Save the Children calls for ...", "IOM, AfDB
discuss ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..rules.constants import SIDE_DASHES
from ..rules.lexicon import agreement_noun_forms, agreement_nouns, words
from .extensions import mentions, sentences
from .payloads import Mention
from .syntax import is_country


def headline_bodies(doc: Doc, acts: bool = False) -> list[Mention]:
    """The bodies and countries the headline names, in its order, each once, not those an
    act is about ("Statement on Nauru"); for an act (``acts``), not those that only react
    to it ("IOM welcomes Ethiopia-Saudi labour deal": IOM)."""
    start = reaction_end(doc) if acts else 0
    out: list[Mention] = []
    for m in title_bodies(doc):
        if act_topic(doc, m):
            continue
        if m.start >= start and m.entity_id not in {o.entity_id for o in out}:
            out.append(m)
    return out


ACT_TOPIC_PREPOSITIONS = ("on", "about", "regarding", "concerning")
MAX_CLIMB = 6
# the acts that speak about a matter: a place deep in their topic is part of it; a
# signed act's "MoU on the placement of workers in [Malaysia]" names its other side
SPOKEN_TYPES = ("declaration", "joint_statement")
# a phrase inside the topic that names the act's sides, not what it is about
SIDE_PREPOSITIONS = ("between", "by", "with", "among", "of", "from")


def act_topic(doc: Doc, mention: Mention) -> bool:
    """The mention is what the headline's act is about, not a side: the object of an "on"
    (or "about", ...) of an act's noun, or listed with it ("Joint NGO Statement on [Nauru]
    and [Malaysia] Solutions"). Not a name inside a phrase the object heads ("MoU on
    [Nepal]-[Malaysia] labour migration": the sides), nor one in apposition ("Statement on
    the Andaman Sea: [IOM], [UNHCR]": the issuers), nor a "between" ("Agreement on Mobility
    between [Ghana] and Togo"). A place deeper in a statement's topic is part of it
    ("Declaration on the attacks against Migrants in [South Africa]"), not in a signed
    act's ("MoU on placement of workers in [Malaysia]")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or dash_joined(span):
        return False
    token, deeper = span.root, False
    for _ in range(MAX_CLIMB):
        head = token.head
        if head is token:
            return False
        if token.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in ACT_TOPIC_PREPOSITIONS and head.head.lower_ in agreement_nouns():
                return not deeper or head.head.lower_ in agreement_noun_forms(SPOKEN_TYPES)
            if head.lower_ in SIDE_PREPOSITIONS or head.head.pos_ not in ("NOUN", "PROPN"):
                return False
            token, deeper = head.head, True  # "on the attacks against migrants in [Ghana]"
            continue
        listed = token.dep_ in ("nmod", "compound") and head.pos_ == "PROPN"
        if token.dep_ != "conj" and not listed:
            return False
        token = head
    return False


def title_of(doc: Doc) -> Span | None:
    found = sentences(doc)
    titles = (span for span, kind in zip(found.spans, found.kinds, strict=True) if kind == "title")
    return next(titles, None)


def title_bodies(doc: Doc) -> list[Mention]:
    title = title_of(doc)
    if title is None:
        return []
    return [
        m
        for m in mentions(doc)
        if title.start_char <= m.start < title.end_char
        and not m.nested
        and (m.label == "ORG" or is_country(m))
    ]


def reaction_end(doc: Doc) -> int:
    """Where the headline's reacting subject ends ("IOM welcomes Ethiopia-Saudi labour
    deal": after "welcomes"), when it names bodies after its verb of reacting (not
    "Ghana, Togo hail new MoU", whose subjects are the sides); else 0: no mention before
    it is a reacting subject."""
    title = title_of(doc)
    verb = next((t for t in title or () if t.lower_ in words("reaction_verbs")), None)
    if verb is None or not any(m.start > verb.idx for m in title_bodies(doc)):
        return 0
    return verb.idx + len(verb)


def dash_joined(span: Span) -> bool:
    """The name is joined to another by a dash with no space ("Nepal-[Malaysia]"): sides."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    glued_before = before is not None and before.text in SIDE_DASHES and not before.whitespace_
    glued_after = after is not None and after.text in SIDE_DASHES and not span[-1].whitespace_
    return glued_before or glued_after
