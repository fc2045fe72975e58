"""Subjects that stand for an agreement's parties: "The two organizations will ...",
"Both parties ...", "The MoU will ...", "It will bring together ..." after a sentence
about an agreement, "This will include ..." after one that reports it; and the bodies a
pronoun stands for when their speech reports its clause ("The Diocese said that it will")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import earlier_act, is_country, left_mentions
from ..rules.constants import QUOTE_OPENERS, QUOTES_CLOSE, QUOTES_OPEN
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext


def names_the_parties(
    ctx: DocContext, subject: Token | None, sentence: Span, anchor: Token
) -> bool:
    """ "The two organizations will ...", "Both parties ...", "The MoU will ...": the
    subject stands for the agreement's parties."""
    window = ctx.doc[sentence.start : anchor.i]
    subject_words = (
        [
            subject,
            *(c for c in subject.children if c.dep_ in ("det", "amod", "nummod", "predet")),
            *of_objects(subject),  # "Signing of the Agreement will ...", "Implementation of"
        ]
        if subject is not None
        else (list(window) if len(window) <= 3 else [])
    )
    return any(t.lower_ in words("party_pronouns") for t in subject_words) or any(
        t.lemma_.casefold() in words("joint_subjects") for t in subject_words
    )


def previous_is_about_an_agreement(ctx: DocContext, sentence: Span) -> bool:
    index = ctx.sentences.index(sentence)
    if index == 0:
        return False
    joint = words("joint_subjects") | agreement_nouns()
    return any(t.lemma_.casefold() in joint for t in ctx.sentences[index - 1])


def this_is_the_agreement(ctx: DocContext, sentence: Span, anchor: Token) -> bool:
    """ "This will include ..." right after a sentence whose subject or object is an
    agreement ("The agreement covers ...", "A and B signed an MoU"), outside quotes, not
    negated and not "This will be ...": a prediction or a remark ("This will not be
    easy", "This will delay the programme" after a sentence about something else) credits
    no one."""
    index = ctx.sentences.index(sentence)
    if index == 0 or sentence.text.lstrip()[:1] in QUOTE_OPENERS:
        return False
    verb = anchor.head
    if verb.lemma_ == "be" or any(c.dep_ == "neg" for c in verb.children):
        return False
    previous = ctx.sentences[index - 1]
    return any(  # its subject, or what it reports signed or set up
        t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.lemma_.casefold() in agreement_nouns()
        for t in previous
    )


def the_act_is_subject(ctx: DocContext, verb: Token) -> bool:
    """The verb's subject is the act reported: "The MoU provides for", or "It" right after a
    sentence whose subject or object is an act ("India and Bahrain signed an MoU. It
    provides for ..."); not a named text or an earlier act ("The 1951 Refugee Convention
    provides for", "The Global Compact for Migration works to")."""
    subject = ctx.subject_of(verb)
    if subject is None:
        return False
    if subject.lemma_.casefold() in agreement_nouns():
        return subject.ent_type_ != "MISC" and not named_text(subject)
    if subject.lower_ != "it":
        return False
    index = ctx.index_of.get(verb.sent.start, 0)
    return index > 0 and any(
        t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.lemma_.casefold() in agreement_nouns()
        for t in ctx.sentences[index - 1]
    )


def named_text(noun: Token) -> bool:
    """ "the 1951 Refugee Convention", "the Global Compact for Migration": a text the
    release names, or an earlier act ("the previous agreement"): not the act it reports."""
    return earlier_act(noun) or (
        noun.is_title and any(c.dep_ == "compound" and c.is_title for c in noun.children)
    )


def of_objects(token: Token) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


REPORT_CLIMB = 3  # clauses up from a verb to the verb of speech that reports it


def reporting_bodies(ctx: DocContext, verb: Token, sentence: Span) -> list[Mention]:
    """The bodies (not people: "the minister said it will" means no minister) named in the
    subject of the verb of speech that reports ``verb``'s clause, before the clause: "The
    ministry said that it will ...", "UNHCR and IOM announced they would ..."; not when
    the clause is coordinated with one that has a subject of its own ("UNHCR said the
    refugees arrived and that they will receive shelter": the refugees)."""
    head = verb
    for _ in range(REPORT_CLIMB):
        if head.dep_ not in ("ccomp", "conj") or head.head == head:
            return []
        if head.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
            for c in head.head.children
        ):
            return []
        head = head.head
        if head.lemma_ in words("speech_verbs"):
            subject = ctx.subject_of(head)
            if subject is None or head.i > verb.i:
                return []
            start, end = subject.left_edge.idx, head.idx
            return [
                m
                for m in left_mentions(sentence, head.i, ctx.index)
                if start <= m.start < end and (m.label == "ORG" or is_country(m))
            ]
    return []


KIND_NOT_BODY = ("fund", "programme", "program")  # "The funds will cover": money, a scheme


def bodies_of_kind(ctx: DocContext, token: Token) -> list[Mention]:
    """ "The unions will now step in": the two or more bodies named before whose names
    have that head ("... Trade Union Congress", "... Workers' Union"); no count ("the two
    unions" are the parties) and no other determiner than "the"."""
    determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
    if token.tag_ != "NNS" or determiners != ["the"] or len(list(token.children)) > 1:
        return []
    lemma = token.lemma_.casefold()
    if lemma not in words("org_heads") or lemma in KIND_NOT_BODY:
        return []
    if any(t.lemma_.casefold() == lemma and t.i not in ctx.index for t in ctx.doc[: token.i]):
        return []  # "employers and trade unions ... The unions": the unnamed ones
    found: list[Mention] = []
    for m in ctx.mentions:
        heads = (m.norm or "").casefold().split()
        named = m.label == "ORG" and m.end <= token.idx
        if named and lemma in heads and m.entity_id not in {f.entity_id for f in found}:
            found.append(m)
    return found if len(found) >= 2 else []


def spoken_by_a_text(sentence: Span) -> bool:
    """The sentence's quote is a text's words: "'We call on ...,' the statement said",
    "... our commitment, the declaration reads": its "we" are the text's authors."""
    quoted = False
    for token in sentence:
        # double marks only: "’" also ends a plural's possessive
        if token.text in QUOTES_OPEN | QUOTES_CLOSE:
            quoted = not quoted  # inside the quote, "as the agreement says" is the speaker's
        elif not quoted and token.dep_ == "ROOT" and token.lemma_ in words("text_speech_verbs"):
            # the attribution of the sentence's quote, not a clause of it ("..., just as the
            # memorandum says,' said X")
            for child in token.children:
                if child.dep_ == "nsubj" and child.lemma_.casefold() in words("authored_texts"):
                    return True
    return False


def capital_states(ctx: DocContext, subject: Token) -> list[Mention]:
    """National capitals as the subject stand for their governments ("Dhaka urged the
    international community to ...", "Islamabad and Baghdad have agreed to"): for each,
    the country named in the release with the capital's code, else the capital itself.
    Every coordinated word must be a capital; not in a release about cities ("Berlin has
    committed to take in 200 refugees", the city's mayor), not one that names the
    capital's state in the same sentence (a side of its own), not a seat of bodies
    ("Brussels has pledged": the EU)."""
    if ctx.about_cities:
        return []
    sentence = subject.sent
    found: list[Mention] = []
    for token in (subject, *subject.conjuncts):
        capital = next(
            (
                m
                for m in ctx.mentions
                if m.label == "PLACE" and m.capital and m.start <= token.idx < m.end
            ),
            None,
        )
        if capital is None or (capital.norm or "").casefold() in words("seat_capitals"):
            return []
        code = capital.country_code
        states = [m for m in ctx.mentions if is_country(m) and m.country_code == code]
        if any(sentence.start_char <= m.start < sentence.end_char for m in states):
            return []
        state = states[0] if states else capital
        if state not in found:
            found.append(state)
    return found
