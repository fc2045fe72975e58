"""A counted group as the subject of a commitment ("The five founding companies have
committed to ...", "the two countries agreed to ..."): the list of that many bodies the
release named last before it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import is_country
from ..rules.lexicon import word_list, words
from .context import DocContext

# a list named further back than this is seldom the one a count refers to
COUNTED_REACH = 6
MAX_COUNT = 30  # "the 27 member states"; not "500 refugees"


def counted_group(ctx: DocContext, subject: Token, sentence: Span) -> list[Mention]:
    """The bodies a definite counted subject stands for: the last list of exactly that
    many of its kind (countries for "the two countries", bodies for "the five
    companies", either for "the two sides") before it; none when the subject names
    bodies itself ("the two UN agencies, IOM and UNHCR") or counts others ("two other
    countries")."""
    count = subject_count(subject)
    if count is None or any(t.i in ctx.index for t in subject.subtree):
        return []
    kind = group_kind(subject)
    index = ctx.index_of[sentence.start]
    for previous in reversed(ctx.sentences[max(0, index - COUNTED_REACH) : index + 1]):
        end = subject.left_edge.i if previous.start == sentence.start else previous.end
        found = last_list(ctx, previous, end, count, kind)
        if found:
            return found
    return []


def subject_count(subject: Token) -> int | None:
    """N of "the N <plural>", from two to ``MAX_COUNT``; None for any other subject."""
    children = list(subject.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in children)
    others = any(c.lower_ in words("not_the_same") for c in children)
    if subject.tag_ not in ("NNS", "NNPS") or not definite or others:
        return None
    numbers = word_list("number_words")
    for child in children:
        if child.dep_ == "nummod":
            text = child.lower_
            count = numbers.index(text) + 2 if text in numbers else None
            if count is None and text.isdigit():
                count = int(text)
            return count if count is not None and 2 <= count <= MAX_COUNT else None
    return None


def group_kind(subject: Token) -> str:
    """ "countries" counts countries; "sides" either kind; any other plural, bodies."""
    lowered = subject.lower_
    if lowered in words("country_groups"):
        return "country"
    return "any" if lowered in words("party_pronouns") else "body"


def last_list(ctx: DocContext, sentence: Span, end: int, count: int, kind: str) -> list[Mention]:
    """The last coordination of exactly ``count`` mentions of ``kind`` in ``sentence``
    before token ``end``."""
    for token in reversed(sentence):
        if token.i >= end or token.dep_ == "conj" or not token.conjuncts:
            continue
        group = [token, *token.conjuncts]
        named: list[Mention] = []
        for t in group:
            m = ctx.index.get(t.i)
            if m is not None and of_kind(m, kind) and m not in named:
                named.append(m)
        if len(named) == count and len(named) == len(group):
            return named
    return []


def of_kind(mention: Mention, kind: str) -> bool:
    country = is_country(mention)
    if kind == "country":
        return country
    return mention.label == "ORG" or (kind == "any" and country)


EXAMPLE_CUES = ("including", "notably", "among")  # "such as": its "as"


def named_examples(ctx: DocContext, subject: Token, anchor: Token) -> list[Mention]:
    """The bodies or places a plural subject names as its examples: "companies including
    A, B and C have committed", "mayors from 50 cities, including A and B, pledged",
    "unions such as A and B". Read on the surface from the cue to the verb, as the parse
    often breaks such lists."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.i > anchor.i:
        return []
    cue = next((t for t in subject.subtree if example_cue(t)), None)
    if cue is None:
        return []
    last = min(subject.right_edge.i + 1, anchor.i)
    clause = next(  # "NGOs including A and B, which run shelters in Kenya, ...": not Kenya
        (t.i for t in ctx.doc[cue.i : last] if t.dep_ in ("relcl", "acl") or t.tag_ == "WDT"),
        last,
    )
    start, end = cue.idx + len(cue), ctx.doc[min(clause, last)].idx
    # cities too: "mayors from 50 cities, including Amsterdam" speak for their cities
    return [m for m in ctx.mentions_between(start, end) if m.label in ("ORG", "PLACE")]


def example_cue(token: Token) -> bool:
    if token.lower_ == "as":
        return token.i > 0 and token.nbor(-1).lower_ == "such"
    return token.lower_ in EXAMPLE_CUES and token.dep_ == "prep"
