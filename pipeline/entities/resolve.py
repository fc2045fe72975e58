"""Canonical names and entity ids shared by every mention of one entity.

Gazetteer bodies keep their global key (``org:iom``); an acronym takes its
definition's identity; a shorter generic name contained in a longer one is the
same body; a surname alone is the person named in full elsewhere; places get
ISO country codes (``country:UA`` for countries).
"""

from __future__ import annotations

import re

from ..nlp import places
from ..rules.lexicon import words
from .countries import countries_by_initials, org_country, release_country
from .ids import slug
from .mentions import MentionSet


def resolve(found: MentionSet) -> None:
    """Canonical names and entity ids shared by every mention of one entity."""
    resolve_places_and_dates(found)
    resolve_orgs(found)
    resolve_people(found)


def resolve_orgs(found: MentionSet) -> None:
    orgs = [m for m in found.mentions if m.label == "ORG"]
    # acronym aliases take their definition's identity
    for m in orgs:
        definition = m.alias_of
        if definition is not None:
            m.entity_key = m.entity_key or definition.entity_key
            m.canonical = definition.canonical or found.surface(definition)
    # generic names: a shorter name contained in a longer one is the same body
    # longest first; of names as long, the one written as a name first, so the choice
    # never depends on the order of a set
    # (a state body's name without its country counts: "Ministry of Labour" is the
    # "Ministry of Labour and Social Security of Zambia" named further on)
    surfaces = sorted(
        {found.surface(m) for m in orgs if not m.canonical}
        | {m.canonical for m in orgs if m.canonical and not m.entity_key},
        key=lambda s: (-len(s), not s[:1].isupper(), s),
    )
    longer_names = containing_names(surfaces)
    for m in orgs:
        if not m.canonical:
            m.canonical = longer_names[found.surface(m)]
    by_alias = {m.alias: m.canonical for m in orgs if m.alias is not None}
    context = release_country(found)
    by_initials = countries_by_initials(found)
    for m in orgs:
        if found.surface(m) in by_alias:
            m.canonical = by_alias[found.surface(m)]
        m.norm = m.canonical
        m.country_code = org_country(found, m, context, by_initials)
    share_countries(orgs)
    share_government_names(found, orgs)
    for m in orgs:
        m.entity_id = org_id(m)


GOVERNMENT_OF = re.compile(
    r"^(?:the\s+)?(?:(?:federal|national|royal|central)\s+)?government\s+of\s+", re.I
)
ADJECTIVE_GOVERNMENT = re.compile(r"^(?:the\s+)?[A-Z][\w’'-]+\s+government$", re.I)


def share_government_names(found: MentionSet, orgs: list) -> None:
    """ "the Government of Kenya", "the Kenyan Government" and "the Federal Government of
    Kenya" are one body: its name with "of" and the country, where the text gives one."""
    by_country: dict[str, list] = {}
    for m in orgs:
        surface = found.surface(m)
        if m.entity_key or not m.country_code:
            continue
        if GOVERNMENT_OF.match(surface) or ADJECTIVE_GOVERNMENT.match(surface):
            by_country.setdefault(m.country_code, []).append(m)
    for group in by_country.values():
        names = [m.norm for m in group if m.norm and GOVERNMENT_OF.match(m.norm)]
        if not names or len({m.norm for m in group}) < 2:
            continue
        plain = [n for n in names if n.casefold().startswith("government")]
        titled = [n for n in plain if n[0].isupper()]  # the name as a name: "Government of"
        canonical = (titled or plain or names)[0]
        for m in group:
            m.canonical = m.norm = canonical


def share_countries(orgs: list) -> None:
    """Mentions of one body share the country one of them states ("the Ministry of Labour
    of Moldova ... the Ministry of Labour")."""
    by_name: dict = {}
    for m in orgs:
        if m.country_code and not m.entity_key:
            by_name.setdefault(m.norm, m.country_code)
    for m in orgs:
        if not m.entity_key and m.norm in by_name:
            m.country_guessed = m.country_guessed and m.country_code == by_name[m.norm]
            m.country_code = by_name[m.norm]


def org_id(m) -> str:
    """``org:iom`` for gazetteer bodies (offices included), ``org:ua:ministry-of-...`` for
    national bodies, ``org:<name>`` otherwise."""
    if m.entity_key:
        return f"org:{m.entity_key}"
    if m.country_code:
        return f"org:{m.country_code.lower()}:{slug(m.norm or '')}"
    return f"org:{slug(m.norm or '')}"


EDITORIAL_BRACKETS = re.compile(r"[\[\]]")
NAME_WORDS = re.compile(r"[\s\-‐‑]+")  # "Baldoz" is the last name of "R. Dimapilis-Baldoz"


def resolve_people(found: MentionSet) -> None:
    """A surname alone is the person named in full elsewhere, and so are the last names
    of a full name ("Lacy Swing" of "William Lacy Swing", "Baldoz" of "Rosalinda
    Dimapilis-Baldoz"); two given names with one
    surname ("David Kabua", "Kino Kabua") are two people."""
    persons = [m for m in found.mentions if m.label == "PERSON"]
    full = sorted({found.surface(m) for m in persons}, key=lambda s: (-len(s), s))
    spaced = [(name, name.split(), NAME_WORDS.split(name)) for name in full]
    for m in persons:
        own = found.surface(m)
        words_ = own.split()
        longer = [(n, s, h) for n, s, h in spaced if n != own and len(n) > len(own)]
        # a whole surname first ("Smith": John Smith), a double surname's part after
        # ("Baldoz": Rosalinda Dimapilis-Baldoz)
        match = next((n for n, s, _ in longer if s[-len(words_) :] == words_), None)
        if match is None:
            parts = NAME_WORDS.split(own)
            match = next((n for n, _, h in longer if h[-len(parts) :] == parts), None)
        own = match or own
        own = EDITORIAL_BRACKETS.sub("", own)  # "President [Rodrigo] Duterte"
        m.norm = own
        m.entity_id = f"person:{slug(own)}"


def resolve_places_and_dates(found: MentionSet) -> None:
    for m in found.mentions:
        if m.label == "PLACE":
            surface = found.surface(m)
            if surface.isupper() and len(surface) > 3 and places.is_known_place(surface):
                surface = surface.title()  # a dateline's "KAMPALA"
            m.country_code = places.country_code(surface)
            m.norm = surface
            if m.country_code and places.is_country(surface):
                m.entity_id = f"country:{m.country_code}"
            else:
                m.entity_id = f"place:{slug(surface)}"
                m.capital = places.is_capital(surface)
        elif m.label == "DATE":
            m.norm = m.value
            m.entity_id = f"date:{m.value}" if m.value else None


def containing_names(surfaces: list[str]) -> dict[str, str]:
    """Each name to the first name before it in ``surfaces`` (longest first) that holds
    its words in a row, or to itself. Names are looked up by their words, so a long
    release with many bodies costs in proportion to its names, not their square."""
    keys = [words_key(s) for s in surfaces]
    by_word: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        for w in dict.fromkeys(key):
            by_word.setdefault(w, []).append(i)
    heads = words("org_heads")
    found: dict[str, str] = {}
    for i, (own, own_words) in enumerate(zip(surfaces, keys, strict=True)):
        found[own] = own
        if not own_words or len(own_words) < 2 and own_words[0] not in heads:
            continue
        rarest = min(own_words, key=lambda w: len(by_word[w]))
        for j in by_word[rarest]:
            if j >= i:
                break
            if contains_words(keys[j], own_words):
                found[own] = surfaces[j]
                break
    return found


def words_key(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]+", name.casefold()) if w not in ("the", "of")]


def contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
