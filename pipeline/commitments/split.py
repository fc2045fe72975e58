"""Two actions in one sentence, each with its own verb and object, are two commitments
("The KIS will prioritise crackdown activities and target specific sectors ..."; the
guidelines: "should cling to X and seek to control Y" is two). A verb coordinated with
no complement of its own ("grow and prosper") stays in its phrase."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..nlp.payloads import Commitment
from ..nlp.syntax import has_to
from ..rules.lexicon import words
from .action import governed_verb, phrase_start
from .phrase import base_form, cut, passive, render, trim

COMPLEMENTS = ("dobj", "xcomp", "ccomp", "attr", "oprd", "dative", "prep")
SUBJECTS = ("nsubj", "nsubjpass", "expl")
LEADING = ("cc", "punct", "aux", "preconj")
BARE_FORMS = {"VB", "VBP"}  # an infinitive, and the present the tagger takes it for


def split_actions(
    commitment: Commitment, anchors: frozenset[int] = frozenset()
) -> list[Commitment]:
    """``commitment`` (its action the whole phrase, as the guidelines' one-entry reading
    has it) and one more row per verb coordinated with its action's verb, but for a verb
    whose phrase holds the trigger of another of the sentence's commitments (token
    indices ``anchors``, this one's among them: "will sign an MoU and commit to
    protecting ...", already one)."""
    anchor = commitment.anchor
    verb = governed_verb(anchor) if anchor is not None else None
    if anchor is None or verb is None or verb.pos_ != "VERB" or passive(verb):
        return [commitment]
    others = anchors - {anchor.i}
    conjuncts = sorted(
        (
            c
            for c in coordinated(verb, anchor)
            if own_action(c, verb) and not others & {t.i for t in c.subtree}
        ),
        key=lambda c: c.i,
    )
    if not conjuncts:
        return [commitment]
    head, start = phrase_start(verb, anchor)
    if head != verb or start > verb.i:
        return [commitment]
    edges = [c.left_edge.i for c in conjuncts]
    rows = [commitment]  # its action keeps the whole coordinated phrase
    for n, conjunct in enumerate(conjuncts):
        end = edges[n + 1] - 1 if n + 1 < len(edges) else conjunct.right_edge.i
        first = next(t.i for t in conjunct.subtree if t.dep_ not in LEADING or t == conjunct)
        rows.append(replace(commitment, action=phrase(conjunct, first, end)))
    return [row for row in rows if row.action] or [commitment]


def coordinated(verb: Token, anchor: Token) -> list[Token]:
    """The verbs coordinated with the action's verb, and the infinitives the parse hangs
    on the trigger itself ("committed to preventing X, and to ensure Y"; not "and how
    to enforce them", a question)."""
    found = [c for c in verb.children if c.dep_ == "conj"]
    if anchor != verb:
        found += [c for c in anchor.children if c.dep_ == "conj" and has_to(c)]
    # thanks are no action of the row's own, where only the new readings would split them
    return [
        c
        for c in found
        if not asks(c) and (c.tag_ == verb.tag_ or c.lemma_ not in words("courtesy_verbs"))
    ]


QUESTION_WORDS = ("how", "what", "whether", "where", "when", "why", "which")


def asks(token: Token) -> bool:
    """ "how to enforce them", "whether to extend it": a question, not an action."""
    return any(t.lower_ in QUESTION_WORDS for t in token.subtree if t.i < token.i)


def same_form(conjunct: Token, verb: Token) -> bool:
    """The verb's form; a bare form the tagger read as a present after a "to" infinitive
    ("aim to enhance X, advocate for Y"; not after "will" or "help X", whose present is
    someone else's act); or an infinitive of its own ("to preventing X, and to ensure Y")."""
    return (
        conjunct.tag_ == verb.tag_
        or ({conjunct.tag_, verb.tag_} <= BARE_FORMS and has_to(verb))
        or (conjunct.tag_ == "VB" and has_to(conjunct))
    )


def own_action(conjunct: Token, verb: Token) -> bool:
    """A verb of the same form, with a complement and no subject of its own."""
    return (
        conjunct.pos_ == "VERB"
        and same_form(conjunct, verb)
        and any(c.dep_ in COMPLEMENTS for c in conjunct.children)
        and not any(c.dep_ in SUBJECTS for c in conjunct.children)
    )


def phrase(head: Token, start: int, end: int) -> str:
    tokens = [t for t in head.doc[start : end + 1] if "\n" not in t.text]
    while tokens and tokens[0] != head and tokens[0].lower_ == "to":
        tokens = tokens[1:]  # "committed [to] promote X and to strengthen Y"
    tokens, was_cut = cut(trim(tokens))
    return render(base_form(head, tokens), was_cut) if tokens else ""
