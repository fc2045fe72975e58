"""Governments named by their country, as releases write them in running text.

- In lower case, which neither the model nor the title-case rules take for a body:
  "the government of Ecuador", "the UK government", "the Chilean government"; and in
  title case after a country's adjective, which the model may leave ("the British
  Government"). The
  ORG runs from the country (or its adjective) to "government"; the country stays a
  PLACE of its own, as in an office's name.
- Glued to the name of the person who follows it: "the chairman of the Service under
  the Government of the Kyrgyz Republic Medetbek Aidaraliev". A government's name ends
  with its country; two or three names after the country are a person.
- Cut at the "and" of a country's official name: "the Government of the United Kingdom
  of Great Britain and Northern Ireland" is one body (the title-case rule stops at "and").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..nlp import places
from ..nlp.extensions import tokens
from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .countries import after_of, country_in_name
from .mentions import MentionSet
from .person_context import name_like

GOVERNMENT = "government"


def add_lower_case_governments(found: MentionSet) -> None:
    doc = found.doc
    countries = {
        m.start: m
        for m in found.mentions
        if m.label == "PLACE" and places.is_country(found.surface(m))
    }
    ends = {m.end: m for m in countries.values()}
    for token in tokens(doc):
        if token.lower_ != GOVERNMENT:
            continue
        country, start, end = None, token.idx, token.idx + len(token.text)
        after = token.i + 1
        if not token.is_lower:  # "the British Government": its adjective only
            before = doc[token.i - 1] if token.i > 0 else None
            if before is None or not before.is_title or not places.demonym_country(before.text):
                continue
            start = before.idx
        elif after < len(doc) and doc[after].lower_ == "of":
            after += 1 + (after + 1 < len(doc) and doc[after + 1].lower_ == "the")
            if after < len(doc):
                country = countries.get(doc[after].idx)
                end = country.end if country is not None else end
        elif token.i > 0:
            before = doc[token.i - 1]
            country = ends.get(before.idx + len(before.text))
            if country is not None:
                start = country.start
            elif places.demonym_country(before.text):  # "the Chilean government"
                start = before.idx
        if (start, end) == (token.idx, token.idx + len(token.text)):
            continue
        if found.taken_by(start, end, label="ORG"):
            continue
        if country is not None:
            found.mentions.remove(country)
            country.nested = True
        found.add(Mention(start, end, "ORG", "government.lower_case"))
        if country is not None:
            found.mentions.append(country)


def add_countries_of_state_bodies(found: MentionSet) -> None:
    """ "the Ministry of Labour of Kazakhstan", "the State Migration Service of the Republic
    of Azerbaijan": a state body's name runs to the country named right after it, as "the
    Government of Kenya" does; the country stays a PLACE of its own, and the body keeps
    the name without it as its canonical one, so that "the Ministry of Labour" further on,
    its parties and its id stay those of the body."""
    doc = found.doc
    countries = {
        m.start: m
        for m in found.mentions
        if m.label == "PLACE" and not m.nested and places.is_country(found.surface(m))
    }
    for m in found.mentions:
        if m.label != "ORG" or m.entity_key or m.office or m.canonical:
            continue
        name = found.surface(m)
        if not {w.casefold() for w in name.split()} & words("national_heads"):
            continue
        i = after_of(doc, found.span(m).end)
        if i is None or country_in_name(found, m):
            continue
        country = countries.get(doc[i].idx)
        if country is None or "\n" in found.text[m.end : country.start]:
            continue
        m.canonical, m.end, country.nested = name, country.end, True


MAX_AND_TOKENS = 3  # "and Northern Ireland", "and the Grenadines", "and Tobago"


def with_country_and(span: Span) -> Span:
    """The government's span run on over the "and" of its country's official name, when
    that name is a country ("... of Great Britain | and Northern Ireland")."""
    parts = list(span)
    of = next((i for i, t in enumerate(parts) if t.lower_ == "of"), None)
    doc = span.doc
    if of is None or span.end >= len(doc) or doc[span.end].lower_ != "and":
        return span
    first = span.start + of + 1 + (of + 1 < len(parts) and parts[of + 1].lower_ == "the")
    for end in range(min(len(doc), span.end + 1 + MAX_AND_TOKENS), span.end + 1, -1):
        if doc[end - 1].is_title and places.is_country(doc[first:end].text):
            return doc[span.start : end]
    return span


def countries_listed(doc: Doc, last: int, first: int = 0) -> list[Span]:
    """The countries of a list that runs back from token ``last`` to the first "of" from
    token ``first`` on ("the Governments of | China and Thailand", "the Governments of |
    the United States of America, Guatemala and Mexico"), and on after it ("of China |
    and Thailand")."""
    start = next((t.i + 1 for t in doc[first : last + 1] if t.lower_ == "of"), last)
    end = last + 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in ("and", ",", "the")):
        end += 1
    found: list[Span] = []
    i = start
    while i < end:
        for j in range(min(end, i + MAX_AND_TOKENS + 2), i, -1):
            if doc[i].is_title and places.is_country(doc[i:j].text):
                found.append(doc[i:j])
                i = j - 1
                break
        i += 1
    return found


def government_and_person(span: Span) -> tuple[Span, Span] | None:
    """ "Government of the Kyrgyz Republic Medetbek Aidaraliev" -> (the government, the
    person), cut where the country's name ends."""
    parts = list(span)
    of = next((i for i, t in enumerate(parts) if t.lower_ == "of"), None)
    if of is None:
        return None
    first = of + 1 + (of + 1 < len(parts) and parts[of + 1].lower_ == "the")
    for cut in range(len(parts) - 2, first, -1):
        rest = parts[cut:]
        if (
            2 <= len(rest) <= 3
            and all(name_like(t) for t in rest)
            and places.is_country(span.doc[span.start + first : span.start + cut].text)
        ):
            return span.doc[span.start : span.start + cut], span.doc[span.start + cut : span.end]
    return None
