"""The release's own state as the other side of a bilateral act whose report names one
state only: "An agreement on labour migration has been reached with Russia" in an Uzbek
release, "the extension of an agreement on immigration" with Libya in a Maltese one. A
state's release names its own state more often than any other state but the partner.
Only for acts two sides sign (agreements, memoranda): a plan or a text one state adopts
has one side."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..nlp.extensions import doc_text, tokens
from ..nlp.payloads import Agreement, Mention
from ..nlp.places import demonym_country, is_demonym
from ..nlp.syntax import is_country
from .context import DocContext

BILATERAL_TYPES = ("agreement", "memorandum")  # signed by two sides, unlike a plan or a text
OWN_MENTIONS = 2  # a state named once is a passing mention, not the release's own
DEMONYM_MIN = 4  # "Thai" at least


def with_own_state(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """Bilateral acts whose one side is a state take the release's own state as their
    other side (``most_named_state``)."""
    lone = [
        a
        for a in acts
        if a.type in BILATERAL_TYPES
        and len(a.parties) == 1
        and not a.parties_guessed
        and is_country(a.parties[0])
    ]
    if not lone:
        return acts  # most releases: no text read for peoples
    countries = [m for m in ctx.mentions if is_country(m)]
    text = doc_text(ctx.doc)
    peoples = demonym_counts(ctx, [text[m.start : m.end] for m in countries])
    for act in lone:
        other = most_named_state(ctx, act.parties[0].entity_id or "", peoples)
        if other is not None:
            act.parties = [act.parties[0], other]
    return acts


def most_named_state(ctx: DocContext, besides: str, peoples: Counter[str]) -> Mention | None:
    """The state the release names most often but ``besides``, twice at least and
    strictly more often than any other; its first mention. None when the release speaks
    as often of another state's people ("Indians" in an Indian release that never names
    India): its own state is that one, not named."""
    states = [m for m in ctx.mentions if is_country(m) and m.entity_id != besides]
    ranked = Counter(m.entity_id for m in states).most_common(2)
    if not ranked or ranked[0][1] < OWN_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    first = next(m for m in states if m.entity_id == ranked[0][0])
    named = {m.country_code for m in ctx.mentions if is_country(m)}
    unnamed = [n for code, n in peoples.items() if code not in named]
    if unnamed and max(unnamed) >= ranked[0][1] + peoples.get(first.country_code or "", 0):
        return None
    return first


def demonym_counts(ctx: DocContext, named: list[str]) -> Counter[str]:
    """How often the text names each state's people or nationality ("Indians", "Indian
    workers"), by country code; not a word of a name ("the Indian Ocean Commission",
    "Dominican Republic") nor the people of a state it names ("Nigerien" beside Niger)."""
    doc = ctx.doc
    codes: dict[str, str | None] = {}
    found: list[tuple[Token, str]] = []
    for token in tokens(doc):
        text = token.text
        if text not in codes:  # each word read once, however often it stands
            people = len(text) >= DEMONYM_MIN and text.istitle() and text.isalpha()
            people = people and not any(text.startswith(name) for name in named)
            codes[text] = demonym_country(text) if people and is_demonym(text) else None
        code = codes[text]
        if code is not None:
            found.append((token, code))
    if not found:
        return Counter()
    counts: Counter[str] = Counter()
    for token, code in found:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.i not in ctx.index and not (following is not None and following.is_title):
            counts[code] += 1
    return counts
