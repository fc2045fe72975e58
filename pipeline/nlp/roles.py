"""What a person's role says about whom they act for, shared by the commitment and
agreement stages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .payloads import Mention, Person

DEMONYM_STEM = 5  # "Armenia" / "Armenian", "Kenya" / "Kenyan"; shorter names are ambiguous


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
        for n, name in enumerate(self.names):
            self.by_name[name].append(n)
            if len(name) >= DEMONYM_STEM:
                self.by_stem[name[:-1]].append(n)
            elif len(name) == DEMONYM_STEM - 1:  # "Iran" / "Iranian", "Peru" / "Peruvian"
                self.by_stem[name].append(n)

    def of(self, person: Person, mention: Mention) -> Mention | None:
        """The country a person's role ends with ("Minister of Labour and Social Security
        of Azerbaijan", "Minister of Foreign Affairs of Oman") or names by its adjective
        ("Armenian Minister of Labor", when the text names Armenia): the side they act
        for when the role names no body."""
        role = person.role or ""
        if " of " in role:  # "... of Azerbaijan", "... of the Republic of Ghana"
            before = [
                n
                for name in ending_names(role)
                for n in self.by_name.get(name, ())
                if self.countries[n].end <= mention.start
            ]
            if before:
                return self.countries[max(before)]
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
        return max(named, key=lambda t: (t[0], t[1]))[2] if named else None


SHORT_NAME_SUFFIXES = ("ian", "an", "n", "i", "ese", "lese", "vian")


def short_name_suffix(word: str, name: str) -> bool:
    """A four-letter name takes a nationality suffix ("Iranian", "Omani", "Togolese"),
    not any longer word ("Malik" is no Malian)."""
    if len(name) >= DEMONYM_STEM:
        return True
    rest = word[len(name) :].removesuffix("s")
    return word.startswith(name) and rest in SHORT_NAME_SUFFIXES


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
