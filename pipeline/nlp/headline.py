"""The bodies a release's headline names: whom the release is about, for an act or a
commitment whose report names no side ("Save the Children calls for ...", "IOM, AfDB
discuss ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..rules.lexicon import agreement_nouns, words
from .extensions import mentions, sentences
from .payloads import Mention


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


TOPIC_PREPOSITIONS = ("on", "about", "regarding", "concerning")


def act_topic(doc: Doc, mention: Mention) -> bool:
    """The mention is what the headline's act is about, not a side: its nearest
    preposition is an "on" of an act's noun ("Joint NGO Statement on [Nauru] and
    [Malaysia]"; not "Agreement on Mobility between [Ghana] and Togo")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(MAX_CLIMB):
        if token is None or token.head is token:
            return False
        token = token.head
        if token.dep_ == "prep":
            return token.lower_ in TOPIC_PREPOSITIONS and token.head.lower_ in agreement_nouns()
    return False


MAX_CLIMB = 4


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
        and (m.label == "ORG" or (m.entity_id or "").startswith("country:"))
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
