"""The ``accords_entities`` component: one document's mentions, step by step.

Rule mentions first (gazetteer and generic patterns, regions), offices merged onto
their bodies, dateline places, then the model's mentions where nothing is taken
yet; then the corrections that need every mention of the document (headline
guesses, people, acronyms), dates, and the canonical names.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from ..nlp.date_values import date_of, year_of
from ..nlp.payloads import Mention
from ..nlp.text import coverage, whole_words
from ..rules.files import read_jsonl
from ..rules.lexicon import gazetteer, gazetteer_acronyms, words
from . import dates
from .aliases import (
    add_acronym_aliases,
    add_expanded_acronyms,
    add_spelled_out_names,
    drop_acronyms_of_texts,
)
from .body_names import (
    before_a_date,
    before_a_known_body,
    body_of_body,
    heads_of_government,
    with_field_before,
    with_lower_case_head,
    with_region_and,
)
from .governments import (
    add_countries_of_state_bodies,
    add_lower_case_governments,
    countries_listed,
    government_and_person,
    with_country_and,
)
from .headline import drop_unattested_headline_guesses, opening_country, trim_headline_orgs
from .mentions import MentionSet
from .numbered_groups import add_numbered_groups
from .offices import (
    drop_modifying_acronyms,
    join_un_organs,
    mark_un_descriptors,
    merge_offices,
    offices_after_brackets,
)
from .person_context import forms_of_address, person_tail, preceded_by_role
from .person_names import (
    add_bare_surnames,
    complete_known_surnames,
    complete_name_edges,
    relabel_known_people,
    relabel_named_persons,
    relabel_role_holders,
)
from .place_mentions import (
    add_dateline,
    add_geographic_names,
    add_listed_places,
    add_unlabelled_countries,
    countries_taken_for_people,
    country_before,
    mark_date_line_places,
    with_country,
)
from .portfolios import with_portfolio_list
from .refine import LABEL_MAP, country_after_dash, refine
from .release import RELATIVE_AFTER, release_date, year_of_date
from .resolve import resolve
from .signer_lists import add_signer_lists
from .signing_sides import add_signing_sides
from .spans import trim_tokens
from .titled_acronyms import add_titled_acronyms
from .titled_bodies import add_region_bodies, add_titled_bodies

QUOTED_RULES = ("generic.acronym_quoted", "generic.titled_body_quoted")


class EntityRecognizer:
    """Assigns ``doc._.accords_mentions``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.accords_mentions = find_mentions(doc)
        return doc


@cache
def roles_naming_bodies() -> frozenset[str]:
    """The generic rules whose role names its body ("names_body": the UN's High
    Commissioners name their agencies)."""
    return frozenset(
        row["id"] for row in read_jsonl("org_generic.jsonl", ("id",)) if row.get("names_body")
    )


def find_mentions(doc: Doc) -> list[Mention]:
    found = MentionSet(doc)
    model = split_entities(found)
    merge_offices(found)
    add_dateline(found)
    add_listed_places(found)
    add_model_mentions(found, model)
    offices_after_brackets(found)
    add_signer_lists(found)
    join_un_organs(found)
    mark_un_descriptors(found)
    drop_modifying_acronyms(found)
    add_geographic_names(found)
    add_unlabelled_countries(found)
    countries_taken_for_people(found)
    add_lower_case_governments(found)
    add_countries_of_state_bodies(found)
    drop_unattested_headline_guesses(found)
    relabel_named_persons(found)
    relabel_role_holders(found)
    relabel_known_people(found)
    complete_known_surnames(found)
    complete_name_edges(found)
    add_bare_surnames(found)
    add_titled_bodies(found)
    add_region_bodies(found)
    add_expanded_acronyms(found)
    add_spelled_out_names(found)
    add_repeated_names(found)
    add_acronym_aliases(found)
    drop_acronyms_of_texts(found)
    add_titled_acronyms(found)
    add_numbered_groups(found)
    add_signing_sides(found)
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
    plural = any(t.lower_ in words("plural_bodies") for t in span[:2])
    heads = source.startswith("generic.government_of") and heads_of_government(span)
    if source.startswith("generic.") and (plural or heads):
        listed = countries_listed(found.doc, span.end - 1, span.start)
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
            while len(body) > 1 and (
                body[-1].lower_ in forms_of_address() or body[-1].lower_ in (",", "and", ".")
            ):
                body = body[:-1]  # "Ministry of Human Resources [Datuk] X", "... [, and Mr.] Y"
            unit_heads = words("org_heads") - {"affairs"}
            role = any(t.lower_ in words("role_heads") for t in body)
            named_body = source in roles_naming_bodies()  # "UN High Commissioner for Refugees"
            if not role or named_body or any(t.lower_ in unit_heads for t in body):
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


def add_model_mentions(found: MentionSet, model: list[Span]) -> None:
    new = []
    misc = coverage(found.misc, len(found.text))
    for ent in model:
        label = LABEL_MAP.get(ent.label_)
        if any(misc[ent.start_char : ent.end_char]):
            continue
        found_here = refine(ent, label, f"model.{ent.label_}") if label else country_after_dash(ent)
        if label in ("ORG", "PERSON") and not found_here:  # "[Ghana] Signs MoU": no name,
            found_here = opening_country(ent)  # but the country it opens with is a place
        for span, new_label, source in found_here:
            if new_label == "ORG":
                span = with_portfolio_list(with_country(span))
            new.append(Mention(span.start_char, span.end_char, new_label, source))
    found.add_all(new)


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


def published_year(published: str | None) -> int | None:
    """The year of the release's date from its page's metadata, when the text has none."""
    year = year_of(published)
    return int(year) if year else None


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
    own = release_date(found.text, kept)
    published = found.doc._.accords_published
    year = year_of_date(own) or published_year(published)
    page_dated = date_of(published) if own is None else None
    followed = frozenset(d.start for d in kept if RELATIVE_AFTER.match(found.text, d.end))
    mark_date_line_places(found, kept)
    for d in dates.normalise_dates(kept, year, page_dated, followed):
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
