"""Acronyms defined in brackets: "Full Name (ACR)" makes ACR and its later uses the same
entity as the full name."""

from __future__ import annotations

import re

from ..nlp.payloads import Mention
from ..nlp.text import inside
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet
from .refine import is_acronym


def add_acronym_aliases(found: MentionSet) -> None:
    """ "Full Name (ACR)": ACR and its later uses are the same entity."""
    doc = found.doc
    for mention in list(found.mentions):
        if mention.label != "ORG":
            continue
        span = doc.char_span(mention.start, mention.end)
        if span is None or span.end + 2 >= len(doc) or doc[span.end].text != "(":
            continue
        j = span.end + 1
        k = j
        while k < len(doc) and doc[k].text != ")" and k - j < 4:
            k += 1
        if k >= len(doc) or doc[k].text != ")" or k == j:
            continue
        alias = doc[j:k]
        if not (alias.text[0].isupper() and len(alias.text) <= 30):
            continue
        mention.alias = alias.text
        found.mentions = [
            m
            for m in found.mentions
            if m is mention or found.text[m.start : m.end] != alias.text or m.label == "ORG"
        ]
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias.text)}(?![\w-])", found.text):
            start, end = match.span()
            existing = [m for m in found.mentions if m.start == start and m.end == end]
            if existing:
                for m in existing:
                    m.label = "ORG"
                    m.alias_of = mention
                continue
            if found.taken(start, end) or inside(start, end, found.contact):
                continue
            found.mentions.append(Mention(start, end, "ORG", "alias.acronym", alias_of=mention))


DEFINITION_WORDS = 10  # title-case words before "(ACR)" that may hold its head noun


def drop_acronyms_of_texts(found: MentionSet) -> None:
    """ "World Migration Report (WMR)", "Kampala Declaration on ... (KDMECC)": an
    acronym the text defines as a text, an event or an agreement names no body, so the
    model's organisation mentions of it go."""
    doc = found.doc
    not_bodies: set[str] = set()
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        if not is_acronym(acronym) or found.taken(token.idx - 1, token.idx):
            continue  # defined by a body's name: an alias (add_acronym_aliases)
        before = doc[max(0, token.i - DEFINITION_WORDS) : token.i]
        heads = words("event_nouns") | words("document_nouns") | agreement_nouns()
        if any(t.lower_ in heads and t.is_title for t in before):
            not_bodies.add(acronym)
    found.mentions = [
        m
        for m in found.mentions
        if not (
            m.label == "ORG" and m.source.startswith("model.") and found.surface(m) in not_bodies
        )
    ]
