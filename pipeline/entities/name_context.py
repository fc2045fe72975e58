"""Where a model's name stands, for ``refine``'s checks of model names
(``model_name_checks``, ``model_org_checks``): inside the quoted title of a text,
project or event, in the topic of a text, event or agreement or the portfolio of a
role, as a modifier of a noun after it, or as a group ("Member States"); and whether
a word of it names an act ("Working Group", not "H&M Group").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..rules.constants import QUOTES_CLOSE, QUOTES_OPEN
from ..rules.lexicon import agreement_nouns, words

TITLE_VERBS = frozenset({"titled", "entitled", "named", "called", "dubbed"})
OPENING_QUOTES = QUOTES_OPEN | {"‘", "'"}  # single quotes open titles too: "titled ‘…’"
CLOSING_QUOTES = QUOTES_CLOSE | {"’", "'"}


def in_quoted_title(span: Span) -> bool:
    """The span stands inside the quoted title of a text, project or event: after
    "titled ‘" (or "entitled", "called" ...), or right after a text's or an event's noun
    ("the study ‘European Cities on the Front Line’"), and before the quote closes."""
    doc = span.doc
    i = span.start - 1
    while i >= 1 and span.start - i < 30:
        token = doc[i]
        if token.text in CLOSING_QUOTES and token.text not in OPENING_QUOTES:
            return False
        if token.text in OPENING_QUOTES:
            before = doc[i - 1].lower_
            return before in TITLE_VERBS or before in words("titled_nouns")
        if "\n" in token.text:
            return False
        i -= 1
    return False


def inside_a_title(span: Span) -> bool:
    """The span is the topic of a text, event or agreement name ("Declaration on ...
    Climate Change", "Compact for ... Regular Migration") or the portfolio of a role
    ("Ministers of Environment, Interior and Foreign Affairs")."""
    token = span.root
    titles = agreement_nouns() | words("event_nouns") | words("document_nouns")
    roles = words("role_heads") | words("role_plurals")
    for _ in range(4):
        if token.dep_ not in ("pobj", "conj", "appos", "compound") or token.head.i == token.i:
            return False
        head = token.head
        if head.dep_ == "prep" and head.lower_ in ("on", "for", "of"):
            owner = head.head
            if head.lower_ in ("on", "for") and owner.lower_ in titles:
                return True
            definite = any(c.dep_ == "det" for c in token.children)
            if owner.lower_ in roles and head.lower_ in ("of", "for") and not definite:
                return True  # "Head of the Criminal Police" names the body: kept
            token = owner
            continue
        token = head
    return False


def heads_its_phrase(span: Span) -> bool:
    """The span is a whole noun phrase, not a modifier of a noun after it ("a United
    Nations agency" names a body; "a Non-Governmental Organization" names a kind)."""
    root = span.root
    return root.head.i in range(span.start, span.end) or root.dep_ not in (
        "compound",
        "amod",
        "nmod",
    )


def is_group(span: Span) -> bool:
    """A plural group noun heads the name: its last word, or the word before "of"."""
    head = [t for t in span if not t.like_num]
    for i, token in enumerate(head):
        if token.lower_ == "of" and i:
            head = head[:i]
            break
    return head[-1].lower_ in words("group_nouns") or head[0].lower_ in words("role_plurals")


ACT_ONLY_AFTER = {"group": ("working", "task", "contact")}  # "Working Group", not "H&M Group"


def names_an_act(token: Token) -> bool:
    """An agreement noun, but one that names an act only after its modifier ("a Working
    Group"), not a company's "Group" ("H&M Group", "Adecco Group")."""
    if token.lower_ not in agreement_nouns():
        return False
    modifiers = ACT_ONLY_AFTER.get(token.lower_)
    previous = token.doc[token.i - 1].lower_ if token.i else ""
    return modifiers is None or previous in modifiers


EDITION = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")  # "XVIII": II to LXXXIX


def is_edition_number(token: Token) -> bool:
    """A Roman numeral numbering a meeting ("the XVIII South American Conference"), not a
    name; one letter ("I", "V") is left alone."""
    return len(token.text) >= 2 and EDITION.fullmatch(token.text) is not None


def is_capitalised_word(span: Span) -> bool:
    """One word printed in capitals that is a declaration's heading or clause opener
    (``document_headings``: "PREAMBLE", "ANNEX"; a participle: "NOTING", "RECALLING"), not
    an acronym."""
    if len(span) != 1 or not span.text.isupper() or not span.text.isalpha():
        return False
    lower = span.text.lower()
    return lower in words("document_headings") or (len(lower) >= 6 and lower.endswith("ing"))
