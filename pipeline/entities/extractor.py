"""The ``accords_entities`` component: one document's mentions, step by step.

Rule mentions first (gazetteer and generic patterns, regions), offices merged onto
their bodies, dateline places, then the model's mentions where nothing is taken
yet; then the corrections that need every mention of the document (headline
guesses, people, acronyms), dates, and the canonical names.
"""

from __future__ import annotations

import calendar
from functools import cache

from spacy.tokens import Doc, Span

from ..nlp.extensions import tokens
from ..nlp.payloads import Mention
from ..nlp.text import coverage, find_dateline, whole_words
from ..rules.constants import DATE_LINE_SOURCE, POSSESSIVE
from ..rules.files import read_jsonl
from ..rules.lexicon import gazetteer, gazetteer_acronyms, words
from . import dates, places
from .aliases import (
    add_acronym_aliases,
    add_expanded_acronyms,
    add_spelled_out_names,
    drop_acronyms_of_texts,
)
from .governments import (
    add_lower_case_governments,
    countries_listed,
    government_and_person,
    with_country_and,
)
from .headline import drop_unattested_headline_guesses, trim_headline_orgs
from .mentions import MentionSet
from .offices import merge_offices
from .person_names import (
    add_bare_surnames,
    complete_known_surnames,
    complete_name_edges,
    relabel_known_people,
    relabel_named_persons,
)
from .place_lists import geographic_names, listed_places
from .portfolios import with_portfolio_list
from .refine import LABEL_MAP, person_tail, preceded_by_role, refine, trim_tokens
from .release import date_line, release_year
from .resolve import resolve

QUOTED_RULES = ("generic.acronym_quoted", "generic.titled_body_quoted")


class EntityRecognizer:
    """Assigns ``doc._.accords_mentions``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.accords_mentions = find_mentions(doc)
        return doc


def find_mentions(doc: Doc) -> list[Mention]:
    found = MentionSet(doc)
    model = split_entities(found)
    merge_offices(found)
    add_dateline(found)
    add_listed_places(found)
    add_model_mentions(found, model)
    add_geographic_names(found)
    add_unlabelled_countries(found)
    add_lower_case_governments(found)
    drop_unattested_headline_guesses(found)
    relabel_named_persons(found)
    relabel_known_people(found)
    complete_known_surnames(found)
    complete_name_edges(found)
    add_bare_surnames(found)
    add_expanded_acronyms(found)
    add_spelled_out_names(found)
    add_repeated_names(found)
    add_acronym_aliases(found)
    drop_acronyms_of_texts(found)
    add_dates(found)
    trim_headline_orgs(found)
    found.mentions.sort(key=lambda m: (m.start, m.end))
    resolve(found)
    return found.mentions


def split_entities(found: MentionSet) -> list[Span]:
    """Record the model's MISC spans and the regions, add the rule organisations and the
    regions; return the model's other entities."""
    ruler, model = [], []
    for ent in found.doc.ents:
        if ent.label_ == "MISC":
            found.misc.append((ent.start_char, ent.end_char))
        elif ent.ent_id_ and ent.label_ == "LOC":
            found.regions.append(ent)
        elif ent.ent_id_:
            ruler.append(ent)
        else:
            model.append(ent)
    for ent in ruler:
        add_ruler_org(found, ent)
    for ent in found.regions:
        span = trim_tokens(ent, keep_quotes=False)
        if span is not None:
            found.add(Mention(span.start_char, span.end_char, "PLACE", ent.ent_id_))
    return model


def add_ruler_org(found: MentionSet, ent: Span) -> None:
    source = ent.ent_id_
    span = trim_tokens(ent, keep_quotes=source.startswith(QUOTED_RULES))
    if span is None:
        return
    if source == "generic.quoted_after_type":  # movement “Bir Duyno Kyrgyzstan”
        span = trim_tokens(found.doc[span.start + 1 : span.end], keep_quotes=False)
        if span is None:
            return
    plural = any(t.lower_ in PLURAL_BODIES for t in span[:2])
    heads = source.startswith("generic.government_of") and heads_of_government(span)
    if source.startswith("generic.") and (plural or heads):
        listed = countries_listed(found.doc, span.end - 1)
        if listed:  # "the Governments of China and Thailand": the countries name them
            for each in listed:
                found.add(Mention(each.start_char, each.end_char, "PLACE", source))
            return
    if source.startswith("generic.government_of"):
        span = with_country_and(span)
        parts = government_and_person(span)
        if parts is not None:  # "Government of the Kyrgyz Republic Medetbek Aidaraliev"
            found.add(Mention(parts[0].start_char, parts[0].end_char, "ORG", source))
            found.add(Mention(parts[1].start_char, parts[1].end_char, "PERSON", source + ".person"))
            return
    if source.startswith("generic."):
        bodies = body_of_body(span)
        if bodies is not None:  # "Ministry of the Presidency’s Department of Citizenship"
            for part in bodies:
                found.add(Mention(part.start_char, part.end_char, "ORG", source + ".possessive"))
            return
        # a role's body, then its holder: "Secretary General of the Ministry of Foreign
        # Affairs Omar Hilale"
        tail = person_tail(span, after_role=preceded_by_role(span))
        if tail is not None:  # "Commissioner for Internal Affairs Cecilia Malmström"
            found.add(Mention(tail.start_char, tail.end_char, "PERSON", source + ".role_split"))
            body = found.doc[span.start : tail.start]
            unit_heads = words("org_heads") - {"affairs"}
            role = any(t.lower_ in words("role_heads") for t in body)
            if not role or any(t.lower_ in unit_heads for t in body):  # "Ministry of … | X"
                found.add(Mention(body.start_char, body.end_char, "ORG", source + ".body_split"))
            return
    info = gazetteer().get(source, {})
    if source.startswith("generic.") and source.endswith("_and"):
        first = before_a_known_body(span)
        if first is not None:  # "the Ministry of the Interior and Unicef": two bodies
            known = found.doc[span.end - 1 : span.end]
            entity = gazetteer_acronyms()[known.text.upper()]
            found.add(
                Mention(
                    known.start_char,
                    known.end_char,
                    "ORG",
                    entity["id"],
                    entity_key=entity["entity"],
                    canonical=entity["canonical"],
                )
            )
            span = first
    if source.startswith("generic."):
        span = with_region_and(span)  # "... Commission for Asia | and the Pacific"
        span = with_portfolio_list(span)  # "Bureau of Manpower | , Employment and Training"
        dated = before_a_date(span)
        if dated is not None:  # "the ECOWAS Commission | on Friday, August 16"
            if len(dated) < 2:
                return
            span = dated
        span = with_lower_case_head(with_field_before(span))
    country = country_before(span) if source.startswith("generic.") else None
    if country is not None:  # "the Philippines Department of Health": one national body
        found.add(Mention(country.start_char, country.end_char, "PLACE", source, nested=True))
        span = found.doc[country.start : span.end]
        source += ".country_first"
    found.add(
        Mention(
            span.start_char,
            span.end_char,
            "ORG",
            source,
            entity_key=info.get("entity"),
            canonical=info.get("canonical"),
        )
    )


MAX_COUNTRY_TOKENS = 3
PLURAL_BODIES = ("governments", "ministries")  # of several countries: "ministries of A and B"
MAX_FIELD_TOKENS = 2
UNIT_HEADS = ("department", "directorate", "secretariat")


CALENDAR_WORDS = frozenset(
    name.casefold() for name in [*calendar.day_name, *calendar.month_name] if name
)


def before_a_date(span: Span) -> Span | None:
    """The part of a body's name before an "on" that opens a date: "Commission on
    Friday" is the Commission, on Friday; None when no date cuts it."""
    for token in span[1:-1]:
        if token.lower_ == "on" and span.doc[token.i + 1].lower_ in CALENDAR_WORDS:
            return span.doc[span.start : token.i]
    if span[-1].lower_ in CALENDAR_WORDS and len(span) > 2 and span[-2].lower_ == "on":
        return span.doc[span.start : span.end - 2]
    return None


@cache
def region_names() -> tuple[tuple[str, ...], ...]:
    """The regions of ``regions.jsonl`` whose names hold an "and", as words."""
    return tuple(
        tuple(row["pattern"].split())
        for row in read_jsonl("regions.jsonl", ("id", "label", "pattern"))
        if isinstance(row["pattern"], str) and " and " in row["pattern"]
    )


def with_region_and(span: Span) -> Span:
    """A body's name that ends in a region the title-case rule cut at its "and": "the
    Economic Commission for Asia | and the Pacific"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "and":
        return span
    for region in region_names():
        cut = region.index("and")
        head, rest = region[:cut], region[cut:]
        tail = [t.text for t in span[len(span) - len(head) :]]
        following = [t.text for t in doc[span.end : span.end + len(rest)]]
        if len(span) > len(head) and tail == list(head) and following == list(rest):
            return doc[span.start : span.end + len(rest)]
    return span


def before_a_known_body(span: Span) -> Span | None:
    """A body's name that the "and" rule ran on into a body the gazetteer knows by its
    acronym ("Ministry of the Interior | and Unicef"): the name before the "and"."""
    known = gazetteer_acronyms()
    for token in span[1:-1]:
        if token.lower_ != "and":
            continue
        after = span.doc[token.i + 1 : span.end]
        if len(after) == 1 and after[0].text.upper() in known:
            return span.doc[span.start : token.i]
    return None


def heads_of_government(span: Span) -> bool:
    """ "the Heads of State and Government of A, B and C": "Government" ends a role here,
    the countries after it are the places named."""
    before = span.doc[max(0, span.start - 4) : span.start]
    return any(t.lower_ in words("role_plurals") for t in before) and any(
        t.lower_ == "and" for t in before
    )


def with_lower_case_head(span: Span) -> Span:
    """A portfolio whose last word the release writes in lower case: "the Ministry of
    External relations", "Ministry of Social welfare". The title-case rule stops before
    it, but the name's last title word modifies it."""
    doc = span.doc
    last = span[-1]
    if span.end >= len(doc):
        return span
    following = doc[span.end]
    modifies = (last.dep_ in ("compound", "amod") and last.head == following) or (
        last.lower_ in words("portfolio_adjectives")
    )
    if (
        following.is_lower
        and following.pos_ == "NOUN"
        and modifies
        and any(t.lower_ in ("of", "for") for t in span)
    ):
        return doc[span.start : span.end + 1]
    return span


def with_field_before(span: Span) -> Span:
    """A unit's field in title case before its head word: "the Immigration Department of
    Sierra Leone", "the Labour Department of Hong Kong". Not a role, a name or a place
    ("Minister Department", "Kenya Department" is ``country_before``'s)."""
    doc = span.doc
    if span[0].lower_ not in UNIT_HEADS:
        return span
    start = span.start
    while (
        start > 0
        and span.start - start < MAX_FIELD_TOKENS
        and doc[start - 1].is_title
        and not doc[start - 1].is_sent_start
        and doc[start - 1].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE")
        and doc[start - 1].lower_ not in words("role_words")
        and not places.is_known_place(doc[start - 1].text)
    ):
        start -= 1
    return doc[start : span.end]


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


def body_of_body(span: Span) -> tuple[Span, Span] | None:
    """A body's unit named with its owner's possessive: "Ministry of the Presidency’s
    Department of Citizenship" -> the ministry and the department (with its "of ..."
    that the rule left out). "Ministry of Women’s Affairs" stays one body."""
    doc = span.doc
    for token in span[1:-1]:
        if token.text not in POSSESSIVE:
            continue
        owner, unit = doc[span.start : token.i], doc[token.i + 1 : span.end]
        heads = words("org_heads") - {"affairs"}
        if not any(t.lower_ in heads for t in owner) or unit[0].lower_ not in heads:
            return None
        end = unit.end
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].is_title:
            end += 1
            while end < len(doc) and doc[end].is_title:
                end += 1
        return owner, doc[unit.start : end]
    return None


def add_model_mentions(found: MentionSet, model: list[Span]) -> None:
    new = []
    misc = coverage(found.misc, len(found.text))
    for ent in model:
        label = LABEL_MAP.get(ent.label_)
        if label is None or any(misc[ent.start_char : ent.end_char]):
            continue
        for span, new_label, source in refine(ent, label, f"model.{ent.label_}"):
            if new_label == "ORG":
                span = with_portfolio_list(with_country(span))
            new.append(Mention(span.start_char, span.end_char, new_label, source))
    found.add_all(new)


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
        before = toks[token.i - 1] if token.i > 0 else None
        after = toks[token.i + 1] if token.i + 1 < len(doc) else None
        if before is not None and before.is_title and not token.is_sent_start:
            continue
        if (
            after is not None
            and (after.is_title or after.is_upper)
            and "\n" not in token.whitespace_
        ):
            continue
        if any(misc[token.idx : token.idx + len(token)]):
            continue
        new.append(Mention(token.idx, token.idx + len(token), "PLACE", "gazetteer.country"))
    found.add_all(new)


UNUSED_LABELS = ("PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT")  # no stage keeps them


MAX_COUNTRY_TOKENS = 6  # "Democratic Republic of the Congo"


def unlabelled_country(doc: Doc, start: int) -> Span | None:
    """The longest country name of several words at ``start`` that the model left
    unlabelled, standing on its own (no capitalised word right before or after it)."""
    if start and doc[start - 1].is_title and not doc[start].is_sent_start:
        return None
    for end in range(min(len(doc), start + MAX_COUNTRY_TOKENS), start + 1, -1):
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


REPEATED_LABELS = ("ORG", "PLACE", "PERSON")


def add_repeated_names(found: MentionSet) -> None:
    """A name of two words or more that is a body or a place in one sentence is one
    wherever the document repeats it, where the model missed it there ("Regional
    Economic Communities" labelled in one list and not in the next) or guessed a place
    no gazetteer knows ("Sverdlovsk Region Federation of Trade Unions")."""
    names: dict[str, Mention] = {}
    for m in found.mentions:
        surface = found.surface(m)
        if m.label in REPEATED_LABELS and " " in surface and not m.nested:
            names.setdefault(surface, m)
            if surface.isupper() and m.label == "PLACE":  # "NAY PYI TAW" of a dateline
                names.setdefault(surface.title(), m)
    if not names:
        return
    new = []
    guesses = {(m.start, m.end): m for m in found.mentions if found.place_guess(m)}
    for start, end, name in whole_words(found.text, sorted(names, key=len, reverse=True)):
        first = names[name]
        guess = guesses.get((start, end))
        if guess is not None and first.label == "ORG":  # an ORG elsewhere: no place here
            guess.label, guess.source = "ORG", first.source + ".repeated"
            continue
        if first.label == "PERSON":  # "Hon. Ana | Vake" where "Ana Vake" is named elsewhere
            found.mentions = [
                m
                for m in found.mentions
                if not (
                    m.label == "PERSON"
                    and start <= m.start
                    and m.end <= end
                    and (m.start, m.end) != (start, end)
                )
            ]
        new.append(
            Mention(
                start,
                end,
                first.label,
                first.source + ".repeated",
                entity_key=first.entity_key,
                canonical=first.canonical,
            )
        )
    found.add_all(new)


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


def published_year(published: str | None) -> int | None:
    """The year of the release's date from its page's metadata, when the text has none."""
    return int(published[:4]) if published and published[:4].isdigit() else None


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


def add_dates(found: MentionSet) -> None:
    orgs = coverage(((m.start, m.end) for m in found.mentions if m.label == "ORG"), len(found.text))
    misc = coverage(found.misc, len(found.text))
    kept = [
        d
        for d in dates.find_dates(found.text)
        if not found.in_contact(d.start, d.end)
        and not any(misc[d.start : d.end])
        and not any(orgs[d.start : d.end])
    ]
    year = release_year(found.text, kept) or published_year(found.doc._.accords_published)
    mark_date_line_places(found, kept)
    for d in dates.normalise_dates(kept, year):
        found.mentions.append(
            Mention(
                d.start,
                d.end,
                "DATE",
                d.rule,
                value=d.value,
                date_start=d.date_start,
                date_end=d.date_end,
            )
        )
