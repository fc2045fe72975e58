"""Agreement nouns governed by a reporting verb: the rules of ``agreements.jsonl`` and
the syntax that ties a noun to its verb and its name."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from ..rules.files import read_jsonl
from ..rules.lexicon import expand_words
from .context import DocContext

TRAILING_ACRONYM = re.compile(r"\s*\([^()]*\)$")  # "memorandum of understanding (MoU)"
MAX_GOVERNING = 4  # ancestors of the noun in which its reporting verb must stand
MAX_NAME_PHRASE = 12


@cache
def rules() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(noun rules by id, verb rules by lemma)."""
    nouns, verbs = {}, {}
    for row in read_jsonl("agreements.jsonl", ("id", "kind")):
        if row["kind"] == "noun":
            nouns[row["id"]] = row
        else:
            for lemma in expand_words(row["lemmas"]):
                verbs[lemma] = row
    return nouns, verbs


def build_matcher(vocab: Vocab) -> Matcher:
    """The agreement-noun matcher (built in the component's ``__init__``)."""
    matcher = Matcher(vocab, validate=True)
    for rule_id, row in rules()[0].items():
        matcher.add(rule_id, [row["pattern"]])
    return matcher


def noun_token(sentence: Span, rule_id: str, start: int, end: int) -> Token:
    """The agreement noun of a match: the pattern's ``head`` token, by default its last."""
    head = rules()[0][rule_id].get("head", -1)
    return sentence.doc[sentence.start + (start + head if head >= 0 else end + head)]


def reporting_verb(noun: Token) -> Token | None:
    """The verb of signing, adopting or launching that governs the noun."""
    _, verbs = rules()
    governing: list[Token] = []
    for ancestor in list(noun.ancestors)[:MAX_GOVERNING]:
        governing.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break  # "launched X to support ... implementing the Compact": not launched
    candidates = governing + [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    for token in candidates:
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in verbs:
            return token
    # a reduced relative the parse left loose: "the Agreement ... recently concluded between"
    doc = noun.doc
    j = noun.right_edge.i + 1
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    if j < len(doc) and doc[j].tag_ in ("VBN", "VBD") and doc[j].lemma_ in verbs:
        return doc[j]
    return None


def spoken_in(ctx: DocContext, noun: Token) -> bool:
    """ "In a joint statement, X urged ...": the statement is what X says it in."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("in", "through")
        and prep.dep_ == "prep"
        and prep.head.pos_ == "VERB"
        and ctx.subject_of(prep.head) is not None
    )


def name_of(ctx: DocContext, noun: Token, sentence: Span) -> str | None:
    """The agreement's name: an entity around the noun, else the noun with its title-case
    modifiers and its "of"/"on" phrase."""
    doc = ctx.doc
    for m in ctx.mentions:
        if m.label == "ORG" and m.start <= noun.idx < m.end:
            return ctx.text[m.start : m.end]
    left = noun.i
    while (
        left > sentence.start
        and doc[left - 1].dep_ in ("compound", "amod")
        and (doc[left - 1].is_title or doc[left - 1].lower_ in ("joint",))
    ):
        left -= 1
    right = noun.i + 1
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "on")), None)
    if prep is not None:
        right = min(prep.right_edge.i + 1, prep.i + MAX_NAME_PHRASE)
    elif noun.is_title and right + 1 < len(doc) and doc[right].lower_ in ("of", "on"):
        # "Agreement of Cooperation" when the parse hangs "of" elsewhere
        j = right + 1
        while j < sentence.end and doc[j].is_title:
            j += 1
        if j > right + 1:
            right = j
    text = TRAILING_ACRONYM.sub("", doc[left:right].text.strip(" ,.;:")).strip(" ,.;:")
    return text or None
