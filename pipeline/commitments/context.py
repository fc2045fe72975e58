"""What the commitment rules know about one document."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import doc_text, mentions, people, sentences
from ..nlp.payloads import Mention, Person
from ..nlp.roles import RoleCountries
from ..nlp.syntax import MentionIndex, subject_of
from ..nlp.text import dateline_span, matches_by_sentence
from ..nlp.token_index import IndexedMatcher
from ..rules.lexicon import words
from .triggers import ranked


class DocContext:
    def __init__(self, doc: Doc, matcher: IndexedMatcher):
        self.doc = doc
        self.all_mentions: list[Mention] = mentions(doc)
        self.mentions: list[Mention] = [m for m in self.all_mentions if not m.nested]
        self.index = MentionIndex(doc, self.mentions)
        self.people: dict[str | None, Person] = {p.mention.entity_id: p for p in people(doc)}
        found = sentences(doc)
        self.sentences = found.spans
        self.kinds = found.kinds
        self.dateline = dateline_span(doc_text(doc))
        self.index_of = {s.start: i for i, s in enumerate(self.sentences)}
        self.matches = matches_by_sentence(doc, matcher, found)
        self.starts: list[int] | None = None  # of ``mentions``, sorted when first asked
        self.resolved: dict[int, list[Mention]] = {}  # sentence index -> its commitment's actors
        self.role_countries = RoleCountries(self.all_mentions, doc_text(doc))
        self._about_cities: bool | None = None

    @property
    def about_cities(self) -> bool:
        """The release speaks of cities as cities (a mayor, a municipality): its capitals
        act for themselves. Read once per document."""
        if self._about_cities is None:
            cues = words("city_voice_cues")
            self._about_cities = any(t.lemma_.casefold() in cues for t in self.doc)
        return self._about_cities

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The (non-nested) mentions starting between the character offsets."""
        if self.starts is None:
            self.mentions.sort(key=lambda m: m.start)
            self.starts = [m.start for m in self.mentions]
        low = bisect.bisect_left(self.starts, start)
        return self.mentions[low : bisect.bisect_left(self.starts, end, low)]

    def actors_before(self, sentence: Span) -> list[Mention]:
        """The actors of the commitment of the sentence right before, if it has one:
        "The department is working on X. Moreover, they are working to launch Y"."""
        return self.resolved.get(self.index_of[sentence.start] - 1, [])

    def triggers(self, sentence: Span, candidates: bool = False) -> list[tuple[str, Token]]:
        """(rule_id, anchor token) of every trigger in the sentence, best first; with
        ``candidates``, the weak cues that only propose candidates too."""
        return ranked(sentence, self.matches[self.index_of[sentence.start]], candidates)

    def subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, never the dateline's place."""
        return subject_of(verb, self.dateline)
