"""Signers a release states rather than reports signing: "Signing the memorandum were X
and Y", "X and Y were the signatories of the MoU", "The signatories to the protocol will
be X, Y and Z"; and who represented each side at the signing ("At the signing ceremony,
Ghana was represented by its Minister of Labour, X. Meanwhile, the ILO was represented by
Y")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import earlier_act
from ..rules.lexicon import words
from .context import DocContext
from .documents import the_document
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
    phrase of its own ("the signatory countries", "X, one of the signatories, said"), of
    another act ("the signatories of the 1951 Convention", "The petition's signers",
    "whose signatories were"), nor denied ("X was not among the signatories")."""
    if token.lower_ in SIGNATORY_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        if not of_the_act(token):
            return None
        if token.dep_ == "ROOT":
            return token
        among = token.dep_ == "pobj" and token.head.lower_ == "among"
        clause = token.head.head if among else token.head
        stating = token.dep_ in ("nsubj", "attr") or among
        if stating and clause.lemma_ in STATING_VERBS and clause.pos_ in ("AUX", "VERB"):
            return None if denied(clause) else clause
        return None
    gerund = token.tag_ == "VBG" and token.lemma_ in words("signing_verbs")
    if not gerund or token.dep_ != "csubj" or token.head.lemma_ != "be" or denied(token.head):
        return None
    if any(c.dep_ == "prt" for c in token.children):
        return None  # "Signing up returning migrants ... was the focus of"
    signed = [c for c in token.children if c.dep_ == "dobj"]
    return token.head if all(definite(c) and not earlier_act(c) for c in signed) else None


def of_the_act(noun: Token) -> bool:
    """The signatories' act, if the noun names one ("of the MoU", "to the protocol", "the
    agreement's"), is the one told: definite and not earlier, no petition or letter of
    its own."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("of", "to")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return all(the_document(o) and o.lower_ not in OTHER_PAPERS for o in owners)


OTHER_PAPERS = ("letter", "petition", "appeal")


def denied(clause: Token) -> bool:
    return any(c.dep_ == "neg" for c in clause.children)


def definite(noun: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "such") for c in noun.children
    )


# what a stating clause names as the signatories: its subject or complement (the other
# than the signatory noun), or what "include" takes
STATED_DEPS = ("nsubj", "attr", "dobj", "appos")
CO_SIGNING = ("along", "together", "besides")


def stated_phrase(child: Token) -> bool:
    """A phrase of the stating clause that names signatories: its subject, complement or
    object, or a co-signer's "Along with X, the signatories will be ..."."""
    return child.dep_ in STATED_DEPS or (child.dep_ == "prep" and child.lower_ in CO_SIGNING)


def stated_signatories(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The people a sentence states are the signatories (``stating_clause``): those of
    the phrase it names them in ("The signatories were X and Y"), not the clause's speaker
    ("..., recalled X", "according to X"), those of another clause ("while X delivered
    the remarks") or those who only looked on ("..., in the presence of Y")."""
    found: list[Mention] = []
    people = ctx.in_sentence(sentence, "PERSON")
    for token in sentence:
        clause = stating_clause(token)
        if clause is None:
            continue
        phrases = [c for c in clause.children if stated_phrase(c) and c.i != token.i]
        phrases += [c for c in token.children if c.dep_ == "appos"]  # "The signatories, X"
        if clause.i == token.i:  # a verbless line ("The signatories to the MoU: X and Y")
            phrases = [clause]
        limit = next(
            (t.idx for t in sentence if t.i > clause.i and t.lower_ in PRESENCE_WORDS),
            sentence.end_char,
        )
        for phrase in phrases:
            start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
            found += [m for m in people if start <= m.start < min(end, limit) and m not in found]
    return found


def representatives(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "At the signing, Rwanda was represented by its Minister of Interior, X, while
    Guinea was represented by Y, Minister of Security": who signed for each side."""
    found: list[Mention] = []
    people = ctx.in_sentence(sentence, "PERSON")
    for verb in (t for t in sentence if represents(t)):
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


EVENT_PREPOSITIONS = ("at", "in", "during")


def at_the_signing(sentence: Span) -> bool:
    """The sentence sets its "represented by" at the signing told: "At the signing
    ceremony, ...", "During the signing, ..." (not "Ghana, which signed the 1951
    Convention, was represented at the forum by ...")."""
    return any(
        t.lower_ in SIGNING_NOUNS and t.dep_ in ("pobj", "compound") and own_event(t)
        for t in sentence
    )


def own_event(token: Token) -> bool:
    """``token`` ("signing") is in a phrase of time or place: "at the signing", "at the
    signing ceremony"."""
    head = token.head if token.dep_ == "compound" else token
    return head.dep_ == "pobj" and head.head.lower_ in EVENT_PREPOSITIONS


def another_event(sentence: Span) -> bool:
    """The sentence sets itself at an event of its own: "In the afternoon panel, ...",
    "represented at the job fair by"."""
    return any(
        t.dep_ == "prep"
        and t.lower_ in EVENT_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.ent_type_ != "DATE" for g in t.children)
        and t.head.dep_ in ("ROOT", "conj")
        for t in sentence
    )


def represented_at_signing(ctx: DocContext) -> list[int]:
    """The sentences that say who represented a side at a signing: one with "was
    represented by" set at the signing, and the next ones that go on with the other sides
    and set themselves nowhere else ("Meanwhile, JWB was represented by ..."); found once
    per release, as each of its acts asks."""
    key = "represented at a signing"
    if key not in ctx.holding:
        found: list[int] = []
        for n in ctx.sentences_with("represented", represents):
            sentence = ctx.sentences[n]
            if at_the_signing(sentence) or (n - 1 in found and not another_event(sentence)):
                found.append(n)
        ctx.holding[key] = found
    return ctx.holding[key]


def stating_sentences(ctx: DocContext, start: int, end: int | None) -> list[int]:
    """The sentences from ``start`` on, before ``end`` (another act), that state the
    signatories or who represented each side at the signing."""
    stated = ctx.sentences_with("signatories stated", lambda t: stating_clause(t) is not None)
    found = sorted(set(stated) | set(represented_at_signing(ctx)))
    return [n for n in found if n >= start and (end is None or n < end)]
