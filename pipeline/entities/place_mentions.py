"""Countries and places among a document's mentions (``extractor.find_mentions``): a
country right before a body's name, countries the model left unlabelled, the names a
kind of place introduces, geographic names, a body's country the model cut off, and
the places of the dateline or of the release's standalone date line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp import places
from ..nlp.extensions import tokens
from ..nlp.payloads import Mention
from ..nlp.text import coverage, find_dateline
from ..rules.constants import DATE_LINE_SOURCE
from ..rules.lexicon import words
from . import dates
from .mentions import MentionSet
from .place_lists import geographic_names, listed_places
from .release import date_line

MAX_COUNTRY_TOKENS = 3


def country_before(span: Span) -> Span | None:
    """A country's name right before a generic body's name, itself not part of a longer
    name: "the Philippines Department of Health", "Uganda Revenue Authority"."""
    doc = span.doc
    for n in range(MAX_COUNTRY_TOKENS, 0, -1):
        start = span.start - n
        if start < 0:
            continue
        words_ = doc[start : span.start]
        if words_[0].lower_ == "the" or not all(t.is_title or t.lower_ == "of" for t in words_):
            continue
        if not places.is_country(words_.text) or "\n" in words_.text_with_ws:
            continue
        before = doc[start - 1] if start else None
        if before is None or not before.is_title or before.is_sent_start or before.lower_ == "the":
            return words_
    return None


def add_unlabelled_countries(found: MentionSet) -> None:
    """A one-word country the model left unlabelled ("a Partnership between Armenia and
    the EU"), standing on its own: no capitalised word right before it (but at a
    sentence's start) or right after it, so "Jordan Smith" and "Mr Chad" stay names."""
    doc = found.doc
    toks = tokens(doc)
    new = []
    misc = coverage(found.misc, len(found.text))
    for token in toks:
        if token.is_title and token.ent_type_ in UNUSED_LABELS and token.ent_iob_ == "B":
            country = multi_word_country(doc, token.i)
            if country is not None:  # "Cape Verde" that the model called a product
                new.append(
                    Mention(country.start_char, country.end_char, "PLACE", "gazetteer.country")
                )
            continue
        if token.is_title and (token.ent_iob_ == "O" or token.ent_type_ == "NORP"):
            country = unlabelled_country(doc, token.i)
            if country is not None:  # "the Solomon Islands", "Central African Republic"
                new.append(
                    Mention(country.start_char, country.end_char, "PLACE", "gazetteer.country")
                )
                continue
        nationality = token.ent_type_ == "NORP" and token.ent_iob_ == "B"  # "Togo" as NORP
        capitalised = token.is_title or token.text[:1].isupper()  # "UAE", "B&H", "BiH"
        if (token.ent_iob_ != "O" and not nationality) or not capitalised:
            continue
        if not places.is_country(token.text):
            continue
        if not stands_alone(toks, token.i, token.i + 1):
            continue
        if any(misc[token.idx : token.idx + len(token)]):
            continue
        new.append(Mention(token.idx, token.idx + len(token), "PLACE", "gazetteer.country"))
    found.add_all(new)


def countries_taken_for_people(found: MentionSet) -> None:
    """A one-word country the model called a person ("ZAMBIA and South Africa have
    signed"), standing on its own as ``add_unlabelled_countries`` asks, is the country;
    not a name the text gives a person in full ("Jordan" of "Jordan Smith")."""
    doc = found.doc
    full = {
        word
        for m in found.mentions
        if m.label == "PERSON" and " " in (name := found.text[m.start : m.end])
        for word in name.split()
    }
    toks = tokens(doc)
    for mention in found.mentions:
        surface = found.text[mention.start : mention.end]
        if mention.label != "PERSON" or " " in surface or surface.title() in full:
            continue
        span = found.span(mention)
        if places.is_country(surface) and stands_alone(toks, span.start, span.end):
            mention.label, mention.source = "PLACE", mention.source + ".country"


def stands_alone(toks: Sequence[Token], start: int, end: int) -> bool:
    """Tokens ``start:end`` stand on their own: no capitalised word right before them
    (but at a sentence's start) or right after them on the same line ("Jordan Smith",
    "Mr Chad", "Niger Delta")."""
    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    if before is not None and before.is_title and not toks[start].is_sent_start:
        return False
    return not (
        after is not None
        and (after.is_title or after.is_upper)
        and "\n" not in toks[end - 1].whitespace_
    )


UNUSED_LABELS = ("PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT")  # no stage keeps them


MAX_COUNTRY_NAME_TOKENS = 6  # "Democratic Republic of the Congo"


def unlabelled_country(doc: Doc, start: int) -> Span | None:
    """The longest country name of several words at ``start`` that the model left
    unlabelled, standing on its own (no capitalised word right before or after it)."""
    if doc[start].lower_ == "the":
        return None  # "The Solomon Islands": the name begins after the article
    before = doc[start - 1] if start else None
    if (
        before is not None
        and before.is_title
        and before.lower_ != "the"
        and not doc[start].is_sent_start
    ):
        return None
    for end in range(min(len(doc), start + MAX_COUNTRY_NAME_TOKENS), start + 1, -1):
        span = doc[start:end]
        if any(t.ent_iob_ != "O" and t.ent_type_ != "NORP" for t in span):
            continue  # "Central African Republic": "Central African" was a nationality
        if not span[-1].is_title:
            continue
        after = doc[end] if end < len(doc) else None
        if after is not None and after.is_title:
            continue
        if "\n" not in span.text and places.is_country(span.text):
            return span
    return None


def multi_word_country(doc: Doc, start: int) -> Span | None:
    """The country whose name is the whole entity the model gave another label at
    ``start``."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    return span if len(span) > 1 and places.is_country(span.text) else None


def add_listed_places(found: MentionSet) -> None:
    """Names that a kind of place introduces ("the governorates of Aden and Abyan"),
    before the model's guesses, which often take such names for people."""
    found.add_all(
        [Mention(s.start_char, s.end_char, "PLACE", rule) for s, rule in listed_places(found.doc)]
    )


def add_geographic_names(found: MentionSet) -> None:
    """ "Bay of Bengal" in place of the model's "Bay" and "Bengal"; a body's name that
    holds one ("Gulf of Aden Coast Guard") stays the body."""
    for span in geographic_names(found.doc):
        if found.taken_by(span.start_char, span.end_char, label="ORG"):
            continue
        found.replace_overlapped(
            Mention(span.start_char, span.end_char, "PLACE", "place.geographic_feature"),
            lambda m: m.label in ("PLACE", "PERSON") and m.source.startswith("model."),
        )


def with_country(span: Span) -> Span:
    """A body's name the model cut before its country: "Confederation of Trade Unions"
    + "of Azerbaijan"."""
    doc, end = span.doc, span.end
    one_word_country = (
        end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and places.is_country(doc[end + 1].text)
        and doc[end + 1].ent_iob_ == "B"
        and (end + 2 == len(doc) or doc[end + 2].ent_iob_ != "I")
    )
    return doc[span.start : end + 2] if one_word_country else span


def add_dateline(found: MentionSet) -> None:
    """The known places of a dateline ("Pristina/Bishkek –", "NAY PYI TAW (06 Jun 2018) -"),
    also written with accents a gazetteer lacks ("Chișinău"): a dateline names a place,
    where elsewhere an accented name may be a surname ("Rodríguez")."""
    dateline = find_dateline(found.text)
    if dateline is None:
        return
    for start, end in dateline.place_names(found.text):
        name = found.text[start:end]
        described = name.split()[-1] in words("place_descriptors")  # "Dadaab refugee camp"
        known = places.is_known_place(name) or places.is_known_place(name.title())
        if described or known or places.is_known_place(places.folded(places.key(name))):
            found.add(Mention(start, end, "PLACE", "dateline"))
    add_dateline_agency(found, dateline.start, dateline.end)


# "(Xinhua)", "(MENA)", "(Yonhap)": one to three capitalised words in brackets, no digit
AGENCY = re.compile(r"\(([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})\)")


def add_dateline_agency(found: MentionSet, start: int, end: int) -> None:
    """ "ADDIS ABABA, March 3 (Xinhua) --", "Kathmandu, July 26 (RSS):": the news agency a
    dateline credits in brackets is a body named in the text (no party: the dateline is
    read by no act)."""
    for match in AGENCY.finditer(found.text, start, end):
        a, b = match.span(1)
        name = match.group(1)
        state = places.is_country(name) or places.is_subdivision(name)  # "Geneva (Switzerland)"
        if any(c.isdigit() for c in name) or state or places.is_capital(name):
            continue
        if not found.taken(a, b):
            found.add(Mention(a, b, "ORG", "dateline.agency"))


def mark_date_line_places(found: MentionSet, found_dates: list[dates.DateMention]) -> None:
    """The known places of the release's standalone date line ("DPI, Guyana, Monday, May
    13, 2019"), where it has no dateline: they place the release as a dateline would."""
    if find_dateline(found.text) is not None:
        return
    on_line = date_line(found.text, found_dates)
    if not on_line:
        return
    start = found.text.rfind("\n", 0, on_line[0].start) + 1
    end = found.text.find("\n", on_line[0].start)
    end = len(found.text) if end < 0 else end
    for m in found.mentions:
        on_the_line = start <= m.start and m.end <= end and not m.nested
        if m.label == "PLACE" and on_the_line and places.is_known_place(found.surface(m)):
            m.source += DATE_LINE_SOURCE
