"""What is committed: the action's verb phrase, who is called on, and the sentences that
are no commitment (predictions, expectations about others, relative clauses).

The action is the committed verb phrase whole, in base form (``phrase`` says how far it
runs). Where it starts: the verb the trigger governs, past a verb of intention ("working
to [launch]"); the subject of a that-clause ("reiterated that [all returns] should be
voluntary"); the addressee of a call ("urge [States] to protect ..."); a passive is
given its verb and object ("three areas will be targeted" -> "target three areas"). A
trigger with no verb of its own gives its object phrase: after a preposition without it
("called for [greater investment]"), after a verb with it ("[seek] additional funds",
"[explore] avenues through which ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.extensions import sentences
from ..nlp.payloads import Commitment
from ..nlp.syntax import has_to
from ..rules.constants import BULLETS, LIST_MARK
from ..rules.lexicon import agreement_nouns, words
from .exclusions import RELATIVE_PRONOUNS
from .phrase import Word, active_words, base_form, cut, passive, phrase_end, render, trim

OPENING_QUOTES = ("“", '"', "‘", "«")
LEADING_PARTICLES = ("to", "for", "on", "upon", "at")  # "call for X": the action is X
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON")
OBJECT_DEPS = ("dobj", "pobj", "attr", "oprd")
SUBJECTS = ("nsubj", "nsubjpass", "expl")
LEAD_IN_REACH = 30  # sentences between a list item and its lead-in
INTENTION_PREPOSITIONS = ("on", "at", "towards", "toward", "to")


def governed_verb(anchor: Token) -> Token | None:
    """The verb the trigger governs ("agreed to [provide]"), else the infinitive the
    trigger's clause leads to ("negotiations are under way ... to [extend]", "the goal is
    to [strengthen]"), else its object."""
    if anchor.tag_ == "MD":
        return anchor.head
    for token in anchor.subtree:
        if token.i > anchor.i and token.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBG"):
            if token.dep_ in ("aux", "auxpass") and token.head.i > token.i:
                return token.head  # "commitment to being welcoming": the verb it helps
            return token
    if anchor.dep_ in ("aux", "auxpass") or anchor.pos_ not in ("VERB", "AUX"):
        found = complement_verb(anchor.head, after=anchor.i)
        if found is not None:
            return found
    for token in [anchor, *anchor.children]:
        if token.dep_ == "dobj":
            return token
    return None


def complement_verb(head: Token, after: int, adjacent: bool = False) -> Token | None:
    """The verb a clause leads to after token ``after`` (``adjacent``: right after it): an
    infinitive ("is to strengthen", "working to launch") or a gerund after a preposition
    ("working on implementing")."""
    for child in head.rights:
        if child.i <= after or (adjacent and child.left_edge.i != after + 1):
            continue
        infinitive = has_to(child)
        if child.dep_ in ("xcomp", "advcl", "ccomp") and child.tag_ == "VB" and infinitive:
            return child
        if child.dep_ == "prep" and child.lower_ in INTENTION_PREPOSITIONS:
            gerund = next((c for c in child.children if c.tag_ == "VBG"), None)
            if gerund is not None and gerund.dep_ in ("pcomp", "pobj"):
                return gerund
    return None


def intended(verb: Token) -> Token:
    """ "working to [launch]", "designed to [strengthen]", "working on [implementing]":
    a verb of intention leads to the action it intends."""
    for _ in range(3):
        if verb.lemma_.casefold() not in words("intention_verbs"):
            break
        found = complement_verb(verb, after=verb.i, adjacent=True)
        if found is None:
            break
        verb = found
    return verb


def action_text(doc: Doc, verb: Token | None, anchor: Token) -> str:
    """The committed phrase: ``verb``'s phrase (the trigger's object phrase when there is
    no verb), whole, in base form."""
    head, start = phrase_start(verb, anchor)
    trigger = anchor.head if anchor.tag_ == "MD" or anchor.pos_ not in ("VERB", "AUX") else anchor
    end = phrase_end(head, start, trigger)
    tokens: list[Token] = []
    for token in doc[start : end + 1]:
        if "\n" in token.text:
            break
        if not tokens and skipped_opening(token, head):
            continue
        tokens.append(token)
    tokens, was_cut = cut(trim(tokens))
    if not tokens:
        return ""
    subject_inside = any(t.dep_ == "nsubjpass" and t.head == head for t in tokens)
    in_passive = passive(head) and not subject_inside  # a that-clause keeps its passive
    found = active_words(head, tokens) if in_passive else base_form(head, tokens)
    bearer = duty_bearer(head, anchor)
    if bearer is not None:
        named = sentence_inside(trim(list(doc[bearer.left_edge.i : bearer.right_edge.i + 1])))
        found = [*named[:-1], (named[-1][0], " ")]
        found += [("to", " "), *base_form(head, [t for t in tokens if t.i >= head.i])]
    condition = fronted_condition(head, start)
    if condition and not was_cut:
        found[-1] = (found[-1][0], " ")
        found += sentence_inside(condition)
    return render(found, was_cut)


def sentence_inside(tokens: list[Token]) -> list[Word]:
    """Words moved inside the action: a sentence's capital goes ("Once the agreement is
    made" -> "... once the agreement is made")."""
    words_ = [(t.text, t.whitespace_) for t in tokens]
    first = tokens[0] if tokens else None
    opening = first is not None and all(t.is_punct for t in first.doc[first.sent.start : first.i])
    if first is not None and opening and first.pos_ != "PROPN":
        words_[0] = (first.text[:1].lower() + first.text[1:], first.whitespace_)
    return words_


def duty_bearer(head: Token, anchor: Token) -> Token | None:
    """ "[The global community] has a duty to address these challenges": who has the duty
    is called on to act ("the global community to address these challenges")."""
    duty = head.head
    if anchor.lemma_ != "have" or head.dep_ != "acl" or duty.dep_ != "dobj" or duty.head != anchor:
        return None
    return next((c for c in anchor.lefts if c.dep_ == "nsubj" and c.pos_ in NOMINAL), None)


def fronted_condition(head: Token, start: int) -> list[Token]:
    """ "In the event of death or injury ..., the employer shall make payments": a
    condition put before the committed verb's subject is part of what is committed
    (written after it: "make payments ... in the event of death or injury ...")."""
    for child in head.lefts:
        if child.i >= start:
            break
        condition = child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.casefold() in words("condition_nouns")
            for g in child.children
        )
        marks = {g.lower_ for g in child.children if g.dep_ == "mark"}
        condition |= child.dep_ == "advcl" and bool(marks & words("condition_marks"))
        if condition:
            return trim(list(head.doc[child.left_edge.i : child.right_edge.i + 1]))
    return []


def noun_phrase_action(noun: Token) -> str:
    """What an aim names with a noun ("aims at the protection of ...", "the goal is the
    control of ..., the struggle against ... and ..."): the noun's phrase whole, from its
    first word after the article."""
    words_ = [t for t in noun.subtree if not (t.dep_ == "det" and t.i < noun.i)]
    start = words_[0].i if words_ else noun.i
    end = phrase_end(noun, start, noun)
    tokens, was_cut = cut(trim(list(noun.doc[start : end + 1])))
    return render([(t.text, t.whitespace_) for t in tokens], was_cut)


def skipped_opening(token: Token, head: Token) -> bool:
    """A quote opening the action ("undertake to “uphold ...”"), a particle ("call for X"),
    a that-clause's "that"."""
    if token.text in OPENING_QUOTES or token.is_space:
        return True
    if token.lower_ in LEADING_PARTICLES and token != head:
        return True
    return token.lower_ == "that" and token.dep_ == "mark"


def phrase_start(verb: Token | None, anchor: Token) -> tuple[Token, int]:
    """The head of the committed phrase and its first token."""
    if verb is not None and duty_bearer(verb, anchor) is not None:
        return verb, verb.i
    nominal = verb is not None and verb.pos_ in NOMINAL
    if verb is None or inside_object(verb, anchor) or (nominal and verb.head == anchor):
        return object_phrase(anchor)
    if object_first(verb, anchor):
        return anchor, anchor.i + 1
    if nominal:
        return verb, verb.left_edge.i
    head = intended(verb)
    start = min(
        [head.i]
        + [c.i for c in head.lefts if c.dep_ in ("advmod", "neg", "aux") and c.i > anchor.i]
    )
    if anchor.tag_ == "MD":
        start = max(start, anchor.i + 1)
    for before in (clause_subject(head, anchor), call_addressee(head, anchor)):
        if before is not None:
            start = min(start, before.left_edge.i)
    return head, start


def inside_object(verb: Token, anchor: Token) -> bool:
    """ "exploring avenues through which schools can [accommodate] ...": the governed verb
    stands inside the trigger's object, which is the phrase; not an agreement signed to do
    something ("signed a grant agreement to [implement] ..."): the signing is no action."""
    if anchor.lemma_.casefold() in words("signing_verbs"):
        return False
    token = verb.head
    for _ in range(6):
        if token == anchor or token.head == token:
            return False
        if token.dep_ in OBJECT_DEPS and token.pos_ in NOMINAL:
            if token.lower_ in agreement_nouns():
                return False
            return any(a == anchor for a in token.ancestors)
        token = token.head
    return False


PARTNERING = ("agree", "partner", "team", "join")  # verbs whose "with" names a partner


def object_first(verb: Token, anchor: Token) -> bool:
    """ "called for [the roll-out of the workplan, ..., to ensure that ...]": a clause the
    trigger governs after the object of its preposition belongs to that object's phrase."""
    if verb.head != anchor or verb.dep_ not in ("advcl", "xcomp"):
        return False
    return any(
        c.dep_ == "prep"
        and not (c.lower_ == "with" and anchor.lemma_ in PARTNERING)  # "agreed with IOM to"
        and not (anchor.lemma_ == "agree" and c.lower_ in words("circumstance_prepositions"))
        and anchor.i < c.i < verb.i
        and any(g.dep_ == "pobj" for g in c.children)
        for c in anchor.children
    )


def object_phrase(anchor: Token) -> tuple[Token, int]:
    """The trigger's object phrase: with the trigger verb when it takes it directly
    ("seek additional funds"), without it after a preposition ("called for X")."""
    first = next(anchor.rights, None)
    verb = anchor.pos_ == "VERB" and anchor.dep_ not in ("aux", "auxpass")
    if verb and first is not None and first.dep_ not in ("prep", "punct", "agent"):
        return anchor, anchor.i
    return anchor, anchor.i + 1


def clause_subject(head: Token, anchor: Token) -> Token | None:
    """ "reiterated that [all returns] should be voluntary": the subject of a that-clause
    the trigger governs belongs to what is committed."""
    if head.dep_ != "ccomp" or head.i <= anchor.i:
        return None
    for child in head.lefts:
        if child.dep_ in SUBJECTS and child.i > anchor.i and child.lower_ not in RELATIVE_PRONOUNS:
            return child
    return None


def call_addressee(head: Token, anchor: Token) -> Token | None:
    """ "urge [States in the region] to protect ...", "call on [leaders] to ...": a call's
    action is what its addressees are to do."""
    if anchor.lemma_.casefold() not in words("call_verbs") or head.head != anchor:
        return None
    if head.dep_ not in ("xcomp", "ccomp", "advcl"):
        return None
    for child in anchor.rights:
        target = child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
        if target.dep_ in ("dobj", "pobj") and anchor.i < target.i < head.i:
            return target
    return None


def list_item_action(sentence: Span) -> tuple[str, bool]:
    """The action of a list item under a lead-in, whole, and whether it is negated. An item
    completes its lead-in: "call on leaders to: 1. Make ..." -> "leaders to make ...",
    "pledge to ensure that: (1) Every refugee can ..." -> "ensure that every refugee can"."""
    mark = LIST_MARK.match(sentence.text)
    offset = sentence.start_char + (mark.end() if mark else 0)
    tokens = [t for t in sentence if t.idx >= offset and not bullet(t)]
    start = 0
    while start < len(tokens) and (tokens[start].text in BULLETS or tokens[start].lower_ == "to"):
        start += 1
    kept, was_cut = cut(trim(tokens[start:]))
    if not kept:
        return sentence.text, False
    prefix = lead_in_prefix(sentence, kept[0])
    found = [(t.text, t.whitespace_) for t in kept]
    if prefix and kept[0].pos_ not in ("PROPN",) and kept[0].ent_iob_ != "B":
        found[0] = (found[0][0][:1].lower() + found[0][0][1:], found[0][1])
    if prefix:
        prefix[-2] = (prefix[-2][0], " ")
    action = render([*prefix, *found], was_cut)
    return action, any(c.dep_ == "neg" for c in kept[0].children)


def bullet(token: Token) -> bool:
    """A bullet mark, not a hyphen inside a word ("follow-up")."""
    infix = token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.is_punct and token.text in BULLETS and not infix


def lead_in_prefix(item: Span, first: Token) -> list[Word]:
    """The words of the lead-in an item completes: a call's addressees and "to" ("call on
    [leaders, with the support of ASEAN, to]"), or a verb before "that:" ("[ensure that]",
    for an item that is a clause)."""
    found = sentences(item.doc)
    index = found.index_at(item.start_char)
    for back in range(index - 1, max(-1, index - LEAD_IN_REACH), -1):
        kind = found.kinds[back]
        if kind not in ("list_item", "lead_in"):
            return []
        if kind == "lead_in":
            words_ = lead_in_words(found.spans[back], first)
            if words_:
                return words_
    return []


def lead_in_words(lead: Span, first: Token) -> list[Word]:
    tokens = trim(list(lead))
    if not tokens:
        return []
    last = tokens[-1]
    if last.lower_ == "that" and first.tag_ not in ("VB", "VBP") and last.head.pos_ == "VERB":
        return [(last.head.lemma_, " "), ("that", " ")]
    for anchor in tokens:
        if anchor.lemma_.casefold() not in words("call_verbs"):
            continue
        for child in anchor.rights:
            target = child
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
            if target.dep_ in ("dobj", "pobj"):
                end = last.i if last.lower_ == "to" else last.i + 1
                named = lead.doc[target.left_edge.i : end]
                return [(t.text, t.whitespace_) for t in trim(list(named))] + [("to", " ")]
    return []


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


def with_actions(commitments: list[Commitment]) -> list[Commitment]:
    """Every commitment with an action: one whose phrase is empty (a line cut off after its
    trigger, "... and we encourage"; a modal leading a list in that never came) keeps the
    trigger's words to the end of the sentence, else the sentence."""
    for commitment in commitments:
        if commitment.action.strip():
            continue
        sentence, anchor = commitment.sentence, commitment.anchor
        tokens = trim(list(sentence.doc[anchor.i : sentence.end])) if anchor is not None else []
        if anchor is not None and tokens and anchor.tag_ != "MD":
            commitment.action = render(base_form(anchor, tokens))
        else:
            commitment.action = sentence.text.strip()
    return commitments
