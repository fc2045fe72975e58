"""The places signers stand for, given in brackets after their names: "signed by the
mayors of the three cities – Galinos (Mytilene), Ada Colau (Barcelona) and Giuseppina
Nicolini (Lambedusa)", "by the ministers, A (Ghana) and B (Togo)": each place is a side
(a city for its municipality, a country for its state). After a body's name, a bracket
says where the body is, not whom it signs for (``parties.phrase_parties``)."""

from __future__ import annotations

import re

from ..nlp.payloads import Mention
from .context import DocContext

BRACKET = re.compile(r"\s*\(")
MIN_SIDES = 2  # one bracketed place may only say where a signer comes from


def bracketed_places(ctx: DocContext, people: list[Mention]) -> list[Mention]:
    """The places named alone in brackets right after two signers or more."""
    places = {m.start: m for m in ctx.mentions if m.label == "PLACE"}
    found: list[Mention] = []
    for person in people:
        opening = BRACKET.match(ctx.text, person.end)
        if opening is None:
            continue
        place = places.get(opening.end())
        if place is None or not ctx.text.startswith(")", place.end):
            continue
        if place.entity_id not in {m.entity_id for m in found}:
            found.append(place)
    return found if len(found) >= MIN_SIDES else []
