"""An agreement's name as a release writes it: the entity around its noun, else the noun
with its title-case modifiers and its "of" / "on" phrase, up to its parties, the next
act or a clause about it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.syntax import names_a_date, topic_phrase
from .context import DocContext
from .detect import another_act

TRAILING_ACRONYM = re.compile(r"\s*\([^()]*\)?$")  # "memorandum of understanding (MoU)"
INNER_ACRONYM = re.compile(r"\s*\((?:[A-Z][A-Za-z]{1,7}|[A-Z]{2,8}s)\)")
TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:to|of|for|and|the|with|in|on|by))+$", re.I)
MAX_NAME_PHRASE = 12


def name_of(ctx: DocContext, noun: Token, sentence: Span) -> str | None:
    """The agreement's name: an entity around the noun, else the noun with its title-case
    modifiers and its "of"/"on" phrase."""
    doc = ctx.doc
    org = ctx.org_covering(noun.idx)
    if org is not None:
        return ctx.text[org.start : org.end]
    left = noun.i
    while (
        left > sentence.start
        and doc[left - 1].dep_ in ("compound", "amod")
        and (doc[left - 1].is_title or doc[left - 1].lower_ in ("joint",))
    ):
        left -= 1
    right = noun.i + 1
    prep = next(
        (
            c
            for c in noun.rights
            if c.dep_ == "prep"
            and c.lower_ in ("of", "on")
            and not names_a_date(c)
            and not any(o.lower_ == "behalf" for o in c.children)  # "on behalf of"
        ),
        None,
    )
    topic = topic_phrase(noun)
    behalf = topic is not None and any(o.lower_ == "behalf" for o in topic.children)
    if prep is None and topic is not None and topic.lower_ == "on" and not behalf:
        prep = topic  # "Joint Declaration on a Mobility Partnership", "on" hung on the verb
    if prep is not None:
        right = min(prep.right_edge.i + 1, prep.i + MAX_NAME_PHRASE)
    elif noun.is_title and right + 1 < len(doc) and doc[right].lower_ in ("of", "on"):
        # "Agreement of Cooperation" when the parse hangs "of" elsewhere
        j = right + 1
        while j < sentence.end and doc[j].is_title:
            j += 1
        if j > right + 1:
            right = j
    for i in range(noun.i + 1, right):  # "memorandum of cooperation | with IOM": the party
        if doc[i].is_space:  # a name ends at its line (a line break is a token of its own)
            right = i
            break
        if doc[i].lower_ in ("with", "between", "among", "by"):
            right = i
            break
        if doc[i].dep_ == "cc" and i + 1 < right and another_act(doc[i + 1].head):
            right = i  # "a declaration | and an action plan": the next act's name
            break
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ in ("acl", "relcl"):
            # "the Joint Declaration on safe labour migration | submitted by", "... on
            # circular migration | , which will lead to": the clause from its first word
            right = max(noun.i + 1, min(i, doc[i].left_edge.i))
            break
    text = TRAILING_ACRONYM.sub("", doc[left:right].text.strip(" ,.;:")).strip(" ,.;:")
    text = INNER_ACRONYM.sub("", text)  # "memoranda of understanding (MOUs) on labor ..."
    text = TRAILING_FUNCTION_WORD.sub("", text)  # "letter of agreement | to strengthen"
    return text or None
