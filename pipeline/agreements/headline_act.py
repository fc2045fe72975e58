"""The act a report tells only in its headline: "Four Caribbean Countries Sign Agreement
To Implement Free Movement Pact", "Mastercard Foundation And UNHCR Launch Historic
Partnership", "Migrants, Italy and Libya sign agreement". Headlinese (no article,
title case) parses badly ("Sign" a name, "sign agreement" a compound), so the act is
read from the words: a verb of signing, adopting or launching, an agreement noun a few
words after it, the sides named before the verb and after "with". Read only when the
body reports no act the rules find."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.headline import reaction_end
from ..nlp.payloads import Agreement, Mention
from ..rules.lexicon import words
from .context import DocContext, unique
from .detect import noun_token, rules
from .headline import (
    bare_forms,
    headline_parts,
    headline_verb,
    is_headline_signing,
    listed_after,
    title_sides,
)
from .names import name_of
from .when_where import date_and_place

NOUN_REACH = 6  # words from the verb to the act's noun: "Sign Historic Bilateral Labour Agreement"
FUTURE_MARKERS = ("to", "will")  # "Indonesia, Korea to sign MoU"
STATUS_BY_RULE = {"verb.sign": "signed", "verb.adopt": "adopted", "verb.launch": "launched"}


def headline_act(
    ctx: DocContext, index: int, matches: list[tuple[str, int, int]]
) -> Agreement | None:
    """The act the headline ``ctx.sentences[index]`` reports, by its words (see the module),
    with the sides it names; none when it names no side."""
    title = ctx.sentences[index]
    verb = headline_verb(title)
    if verb is None or asks_or_denies(title, verb):
        return None
    nouns = [(rule_id, noun_token(title, rule_id, s, e)) for rule_id, s, e in matches]
    ahead = sorted(
        ((r, n) for r, n in nouns if verb.i < n.i <= verb.i + NOUN_REACH), key=lambda p: p[1].i
    )
    if not ahead:
        return None
    rule_id, noun = ahead[0]
    parties = headline_act_sides(ctx, title, verb)
    if not parties:
        return None
    status = verb_status(verb)
    if status == "signed" and verb.i > title.start and ctx.doc[verb.i - 1].lower_ in FUTURE_MARKERS:
        status = "to_be_signed"
    # named by the words after the verb ("Historic Partnership"), not by the sides before it
    after = ctx.doc[verb.i + 1 : title.end]
    name = (name_of(ctx, noun, after) or "").strip() or None
    agreement = Agreement(
        title, index, noun, rules()[0][rule_id]["type"], status, f"{rule_id}+headline", name
    )
    agreement.parties = parties
    date_and_place(ctx, agreement, verb, index)
    return agreement


def verb_status(verb: Token) -> str:
    """The status the verb's rule gives ("Launch" read as a name: launched)."""
    if is_headline_signing(verb):
        return "signed"
    verbs = rules()[1]
    forms = (verb.lemma_, verb.lower_, *bare_forms(verb))
    row = next((verbs[f] for f in forms if f in verbs), None)
    return STATUS_BY_RULE.get(row["id"], "signed") if row else "signed"


def asks_or_denies(title: Span, verb: Token | None) -> bool:
    """The headline asks, urges or denies before its verb ``verb`` (``headline_verb``; or
    anywhere, when it has none)."""
    before = [t for t in title if verb is None or t.i < verb.i]
    return title.text.rstrip().endswith("?") or any(
        t.lower_ in words("no_act_headline_words") for t in before
    )


def headline_act_sides(ctx: DocContext, title: Span, verb: Token) -> list[Mention]:
    """The sides of the headline's list ("A and B sign ...", "A signs ... with B"), else the
    bodies and countries it names before its verb, after any reacting subject ("IOM
    welcomes ..."), and after "with"."""
    before, after, _ = headline_parts(ctx)
    if before or after:
        return unique(before + after)
    start = max(title.start_char, reaction_end(ctx.doc))
    sides = [m for m in title_sides(ctx, title) if start <= m.start and m.end <= verb.idx]
    partner = next((t for t in title if t.i > verb.i and t.lower_ == "with"), None)
    if partner is not None:
        sides += listed_after(ctx, title, partner)
    return unique(sides)
