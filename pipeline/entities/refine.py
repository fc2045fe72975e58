"""Cleaning one raw entity span (from the EntityRuler or the statistical NER) into
zero or more mentions: titles, articles, possessives and neighbouring words removed,
people split from their roles, roles, texts and adjectives dropped.

Each returned mention carries its source: the raw source plus what the rule did
(``.possessive``, ``.honorific``, ``.role_split``, ``.person_context``, ``.known_place``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..nlp import places
from ..rules.constants import CALENDAR_WORDS, POSSESSIVE, QUOTES_OPEN
from ..rules.lexicon import agreement_nouns, words
from .brands import brand_name
from .coordinated import coordinated_bodies
from .name_context import (
    heads_its_phrase,
    in_quoted_title,
    inside_a_title,
    is_capitalised_word,
    is_edition_number,
    is_group,
    names_an_act,
)
from .person_context import (
    apposition_to_role,
    country_then_name,
    followed_by_role,
    forms_of_address,
    is_particle,
    looks_like_person,
    person_tail,
    photo_credit,
    preceded_by_role,
    spaced_excellency,
    speech_subject,
    written_in_lower_case,
)
from .portfolios import (
    is_portfolio,
    leading_country,
    opens_a_role,
    portfolio_of_role,
    with_portfolio_list,
)
from .spans import crosses_line, is_acronym, spelled_by_bracketed_acronym, trim_tokens

LABEL_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


Refined = list[tuple[Span, str, str]]

MAX_OF_TOKENS = 4  # "of the Union of Myanmar"


def whole_country_name(span: Span) -> Span | None:
    """A state's official name the model cut before its "of": "Hashemite Kingdom | of
    Jordan", "Federal Republic | of Germany"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for end in range(min(len(doc), span.end + 1 + MAX_OF_TOKENS), span.end + 1, -1):
        if doc[end - 1].is_title and places.is_country(doc[span.start : end].text):
            return doc[span.start : end]
    return None


DASHES = ("-", "–", "—", "--")


def country_after_dash(span: Span) -> Refined:
    """ "ACCRA, 3 May 2021 - Ghana and Togo signed": the model ran the dateline's date
    into the sentence's first name ("3 May 2021 - Ghana"), which the dates rules read
    apart; a country after the dash is a place (a range, "3 May - 5 May 2021", is no
    name)."""
    dash = next((t for t in span[1:] if t.text in DASHES), None)
    if dash is None or dash.i + 1 >= span.end:
        return []
    rest = span.doc[dash.i + 1 : span.end]
    if not rest[0].is_title or rest[0].lower_ in CALENDAR_WORDS or not places.is_country(rest.text):
        return []
    return [(rest, "PLACE", f"model.{span.label_}.after_dash")]


def refine(span: Span, label: str, source: str) -> Refined:
    """Clean one raw entity span into zero or more (span, label, source) mentions: the
    first rule that decides wins."""
    if crosses_line(span) and source.startswith("model."):
        return []
    trimmed = trim_tokens(span, keep_quotes=label == "ORG")
    if trimmed is None:
        return []
    country = whole_country_name(trimmed)
    if country is not None and label in ("PERSON", "PLACE", "ORG"):
        return [(country, "PLACE", source + ".country_name")]  # "Hashemite Kingdom | of Jordan"
    for rule in (
        split_at_comma,
        split_at_and,
        split_at_in,
        split_possessive,
        honorific_person,
        person_in_role,
        person_label_checks,
        lower_case_start,
        model_name_checks,
        model_org_checks,
        adjective_or_short_form,
    ):
        decided = rule(span, trimmed, label, source)
        if decided is not None:
            return decided
    doc = span.doc
    if (
        label == "PLACE"
        and trimmed.end < len(doc)
        and doc[trimmed.end].lower_ in words("place_type_nouns")
    ):
        trimmed = doc[trimmed.start : trimmed.end + 1]  # "Issyk-Kul region"
    return [(trimmed, label, source)]


def split_at_comma(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """A model organisation running over a comma is a list the model joined ("Shelter,
    Blossoms Inc.", "International Organisations, Civil Society"): each part is refined
    on its own, and a lone word that is no acronym and no body's head word goes."""
    if label != "ORG" or not source.startswith("model."):
        return None
    commas = [t.i for t in trimmed[1:-1] if t.text == ","]
    if not commas or spelled_by_bracketed_acronym(trimmed):
        return None  # "Institute on Globalization, Culture and Mobility (UNU-GCM)": one name
    doc, out, start = span.doc, [], trimmed.start
    if with_portfolio_list(doc[start : commas[0]]).end >= trimmed.end:
        return None  # "Alliance on Migration, Development and Human Rights": one name
    for end in [*commas, trimmed.end]:
        part = doc[start:end]
        start = end + 1
        words_ = [t for t in part if not t.is_punct]
        if not words_:
            continue
        lone = len(words_) == 1 and not is_acronym(words_[0].text)
        if lone and words_[0].lower_ not in words("org_heads"):
            continue
        out += refine(part, label, source + ".comma_split")
    return out


def split_at_and(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """A model organisation joining two bodies ("White House and State Department"):
    each refined on its own (``coordinated.coordinated_bodies``)."""
    if label != "ORG" or not source.startswith("model."):
        return None
    sides = coordinated_bodies(trimmed)
    if sides is None:
        return None
    return [m for side in sides for m in refine(side, label, source + ".and_split")]


def split_at_in(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """A model place running over "in" and a known place is a venue and its town ("the
    Chancellery in Berlin", "Brdo Castle in Kranj"): two places."""
    if label != "PLACE" or not source.startswith("model."):
        return None
    at = next((t.i for t in trimmed[1:-1] if t.lower_ == "in"), None)
    if at is None:
        return None
    venue, town = span.doc[trimmed.start : at], span.doc[at + 1 : trimmed.end]
    if not places.is_known_place(town.text) or not venue[0].is_title:
        return None
    return refine(venue, label, source + ".in_split") + [(town, label, source + ".in_split")]


def split_possessive(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """ "Ukraine’s Ministry of the Interior" -> PLACE Ukraine + ORG Ministry of the Interior."""
    doc = span.doc
    for i, token in enumerate(trimmed):
        if token.text in POSSESSIVE and 0 < i < len(trimmed) - 1:
            owner = doc[trimmed.start : token.i]
            if places.is_known_place(owner.text):
                rest = doc[token.i + 1 : trimmed.end]
                return [(owner, "PLACE", source + ".possessive"), *refine(rest, label, source)]
            break
    return None


def honorific_person(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """An honorific first ("Ms Liudmyla Denisova", "[Dato] Seri Hamid"): a person, or
    nothing."""
    doc, first = span.doc, trimmed[0].lower_
    before = trimmed.start - 1
    if before > 0 and doc[before].text in ("'", "’"):
        before -= 1  # "Dato’ Seri Anwar"
    follows = before >= 0 and doc[before].lower_ in words("honorifics")
    follower = first in words("honorific_followers") and follows
    spaced = spaced_excellency(doc, trimmed.start) and len(trimmed) > 1
    if (first in words("honorifics") or follower or spaced) and label in (
        "PERSON",
        "ORG",
        "PLACE",
    ):
        if label == "ORG" and any(t.lower_ in words("org_heads") for t in trimmed[1:]):
            return None  # "the Royal Institute for Strategic Studies": a body's name
        start = trimmed.start + (2 if spaced else 1)  # "His Majesty King Abdullah": all go
        forms = forms_of_address()  # "Datuk Seri"
        while start < trimmed.end - 1 and span.doc[start].lower_ in forms:
            start += 1
        rest = trim_tokens(span.doc[start : trimmed.end], keep_quotes=False)
        named = rest is not None and any(t.lower_ not in forms for t in rest)
        if rest is not None and named and rest[0].is_title:  # not "Dato Dr.": forms alone
            return [(rest, "PERSON", source + ".honorific")]
        return []
    return None


def person_in_role(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """A name glued to its role ("the Interior of Ukraine Ihor Klymenko"), or a model
    organisation that is a person by its context ("..., said Anna Smith")."""
    if label in ("ORG", "PERSON") and not source.startswith(("gaz.", "generic.")):
        tail = person_tail(trimmed, after_role=preceded_by_role(span))
        if tail is not None:
            return [(tail, "PERSON", source + ".role_split")]
        split = country_then_name(trimmed)
        if split is not None:  # "... in Kazakhstan and | Uzbekistan Zeynal Hajiyev"
            return [(split[0], "PLACE", source + ".country"), (split[1], "PERSON", source)]
    if label in ("ORG", "PERSON") and source.startswith("model.") and portfolio_of_role(trimmed):
        return []  # "Minister for [Overseas Pakistanis] and Human Resource Development"
    before = trimmed.doc[trimmed.start - 1].lower_ if trimmed.start else ""
    of_a_role = label == "PLACE" and before in ("of", "for")
    if (
        label in ("ORG", "PLACE")
        and source.startswith("model.")
        and looks_like_person(trimmed)
        and not of_a_role  # "the Bishop of [St Asaph]": the see a role is of, not its holder
        and (
            preceded_by_role(trimmed)
            or speech_subject(trimmed)
            or photo_credit(trimmed)
            or followed_by_role(trimmed)
            or apposition_to_role(trimmed)
        )
    ):
        return [(trimmed, "PERSON", source + ".person_context")]
    return None


def person_label_checks(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    if label != "PERSON":
        return None
    slash = next((t.i for t in trimmed if t.text == "/"), None)
    if slash is not None and slash > trimmed.start:  # "(Anton Banal/SunStar Philippines)"
        return refine(span.doc[trimmed.start : slash], label, source + ".credit")
    dash = next((t.i for t in trimmed[1:] if spaced_dash(t)), None)
    if dash is not None:  # "Vuong Ngoc Diep - President of ...": the name before its role
        return refine(span.doc[trimmed.start : dash], label, source + ".dash")
    lowered = {t.lower_ for t in trimmed}
    if lowered & (words("org_heads") | agreement_nouns() | words("non_name_words")):
        return []  # "Kampala Ministerial Declaration", "Photo Credit"
    if trimmed[-1].lower_ in words("place_type_nouns"):
        return [(trimmed, "PLACE", source + ".place_type")]  # "Rakhine State"
    if len(trimmed) == 1 and sum(c.isupper() for c in trimmed.text) >= 2:
        return []  # "MoU", "UNHCR": acronyms are not people
    if portfolio_of_role(trimmed):
        return []  # "Minister of Labor and [Vocational Training]"
    if len(trimmed) == 1 and not preceded_by_role(trimmed) and written_in_lower_case(trimmed[0]):
        return []  # "victims of Trafficking" where the text says "human trafficking"
    known = places.is_known_place(trimmed.text) or places.is_subdivision(trimmed.text)
    if known and not preceded_by_role(trimmed):
        return [(trimmed, "PLACE", source + ".known_place")]  # not "Undersecretary David"
    if len(trimmed) == 1 and places.is_demonym(trimmed.text):
        return []  # "Ugandan workers", "Nepalis": a people, not a person
    return None


def spaced_dash(token) -> bool:
    """A dash with a space on each side: between a name and what follows it, never inside
    a name ("Al-Azhar", "Jean-Paul")."""
    before = token.doc[token.i - 1] if token.i else None
    return (
        token.text in DASHES
        and before is not None
        and bool(before.whitespace_ and token.whitespace_)
    )


def lower_case_start(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    first = trimmed.text[0]
    if label == "PERSON" and is_particle(trimmed[0]):
        return None  # "van der Berg": the given name is added later
    if not (first.isupper() or first.isdigit() or first in QUOTES_OPEN):
        return []
    return None


def model_name_checks(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """Model names of any label that are events ("ASEAN Summit", "World Migration Report
    2018") or groups ("Member States", "Ministers of Internal Affairs"), not one body,
    person or place."""
    if not source.startswith("model.") or places.is_known_place(trimmed.text):
        return None
    if label in ("ORG", "PERSON") and in_quoted_title(trimmed):
        return []  # "a project titled ‘... in Nigeria and Border Communities’"
    words_ = [t.lower_ for t in trimmed if not t.like_num]
    if any(w in words("event_nouns") for w in words_):
        return []
    if label in ("ORG", "PLACE") and words_ and is_group(trimmed):
        return []
    return None


def kind_of_body(span: Span) -> bool:
    """ "a Community-Based Organization", "a Non-Governmental Organization": the article
    (written in lower case: "A Safe Passage Foundation" may be a name) before a phrase
    headed by a body's common noun names a kind, not a body ("a United Nations agency"
    and "a Kituo Cha Sheria" keep their names)."""
    article = span.doc[span.start - 1].text if span.start else ""
    return (
        article in ("a", "an") and span[-1].lower_ in words("org_heads") and heads_its_phrase(span)
    )


def model_org_checks(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    """What the model calls an organisation but is an agreement, a role, a text, a place
    or a fragment."""
    if label != "ORG" or not source.startswith("model."):
        return None
    if len(trimmed) == 1 and places.is_country(trimmed.text):
        return [(trimmed, "PLACE", source + ".country")]  # "between Paraguay and IOM"
    if is_capitalised_word(trimmed) or (len(trimmed) == 1 and is_edition_number(trimmed[0])):
        return []  # "PREAMBLE", "NOTING that ...", "XVIII": a heading, a clause, a number
    if len(trimmed) > 1 and is_edition_number(trimmed[0]):
        return [(trimmed[1:], label, source + ".edition")]  # "XVIII SACM" is the SACM
    before = trimmed.doc[trimmed.start - 1].lower_ if trimmed.start else ""
    located = before in ("in", "at", "from", "near") and places.is_known_place(trimmed.text)
    if len(trimmed) == 1 and located:
        return [(trimmed, "PLACE", source + ".known_place")]  # "signed ... in Majuro"
    if len(trimmed) == 1 and not is_acronym(trimmed.text) and not brand_name(trimmed[0]):
        return []  # "Kazakh", "Labor", "World": a fragment or an adjective, not a name
    if len(trimmed) == 1 and is_amount_currency(trimmed):
        return []  # "CHF 14 million": a currency, not a body
    if kind_of_body(trimmed):
        return []  # "a Community-Based Organization": a kind of body, not a name
    if trimmed[0].like_num and trimmed[-1].lower_ in words("street_words"):
        return []  # "14 Gloucester Street": an address, not a body
    last = trimmed[-1].lower_
    if last.endswith("s") and last[:-1] in words("place_type_nouns") and len(trimmed) > 1:
        return [(trimmed, "PLACE", source + ".place_type")]  # "the Great Lakes Regions"
    if inside_a_title(trimmed):
        return []  # "Climate Change" in "Declaration on Migration and Climate Change"
    if is_acronym(trimmed.text) and len(trimmed.text) <= 2:
        return []  # "RA", "RK": an abbreviation the text never defines (defined ones are aliases)
    if any(names_an_act(t) for t in trimmed):
        return []  # "the Agreement of Cooperation" is an agreement, not a body
    if opens_a_role(trimmed):
        return []  # "Minister of Foreign Affairs", "European Commissioner for Trade": roles
    if trimmed[-1].lower_ in words("role_heads"):
        return []  # "Regional Migration Health Advisor" is a role
    if trimmed[-1].lower_ in words("scheme_nouns") and trimmed.root == trimmed[-1]:
        return []  # "the National Migration Policy" is a text (not "Office for ... Systems")
    if len(trimmed) == 1 and portfolio_of_role(trimmed):
        return []  # "Operations" in "Deputy Director General for Operations"
    if is_portfolio(trimmed):  # "Foreign Affairs Secretary X", "Minister of Foreign Affairs"
        country = leading_country(trimmed)  # "[Bangladesh] Expatriates' Welfare ... Adviser"
        return [(country, "PLACE", source + ".role_country")] if country is not None else []
    if places.is_known_place(trimmed.text) and not preceded_by_role(trimmed):
        return [(trimmed, "PLACE", source + ".known_place")]  # not "Undersecretary David"
    return None


YEAR = re.compile(r"(?:19|20)\d\d")  # "in 2020 MAD signed": a date, no amount


def is_amount_currency(span: Span) -> bool:
    """A currency code next to a number ("CHF 14 million", "5 million USD")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start else None
    numbered = any(
        t is not None and t.like_num and not YEAR.fullmatch(t.text) for t in (after, before)
    )
    return numbered and span.text in places.currency_codes()


def adjective_or_short_form(span: Span, trimmed: Span, label: str, source: str) -> Refined | None:
    modifier = trimmed[0]
    if (
        label == "PLACE"
        and len(trimmed) == 1
        and not places.is_known_place(trimmed.text)
        and places.demonym_country(trimmed.text) is not None
    ):
        return []  # "in Kyrgyz, Russian and English": a language or a people, not a place
    if label == "PLACE" and len(trimmed) == 1 and trimmed[0].lower_ in words("direction_words"):
        return []  # "the South", "the West": no named place
    heads = words("org_heads") - {"affairs"}
    if label == "PLACE" and len(trimmed) > 2 and any(t.lower_ in heads for t in trimmed[1:]):
        return [(trimmed, "ORG", source + ".body")]  # "Sri Lanka Bureau of Foreign Employment"
    if (
        label == "PLACE"
        and len(trimmed) == 1
        and not places.is_known_place(trimmed.text)
        and (trimmed[0].lower_ in words("generic_name_words") or written_in_lower_case(trimmed[0]))
    ):
        return []  # "MoU on Migration", "Memoranda of Understanding": a word, no place
    if (
        label in ("PLACE", "PERSON")
        and len(trimmed) == 1
        and modifier.dep_ in ("amod", "compound")
        and (modifier.head.i > modifier.i and modifier.head.is_lower)
    ) and not places.is_known_place(trimmed.text):
        return []  # "Kyrgyz couple", "Tajik family": an adjective, not a place or a person
    if len(trimmed) == 1 and label != "PERSON":
        lowered = trimmed[0].lower_
        if lowered in words("org_heads") or lowered in words("role_heads"):
            return []  # a bare "Network" or "Ministry" is a short form, not a name
    return None
