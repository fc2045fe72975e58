"""What a person's role says about whom they act for, shared by the commitment and
agreement stages."""

from __future__ import annotations

from collections.abc import Iterable

from .payloads import Mention, Person


def country_of_role(
    person: Person, mention: Mention, mentions: Iterable[Mention], text: str
) -> Mention | None:
    """The country a person's role ends with ("Minister of Labour and Social Security of
    Azerbaijan", "Minister of Foreign Affairs of Oman"): the side they act for when the
    role names no body. The country's last mention before the person."""
    role = person.role or ""
    if " of " not in role:
        return None
    country = role.rsplit(" of ", 1)[1].strip()
    before = [
        m
        for m in mentions
        if m.label == "PLACE"
        and (m.entity_id or "").startswith("country:")
        and m.end <= mention.start
        and text[m.start : m.end] == country
    ]
    return before[-1] if before else None
