"""What the agreement rules know about one document."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import doc_text, mentions, people, sentences
from ..nlp.payloads import Mention, Person
from ..nlp.roles import RoleCountries
from ..nlp.syntax import MentionIndex, is_country, subject_of
from ..nlp.text import dateline_span
from ..rules.lexicon import words


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
        self.starts: dict[str, tuple[list[int], list[int]]] = {}
        self.holding: dict[str, list[int]] = {}
        self.role_countries = RoleCountries(self.mentions, self.text)
        self.dateline_mentions: tuple[list[Mention], list[Mention]] | None = None
        self.reaches: dict[str, tuple[list[int], list[int]]] = {}
        self.covering: dict[int, Mention] | None = None
        self.memo: dict[str, object] = {}  # what a rule reads once per document

    def in_sentence(self, sentence: Span, label: str) -> list[Mention]:
        """The mentions of ``label`` starting in ``sentence``, in the order of
        ``self.mentions`` (looked up by start: a scan per question was quadratic)."""
        starts, positions = self.by_label(label)
        first = bisect.bisect_left(starts, sentence.start_char)
        last = bisect.bisect_left(starts, sentence.end_char)
        return [self.mentions[n] for n in sorted(positions[first:last])]

    def by_label(self, label: str) -> tuple[list[int], list[int]]:
        """The starts of the mentions of ``label``, sorted, and their places in
        ``self.mentions``."""
        if label not in self.starts:
            pairs = sorted((m.start, n) for n, m in enumerate(self.mentions) if m.label == label)
            self.starts[label] = ([s for s, _ in pairs], [n for _, n in pairs])
        return self.starts[label]

    def inside_label(self, mention: Mention, label: str) -> bool:
        """``mention`` lies inside one of ``label`` (the furthest end among those starting
        at or before it, found by bisection)."""
        if label not in self.reaches:
            spans = sorted((m.start, m.end) for m in self.mentions if m.label == label)
            furthest = list(itertools.accumulate((end for _, end in spans), max))
            self.reaches[label] = ([start for start, _ in spans], furthest)
        starts, furthest = self.reaches[label]
        at = bisect.bisect_right(starts, mention.start)
        return at > 0 and furthest[at - 1] >= mention.end

    def org_covering(self, offset: int) -> Mention | None:
        """The first ORG mention (in ``self.mentions``) over character ``offset``."""
        if self.covering is None:
            self.covering = {}
            for m in reversed(self.mentions):
                if m.label == "ORG":
                    self.covering.update(dict.fromkeys(range(m.start, m.end), m))
        return self.covering.get(offset)

    def sentences_with(self, key: str, test: Callable[[Token], bool]) -> list[int]:
        """The indices of the sentences holding a token that passes ``test``, found once
        per ``key``."""
        if key not in self.holding:
            self.holding[key] = [
                n for n, sentence in enumerate(self.sentences) if any(test(t) for t in sentence)
            ]
        return self.holding[key]

    def in_dateline(self, token: Token) -> bool:
        return self.dateline[0] <= token.idx < self.dateline[1]

    def subject_of(self, verb: Token) -> Token | None:
        return subject_of(verb, self.dateline)

    def span(self, mention: Mention) -> Span:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        assert span is not None  # mentions are made from tokens
        return span

    def coordinated(self, a: Mention, b: Mention) -> bool:
        """The two mentions are joined by "and" or a comma ("Kenya, the Kenya Red Cross
        Society and IOM")."""
        first, second = self.span(a).root, self.span(b).root
        return second in first.conjuncts


def unique(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each entity id, in order."""
    seen, out = set(), []
    for m in mentions:
        if m.entity_id not in seen:
            seen.add(m.entity_id)
            out.append(m)
    return out


def without_state_bodies(parties: list[Mention]) -> list[Mention]:
    """The first mention of each party, one mention per side: a state's ministry or
    agency is no party beside the state ("The UAE and Bangladesh signed ...; signed by
    the Under-Secretary of the Ministry of ..."; not "the Ukrainian World Congress"),
    and a state's government stands for it
    ("the Government of Ukraine", not "Ukraine" besides). A body whose state was only
    guessed from the release stays."""
    governments = {
        m.country_code
        for m in parties
        if m.label == "ORG" and m.country_code and not m.country_guessed and is_government(m)
    }
    states = {m.country_code for m in parties if is_state(m)}
    return unique(
        [
            m
            for m in parties
            if not (is_state(m) and m.country_code in governments)
            and not (
                m.label == "ORG"
                and m.country_code in states - governments
                and not m.country_guessed
                and is_state_body(m)
            )
        ]
    )


def without_name_parts(
    parties: list[Mention], coordinated: Callable[[Mention, Mention], bool] | None = None
) -> list[Mention]:
    """A party whose name opens another party's name, or ends it after "of the", is a
    part of that name, not a side of its own: "United Nations" beside the "United
    Nations Development Programme" or the "Food and Agriculture Organization of the
    United Nations", "Pakistan" beside the "Pakistan Workers Federation". Not "Sudan"
    beside "South Sudan", a state beside its own body or office abroad ("U.S." and the
    "U.S. Embassy in Mexico"), nor two sides the text names side by side
    (``coordinated``: "Kenya, the Kenya Red Cross Society and IOM signed")."""
    names = [(m.norm or "").casefold() for m in parties]

    def part_of(m: Mention, name: str, o: Mention, other: str) -> bool:
        inside = other.startswith(name + " ") or other.endswith(" of the " + name)
        envoy = bool(set(other.split()) & words("envoy_offices"))  # "U.S. Embassy in Mexico"
        own_body = is_state(m) and (is_state_body(o) or envoy)
        side_by_side = coordinated is not None and coordinated(m, o)
        return inside and not own_body and not side_by_side

    return [
        m
        for m, name in zip(parties, names, strict=True)
        if not name
        or not any(part_of(m, name, o, other) for o, other in zip(parties, names, strict=True))
    ]


is_state = is_country  # a country as a side: the state


def is_state_body(mention: Mention) -> bool:
    """ "Ministry of Labour", "State Migration Service": not "Ukrainian World Congress" nor
    "Kenya National Chamber of Commerce"."""
    return bool({w.casefold() for w in (mention.norm or "").split()} & words("state_body_heads"))


def is_government(mention: Mention) -> bool:
    return (mention.norm or "").casefold().startswith("government")
