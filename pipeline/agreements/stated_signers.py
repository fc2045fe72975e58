"""Signers a release states rather than reports signing: "Signing the memorandum were X
and Y", "X and Y were the signatories of the MoU", "The signatories to the protocol will
be X, Y and Z"; and who represented each side at the signing ("At the signing ceremony,
Ghana was represented by its Minister of Labour, X. Meanwhile, the ILO was represented by
Y")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext
from .signer_phrases import PRESENCE_WORDS

STATING_VERBS = ("be", "include")
SIGNATORY_NOUNS = ("signatory", "signatories", "signer", "signers")
SIGNING_NOUNS = ("signing", "signature")


def stating_clause(token: Token) -> Token | None:
    """The clause whose ``token`` says who the signatories are: a clause of "be" or
    "include" with the noun as subject, complement or "among" ("The signatories were ...",
    "X and Y were the main signatories of", "Among the signatories were"), the noun
    heading a verbless line ("The signatories to the MoU: ..."), or a clause of "be" with
    a signing gerund as subject ("Signing the mechanism were ..."); not a signatory in a
    phrase of its own ("the signatory countries", "X, one of the signatories, said")."""
    if token.lower_ in SIGNATORY_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "ROOT":
            return token
        among = token.dep_ == "pobj" and token.head.lower_ == "among"
        clause = token.head.head if among else token.head
        stating = token.dep_ in ("nsubj", "attr") or among
        if stating and clause.lemma_ in STATING_VERBS and clause.pos_ in ("AUX", "VERB"):
            return clause
        return None
    gerund = token.tag_ == "VBG" and token.lemma_ in words("signing_verbs")
    return token.head if gerund and token.dep_ == "csubj" and token.head.lemma_ == "be" else None


def states_signatories(token: Token) -> bool:
    return stating_clause(token) is not None


def stated_signatories(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The people a sentence states are the signatories (``stating_clause``): those in
    the clause, not its speaker ("'Signing labour agreements ... is to ensure ...,' X
    said"), up to those who only looked on ("..., in the presence of Y")."""
    found: list[Mention] = []
    for clause in {c.i: c for t in sentence if (c := stating_clause(t)) is not None}.values():
        limit = next((t.idx for t in sentence if t.lower_ in PRESENCE_WORDS), sentence.end_char)
        start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        found += [
            m
            for m in ctx.in_sentence(sentence, "PERSON")
            if start <= m.start < min(end, limit) and m not in found
        ]
    return found


def representatives(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "At the signing, Rwanda was represented by its Minister of Interior, X, while
    Guinea was represented by Y, Minister of Security": who signed for each side."""
    found: list[Mention] = []
    people = ctx.in_sentence(sentence, "PERSON")
    for verb in sentence:
        if verb.lemma_ != "represent" or verb.tag_ != "VBN":
            continue
        for by in (c for c in verb.children if c.dep_ == "agent"):
            end = by.right_edge.idx + len(by.right_edge)
            limit = next(  # "..., in the presence of President Y": Y looked on
                (t.idx for t in sentence if t.i > by.i and t.lower_ in PRESENCE_WORDS),
                sentence.end_char,
            )
            named = [m for m in people if by.idx < m.start < min(end, limit)]
            after = [m for m in people if end <= m.start < limit]
            if not named and after and in_apposition(ctx, by, after[0]):
                named = after[:1]  # "by its Minister of Interior, X": the parse cut X off
            found += named
    return found


def in_apposition(ctx: DocContext, by: Token, person: Mention) -> bool:
    """``person`` follows the agent phrase after a comma, with no verb between, and is no
    subject ("by its embassy, Ambassador X said")."""
    span = ctx.span(person)
    between = ctx.doc[by.right_edge.i + 1 : span.start]
    return (
        len(between) >= 1
        and between[0].text == ","
        and not any(t.pos_ in ("VERB", "AUX") for t in between)
        and span.root.dep_ not in ("nsubj", "nsubjpass")
        and not any(
            t.pos_ == "VERB" and t.lemma_ in words("speech_verbs")
            for t in span.root.ancestors
            if t.i > span.end - 1
        )
    )


def represents(token: Token) -> bool:
    """ "was represented by": a passive "represent" with its agent."""
    return (
        token.lemma_ == "represent"
        and token.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in token.children)
    )


def tells_a_signing(sentence: Span) -> bool:
    return any(
        t.lower_ in SIGNING_NOUNS or (t.lemma_ in words("signing_verbs") and t.pos_ == "VERB")
        for t in sentence
    )


def represented_at_signing(ctx: DocContext) -> list[int]:
    """The sentences that say who represented a side at a signing: one with "was
    represented by" that tells the signing, and the next ones that go on with the other
    sides ("Meanwhile, JWB was represented by ...")."""
    found: list[int] = []
    for n in ctx.sentences_with("represented", represents):
        if tells_a_signing(ctx.sentences[n]) or (n - 1 in found):
            found.append(n)
    return found


def stating_sentences(ctx: DocContext, start: int, end: int | None) -> list[int]:
    """The sentences from ``start`` on, before ``end`` (another act), that state the
    signatories or who represented each side at the signing."""
    stated = ctx.sentences_with("signatories stated", states_signatories)
    found = sorted(set(stated) | set(represented_at_signing(ctx)))
    return [n for n in found if n >= start and (end is None or n < end)]
