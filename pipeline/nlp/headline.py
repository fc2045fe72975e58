"""The bodies a release's headline names: whom the release is about, for an act or a
commitment whose report names no side ("Save the Children calls for ...", "IOM, AfDB
discuss ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..rules.lexicon import words
from .extensions import mentions, sentences
from .payloads import Mention


def headline_bodies(doc: Doc, acts: bool = False) -> list[Mention]:
    """The bodies and countries the headline names, in its order, each once; for an act
    (``acts``), not those that only react to it ("IOM welcomes Ethiopia-Saudi labour
    deal": IOM)."""
    found = sentences(doc)
    kinds = zip(found.spans, found.kinds, strict=True)
    title = next((span for span, kind in kinds if kind == "title"), None)
    if title is None:
        return []
    named = [
        m
        for m in mentions(doc)
        if title.start_char <= m.start < title.end_char
        and not m.nested
        and (m.label == "ORG" or (m.entity_id or "").startswith("country:"))
    ]
    start = reaction_end(title, named) if acts else title.start_char
    out: list[Mention] = []
    for m in named:
        if m.start >= start and m.entity_id not in {o.entity_id for o in out}:
            out.append(m)
    return out


def reaction_end(title: Span, named: list[Mention]) -> int:
    """Where the headline's reacting subject ends ("IOM welcomes Ethiopia-Saudi labour
    deal": after "welcomes"), when it names bodies after its verb of reacting (not
    "Ghana, Togo hail new MoU", whose subjects are the sides); else the headline's start."""
    verb = next((t for t in title if t.lower_ in words("reaction_verbs")), None)
    if verb is None or not any(m.start > verb.idx for m in named):
        return title.start_char
    return verb.idx + len(verb)
