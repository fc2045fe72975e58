"""Ids, countries and date spans of the values a correction gives, as the pipeline would
have written them: a party named by the analyst gets the id its entity has in the
document, else the gazetteer's, else a country's, else one made from its name."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..entities.dates import to_date
from ..entities.ids import slug
from ..nlp import places
from ..rules.lexicon import gazetteer, gazetteer_acronyms
from .targets import Row, fold

ISO_PART = re.compile(r"(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?")


@cache
def gazetteer_keys() -> dict[str, str]:
    """The gazetteer's bodies: folded canonical name -> entity key (``iom``)."""
    return {fold(row["canonical"]): row["entity"] for row in gazetteer().values()}


Known = tuple[str, str | None, str | None]  # canonical name, entity id, country code


class Names:
    """What the entities of the corrected documents call each name."""

    def __init__(self, entities: list[Row]):
        self.known: dict[tuple[str, str], Known] = {}
        for r in entities:
            for name in (r["norm"], r["text"]):
                if name and r["norm"] and r["label"] in ("ORG", "PLACE"):
                    known = (r["norm"], r["entity_id"], r["country_code"])
                    self.known.setdefault((r["doc_id"], fold(name)), known)

    def of(self, doc_id: str, name: str) -> Known:
        """(canonical name, entity id, country code) of a party or actor the analyst names
        ``name`` in ``doc_id``: the document's entity of that name or text ("IOM"), else a
        gazetteer acronym's body, else the name as given."""
        known = self.known.get((doc_id, fold(name)))
        if known and known[1]:
            return known
        body = gazetteer_acronyms().get(name.strip())
        if body:
            return body["canonical"], f"org:{body['entity']}", None
        return name, entity_id("ORG", name), country_of("ORG", name)

    def org_id(self, doc_id: str, name: str | None) -> str | None:
        """The id of an organisation the document names, or None."""
        if not name:
            return None
        known = self.known.get((doc_id, fold(name)))
        return known[1] if known else None


def entity_id(label: str, name: str, country: str | None = None) -> str:
    """The id the pipeline gives an entity of ``label`` named ``name``."""
    if label == "PERSON":
        return f"person:{slug(name)}"
    if label == "DATE":
        return f"date:{name}"
    code = places.country_code(name) if places.is_country(name) else None
    if label == "PLACE":
        return f"country:{code}" if code else f"place:{slug(name)}"
    key = gazetteer_keys().get(fold(name))
    if key:
        return f"org:{key}"
    if code:
        return f"country:{code}"
    return f"org:{country.lower()}:{slug(name)}" if country else f"org:{slug(name)}"


def country_of(label: str, name: str) -> str | None:
    if label in ("PLACE", "ORG") and places.is_country(name):
        return places.country_code(name)
    return places.country_code(name) if label == "PLACE" else None


def place_country(place: str | None) -> str | None:
    return places.country_code(place) if place else None


def span(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of an ISO value ("2014-06-02/2014-06-03", "2021-11", "XXXX-12-18")."""
    if not value:
        return None, None
    first, _, second = value.partition("/")
    start = part_date(first, end=False)
    end = part_date(second or first, end=True)
    if start is None or end is None or end < start:
        return None, None
    return start, end


def part_date(text: str, end: bool) -> dt.date | None:
    match = ISO_PART.fullmatch(text)
    if match is None or match.group(1) == "XXXX":
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        return to_date((year, month, day), end)
    except ValueError:  # a month 13
        return None
