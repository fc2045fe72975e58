"""Place names that a kind of place introduces: sub-national places that no gazetteer
of countries and cities holds, found by how releases name them.

A lower-case kind of place (``place_list_nouns``: governorate, province, state,
district, town, island ...) makes the capitalised names it governs places:

- its plural, then "of" and a list: "the governorates of Aden, Abyan and Lahj",
  "the border towns of Idiroko and Seme";
- a list, then its plural: "in Lagos, Ogun, Oyo, and Edo states";
- "the", its singular, "of" and one name: "the province of Kandahar".

Only the capitalised words are taken ("Al Dhale’e", "Federal Capital Territory"),
so "the regions of the country" and "states of emergency" name nothing. A name
made of direction words only ("Northern") or holding an organisation's head word
("Ministry") is no place and is left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import tokens
from ..rules.lexicon import words

MAX_NAME_TOKENS = 4
NAME_MARKS = frozenset({"-", "’", "'", "of"})  # inside a name, with the name particles
LIST_GLUE = {",", "and", "or", "&"}


def listed_places(doc: Doc) -> list[tuple[Span, str]]:
    """The place names in ``doc`` that a kind of place introduces, each with its rule id."""
    found: list[tuple[Span, str]] = []
    for token in tokens(doc):
        if not is_kind_noun(token):
            continue
        plural = token.lower_ != token.lemma_.lower() or token.lower_.endswith("s")
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "of":
            names = names_after(doc, token.i + 2, many=plural)
            if names and (plural or is_the(doc, token.i - 1)):
                rule = "place_list.kind_of" if plural else "place_list.the_kind_of"
                found += [(name, rule) for name in names]
        elif plural:
            found += [(name, "place_list.names_kind") for name in names_before(doc, token.i)]
    return found


def is_kind_noun(token: Token) -> bool:
    return token.is_lower and (
        token.lemma_.lower() in words("place_list_nouns")
        or token.lower_.removesuffix("s") in words("place_list_nouns")
    )


def is_the(doc: Doc, i: int) -> bool:
    return i >= 0 and doc[i].lower_ == "the"


def names_after(doc: Doc, i: int, many: bool) -> list[Span]:
    """The names of a list that starts at token ``i``: "Aden, Abyan, Lahj and Socotra"."""
    names: list[Span] = []
    while i < len(doc):
        name = name_at(doc, i)
        if name is None:
            break
        names.append(name)
        if not many:
            break
        i = name.end
        glued = i
        while glued < len(doc) and doc[glued].lower_ in LIST_GLUE:
            glued += 1
        if glued == i:
            break
        i = glued
    return [name for name in names if is_place_name(name)]


def names_before(doc: Doc, end: int) -> list[Span]:
    """The names of a list that ends right before token ``end``: "Lagos, Ogun and Edo"."""
    names: list[Span] = []
    while end > 0:
        start = end
        while (
            start > 0
            and end - start < MAX_NAME_TOKENS
            and (capitalised(doc[start - 1]) or (start < end and is_joiner(doc[start - 1])))
        ):
            start -= 1
        while start < end and (not capitalised(doc[start]) or doc[start].lower_ == "the"):
            start += 1
        if start == end:
            break
        names.append(doc[start:end])
        glued = start
        while glued > 0 and doc[glued - 1].lower_ in LIST_GLUE:
            glued -= 1
        if glued == start:
            break
        end = glued
    kept = [name for name in reversed(names) if is_place_name(name)]
    return kept if len(kept) >= 2 else []  # "the Arab states", "the Baltic states": adjectives


def name_at(doc: Doc, i: int) -> Span | None:
    """The capitalised name that starts at token ``i``, if one does."""
    if i >= len(doc) or not capitalised(doc[i]):
        return None
    end = i + 1
    while end < len(doc) and end - i < MAX_NAME_TOKENS:
        token = doc[end]
        if (
            capitalised(token)
            or token.text in ("’", "'", "-")
            or is_joiner(token)
            and end + 1 < len(doc)
            and capitalised(doc[end + 1])
        ):
            end += 1
        else:
            break
    while doc[end - 1].text in ("’", "'", "-"):
        end -= 1
    return doc[i:end]


def is_joiner(token: Token) -> bool:
    """A word inside a place's name: "Al" in "Al Jawf", "-" in "Khyber-Pakhtunkhwa"."""
    return token.lower_ in NAME_MARKS or token.lower_ in words("name_particles")


def capitalised(token: Token) -> bool:
    """A word of a name: "Abyan", "Dhale’e", "FCT" (``is_title`` fails "Dhale’e")."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def is_place_name(name: Span) -> bool:
    lowered = [t.lower_ for t in name if t.is_alpha]
    return bool(lowered) and not (
        all(w in words("direction_words") for w in lowered)
        or any(w in words("org_heads") for w in lowered)
    )


def geographic_names(doc: Doc) -> list[Span]:
    """ "Bay of Bengal", "Gulf of Aden", "Horn of Africa": a capitalised noun of a
    geographic feature (``geo_feature_nouns``), "of" and a name are one place, which the
    model often splits into two or takes in part."""
    found = []
    for token in tokens(doc):
        if not token.is_title or token.lower_ not in words("geo_feature_nouns"):
            continue
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        name = name_at(doc, token.i + 2)
        if name is not None and is_place_name(name):
            found.append(doc[token.i : name.end])
    return found
