"""Clauses about an agreement, read from the parse: what the parties signed up to.

The guidelines' conventions: "X and Y signed an MoU to boost cooperation" is an
``agree`` commitment of X and Y (the purpose of signing); "an MoU which aims to" is
``aim``; "an agreement that will strengthen" is ``will``; "... pledging closer
cooperation" is ``commit``; "a memorandum aimed at / designed to" is ``aim``. Each is
credited to the signing verb's subject when it names bodies, else to the agreement's
parties (``actor_source = "parties"``, filled by the link step).

Rule ids: ``agree.signing_purpose``, ``agree.signing_purpose_for``,
``aim.agreement_aims``, ``will.agreement_will``, ``commit.signing_pledge``,
``aim.agreement_aimed_at``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.payloads import Commitment
from ..nlp.syntax import has_to, mentions_in
from ..rules.lexicon import agreement_nouns, words
from .action import action_text, noun_phrase_action
from .context import DocContext
from .speakers import bodies_of

CLAUSE_DEPS = ("advcl", "xcomp", "acl", "relcl", "ccomp")
AIM_PARTICIPLES = ("aim", "design", "intend")
PLEDGE_PARTICIPLES = ("pledge", "commit")


def purpose_commitment(ctx: DocContext, sentence: Span, index: int) -> Commitment | None:
    """The first clause about an agreement of the sentence that commits its parties."""
    goal = goal_of_joint_work(ctx, sentence, index)
    if goal is not None:
        return goal
    for noun in sentence:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.lower_ not in agreement_nouns():
            found = joint_work_aims(ctx, sentence, index, noun)
            if found is not None:
                return found
            continue
        verb = signing_verb(noun)
        for head in [noun, verb] if verb is not None else [noun]:
            for clause in head.children:
                found = clause_commitment(ctx, sentence, index, noun, verb, clause)
                if found is not None:
                    return found
        which = trailing_which_clause(sentence, noun)
        if which is not None:
            found = clause_commitment(ctx, sentence, index, noun, verb, which, trailing=True)
            if found is not None:
                return found
        found = nominal_purpose(ctx, sentence, index, noun, verb)
        if found is not None:
            return found
        found = cut_off_purpose(ctx, sentence, index, noun)
        if found is not None:
            return found
    return None


CUT_OFF_REACH = 12  # tokens between a signing verb and the noun the parse cut off from it


def cut_off_purpose(ctx: DocContext, sentence: Span, index: int, noun: Token) -> Commitment | None:
    """ "IOM launched today (3 December 2020) a Global Policy Network to promote ...",
    parsed as a new clause whose subject is the noun: the infinitive is the purpose of
    the signing verb before the noun, with no other verb between."""
    clause = noun.head
    infinitive = has_to(clause)
    if noun.dep_ != "nsubj" or not infinitive or clause.tag_ != "VB" or clause.i < noun.i:
        return None
    doc = ctx.doc
    for i in range(noun.i - 1, max(sentence.start, noun.i - CUT_OFF_REACH) - 1, -1):
        token = doc[i]
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_
        if lemma not in words("signing_verbs") and lemma not in words("founding_verbs"):
            return None
        if lemma == "enter" and doc[token.i + 1].lower_ != "into":
            return None  # "entered Jordan ... the agreement": no act entered into
        actors, source = signers(ctx, token, noun)
        return Commitment(
            sentence,
            index,
            "agree",
            "agree.signing_purpose",
            actors,
            source,
            action_text(doc, clause, clause),
            [],
            any(c.dep_ == "neg" for c in clause.children),
            anchor=clause,
        )
    return None


def joint_work_aims(ctx: DocContext, sentence: Span, index: int, noun: Token) -> Commitment | None:
    """ "... the project, which aims to contribute to ...": what the parties' joint work
    (``joint_subjects``: a project, a programme, an initiative) aims at."""
    if noun.lemma_.casefold() not in words("joint_subjects"):
        return None
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.lemma_ in ("aim", "seek", "intend"):
            return Commitment(
                sentence,
                index,
                "aim",
                "aim.joint_work_aims",
                [],
                "parties",
                action_text(ctx.doc, following_verb(clause), clause),
                [],
                False,
                anchor=clause,
            )
    return None


def goal_of_joint_work(ctx: DocContext, sentence: Span, index: int) -> Commitment | None:
    """ "The goal of the cooperation is the control of migration flows", "a visa waiver
    is the goal of the next phase of the partnership": what the parties' joint work is
    for, stated with "to be", is their ``aim``."""
    lowered = sentence.text.casefold()
    if not any(word in lowered for word in words("goal_nouns")):
        return None
    for noun in sentence:
        if noun.lemma_.casefold() not in words("goal_nouns") or noun.pos_ != "NOUN":
            continue
        if noun.dep_ not in ("nsubj", "attr") or noun.head.lemma_ != "be":
            continue
        if not of_joint_work(noun):
            continue
        other = next(
            (
                c
                for c in noun.head.children
                if c.dep_ in ("nsubj", "attr", "xcomp", "acomp") and c.i != noun.i
            ),
            None,
        )
        if other is None:
            continue
        return Commitment(
            sentence,
            index,
            "aim",
            "aim.goal_of_joint_work",
            [],
            "parties",
            noun_phrase_action(other)
            if other.pos_ in ("NOUN", "PROPN")
            else action_text(ctx.doc, other, other),
            [],
            any(c.dep_ == "neg" for c in noun.head.children),
            anchor=noun,
        )
    return None


def of_joint_work(noun: Token) -> bool:
    """The noun's "of" phrase names joint work, maybe through a part of it: "of the
    cooperation", "of the next phase of the partnership"."""
    token = noun
    for _ in range(2):
        pobj = next(
            (
                p
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        if pobj is None:
            return False
        lemma = pobj.lemma_.casefold()
        if lemma in words("joint_subjects") or lemma in agreement_nouns():
            return True
        token = pobj
    return False


def signing_verb(noun: Token) -> Token | None:
    """The verb that signs, adopts or launches the noun ("signed an MoU", "entered (into)
    an agreement"; not "entered Israel under the agreement")."""
    head = noun.head
    for _ in range(2):
        if head.pos_ == "VERB" and (
            head.lemma_ in words("signing_verbs") or head.lemma_ in words("founding_verbs")
        ):
            entered = (noun.dep_ == "pobj" and noun.head.lower_ == "into") or (
                noun.dep_ == "dobj" and noun.head == head  # "has entered a deal to"
            )
            if head.lemma_ == "enter" and not entered:
                return None
            to = has_to(head)
            return None if to and head.tag_ == "VB" else head  # "a step to establish"
        if head.head is head or head.dep_ not in ("prep", "pobj", "conj", "dobj"):
            break
        head = head.head
    return None


NOMINAL_ACT = re.compile(r"(?:tion|sion|ment|ance|ence)s?$")  # "for the prevention of"


def nominal_purpose(
    ctx: DocContext, sentence: Span, index: int, noun: Token, verb: Token | None
) -> Commitment | None:
    """ "signed a Memorandum ... for the prevention and suppression of trafficking": a
    purpose named by an action noun after "for"."""
    if verb is None or verb.lemma_ not in words("signing_verbs"):
        return None
    for head in (noun, verb):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i < noun.i:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or not NOMINAL_ACT.search(pobj.lower_) or in_name(prep, pobj):
                continue
            actors, source = signers(ctx, verb, noun)
            return Commitment(
                sentence,
                index,
                "agree",
                "agree.signing_purpose_for",
                actors,
                source,
                action_text(ctx.doc, pobj, prep),
                [],
                False,
                anchor=prep,
            )
    return None


def in_name(prep: Token, pobj: Token) -> bool:
    """ "a European Partnership for Integration": a capitalised noun right after "for"
    under a proper noun ends the act's name, it names no purpose."""
    return prep.head.pos_ == "PROPN" and pobj.i == prep.i + 1 and pobj.text[:1].isupper()


def clause_commitment(
    ctx: DocContext,
    sentence: Span,
    index: int,
    noun: Token,
    verb: Token | None,
    clause: Token,
    trailing: bool = False,
) -> Commitment | None:
    if clause.dep_ not in CLAUSE_DEPS or clause.pos_ not in ("VERB", "AUX"):
        return None
    infinitive = has_to(clause)
    modal = any(c.tag_ == "MD" and c.lower_ in ("will", "shall") for c in clause.children)
    if (clause.dep_ == "relcl" and clause.head == noun) or trailing:
        if clause.lemma_ in ("aim", "seek", "intend"):
            rule, modality, action_from = "aim.agreement_aims", "aim", following_verb(clause)
        elif modal:
            rule, modality, action_from = "will.agreement_will", "will", clause
        else:
            return None
    elif clause.tag_ == "VBN" and clause.lemma_ in AIM_PARTICIPLES:
        rule, modality, action_from = "aim.agreement_aimed_at", "aim", following_verb(clause)
    elif clause.tag_ == "VBG" and clause.lemma_ in PLEDGE_PARTICIPLES and verb is not None:
        rule, modality, action_from = "commit.signing_pledge", "commit", clause
    elif infinitive and clause.tag_ == "VB" and verb is not None and purpose_of(clause, noun):
        rule, modality, action_from = "agree.signing_purpose", "agree", clause
    else:
        return None
    aimed = aimed_object(clause) if action_from is None and modality == "aim" else None
    if action_from is None and aimed is None:
        return None
    actors, source = signers(ctx, verb, noun)
    anchor = clause
    if aimed is not None:  # "aims for the protection of refugees": the noun's phrase
        action = noun_phrase_action(aimed)
    else:
        action = action_text(ctx.doc, action_from, anchor)
    if not action:
        return None
    return Commitment(
        sentence,
        index,
        modality,
        rule,
        actors,
        source,
        action,
        [],
        any(c.dep_ == "neg" for c in clause.children),
        anchor=anchor,
    )


def purpose_of(clause: Token, noun: Token) -> bool:
    """An infinitive after the agreement ("signed an MoU to boost"), or one opening the
    sentence ("To ensure ..., X and Y signed an MoU")."""
    fronted = clause.dep_ == "advcl" and clause.left_edge.is_sent_start
    return clause.i > noun.i or bool(fronted and clause.left_edge.lower_ == "to")


def trailing_which_clause(sentence: Span, noun: Token) -> Token | None:
    """A "which" clause after the agreement's phrase that the parse hung elsewhere:
    "signed an Agreement on Monday, which will strengthen ...", "to sign this Statement
    with IOM today, which will ...". Only a time or partner phrase may stand between:
    no verb, and no other noun that the clause could be about but a name or a date."""
    doc = sentence.doc
    for token in doc[noun.i + 1 : sentence.end]:
        if token.lower_ == "which" and token.dep_ in ("nsubj", "nsubjpass"):
            head = token.head
            return head if head.i > token.i else None
        if token.pos_ in ("VERB", "AUX") or (
            token.pos_ == "NOUN" and token.ent_type_ not in ("DATE", "TIME")
        ):
            return None
    return None


def aimed_object(clause: Token) -> Token | None:
    """What an aim names as a noun: "aims at the protection of ...", "aims for ..."."""
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "towards", "to"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def following_verb(clause: Token) -> Token | None:
    """The verb a participle or "aims" leads to ("aimed at [furthering]", "aims to [help]")."""
    for token in clause.subtree:
        if token.i > clause.i and token.pos_ == "VERB":
            return token
    return None


def signers(ctx: DocContext, verb: Token | None, noun: Token) -> tuple[list, str]:
    """The bodies that sign, when the signing verb's subject names them, with the other
    side of a "with" phrase ("IOM signed an agreement with Ethiopia"); who announces or
    unveils an act whose sides are named "between" or "among" others is none of them
    ("The Secretary-General announced an agreement between Sudan and South Sudan to
    ..."): the act's parties then."""
    if verb is not None:
        subject = ctx.subject_of(verb)
        if subject is not None and subject.dep_ == "nsubj":
            named = bodies_of(ctx, mentions_in(subject, ctx.index))
            withs = [
                prep
                for token in (verb, noun)
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "with"
            ]
            if verb.lemma_ in words("announcing_verbs") and between_others(noun):
                return [], "parties"  # "announced an agreement between A and B": theirs
            named += [
                m
                for prep in withs
                for pobj in prep.children
                for m in mentions_in(pobj, ctx.index)
                if m not in named and m.label != "PERSON"
            ]
            if any(m.label != "PERSON" for m in named):
                return named, "subject"  # people with no body named: the parties commit
    return [], "parties"


def between_others(noun: Token) -> bool:
    """The act names its sides itself: "an agreement between A and B", "among the five"."""
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)
