"""The country an organisation belongs to (``entities.country_code`` for ORG rows).

What the text says comes first: an office ("IOM Ukraine" is IOM's office in Ukraine),
a country in or right after the name ("Government of Kenya", "the Ministry of the
Interior of Ukraine"),
a possessive or a nationality adjective before it ("Ukraine's Ministry of ...",
"Moldovan Ministry of ..."), a state by its initials ("Government of RK" where the text
names the Republic of Kazakhstan; "B&H"). A state body that names none ("Ministry of
Labour") belongs to the release's country when that is unambiguous: its dateline's or
date line's, else the only country the release names, else the one it names most; such
a guess is marked (``country_guessed``), so that the role of the person who signs for
the body can overrule it. International bodies of the gazetteer get none.
"""

from __future__ import annotations

import re
from collections import Counter

from ..nlp import places
from ..nlp.payloads import Mention
from ..rules.constants import DATE_LINE_SOURCE
from ..rules.lexicon import words
from .mentions import MentionSet

MAX_COUNTRY_WORDS = 3


def org_country(
    found: MentionSet,
    mention: Mention,
    context: str | None,
    named_by_initials: dict[str, set[str]] | None = None,
) -> str | None:
    if mention.office:
        return places.country_code(mention.office) or office_country(mention.office)
    if mention.entity_key:
        return None  # an international body of the gazetteer
    named = (
        country_in_name(found, mention)
        or country_after(found, mention)
        or country_before(found, mention)
        or country_abbreviated(
            found,
            mention,
            countries_by_initials(found) if named_by_initials is None else named_by_initials,
        )
    )
    if named:
        return named
    name_words = {w.casefold() for w in found.surface(mention).split()}
    if context and name_words & words("national_heads"):
        mention.country_guessed = True
        return context
    return None


def office_country(office: str) -> str | None:
    for word in office.split():
        code = places.country_code(word) if places.is_country(word) else None
        if code:
            return code
    return None


def country_in_name(found: MentionSet, mention: Mention) -> str | None:
    """A country named inside the body's name: "Confederation of Trade Unions of Azerbaijan"."""
    tokens = [t for t in found.span(mention)]
    for size in range(MAX_COUNTRY_WORDS, 0, -1):
        for i in range(len(tokens) - size + 1):
            text = " ".join(t.text for t in tokens[i : i + size])
            if tokens[i].is_title and places.is_country(text):
                return places.country_code(text)
    return None


def country_after(found: MentionSet, mention: Mention) -> str | None:
    """ "the Ministry of the Interior | of Ukraine": a country right after the name."""
    doc = found.doc
    i = after_of(doc, found.span(mention).end)
    if i is None:
        return None
    for size in range(MAX_COUNTRY_WORDS, 0, -1):
        text = doc[i : i + size].text
        if i + size <= len(doc) and doc[i].is_title and places.is_country(text):
            return places.country_code(text)
    return None


def after_of(doc, end: int) -> int | None:
    """Where what follows "of [the]" at token ``end`` starts: "the Ministry of Labour |of
    the| Republic of Ghana"; None without an "of" there."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    return end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1


def country_before(found: MentionSet, mention: Mention) -> str | None:
    """ "Ukraine's Ministry ...", "the Moldovan Ministry of ...": the owner or the adjective."""
    span = found.span(mention)
    doc = found.doc
    i = span.start - 1
    if i >= 0 and doc[i].text in ("’s", "'s", "’", "'"):
        owner = next(
            (m for m in found.mentions if m.label == "PLACE" and m.end == doc[i].idx), None
        )
        if owner is not None and owner.country_code:
            return owner.country_code
    first = span[0]
    candidates = [first] + ([doc[i]] if i >= 0 else [])
    for token in candidates:
        code = places.demonym_country(token.text)
        if code:
            return code
    return None


def countries_by_initials(found: MentionSet) -> dict[str, set[str]]:
    """The countries the text names, by their initials ("RK": the Republic of Kazakhstan)."""
    named: dict[str, set[str]] = {}
    for m in found.mentions:
        if m.label == "PLACE" and m.country_code and places.is_country(found.surface(m)):
            named.setdefault(initials(found.surface(m)), set()).add(m.country_code)
    return named


def country_abbreviated(
    found: MentionSet, mention: Mention, named_by_initials: dict[str, set[str]]
) -> str | None:
    """A state named by its initials in the body's name: "Government of RK" where the
    text names the "Republic of Kazakhstan" (or the country's official name has those
    initials), "Ministry of Interior of B&H"; the country the text names comes first."""
    for token in found.span(mention):
        if not ABBREVIATION.match(token.text):
            continue
        if places.is_country(token.text):
            return places.country_code(token.text)
        named = named_by_initials.get(token.text, set())
        if len(named) == 1:
            return next(iter(named))
        official = places.countries_with_initials(token.text)
        if len(official) == 1:
            return official[0]
    return None


ABBREVIATION = re.compile(r"^[A-Z][A-Z&]{1,4}$")
INITIAL_SKIPS = frozenset({"of", "the", "and"})


def initials(name: str) -> str:
    """ "Republic of Kazakhstan" -> "RK"."""
    return "".join(w[0].upper() for w in name.split() if w.casefold() not in INITIAL_SKIPS)


def release_country(found: MentionSet) -> str | None:
    """The country of the release: its dateline's (or its date line's: "DPI, Guyana,
    Monday, May 13, 2019"), else the only country it names, else the country it names
    most often, at least twice and more often than any other."""
    dateline = [
        m
        for m in found.mentions
        if (m.source == "dateline" or m.source.endswith(DATE_LINE_SOURCE)) and m.country_code
    ]
    if dateline:
        return dateline[0].country_code
    named = Counter(
        m.country_code
        for m in found.mentions
        if m.label == "PLACE" and m.country_code and places.is_country(found.surface(m))
    )
    ranked = named.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    if ranked and ranked[0][1] >= MOST_NAMED and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


MOST_NAMED = 2
