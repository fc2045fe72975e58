"""Sides of an agreement that the report names apart from its phrases, for ``parties``:
"between the two governments", "The parties signed", "Both sides signed", "the
Ministries of Foreign Affairs of the two countries" stand for the sides it names before (a
bilateral report names them by the bodies of the people it names, else by its two
countries); "The signatories were A and B", in the act's sentence or one of the next two,
names them after.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.headline import reaction_end
from ..nlp.payloads import Mention
from ..nlp.roles import country_of_role
from ..nlp.syntax import earlier_act, is_country, mentions_in
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext, unique
from .headline import is_act_noun
from .source_credits import is_source_credit

SIDE_NOUNS = ("governments", "countries", "nations", "sides", "parties", "states", "ministries")


def named_sides(verb: Token, noun: Token) -> bool:
    """ "an MoU between the two governments", "between both countries", "an agreement on
    boosting cooperation between the two sides": the sides are named elsewhere in the
    report."""
    preps = [*verb.children, *(t for t in noun.subtree if t is not noun)]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("between", "among"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            counted = any(c.lower_ in ("two", "both", "three") for c in pobj.children)
            if pobj.lower_ in SIDE_NOUNS and counted:
                return True
    return False


def side_subject(ctx: DocContext, verb: Token) -> bool:
    """ "The parties signed a memorandum", "Both sides signed": the subject stands for
    sides the report names before."""
    subject = ctx.subject_of(verb)
    return (
        subject is not None
        and subject.lower_ in SIDE_NOUNS
        and any(c.lower_ in ("the", "both", "two") for c in subject.children)
    )


def sides_in_lead(ctx: DocContext, sentence: Span, people_only: bool = False) -> list[Mention]:
    """The sides a bilateral report names up to ``sentence``: the bodies of the people it
    names (their organisation, else the country of their role), else the two countries
    it names; none unless there are two or more."""
    index = ctx.sentences.index(sentence)
    sides: list[Mention] = []
    ids: set[str | None] = set()
    for s in ctx.sentences[: index + 1]:
        for m in ctx.in_sentence(s, "PERSON"):
            person = ctx.people.get(m.entity_id)
            body = person and (person.org or country_of_role(person, m, ctx.role_countries))
            if body and body.entity_id not in ids:
                sides.append(body)
                ids.add(body.entity_id)
    if len(sides) >= 2 or people_only:
        return sides if len(sides) >= 2 else []
    countries: list[Mention] = []
    for s in ctx.sentences[: index + 2]:
        for m in ctx.in_sentence(s, "PLACE"):
            if (m.entity_id or "").startswith("country:") and m.entity_id not in {
                c.entity_id for c in countries
            }:
                countries.append(m)
    return countries if len(countries) == 2 else []


# "of the two countries", "of both governments", "of the two (02) countries"
OF_BOTH_SIDES = re.compile(
    rf"^\s+of\s+(?:the\s+)?(?:two|both)\s+(?:\(\d+\)\s+)?(?:{'|'.join(SIDE_NOUNS)})\b",
    re.IGNORECASE,
)


def sides_for_plural_bodies(
    ctx: DocContext, parties: list[Mention], sentence: Span
) -> list[Mention]:
    """ "a Memorandum between the Ministries of Foreign Affairs of the two countries": a
    body named in the plural for both sides stands for the two sides the report names."""
    out: list[Mention] = []
    for m in parties:
        plural = m.label == "ORG" and ctx.span(m)[0].tag_ in ("NNS", "NNPS")
        sides = (
            sides_in_lead(ctx, sentence)
            if plural and OF_BOTH_SIDES.match(ctx.text[m.end :])
            else []
        )
        out += sides or [m]
    return unique(out)


def subject_states_in_lead(ctx: DocContext, lead: int) -> list[Mention]:
    """ "Belarus and Azerbaijan will improve information exchange in line with an
    intergovernmental agreement ... The agreement was signed in Minsk": two or more
    countries that together are the subject of a sentence of the lead naming an act."""
    for sentence in ctx.sentences[:lead]:
        if not any(is_act_noun(t) for t in sentence):
            continue  # "Italy and Malta intercepted more boats this year"
        for token in sentence:
            if token.dep_ not in ("nsubj", "nsubjpass") or not token.conjuncts:
                continue
            sides = [ctx.index.get(t.i) for t in [token, *token.conjuncts]]
            if all(m is not None and is_country(m) for m in sides):
                found = [m for m in sides if m is not None]
                if len({m.entity_id for m in found}) >= 2:
                    return found
    return []


def lead_sides(ctx: DocContext, noun: Token, size: int) -> list[Mention]:
    """The parties guessed for an act whose report names none: the organisations of the
    lead, else, for an act it refers back to ("The agreement was signed in Minsk"), the
    countries that are together the subject of a lead sentence."""
    lead = between_in_lead(ctx, size) or lead_parties(ctx, size)
    if not lead and any(c.lower_ in ("the", "this") for c in noun.children):
        lead = subject_states_in_lead(ctx, size)
    return unique(lead)


def between_in_lead(ctx: DocContext, size: int) -> list[Mention]:
    """ "The Lower House ratified a deal between Italy and Albania ...": the sides an act
    of the lead is named between (bodies or countries), over whoever ratifies, approves or
    reports it; only one such pair, and not an earlier act ("the 2010 agreement between")."""
    found: dict[frozenset[str | None], list[Mention]] = {}
    for sentence in ctx.sentences[:size]:
        for noun in sentence:
            if noun.lower_ not in agreement_nouns() or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            if earlier_act(noun):
                continue  # "builds on the 2010 agreement between Ghana and Benin"
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
                objects = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
                sides = [m for o in objects if (m := ctx.index.get(o.i)) and m.label != "PERSON"]
                if len({m.entity_id for m in sides}) >= 2:
                    found.setdefault(frozenset(m.entity_id for m in sides), unique(sides))
    return next(iter(found.values())) if len(found) == 1 else []


def lead_parties(ctx: DocContext, size: int) -> list[Mention]:
    """Organisations named in the headline and the first sentences of the report, but
    not those called upon ("urged the European Union to ...")."""
    lead = ctx.sentences[:size]
    reacting = reaction_end(ctx.doc)  # "IOM welcomes X-Y deal": not IOM
    return [
        m
        for s in lead
        for m in ctx.in_sentence(s, "ORG")
        if not called_upon(ctx, m) and not is_source_credit(ctx, m) and m.start >= reacting
    ]


def called_upon(ctx: DocContext, mention: Mention) -> bool:
    root = ctx.span(mention).root
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "upon"):
        root = root.head
    return root.dep_ in ("dobj", "prep") and root.head.lemma_ in words("call_verbs")


SIGNATORY_REACH = 2  # sentences after the act's in which its signatories may be listed


def the_act_s_signatories(subject: Token) -> bool:
    """ "the signatories", "its signatories", "the signatories for the Mauritian side", "the
    signatories of the MoU"; not "earlier signatories", "the first signatories of the
    2018 Global Compact": another act's or another time's."""
    if subject.lemma_.casefold() not in ("signatory", "signer"):
        return False
    for child in subject.children:
        if child.dep_ in ("det", "poss") and child.lower_ in ("the", "its", "their"):
            continue
        if child.dep_ == "prep" and child.lower_ == "for":
            continue
        if child.dep_ == "prep" and child.lower_ in ("of", "to") and own_act(child):
            continue
        return False
    return True


def own_act(prep: Token) -> bool:
    """ "of the MoU", "to this agreement": an act named by its noun and "the" or "this"."""
    return any(
        pobj.dep_ == "pobj"
        and pobj.lemma_.casefold() in agreement_nouns()
        and all(c.dep_ == "det" and c.lower_ in ("the", "this") for c in pobj.children)
        for pobj in prep.children
    )


def listed_signatories(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "The agreement was signed in Ottawa. The signatories for the Mauritian side were
    the IOM and the MITD": the bodies a sentence of the act's, or one shortly after,
    names as its signatories by "be" (persons sign for bodies named elsewhere)."""
    index = ctx.sentences.index(sentence)
    for following in ctx.sentences[index : index + 1 + SIGNATORY_REACH]:
        for verb in following:
            subject = ctx.subject_of(verb) if verb.lemma_ == "be" else None
            if subject is None or not the_act_s_signatories(subject):
                continue
            named = [
                m
                for label in ("ORG", "PLACE")
                for m in ctx.in_sentence(following, label)
                if m.start > verb.idx and (label == "ORG" or is_country(m))
            ]
            return unique(sorted(named, key=lambda m: m.start))
    return []


def praised_sides(ctx: DocContext, verb: Token) -> list[Mention]:
    """ "IOM praises the ESS and thirteen institutions for their signing of an MoU", "UNHCR
    commended Ghana and Togo for signing the agreement": those praised for the signing
    are its sides, not the body that praises them (``reaction_verbs``)."""
    prep = verb.head
    if not (prep.dep_ == "prep" and prep.lower_ == "for" and verb.dep_ in ("pobj", "pcomp")):
        return []
    own = verb.tag_ == "VBG" or any(c.dep_ == "poss" for c in verb.children)
    if not own:
        return []  # "lauded the Bureau for the successful signing of": who helped, not who signed
    reacting = prep.head
    if reacting.pos_ != "VERB" or reacting.lemma_.casefold() not in words("reaction_verbs"):
        return []
    praised = next((c for c in reacting.children if c.dep_ == "dobj"), None)
    if praised is None:
        return []
    return [m for m in mentions_in(praised, ctx.index) if m.label in ("ORG", "PLACE")]
