"""A side named beside a known one at a signing: "Flanders Investment & Trade (FIT) and
Enabel signed a cooperation agreement", "IOM and the G5 Sahel yesterday signed". The
subjects of a signing verb and the objects of its "with" are the sides;
where the model named one as an organisation or a state and left the other, a proper
name, unlabelled, the other is a body too. Not a person's name (the model's people stay
what they are), not a common noun ("the government"), not a name that holds a state's
("Niger Republic", which the gazetteer's places decide)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet

SOURCE = "signing.side"
SIDE_LABELS = ("ORG", "PLACE")


def add_signing_sides(found: MentionSet) -> None:
    new: list[Mention] = []
    for verb in found.doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
            continue
        for group in side_groups(verb):
            if not any(labelled(found, t) for t in group):
                continue
            for head in group:
                name = proper_name(head)
                if name is None or found.taken(name.start_char, name.end_char):
                    continue
                if a_body_s_name(name) and not listed_after_another(found, name):
                    new.append(Mention(name.start_char, name.end_char, "ORG", SOURCE))
    for mention in new:
        found.add(mention)


def listed_after_another(found: MentionSet, name: Span) -> bool:
    """The name follows another unlabelled word across an "and" or a comma: the second
    half of one name the list cuts ("the Lagos Legal Aid Clinic, Hope and Shelter,
    Tulips Ltd.": "Shelter" is no body of its own)."""
    doc = name.doc
    before = name.start - 1
    if before < 1 or doc[before].lower_ not in ("and", ",", "&"):
        return False
    previous = doc[before - 1]
    if previous.text == ")":
        return False  # "Flanders Investment & Trade (FIT) and Enabel"
    return not labelled(found, previous)


def side_groups(verb: Token) -> list[list[Token]]:
    """The verb's sides: its subject with its conjuncts and the objects of its "with"
    (hung on the verb or on what it signs: "signed a memorandum with Enabel")."""
    sides: list[Token] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        sides += [subject, *subject.conjuncts]
    signed = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for h in [verb, *signed] for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                sides += [obj, *obj.conjuncts]
    return [sides] if len(sides) >= 2 else []


# what the small model says a word is that no body's name is
NOT_BODIES = ("PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")


def a_body_s_name(name: Span) -> bool:
    """A name no person's, people's or date's ("Muslims", "October"), holding no role
    ("Regional Director", "Governor") nor a state's name ("Niger Republic"), and more
    than a generic word ("Secretariat", "Conference", "States", "Memorandum")."""
    if not name.text[:1].isalnum() or name.root.ent_type_ in NOT_BODIES:
        return False
    lowered = [t.lower_ for t in name if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    if any(w in words("role_words") or w in words("role_heads") for w in lowered):
        return False
    if any(places.is_country(t.text) for t in name):
        return False
    generic = words("org_heads") | words("generic_name_words") | agreement_nouns()
    return not all(w in generic or w in PLURAL_GENERICS for w in lowered)


PLURAL_GENERICS = ("states", "countries", "nations", "parties", "sides", "members")


def labelled(found: MentionSet, head: Token) -> bool:
    """The model or a rule named the side a body or a state."""
    start, end = head.idx, head.idx + len(head)
    return any(found.taken_by(start, end, label) for label in SIDE_LABELS)


def proper_name(head: Token) -> Span | None:
    """The proper name a side's head ends: the head, a proper noun, with the title-case
    words and codes before it that the parse hung on it ("the G5 Sahel": "G5 Sahel") and
    a title-case "of" or "for" phrase after it ("Tent Partnership for Refugees"); none
    where a possessive cuts it ("the Italian Bishops' Conference")."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    if any(c.dep_ == "poss" for c in head.children):
        return None
    doc, inside = head.doc, {t.i for t in head.subtree}
    start = head.i
    while start - 1 in inside and titled(doc[start - 1]):
        start -= 1
    return doc[start : name_end(head) + 1]


def titled(token: Token) -> bool:
    """A word of a proper name: capitalised, not an article opening a sentence ("The"),
    nor a token run into a bracket ("Migration(IOM")."""
    word = WORD.fullmatch(token.text) is not None
    return (word and token.text[:1].isupper() and token.dep_ != "det") or token.text == "&"


WORD = re.compile(r"[\w.'’-]+")


def name_end(head: Token) -> int:
    """The last token of the name: the head's, or that of the title-case words of an
    "of" / "for" phrase right after it ("Tent Partnership for Refugees (Tent)")."""
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is None or after.head.i != head.i or after.lower_ not in ("of", "for"):
        return head.i
    end = after.i
    while end + 1 < len(doc) and (titled(doc[end + 1]) or doc[end + 1].lower_ in LINKS):
        end += 1
    while end > after.i and not titled(doc[end]):
        end -= 1
    return end if end > after.i else head.i


LINKS = ("the", "and", "of")
