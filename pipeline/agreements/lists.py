"""Lists of bodies a release prints one per line under a heading line ("The analysis is
co-signed by:", "In Uganda, the Network's members are:"), and the bodies of a sentence
that may stand in a list."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import is_country
from .context import DocContext, unique

ITEM_TOKENS = 16  # a line of a list below a heading line: one body, maybe its country
WHERE_OR_WHOSE = re.compile(r"(?:\(|\b(?:in|at) )$", re.IGNORECASE)
ITEM_LEAD = re.compile(r"^[\s•·*‣▪◦●○■□➢►–—-]*(?:\d{1,2}[.)]\s*)?(?:the\s+)?$", re.IGNORECASE)
FINITE = ("VBD", "VBZ", "VBP", "MD")  # a clause's verb; "Save the Children" is a name
MAX_MISSED = 2  # lines with no body the model found, inside the list
ITEM_WORDS = 8  # a name the model missed between two it found


def bodies_in(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The bodies and countries of a sentence in text order, without a country in brackets
    after a body ("Centre for Peace Studies (Croatia)") or where someone serves ("Head of
    Mission in Yemen"). Cities are left out: "residents of Sanaa, Aden and Taiz" made
    nothing."""
    named = ctx.in_sentence(sentence, "ORG") + [
        m for m in ctx.in_sentence(sentence, "PLACE") if is_country(m)
    ]
    return sorted(
        (
            m
            for m in named
            if not m.nested and not WHERE_OR_WHOSE.search(ctx.text[max(0, m.start - 4) : m.start])
        ),
        key=lambda m: m.start,
    )


def lines_below(ctx: DocContext, index: int) -> list[Mention]:
    """The bodies of the lines under sentence ``index`` (a heading line ending in a colon):
    one body at the head of each line that is a name, not a sentence; a line or two with
    none (names the model missed)."""
    found: list[Mention] = []
    missed = 0
    for line in ctx.sentences[index + 1 :]:
        if len(line) > ITEM_TOKENS or any(t.tag_ in FINITE for t in line):
            break  # a sentence ends the list: "UNHCR welcomed the statement."
        heads = [
            m for m in bodies_in(ctx, line) if ITEM_LEAD.match(ctx.text[line.start_char : m.start])
        ]
        missed = 0 if heads else missed + 1
        if missed > MAX_MISSED:
            break
        found.extend(heads[:1])
    return unique(found)


def unnamed_items(glue: Span) -> bool:
    """The words between two names of a list are list punctuation and names only."""
    return any(t.text in (",", ";", "&") or t.lower_ == "and" for t in glue) and names_only(glue)


def names_only(span: Span) -> bool:
    """Each piece between commas and semicolons is short and starts as a name does ("the",
    a capital, a digit), and none holds a verb: not a clause ("urging the", "the Coalition
    calls on the")."""
    if any(t.tag_ in FINITE for t in span):
        return False
    pieces: list[list[Token]] = [[]]
    for token in span:
        if token.text in (",", ";"):
            pieces.append([])
        elif not (token.is_space or token.is_punct or token.lower_ in ("and", "&")):
            pieces[-1].append(token)
    return all(
        not piece
        or (len(piece) <= ITEM_WORDS and (piece[0].lower_ == "the" or piece[0].text[:1].isupper()))
        or piece[0].text[:1].isdigit()
        for piece in pieces
    )
