"""What is committed: the action's verb phrase, who is called on, and the sentences that
are no commitment (predictions, expectations about others, relative clauses)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import doc_text
from ..rules.constants import BULLETS, LIST_MARK
from ..rules.lexicon import words

ACTION_STOP = {",", ";", ":", ".", "—", "–", "(", "”", '"'}
MAX_ACTION_TOKENS = 16
OPENING_QUOTES = ("“", '"', "‘", "«")
LEADING_PARTICLES = ("to", "for", "on", "upon", "at")  # "call for X": the action is X


def governed_verb(anchor: Token) -> Token | None:
    """The verb the trigger governs ("agreed to [provide]"), else its object."""
    if anchor.tag_ == "MD":
        return anchor.head
    for token in anchor.subtree:
        if token.i > anchor.i and token.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBG"):
            return token
    for token in [anchor, *anchor.children]:
        if token.dep_ == "dobj":
            return token
    return None


def action_text(doc: Doc, verb: Token | None, anchor: Token) -> str:
    if verb is None:
        start = anchor.i + 1
    else:
        start = min(
            [verb.i]
            + [c.i for c in verb.lefts if c.dep_ in ("advmod", "neg", "aux") and c.i > anchor.i]
        )
        if anchor.tag_ == "MD":
            start = max(start, anchor.i + 1)
    tokens: list[Token] = []
    for token in doc[start:]:
        if not tokens and token.text in OPENING_QUOTES:
            continue  # undertake to “uphold ethical recruitment ...”
        if token.text in ACTION_STOP or "\n" in token.text or len(tokens) >= MAX_ACTION_TOKENS:
            break
        if token.lower_ in LEADING_PARTICLES and not tokens:
            continue
        tokens.append(token)
    if not tokens:
        return ""
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def list_item_action(sentence: Span) -> tuple[str, bool]:
    """The action of a list item under a lead-in, and whether it is negated."""
    mark = LIST_MARK.match(sentence.text)
    offset = sentence.start_char + (mark.end() if mark else 0)
    tokens = [t for t in sentence if t.idx >= offset and (not t.is_punct or t.text not in BULLETS)]
    start = 0
    while start < len(tokens) and (tokens[start].text in BULLETS or tokens[start].lower_ == "to"):
        start += 1
    action_tokens: list[Token] = []
    for token in tokens[start:]:
        if token.text in (";", ".") or len(action_tokens) >= MAX_ACTION_TOKENS:
            break
        action_tokens.append(token)
    if not action_tokens:
        return sentence.text, False
    first, last = action_tokens[0], action_tokens[-1]
    action = doc_text(sentence.doc)[first.idx : last.idx + len(last.text)]
    return action, any(c.dep_ == "neg" for c in first.children)


def addressees(anchor: Token, rule_id: str) -> list[str]:
    """Who a call is addressed to: "urged [governments]", "called on [States]"."""
    if not rule_id.startswith("call."):
        return []
    names = []
    for child in anchor.children:
        target = None
        if child.dep_ == "dobj":
            target = child
        elif child.dep_ == "prep" and child.lower_ in ("on", "upon", "to"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is not None:
            for head in [target, *target.conjuncts]:
                names.append(anchor.doc[head.left_edge.i : head.i + 1].text)
    return names


RELATIVE_PRONOUNS = ("who", "which", "that", "whom", "whose")


def own_subject(verb: Token) -> bool:
    """A relative clause with a subject of its own ("an agreement under which the parties
    will ...", "... where signatories committed to ..."), not one about its noun."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lower_ not in RELATIVE_PRONOUNS
        and c.pos_ in ("NOUN", "PROPN")
        for c in verb.children
    )


def is_excluded(verb: Token) -> bool:
    """Predictions, expectations about others, relative clauses, a schedule, a failure."""
    if verb.dep_ == "relcl" and not own_subject(verb):
        return True
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and verb.lemma_ == "agree":
        return True  # "The two MOUs were agreed to by the presidents": an agreement reported
    if passive and verb.lemma_ in words("logistics_verbs"):
        return True  # "will be followed by a press conference"
    if any(c.lower_ in words("prediction_adverbs") for c in verb.children):
        return True
    if verb.lemma_ in words("outcome_verbs"):
        return True  # "the project will see 500 families return": a predicted outcome
    if verb.dep_ == "xcomp" and verb.head.lemma_ in words("failure_verbs"):
        return True  # "failed to agree on": no agreement
    head = verb
    for _ in range(3):
        if head.dep_ in ("ccomp", "advcl") and head.head.lemma_ in words("expectation_verbs"):
            return True
        if head.head is head:
            break
        head = head.head
    return False
