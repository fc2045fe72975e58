"""The partners of a commitment's subject that act with it: the bodies a "with" names
after a verb of partnering ("agreed with IOM to open", "joined forces with MFA to
promote") or after a partnership's noun ("entered into a partnership with the IRC to
increase access")."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .action import PARTNERING
from .context import DocContext

NOUN_REACH = 3  # heads climbed from the action to the partnership's noun


def partners(ctx: DocContext, verb: Token) -> list[Mention]:
    """The partners named with ``verb``'s partnering, or with the partnership it is the
    purpose of; none for other verbs."""
    if partnering(verb):
        return agreed_with(ctx, verb)
    head = verb
    for _ in range(NOUN_REACH):
        if head.head == head:
            break
        head = head.head
        nouns = [head, *objects_of(head)]  # "forged a partnership with X to offer",
        # "entered into a partnership with X to", the infinitive hung on the verb
        found = [n for n in nouns if n.pos_ == "NOUN" and n.lower_ in words("partnership_nouns")]
        if found:
            return with_objects(ctx, [n for n in found if made(n)])
    return []


def made(noun: Token) -> bool:
    """A partnership a verb makes ("forged a partnership", "entered into a partnership"),
    not one it speaks of ("strengthened its partnership with Libya and will train")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb.pos_ == "VERB" and verb.lemma_ in words("partnership_forming_verbs")


def objects_of(verb: Token) -> list[Token]:
    """The verb's object, or the object of its "into" ("entered into a partnership")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    into = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "into"]
    return found + [g for p in into for g in p.children if g.dep_ == "pobj"]


def partnering(verb: Token) -> bool:
    """ "agreed with", "partnered with", "teamed up with", "joined forces with": a verb
    whose "with" names partners that act with its subject."""
    if verb.lemma_ == "join":
        return any(c.dep_ == "dobj" and c.lower_ == "forces" for c in verb.children)
    return verb.lemma_ in PARTNERING


def agreed_with(ctx: DocContext, verb: Token) -> list[Mention]:
    """ "The ministry agreed with IOM [and UNHCR] to open two centres", "IOM has joined
    forces with the Migrant Forum in Asia to promote": the partners agree too (not a body
    inside the phrase: "agreed with UNHCR's proposal")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "forces")]
    return with_objects(ctx, heads)


def with_objects(ctx: DocContext, heads: list[Token]) -> list[Mention]:
    """The named objects of the heads' "with" and their conjuncts."""
    objects = [
        t
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in (pobj, *pobj.conjuncts)
    ]
    return [m for t in objects if (m := ctx.index.get(t.i)) is not None]
