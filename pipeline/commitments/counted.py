"""A counted group as the subject of a commitment ("The five founding companies have
committed to ...", "the three organisations will ..."): the list of that many bodies the
release named last before it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from .context import DocContext

COUNT_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
COUNTED_REACH = 6  # sentences back to the list
MAX_COUNT = 30  # "the 27 member states"; not "500 refugees"


def counted_group(ctx: DocContext, subject: Token, sentence: Span) -> list[Mention]:
    """The bodies a plural subject with a number stands for: the last list of exactly
    that many organisations or countries before it ("Coca-Cola, HP, IKEA, Unilever and
    Hewlett Packard Enterprise launched ... The five founding companies ...")."""
    count = subject_count(subject)
    if count is None:
        return []
    index = ctx.index_of[sentence.start]
    for previous in reversed(ctx.sentences[max(0, index - COUNTED_REACH) : index + 1]):
        end = subject.left_edge.i if previous.start == sentence.start else previous.end
        found = list_of(ctx, previous, end, count)
        if found:
            return found
    return []


def subject_count(subject: Token) -> int | None:
    """N of "the N <bodies>": a plural noun with a number from two to ``MAX_COUNT``."""
    if subject.tag_ not in ("NNS", "NNPS"):
        return None
    for child in subject.children:
        if child.dep_ == "nummod":
            count = COUNT_WORDS.get(child.lower_)
            if count is None and child.text.isdigit():
                count = int(child.text)
            return count if count is not None and 2 <= count <= MAX_COUNT else None
    return None


def list_of(ctx: DocContext, sentence: Span, end: int, count: int) -> list[Mention]:
    """A coordination of exactly ``count`` bodies in ``sentence`` before token ``end``."""
    for token in sentence:
        if token.i >= end or token.dep_ == "conj":
            continue
        group = [token, *token.conjuncts]
        named: list[Mention] = []
        for t in group:
            m = ctx.index.get(t.i)
            if m is not None and m.label != "PERSON" and m not in named:
                named.append(m)
        if len(named) == count and len(named) == len(group):
            return named
    return []
