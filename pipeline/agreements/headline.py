"""The sides a headline names as signing: "Uganda, Saudi Arabia sign domestic worker
agreement", "RP, Manitoba sign MOU", "Vietnam – Cambodia sign MOU on labour
cooperation", "Indonesia, Korea to sign MoU". A report whose body names the act's sides
only through the people who signed (their ministries) or not at all takes them from its
headline; a body that names its parties keeps them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext, unique
from .signers import people_sign

LEAD_SENTENCES = 3  # the report of the act a headline names comes first

CONNECTORS = frozenset([",", "and", "&", "–", "-", "—", "/", "the", "to", "will"])
SIDE_LABELS = ("ORG", "PLACE")


def headline_sides(ctx: DocContext) -> list[Mention]:
    """The two or more bodies or places the headline's words before its signing verb
    consist of (after a credit such as "ArmInfo:"), else none."""
    for index, kind in enumerate(ctx.kinds):
        if kind == "title":
            return signing_sides(ctx, ctx.sentences[index])
    return []


def signing_sides(ctx: DocContext, title: Span) -> list[Mention]:
    verb = next((t for t in title if is_signing(t)), None)
    if verb is None:
        return []
    start = title.start_char
    colon = next((t for t in title if t.i < verb.i and t.text == ":"), None)
    if colon is not None:
        start = colon.idx + 1  # "ArmInfo: Armenia and EU sign ..."
    sides = [
        m
        for label in SIDE_LABELS
        for m in ctx.in_sentence(title, label)
        if not m.nested and start <= m.start and m.end <= verb.idx
    ]
    sides.sort(key=lambda m: m.start)
    covered = [(m.start, m.end) for m in sides]
    for token in title:
        if token.idx < start or token.i >= verb.i:
            continue
        inside = any(s <= token.idx < e for s, e in covered)
        if not inside and token.lower_ not in CONNECTORS:
            return []  # "Minister of Labour signs ...": not a list of sides
    found = unique(sides)
    return found if len(found) >= 2 else []


def is_signing(token: Token) -> bool:
    return token.lemma_.lower() in words("signing_verbs") or token.lower_ in ("seal", "seals")


def headline_applies(
    ctx: DocContext, verb: Token, sentence: Span, parties: list[Mention], partners: list[Mention]
) -> bool:
    """The headline's sides are the parties of an act whose report names none (and no
    partner: "signed ... with the ILO"), and of the act reported first when only the
    people who signed name its sides ("The Minister of Gender, Labour and Social
    Development X and ... signed": the bodies in their titles, or their countries), not
    when the body names a known body ("IOM Director General X and ... signed")."""
    if partners:
        return False
    sides = headline_sides(ctx)
    if not sides:
        return False
    if not parties:
        return True
    if ctx.sentences.index(sentence) > LEAD_SENTENCES or not people_sign(ctx, verb):
        return False
    codes = {m.country_code for m in sides}
    return all(
        (m.label == "ORG" and not m.entity_key and m.country_code in (None, *codes))
        or (m.label == "PLACE" and m.country_code in codes)
        for m in parties
    )
