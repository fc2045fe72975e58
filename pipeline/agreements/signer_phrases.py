"""Signers named around a signing rather than as its subject: "X, signed on behalf of
the Norwegian government, and Y, on behalf of ...", "with X and Y signing on behalf of
their governments"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext


def on_behalf(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "X, signed on behalf of the Norwegian government, and Secretary of Interior, Y, on
    behalf of the government of Pakistan": each person right before "(signed) on behalf
    of" (the second signing verb left out) signed."""
    found: list[Mention] = []
    people = ctx.in_sentence(sentence, "PERSON")
    for behalf in (t for t in sentence if t.lower_ == "behalf" and t.i > sentence.start):
        on = ctx.doc[behalf.i - 1]
        if on.lower_ != "on":
            continue
        end = on.i
        if end - 1 > sentence.start and ctx.doc[end - 1].lemma_ in words("signing_verbs"):
            end -= 1  # "Y, signed on behalf of"
        if end - 1 > sentence.start and ctx.doc[end - 1].text == ",":
            end -= 1
        person = next((m for m in people if ctx.span(m).end == end), None)
        if person is not None:
            found.append(person)
    return found


def with_signers(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """ "The agreement was signed in Ankara, with X, Chief of ..., and Y, President of
    ..., signing on behalf of their governments": the people of the "with" phrase before
    the signing participle hung on the document's passive signing (not "X met with Y,
    signing an MoU": X signed)."""
    head = verb.head
    passive = head.lemma_ in words("signing_verbs") and any(
        c.dep_ == "nsubjpass" for c in head.children
    )
    if not passive or any(c.dep_ == "nsubj" for c in verb.children):
        return []
    prep = next(
        (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i),
        None,
    )
    if prep is None:
        return []
    return [m for m in ctx.in_sentence(sentence, "PERSON") if prep.idx < m.start < verb.idx]
