"""The sides an act's own name gives: "the ASEAN Declaration on ...", "IOM's Cooperation
Agreement" (a body that names the act as its own), "the EU-Moldova agreement" (the sides
its name joins by a dash)."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.payloads import Mention
from ..nlp.syntax import is_country
from ..rules.constants import SIDE_DASHES
from .context import DocContext


def owners_in_name(ctx: DocContext, noun: Token) -> list[Mention]:
    """ "the ASEAN Declaration on ...", "IOM's Cooperation Agreement": a body that names
    the agreement as its own, before the noun; "the EU-Moldova agreement", "the
    Kenya–Qatar deal": the sides its name joins by a dash."""
    found: list[Mention] = hyphened_sides(ctx, noun)
    for token in noun.lefts:
        if token.dep_ not in ("compound", "poss", "nmod"):
            continue
        m = ctx.index.get(token.i)
        if m is not None and m.label == "ORG" and m.end <= noun.idx and m not in found:
            found.append(m)
    return found


def hyphened_sides(ctx: DocContext, noun: Token) -> list[Mention]:
    """Bodies or countries joined by dashes in the words before the act's noun ("the
    EU-Moldova agreement", "the India–UAE Partnership Agreement"), two at least."""
    doc = ctx.doc
    found: list[Mention] = []
    for i in range(max(noun.left_edge.i, 1), noun.i - 1):
        if doc[i].text not in SIDE_DASHES or doc[i].whitespace_ or doc[i - 1].whitespace_:
            continue
        left, right = ctx.index.get(i - 1), ctx.index.get(i + 1)
        if left is None or right is None or left is right or named_apart(ctx, right, noun):
            continue
        for m in (left, right):
            if (m.label == "ORG" or is_country(m)) and m not in found:
                found.append(m)
    return found if len(found) >= 2 else []


def named_apart(ctx: DocContext, side: Mention, noun: Token) -> bool:
    """A name of its own between the pair and a lower-case act noun: "the EU-IOM Joint
    Initiative reintegration agreement" is the Initiative's, not the act's (unlike "the
    India–UAE Comprehensive Economic Partnership Agreement", one name)."""
    between = [t for t in ctx.doc[noun.left_edge.i : noun.i] if t.idx >= side.end]
    return noun.is_lower and any(t.is_title for t in between)
