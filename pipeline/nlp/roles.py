"""What a person's role says about whom they act for, shared by the commitment and
agreement stages."""

from __future__ import annotations

from collections.abc import Iterable

from .payloads import Mention, Person

DEMONYM_STEM = 5  # "Armenia" / "Armenian", "Kenya" / "Kenyan"; shorter names are ambiguous


def country_of_role(
    person: Person, mention: Mention, mentions: Iterable[Mention], text: str
) -> Mention | None:
    """The country a person's role ends with ("Minister of Labour and Social Security of
    Azerbaijan", "Minister of Foreign Affairs of Oman") or names by its adjective
    ("Armenian Minister of Labor", when the text names Armenia): the side they act for
    when the role names no body."""
    role = person.role or ""
    countries = [
        m for m in mentions if m.label == "PLACE" and (m.entity_id or "").startswith("country:")
    ]
    if " of " in role:  # "... of Azerbaijan", "... of the Republic of Ghana"
        before = [
            m
            for m in countries
            if m.end <= mention.start
            and role.endswith(" of " + text[m.start : m.end])
            or m.end <= mention.start
            and role.endswith(" of the " + text[m.start : m.end])
        ]
        if before:
            return before[-1]
    # "Armenian Minister of Labor": a nationality adjective of a country the text names
    # (the longest such name: "Nigerian" is Nigeria's, not Niger's)
    adjectives = [
        (len(name), m)
        for word in role.split()
        for m in countries
        if len(name := text[m.start : m.end]) >= DEMONYM_STEM
        and word != name
        and word.startswith(name[:-1])
    ]
    return max(adjectives, key=lambda pair: pair[0])[1] if adjectives else None
