"""What the agreement rules know about one document."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import doc_text, mentions, people, sentences
from ..nlp.payloads import Mention, Person
from ..nlp.syntax import MentionIndex, subject_of
from ..nlp.text import dateline_span


class DocContext:
    def __init__(self, doc: Doc):
        self.doc = doc
        every = mentions(doc)
        self.mentions: list[Mention] = [m for m in every if not m.nested or m.label == "PLACE"]
        self.index = MentionIndex(doc, [m for m in every if not m.nested])
        self.people: dict[str | None, Person] = {p.mention.entity_id: p for p in people(doc)}
        found = sentences(doc)
        self.found_sentences = found
        self.sentences = found.spans
        self.kinds = found.kinds
        self.text = doc_text(doc)
        self.dateline = dateline_span(self.text)

    def in_sentence(self, sentence: Span, label: str) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if m.label == label and sentence.start_char <= m.start < sentence.end_char
        ]

    def in_dateline(self, token: Token) -> bool:
        return self.dateline[0] <= token.idx < self.dateline[1]

    def subject_of(self, verb: Token) -> Token | None:
        return subject_of(verb, self.dateline)

    def span(self, mention: Mention) -> Span:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        assert span is not None  # mentions are made from tokens
        return span


def unique(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each entity id, in order."""
    seen, out = set(), []
    for m in mentions:
        if m.entity_id not in seen:
            seen.add(m.entity_id)
            out.append(m)
    return out
