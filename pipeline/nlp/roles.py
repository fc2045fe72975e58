"""What a person's role says about whom they act for, shared by the commitment and
agreement stages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..rules.lexicon import words
from .payloads import Mention, Person

if TYPE_CHECKING:  # a table of roles, read without parsing anything
    from spacy.tokens import Token

STAN = ("stan", "istan")  # the land of a people named by its adjective
DEMONYM_STEM = 5  # "Armenia" / "Armenian", "Kenya" / "Kenyan"; shorter names are ambiguous


ROLE_GAP = 8  # characters between a name and the role after it (", the ")


class RoleCountries:
    """The country mentions of a document, looked up by name and by stem: built once, so
    that each person's role is read without a pass over every mention (which made a long
    release quadratic)."""

    def __init__(self, mentions: Iterable[Mention], text: str):
        self.countries = [
            m for m in mentions if m.label == "PLACE" and (m.entity_id or "").startswith("country:")
        ]
        self.names = [text[m.start : m.end] for m in self.countries]
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_stem: dict[str, list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        for n, name in enumerate(self.names):
            self.by_name[name].append(n)
            if len(name) >= DEMONYM_STEM:
                self.by_stem[name[:-1]].append(n)
            elif len(name) == DEMONYM_STEM - 1:  # "Iran" / "Iranian", "Peru" / "Peruvian"
                self.by_stem[name].append(n)
            first = name.split()[0] if " " in name else ""
            if len(first) >= DEMONYM_STEM - 1 and first.casefold() not in shared_first_words():
                self.by_first[first].append(n)  # "Saudi" / "Saudi Arabia"

    def of(self, person: Person, mention: Mention) -> Mention | None:
        """The country a person's role ends with ("Minister of Labour and Social Security
        of Azerbaijan", "Minister of Foreign Affairs of Oman") or names by its adjective
        ("Armenian Minister of Labor", when the text names Armenia): the side they act
        for when the role names no body."""
        role = person.role or ""
        if " of " in role:  # "... of Azerbaijan", "... of the Republic of Ghana"
            named = [n for name in ending_names(role) for n in self.by_name.get(name, ())]
            before = [n for n in named if self.countries[n].end <= mention.start]
            if before:
                return self.countries[max(before)]
            # "X, Ambassador and Permanent Representative of Denmark": the role after the name
            after = [
                n
                for n in named
                if 0 <= self.countries[n].start - mention.end <= len(role) + ROLE_GAP
            ]
            if after:
                return self.countries[min(after)]
        # "Armenian Minister of Labor": a nationality adjective of a country the text names
        found = [m for word in role.split() if (m := self.of_adjective(word)) is not None]
        return max(found, key=lambda m: m.end - m.start) if found else None

    def of_adjective(self, word: str) -> Mention | None:
        """The country the text names whose nationality adjective ``word`` is ("Iranian":
        Iran), the longest such name ("Nigerian" is Nigeria's, not Niger's), its first
        mention."""
        named = [
            (len(self.names[n]), -n, self.countries[n])
            for n in sorted(
                n
                for size in range(DEMONYM_STEM - 1, len(word) + 1)
                for n in self.by_stem.get(word[:size], ())
            )
            if word != self.names[n] and short_name_suffix(word, self.names[n])
        ]
        named += [(len(self.names[n]), -n, self.countries[n]) for n in self.by_first.get(word, ())]
        named += [  # "Tajik" / "Tajikistan", "Kazakh" / "Kazakhstan", "Afghan" / "Afghanistan"
            (len(self.names[n]), -n, self.countries[n])
            for suffix in STAN
            for n in self.by_name.get(word + suffix, ())
        ]
        return max(named, key=lambda t: (t[0], t[1]))[2] if named else None


@cache
def shared_first_words() -> frozenset[str]:
    """First words that open the names of more than one country or of a region of another
    ("South", "United", "Saint", "Central": "Central Province", "Western": "Western Cape"),
    from every name pycountry gives: none of them alone says which country."""
    import pycountry

    seen: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None) or ""
            if " " in value:
                seen[value.split()[0].casefold()].add(country.alpha_2)
    for region in pycountry.subdivisions:
        seen[region.name.split()[0].casefold()].add(region.country_code)
    return frozenset(word for word, codes in seen.items() if len(codes) > 1)


def short_name_suffix(word: str, name: str) -> bool:
    """A four-letter name takes a nationality suffix ("Iranian", "Omani", "Togolese"),
    not any longer word ("Malik" is no Malian)."""
    if len(name) >= DEMONYM_STEM:
        return True
    return word.startswith(name) and demonym_ending(name, word[len(name) :].removesuffix("s"))


def demonym_ending(name: str, rest: str) -> bool:
    """``rest`` is a nationality ending after the country name ``name``: "-vian", "-i",
    "-lese"; a bare "-n" only after an "a" ("Cuba|n", not "Mali|n")."""
    return rest in words("nationality_suffixes") and (rest != "n" or name.endswith("a"))


def ending_names(role: str) -> set[str]:
    """What may follow a final " of " or " of the " of ``role``: every rest of it after
    one of them."""
    found = set()
    for marker in (" of ", " of the "):
        at = role.find(marker)
        while at >= 0:
            found.add(role[at + len(marker) :])
            at = role.find(marker, at + 1)
    return found


def country_of_role(person: Person, mention: Mention, countries: RoleCountries) -> Mention | None:
    """``RoleCountries.of``: the country ``person``'s role names, if any."""
    return countries.of(person, mention)


def accredited_to(units: Sequence[Token | Mention], n: int) -> bool:
    """ "Moroccan ambassador to the UN", "Permanent Representative of Kenya to the AU": the
    body after an envoy's "to" is where the envoy serves, not whom the envoy stands for."""
    before = [u for u in units[:n] if (isinstance(u, Mention) or u.lower_ != "the")]
    if not before or isinstance(before[-1], Mention) or before[-1].lower_ != "to":
        return False
    return any(not isinstance(u, Mention) and u.lower_ in words("envoy_roles") for u in before)
