"""The sides an act's own name gives: "the ASEAN Declaration on ...", "IOM's Cooperation
Agreement" (a body that names the act as its own), "the EU-Moldova agreement" (the sides
its name joins by a dash), "the labour agreement between Bulgaria and Moldova" further on
in the text (the sides it names between), the headline that pairs an act's one side with
another ("Fiji-UAE signs MOU" over "the Minister signed an MoU with the UAE")."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Token

from ..nlp.headline import headline_bodies, title_of
from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import earlier_act, is_country
from ..rules.constants import SIDE_DASHES
from ..rules.lexicon import agreement_nouns, words
from .authors import with_authors
from .context import DocContext, unique
from .members import with_members
from .own_state import with_own_state


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
    EU-Moldova agreement", "the India–UAE Partnership Agreement", "the Uzbek-Russian
    agreements"), two at least."""
    doc = ctx.doc
    found: list[Mention] = []
    for i in range(max(noun.left_edge.i, 1), noun.i - 1):
        if doc[i].text not in SIDE_DASHES or doc[i].whitespace_ or doc[i - 1].whitespace_:
            continue
        left, right = side_at(ctx, doc[i - 1]), side_at(ctx, doc[i + 1])
        if left is None or right is None or left is right:
            continue
        after = doc[i + 1]  # an adjective's country is named elsewhere: the pair ends here
        end = right.end if ctx.index.get(i + 1) is right else after.idx + len(after.text)
        if named_apart(ctx, end, noun):
            continue
        for m in (left, right):
            if (m.label == "ORG" or is_country(m)) and m not in found:
                found.append(m)
    return found if len(found) >= 2 else []


def side_at(ctx: DocContext, token: Token) -> Mention | None:
    """The body or country named at ``token``, or the country the text names whose
    nationality adjective it is ("the Uzbek-Russian agreements": Uzbekistan, Russia)."""
    named = ctx.index.get(token.i)
    if named is not None or not token.is_title:
        return named
    return ctx.role_countries.of_adjective(token.text)


def named_apart(ctx: DocContext, end: int, noun: Token) -> bool:
    """A name of its own between the pair and a lower-case act noun: "the EU-IOM Joint
    Initiative reintegration agreement" is the Initiative's, not the act's (unlike "the
    India–UAE Comprehensive Economic Partnership Agreement", one name)."""
    between = [t for t in ctx.doc[noun.left_edge.i : noun.i] if t.idx >= end]
    return noun.is_lower and any(t.is_title for t in between)


SIDES_REACH = 2  # sentences after an act's own in which "the agreement between A and B" names it


def with_sides_between(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """An act with one side or none, and, in its sentence or the next two, a definite act
    of the same noun the text names between sides that include its own ("The labour
    agreement with Moldova is published" over "The labour agreement between Bulgaria and
    Moldova is published in today's issue"): those are its sides. With no side of its own
    (or only the headline's), only if the text names one such pair, sharing a side with
    the headline's."""
    named = sides_between(ctx) if any(len(a.parties) < 2 or a.parties_guessed for a in acts) else []
    for act in acts if named else []:
        if len(act.parties) >= 2 and not act.parties_guessed:
            continue
        ids = {m.entity_id for m in act.parties}
        guessed = act.parties_guessed or not ids
        fits = {
            frozenset(m.entity_id for m in sides): sides
            for noun, sides in named
            if noun.lemma_ == act.noun.lemma_
            and 0 <= ctx.found_sentences.index_at(noun.idx) - act.sent_id <= SIDES_REACH
            and (guessed or ids <= {m.entity_id for m in sides})
        }
        if len(fits) != 1 or (guessed and len(named) > 1):
            continue
        sides = next(iter(fits.values()))
        if not ids or ids & {m.entity_id for m in sides}:  # a guessed side must be among them
            act.parties, act.parties_guessed = list(sides), False
    return acts


def sides_between(ctx: DocContext) -> list[tuple[Token, list[Mention]]]:
    """Each definite act noun of the text with a "between" phrase that names two sides or
    more (bodies or countries, the phrase's objects): "the agreement between Bulgaria and
    Moldova"; not an earlier one ("the 2010 agreement", "... signed in 2010")."""
    if "sides_between" in ctx.memo:
        return cast(list[tuple[Token, list[Mention]]], ctx.memo["sides_between"])
    found = []
    for noun in ctx.doc:
        if noun.lower_ not in agreement_nouns() or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children
        ):
            continue
        if earlier_act(noun):
            continue  # "the 2010 agreement between Ghana and Benin": an earlier one
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "between":
                continue
            objects = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
            sides = unique(
                [
                    m
                    for o in objects
                    if (m := ctx.index.get(o.i)) is not None and (m.label == "ORG" or is_country(m))
                ]
            )
            if len(sides) >= 2:
                found.append((noun, sides))
    ctx.memo["sides_between"] = found
    return found


def with_headline_pair(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """An act whose report names one side, the other signing for the release's own
    government or body ("Minister for Commerce, Faiyaz Koya, signed a Memorandum of
    Understanding with the United Arab Emirates"), under a headline that pairs that side
    with one other in a signing or a cooperation ("Fiji-UAE signs MOU", "The Netherlands
    and Niger to strengthen cooperation"): the headline's pair are its sides. Not a
    headline about something else ("UNHCR and IOM call for more resettlement places")."""
    lone = [a for a in acts if len(a.parties) == 1 and not a.parties_guessed]
    if not lone or not headline_reports_a_pact(ctx):
        return acts
    pair = headline_bodies(ctx.doc, acts=True)
    if len(pair) != 2 or any(part_of_a_longer_name(ctx, m) or where(ctx, m) for m in pair):
        return acts
    for act in lone:
        if act.parties[0].entity_id in {m.entity_id for m in pair}:
            act.parties = [
                m if m.entity_id != act.parties[0].entity_id else act.parties[0] for m in pair
            ]
    return acts


def headline_reports_a_pact(ctx: DocContext) -> bool:
    """The headline tells a signing, an act or joint work ("signs", "MOU", "cooperation")."""
    title = title_of(ctx.doc)
    return title is not None and any(
        t.lemma_.casefold() in words("signing_verbs")
        or t.lower_ in agreement_nouns()
        or t.lemma_.casefold() in words("joint_subjects")
        for t in title
    )


def part_of_a_longer_name(ctx: DocContext, mention: Mention) -> bool:
    """The name is a part of the side's, not the side: a possessor ("South Korea's
    Gyeongsangnam-do Province", not "Fiji's Minister", whose country signs) or joined by a
    dash to words no name covers ("UN-ESCWA", unlike "Fiji-UAE")."""
    span = ctx.span(mention)
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    if after is None:
        return False
    if after.tag_ == "POS":
        return span.root.head.lower_ not in words("role_heads")
    glued = after.text in SIDE_DASHES and not after.whitespace_ and after.i + 1 < len(ctx.doc)
    return glued and ctx.index.get(after.i + 1) is None


def where(ctx: DocContext, mention: Mention) -> bool:
    """The name says where, not who: "UN Network for Migration in Mozambique launched"."""
    root = ctx.span(mention).root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at")


def with_listed_sides(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """The acts with the sides the text lists elsewhere: named between (``with_sides_between``),
    paired by the headline (``with_headline_pair``), a group's members (``with_members``), a
    text's makers (``with_authors``), the release's own state (``with_own_state``)."""
    acts = with_headline_pair(ctx, with_sides_between(ctx, acts))
    return with_own_state(ctx, with_authors(ctx, with_members(ctx, acts)))
