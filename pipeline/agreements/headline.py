"""The sides a headline names as signing: "Uganda, Saudi Arabia sign domestic worker
agreement", "RP, Manitoba sign MOU", "Vietnam – Cambodia sign MOU on labour
cooperation", "Indonesia, Korea to sign MoU". A report whose body names the act's sides
only through the people who signed (their ministries) or not at all takes them from its
headline; a body that names its parties keeps them."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext, unique
from .detect import rules, single_noun_types
from .signers import people_sign

LEAD_SENTENCES = 3  # the report of the act a headline names comes first

CONNECTORS = frozenset([",", "and", "&", "–", "-", "—", "/", "the", "to", "will"])
SIDE_LABELS = ("ORG", "PLACE")


def headline_sides(ctx: DocContext) -> list[Mention]:
    """The two or more bodies or places the headline names as signing (after a credit such
    as "ArmInfo:"), else none."""
    before, after, _ = headline_parts(ctx)
    found = unique(before + after)
    return found if len(found) >= 2 else []


def headline_partners(ctx: DocContext) -> list[Mention]:
    """The sides after "with" in a headline "EU signs readmission agreements with Cape Verde
    and Armenia" (the partners of each act of a plural), else none."""
    before, after, how = headline_parts(ctx)
    return unique(after) if before and how == "with" else []


def headline_between(ctx: DocContext) -> bool:
    """The headline names its sides after "between" with no verb: "Host state agreement
    between A and B" (not "Agreement between A and B signed", which reads as "A and B
    sign")."""
    return headline_parts(ctx)[2] == "between"


def headline_parts(ctx: DocContext) -> tuple[list[Mention], list[Mention], str]:
    """``headline_split`` of the release's headline, read once per document: (before,
    after, how the sides after are named: "with", "between", "signed between" or "")."""
    if "headline" not in ctx.memo:
        title = next(
            (s for s, kind in zip(ctx.sentences, ctx.kinds, strict=True) if kind == "title"), None
        )
        ctx.memo["headline"] = headline_split(ctx, title) if title is not None else ([], [], "")
    return cast(tuple[list[Mention], list[Mention], str], ctx.memo["headline"])


def headline_split(ctx: DocContext, title: Span) -> tuple[list[Mention], list[Mention], str]:
    """The sides a headline names before its signing verb and after its "with" ("A and B
    sign ...", "A signs ... with B and C"), or after "between" following an act's noun
    ("Host state agreement between Morocco and IOM", "MoU signed between A and B"):
    (before, after, how: see ``headline_parts``)."""
    act = next((t for t in title if is_act_noun(t)), None)
    between = next((t for t in title[1:] if act and t.i > act.i and t.lower_ == "between"), None)
    if between is not None:  # "MoU signed between Ghana and Togo"
        how = "between" if headline_verb(title) is None else "signed between"
        return [], listed_after(ctx, title, between), how
    verb = headline_verb(title)
    if verb is None:
        return [], [], ""
    start = title.start_char
    colon = next((t for t in title if t.i < verb.i and t.text == ":"), None)
    if colon is not None:
        start = colon.idx + 1  # "ArmInfo: Armenia and EU sign ..."
    before = [m for m in title_sides(ctx, title) if start <= m.start and m.end <= verb.idx]
    covered = [(m.start, m.end) for m in before]
    for token in title:
        if token.idx < start or token.i >= verb.i:
            continue
        inside = any(s <= token.idx < e for s, e in covered)
        if not inside and token.lower_ not in CONNECTORS:
            return [], [], ""  # "Minister of Labour signs ...": not a list of sides
    partner = next((t for t in title if t.i > verb.i and t.lower_ == "with"), None)
    if partner is None:
        return before, [], ""
    return before, listed_after(ctx, title, partner), "with"


def title_sides(ctx: DocContext, title: Span) -> list[Mention]:
    sides = [m for label in SIDE_LABELS for m in ctx.in_sentence(title, label) if not m.nested]
    return sorted(sides, key=lambda m: m.start)


def listed_after(ctx: DocContext, title: Span, word: Token) -> list[Mention]:
    """The sides listed right after ``word`` ("with Cape Verde and Armenia"), up to the
    first word that is neither a side nor a connector ("on", "to boost")."""
    sides = [m for m in title_sides(ctx, title) if m.start > word.idx]
    found: list[Mention] = []
    for token in title[word.i - title.start + 1 :]:
        side = next((m for m in sides if m.start <= token.idx < m.end), None)
        if side is not None:
            found += [side] if side not in found else []
        elif token.lower_ not in CONNECTORS or token.lower_ in ("to", "will"):
            before = token.doc[token.i - 1]
            modified = token.pos_ in ("NOUN", "PROPN") or token.lower_ in ("'s", "’s")
            if found and modified and found[-1].start <= before.idx < found[-1].end:
                found.pop()  # "with IOM support", "with Qatar's backing": no side
            break
    return found


def headline_verb(title: Span) -> Token | None:
    """The headline's verb of signing, else of adopting or launching an act it names after
    the verb ("Jordan, EU establish framework for future Mobility Partnership"; not
    "Ghana and Togo agree to boost trade")."""
    signing = next((t for t in title if is_headline_signing(t)), None)
    if signing is not None:
        return signing
    verbs = rules()[1]
    for token in title:
        forms = (token.lemma_, token.lower_, *bare_forms(token))  # "Launch" read as a name
        verb = any(form in verbs for form in forms)
        after = title[token.i - title.start + 1 :][:OBJECT_REACH]  # "establish new framework"
        if (
            verb
            and token.pos_ in ("VERB", "PROPN", "NOUN")
            and any(t.lower_ in agreement_nouns() for t in after)
        ):
            return token
    return None


OBJECT_REACH = 3  # words from a headline's verb to the act it launches ("release report on
# labour agreement" launches none)


def is_headline_signing(token: Token) -> bool:
    """A signing verb, also in a title-case headline the tagger reads as a name ("EU Signs
    ...": lemma "Signs")."""
    verbs = words("signing_verbs")
    return any(
        form in verbs or form == "seal" for form in (token.lemma_.lower(), *bare_forms(token))
    )


def bare_forms(token: Token) -> tuple[str, ...]:
    """A title-case verb's base forms the tagger missed: "Signs", "Launches"."""
    lower = token.lower_
    return (lower.removesuffix("s"), lower.removesuffix("es")) if lower.endswith("s") else ()


def headline_applies(
    ctx: DocContext,
    act: tuple[Token, Token],
    sentence: Span,
    parties: list[Mention],
    partners: list[Mention],
) -> bool:
    """The headline's sides are the parties of an act whose report names none (or only
    partners the headline names too, not "signed ... with the ILO" alone), and of the act
    reported first when only the people who signed name its sides ("The Minister of
    Gender, Labour and Social Development X and ... signed": the bodies in their titles,
    or their countries), not when the body names a known body ("IOM Director General X
    and ... signed"). Sides
    the headline names after "with" or "between" ("EU signs agreements with A and B"),
    and sides the report names only some of ("The EU signed two agreements"), are only
    the first reported act's."""
    verb, noun = act
    sides = headline_sides(ctx)
    if not sides:
        return False
    first = first_act(ctx, noun)
    if partners:  # "Kuwait signs MoU with Sudan" over "The minister announced the signing
        # of an MoU with Sudan": the headline names the side the report leaves to a person
        named = {m.entity_id for m in parties}
        return first and named == {m.entity_id for m in partners} < {m.entity_id for m in sides}
    if not parties:
        return first or not headline_partners(ctx) and not headline_between(ctx)
    if ctx.sentences.index(sentence) > LEAD_SENTENCES:
        return False
    if first and {m.entity_id for m in parties} < {m.entity_id for m in sides}:
        return True  # "EU signs ... with Cape Verde" over "The EU signed two agreements"
    if not people_sign(ctx, verb):
        return False
    codes = {m.country_code for m in sides}
    return all(
        (m.label == "ORG" and not m.entity_key and m.country_code in (None, *codes))
        or (m.label == "PLACE" and m.country_code in codes)
        for m in parties
    )


def first_act(ctx: DocContext, noun: Token) -> bool:
    """``noun`` is the first act the body names (no agreement noun before it below the
    headline, or in the headline printed again above the body)."""
    if "first_act" not in ctx.memo:
        ctx.memo["first_act"] = body_acts(ctx)
    first, skipped = cast(tuple[int | None, list[tuple[int, int]]], ctx.memo["first_act"])
    if any(start <= noun.i < end for start, end in skipped):
        return False
    return first is None or noun.i <= first


def body_acts(ctx: DocContext) -> tuple[int | None, list[tuple[int, int]]]:
    """The token of the body's first agreement, memorandum or declaration, and the
    sentences that are no body (the headline, and its copies above the body)."""
    titles = {
        s.text.strip() for s, kind in zip(ctx.sentences, ctx.kinds, strict=True) if kind == "title"
    }
    skipped: list[tuple[int, int]] = []
    first: int | None = None
    for sentence, kind in zip(ctx.sentences, ctx.kinds, strict=True):
        if kind == "title" or sentence.text.strip() in titles:
            skipped.append((sentence.start, sentence.end))
        elif first is None:
            first = next((t.i for t in sentence if is_act_noun(t)), None)
    return first, skipped


CORE_TYPES = ("agreement", "memorandum", "declaration")


def is_act_noun(token: Token) -> bool:
    """An agreement, memorandum or declaration ("In a statement", "A group of nurses"
    name none)."""
    lower = token.lower_
    types = single_noun_types()
    return token.pos_ in ("NOUN", "PROPN") and any(
        types.get(form) in CORE_TYPES for form in (lower, lower.removesuffix("s"))
    )
