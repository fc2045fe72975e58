"""Small span helpers of the entity rules: a raw span trimmed to its name, acronyms, spans
that cross a line."""

from __future__ import annotations

from spacy.tokens import Span

from ..rules.constants import POSSESSIVE, QUOTES_CLOSE, QUOTES_OPEN

EDGE_PUNCT = set("()[]{},.;:!?-–—/") | QUOTES_OPEN | QUOTES_CLOSE
DETERMINERS = {"the", "a", "an", "its", "their", "our", "this", "these", "both"}
TRAILING_FUNCTION_WORDS = {"of", "for", "in", "on", "at", "to", "by", "with", "and", "the"}


def trim_tokens(span: Span, keep_quotes: bool) -> Span | None:
    """Drop leading articles and punctuation, trailing possessives, prepositions and
    punctuation."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in DETERMINERS
        or doc[start].is_space
        or (doc[start].text in EDGE_PUNCT and not (keep_quotes and doc[start].text in QUOTES_OPEN))
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in TRAILING_FUNCTION_WORDS  # "Comptroller-General of"
        or (
            doc[end - 1].text in EDGE_PUNCT
            and not (keep_quotes and doc[end - 1].text in QUOTES_CLOSE)
        )
    ):
        end -= 1
    if start >= end:
        return None
    for i in range(start, end):  # "World Customs Organization (WCO": the bracket goes
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i:end]):
            end = i
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            break
    if start >= end:
        return None
    trimmed = doc[start:end]
    # an unbalanced quote at either edge goes
    if trimmed[0].text in QUOTES_OPEN and not any(t.text in QUOTES_CLOSE for t in trimmed[1:]):
        trimmed = doc[trimmed.start + 1 : trimmed.end]
    if (
        len(trimmed)
        and trimmed[-1].text in QUOTES_CLOSE
        and not any(t.text in QUOTES_OPEN for t in trimmed[:-1])
    ):
        trimmed = doc[trimmed.start : trimmed.end - 1]
    return trimmed if len(trimmed) else None


def is_acronym(text: str) -> bool:
    """ "UNHCR", "UrBC", "MoU": two capitals or more, at least half the letters."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return " " not in text and upper >= 2 and upper * 2 >= len(letters)


def crosses_line(span: Span) -> bool:
    return "\n" in span.text


FUNCTION_WORDS = frozenset({"of", "for", "in", "and", "the", "on", "to", "&"})


def spells_in_order(initials: list[str], letters: str) -> bool:
    """``letters`` is a subsequence of ``initials`` that takes the first and the last."""
    if not initials or initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    k = 0
    for initial in initials:
        if k < len(letters) and initial == letters[k]:
            k += 1
    return k == len(letters)


def spelled_by_bracketed_acronym(span: Span) -> bool:
    """ "UNU Institute on Globalization, Culture and Mobility (UNU-GCM)": the acronym in
    brackets right after ``span`` spells its words' initials in order, from its first
    word to its last (an acronym word's letters whole), so the commas inside it are part
    of one name, not between the bodies of a list ("UNHCR, UNICEF and International
    Organization for Migration (IOM)" is a list)."""
    acronym = bracketed_after(span)
    if acronym is None or not is_acronym(acronym):
        return False
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    initials = [
        letter
        for token in span
        if token.lower_ not in FUNCTION_WORDS and token.text[:1].isupper()
        for letter in (token.text if token.is_upper else token.text[0])
    ]
    return len(letters) >= 3 and spells_in_order(initials, letters)


def bracketed_after(span: Span, most: int = 4) -> str | None:
    """The word in brackets right after ``span``, whole: "(UNU-GCM)" is several tokens."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "(":
        return None
    j = span.end + 1
    while j < len(doc) and j - span.end <= most:
        if doc[j].text == ")":
            inside = doc[span.end + 1 : j]
            glued = all(not t.whitespace_ for t in inside[:-1])
            return inside.text if len(inside) and glued else None
        j += 1
    return None
