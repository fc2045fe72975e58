"""Where the parse hangs a place (or a date) of an agreement's sentence, for
``when_where``: on the signing verb or the agreement noun ("signed in Kyiv"), at the
meeting at which it was signed ("at a summit in Rabat"), at the end of the agreement's
name ("... Trafficking | in Bangkok"), or after its sides ("between A and B | in Geneva").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext


def attached_to(
    ctx: DocContext,
    place: Mention,
    heads: tuple[Token, ...],
    prepositions: tuple[str, ...] = ("in", "at"),
) -> bool:
    """ "signed in Kyiv", "the agreement at the ministry in Kyiv": the place (or, with
    "on", the date) hangs on the verb or the noun by one of ``prepositions``."""
    span = ctx.span(place)
    token = span.root
    if token.head.dep_ == "prep" and token.head.lower_ in prepositions:
        site = token.head.head  # "at the EAC Headquarters | in Arusha": the site's town
        at_site = site.dep_ == "pobj" and site.head.lower_ == "at" and site.head.head in heads
        town = not (place.entity_id or "").startswith("country:") and token.head.lower_ == "in"
        return site in heads or (town and (at_site or after_the_sides(site, heads)))
    # "signed today in Nay Pyi Taw a tripartite MoU": the parse took the name into the
    # noun after it, but the preposition before it still hangs on the verb
    before = ctx.doc[span.start - 1] if span.start else None
    return (
        before is not None
        and before.dep_ == "prep"
        and before.lower_ in prepositions
        and before.head in heads
        and token.head.i > token.i
    )


EVENT_PREPOSITIONS = ("at", "after", "during", "following")


def visit_destination(ctx: DocContext, place: Mention, verb: Token) -> bool:
    """ "signed the agreement during a visit to Amman", "signed on the occasion of the
    Minister's working visit to Bulgaria": where the visit in whose course the verb's
    act was signed went."""
    token = ctx.span(place).root
    if token.dep_ == "appos":
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "to":
        return False
    visit = prep.head
    if visit.lower_ not in words("visit_nouns") or visit.dep_ != "pobj":
        return False
    within = visit.head  # "during a visit", "on the occasion of a visit" (not "after a visit")
    framed = within.lower_ == "of" and within.head.lower_ in VISIT_FRAMES
    return (within.lower_ == "during" or framed) and verb in visit.ancestors


VISIT_FRAMES = ("occasion", "framework", "course", "part", "sidelines", "margins", "margin")


def at_the_event(ctx: DocContext, place: Mention, verb: Token) -> bool:
    """ "signed a declaration after a meeting in the Peruvian capital, Lima", "at a summit
    in Rabat", "during the celebration being held in Geneva": the place of the meeting at
    which it was signed (wherever the parse hangs the meeting's phrase in the verb's
    clause)."""
    token = ctx.span(place).root
    if token.dep_ == "appos":  # "the Peruvian capital, Lima"
        token = token.head
    prep = token.head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
        return False
    event = prep.head
    hosted = event.dep_ in ("acl", "relcl") and event.lemma_ in words("event_hosting_verbs")
    if hosted and prep.lower_ == "in":  # "during the celebration being held in Geneva"
        event = event.head  # (not "a meeting held at State House": a venue, not a town)
    return (
        event.lower_ in words("event_nouns")
        and event.dep_ == "pobj"
        and event.head.lower_ in EVENT_PREPOSITIONS
        and (event.head.head == verb or verb in event.head.ancestors)
    )


def ends_the_name(ctx: DocContext, place: Mention, noun: Token, dates: list[Mention]) -> bool:
    """ "signed a Memorandum on Cooperation in Prevention of Trafficking | in Bangkok": a
    town the parse hung on the last word of the agreement's topic is where it was signed
    (with nothing after it in the noun's phrase but one of the sentence's ``dates``).
    A country there is the topic's scope ("an agreement on the return of migrants in
    Libya"), not the place of signing."""
    if (place.entity_id or "").startswith("country:") or place.end <= noun.idx:
        return False
    token = ctx.span(place).root
    if token.head.dep_ != "prep" or token.head.lower_ != "in" or token.i != token.head.right_edge.i:
        return False
    chain = token.head.head
    while chain != noun:
        if chain.dep_ not in ("pobj", "pcomp", "prep", "conj") or chain.head == chain:
            return False
        chain = chain.head
    rest = ctx.doc[token.head.right_edge.i + 1 : noun.right_edge.i + 1]
    # "... in Persons in Bangkok | on 2 November 2018": a date the parse hung on the topic
    return all(
        t.lower_ in ("on", ",") or any(d.start <= t.idx < d.end for d in dates) for t in rest
    )


SIDE_PREPS = ("between", "with", "by")


def after_the_sides(site: Token, heads: tuple[Token, ...]) -> bool:
    """ "signed between A and B | in Geneva", "signed by X and Y | in Jerusalem": the parse
    hung the town on the last side or signer."""
    token = site
    for _ in range(8):
        if token.dep_ not in ("pobj", "conj", "appos", "compound", "prep") or token.head == token:
            return False
        token = token.head
        side = token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ in SIDE_PREPS)
        if side and token.head in heads:
            return True
    return False
