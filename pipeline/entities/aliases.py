"""Acronyms defined in brackets: "Full Name (ACR)" makes ACR and its later uses the same
entity as the full name."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp import places
from ..nlp.extensions import tokens
from ..nlp.payloads import Mention
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet
from .spans import DETERMINERS, FUNCTION_WORDS, is_acronym, spells_in_order


def add_acronym_aliases(found: MentionSet) -> None:
    """ "Full Name (ACR)": ACR and its later uses are the same entity.

    Linear in the text: each alias is searched once, mentions are found by their span
    in a dictionary and overlaps are read from a map of the characters already taken."""
    definitions = [
        (m, a) for m in list(found.mentions) if (a := defined_alias(found, m) or m.alias)
    ]
    if not definitions:
        return
    aliases = {alias for _, alias in definitions}
    found.mentions = [
        m for m in found.mentions if m.label == "ORG" or found.text[m.start : m.end] not in aliases
    ]
    by_span: dict[tuple[int, int], list[Mention]] = {}
    taken = bytearray(len(found.text))
    for m in found.mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
        if not m.nested:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    last_definition: dict[str, Mention] = {}
    bracketed: set[str] = set()
    for mention, alias in definitions:
        mention.alias = alias
        if mention.source == "alias.spelled_out" and alias in bracketed:
            continue  # "Full Name (ACR)" says what ACR stands for; a name that spells it, not
        last_definition[alias] = mention  # a later definition of the same acronym wins
        if mention.source != "alias.spelled_out":
            bracketed.add(alias)
    for alias, mention in last_definition.items():
        pattern = rf"(?<![\w-]){re.escape(alias)}(?![\w-])"
        for match in re.finditer(pattern, found.text):
            start, end = match.span()
            existing = by_span.get((start, end))
            if existing:
                for m in existing:
                    m.label = "ORG"
                    m.alias_of = mention
                continue
            if any(taken[start:end]) or found.in_contact(start, end):
                continue
            added = Mention(start, end, "ORG", "alias.acronym", alias_of=mention)
            found.mentions.append(added)
            by_span[(start, end)] = [added]
            taken[start:end] = b"\x01" * (end - start)


def defined_alias(found: MentionSet, mention: Mention) -> str | None:
    """The acronym in brackets right after an organisation's name, if any."""
    if mention.label != "ORG":
        return None
    doc = found.doc
    span = doc.char_span(mention.start, mention.end)
    if span is None or span.end + 2 >= len(doc) or doc[span.end].text != "(":
        return None
    j = span.end + 1
    k = j
    while k < len(doc) and doc[k].text != ")" and k - j < 4:
        k += 1
    if k >= len(doc) or doc[k].text != ")" or k == j:
        return None
    alias = doc[j:k].text
    if not alias.isupper() and places.is_known_place(alias):
        return None  # "Pakistan Workers Federation (Pakistan)": where it is, not its alias
    return alias if alias[0].isupper() and len(alias) <= 30 else None


DEFINITION_WORDS = 10  # title-case words before "(ACR)" that may hold its head noun


def drop_acronyms_of_texts(found: MentionSet) -> None:
    """ "World Migration Report (WMR)", "Kampala Declaration on ... (KDMECC)": an
    acronym the text defines as a text, an event or an agreement names no body, so the
    model's organisation mentions of it go; so does one it defines by lower-case words,
    a thing's name ("non-food items (NFI)", "internally displaced persons (IDPs)")."""
    doc = found.doc
    not_bodies: set[str] = set()
    taken = found.occupancy()
    for token in tokens(doc):
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        before_bracket = len(found.text[: token.idx].rstrip()) - 1
        if not is_acronym(acronym) or (before_bracket >= 0 and taken[before_bracket]):
            continue  # defined by a body's name: an alias (add_acronym_aliases)
        before = doc[max(0, token.i - DEFINITION_WORDS) : token.i]
        heads = words("event_nouns") | words("document_nouns") | agreement_nouns()
        if any(t.lower_ in heads and t.is_title for t in before) or spelled_in_lower_case(
            before, acronym
        ):
            not_bodies.add(acronym)
    found.mentions = [
        m
        for m in found.mentions
        if not (
            m.label == "ORG" and m.source.startswith("model.") and found.surface(m) in not_bodies
        )
    ]


def spelled_in_lower_case(before: Span, acronym: str) -> bool:
    """The lower-case words right before the acronym spell it: "non-food items (NFI)"."""
    letters = [c.casefold() for c in acronym if c.isupper()]
    initials: list[str] = []
    for token in reversed(before):
        if token.text == "-" or token.lower_ in FUNCTION_WORDS:
            continue  # "non-food" is three tokens
        if not token.is_lower or not (token.is_alpha or "-" in token.text):
            break
        initials = [part[0] for part in token.lower_.split("-") if part] + initials
        if len(initials) >= len(letters):
            break
    return len(letters) >= 2 and initials == letters


MAX_EXPANSION = 10


def add_expanded_acronyms(found: MentionSet) -> None:
    """ "Migrant Forum in Asia (MFA)": a title-case name whose initials spell the
    acronym in brackets after it is that body's full name, where no rule or the model
    named it (the initials test of acronym-definition finders)."""
    doc = found.doc
    orgs = bytearray(len(found.text))
    for m in found.mentions:
        if m.label == "ORG":
            orgs[m.start : m.end] = b"\x01" * (m.end - m.start)
    bodies = body_heads()
    for token in tokens(doc):
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        if not is_acronym(acronym) or not acronym.isalpha():
            continue
        start = expansion_start(doc, token.i, acronym.upper())
        end = token.i
        tail = named_after(doc, token.i + 3) if start is not None else None
        if tail is not None:
            end = tail  # "Education Above All (EAA) Foundation": the acronym inside the name
        elif start is None or not any(t.lower_ in bodies for t in doc[start : token.i]):
            start = loose_expansion_start(doc, token.i, acronym.upper())
        if start is None:
            continue  # "Joint Labour Migration Programme (JLMP)": no body by its name
        span = doc[start:end]
        if all(orgs[span.start_char : span.end_char]):
            continue  # already a body's name
        found.replace_overlapped(
            Mention(span.start_char, span.end_char, "ORG", "alias.expanded"),
            lambda m: m.label != "ORG" or m.source.startswith("model."),
        )
        orgs[span.start_char : span.end_char] = b"\x01" * (span.end_char - span.start_char)


MAX_NAME_TAIL = 4  # title-case words after the acronym that end a body's name


def named_after(doc, start: int) -> int | None:
    """The end of the title-case words from ``start`` that end a body's name on a head
    word of their own ("(SBF) Foundation", "(CYCC) Institute"), not on an office of the
    body ("(ILO) Regional Office", "(UNDP) Regional Bureau": the body's, by the offices
    convention) nor on another word ("(GFMD) Civil Society Days")."""
    heads = body_heads() - words("office_nouns") - {"bureau", "division", "unit"}
    j = start
    while j < len(doc) and j - start < MAX_NAME_TAIL and doc[j].is_title:
        if doc[j].lower_ in words("role_heads"):  # "(CFW) Foundation Chairperson Amina Said"
            return j if j > start and doc[j - 1].lower_ in heads else None
        j += 1
    return j if j > start and doc[j - 1].lower_ in heads else None


MIN_SPELLED_LETTERS = 3  # "UN" and "EU" spell too many pairs of words


def body_heads() -> frozenset[str]:
    """Head words that make a name a body's ("Network", "Agency"), not a programme's."""
    return words("org_heads") - words("activity_nouns")


def add_spelled_out_names(found: MentionSet) -> None:
    """ "IJM" in the headline and "International Justice Mission" in the body, with no
    brackets between them: a body's name whose initials spell an acronym the text uses
    is that body's full name, and the acronym its alias (``add_acronym_aliases``)."""
    doc = found.doc
    acronyms = {
        t.text
        for t in tokens(doc)
        if t.is_upper and t.is_alpha and MIN_SPELLED_LETTERS <= len(t.text) <= MAX_EXPANSION
    }
    acronyms -= {found.surface(m) for m in found.mentions if m.entity_key}  # "IOM": known
    if not acronyms:
        return
    bodies = body_heads()
    for token in tokens(doc):
        if not token.is_title or token.lower_ in FUNCTION_WORDS:
            continue
        before = doc[token.i - 1] if token.i else None
        if before is not None and before.is_title and before.lower_ not in DETERMINERS:
            continue  # inside a longer name
        span = spelled_out(doc, token.i, acronyms)
        if span is None or not any(t.lower_ in bodies for t in span):
            continue
        if span[0].lower_ in words("role_heads"):
            continue  # "Minister of Internal Affairs": an office holder, not the body
        acronym = "".join(t.text[0] for t in span if t.lower_ not in FUNCTION_WORDS)
        same = [m for m in found.mentions if (m.start, m.end) == (span.start_char, span.end_char)]
        if same:
            same[0].alias = same[0].alias or acronym
            continue
        found.replace_overlapped(
            Mention(span.start_char, span.end_char, "ORG", "alias.spelled_out", alias=acronym),
            lambda m: m.source.startswith("model.") or m.label != "ORG",
        )


def spelled_out(doc, start: int, acronyms: set[str]) -> Span | None:
    """The title-case name from ``start`` whose initials (function words aside) spell one
    of ``acronyms`` and that ends there."""
    initials, j = "", start
    while j < len(doc) and j - start < MAX_EXPANSION:
        word = doc[j]
        j += 1
        if word.lower_ in FUNCTION_WORDS and j - 1 > start:
            continue
        if not word.is_title:
            return None
        initials += word.text[0]
        following = doc[j] if j < len(doc) else None
        ends = following is None or not (following.is_title or following.is_upper)
        if initials in acronyms and ends:
            return doc[start:j]
    return None


def expansion_start(doc, bracket: int, letters: str) -> int | None:
    """Where the words whose initials spell ``letters`` start, ending before ``bracket``."""
    initials = ""
    i = bracket
    while i > 0 and bracket - i < MAX_EXPANSION:
        word = doc[i - 1]
        if word.lower_ in FUNCTION_WORDS:
            i -= 1
            continue
        if not word.is_title and not word.is_upper:
            return None
        initials = word.text[0].upper() + initials
        i -= 1
        if initials == letters:
            return i
        if not letters.endswith(initials):
            return None
    return None


MAX_LOOSE_EXPANSION = 14  # words of a title-case name with a loosely spelled acronym


def loose_expansion_start(doc, bracket: int, letters: str) -> int | None:
    """Where a name starts whose acronym takes some of its words only, in order, from
    its first word to its last: "Network of Civil Society Organization Against Child
    Trafficking and Labour (NACTAL)", "National Agency for the Prohibition of
    Trafficking in Persons (NAPTIP)". The shortest such name that holds a body's head
    word counts."""
    if len(letters) < MIN_SPELLED_LETTERS:
        return None
    bodies = body_heads()
    run: list[Token] = []
    i = bracket - 1
    while i >= 0 and len(run) < MAX_LOOSE_EXPANSION:
        word = doc[i]
        if not (word.is_title or word.is_upper or word.lower_ in FUNCTION_WORDS):
            break
        run.insert(0, word)
        i -= 1
    if not run or run[-1].lower_ in FUNCTION_WORDS or run[-1].text[0].upper() != letters[-1]:
        return None
    for first in range(len(run) - 1, -1, -1):
        word = run[first]
        if word.lower_ in FUNCTION_WORDS or word.text[0].upper() != letters[0]:
            continue
        named = run[first:]
        if not any(t.lower_ in bodies for t in named):
            continue  # "Communities Against Forced Labour": no body's name yet
        if spells_in_order([t.text[0].upper() for t in named], letters):
            return run[first].i
    return None
