"""A side named beside a known one at a signing: "Flanders Investment & Trade (FIT) and
Enabel signed a cooperation agreement", "IOM and the G5 Sahel yesterday signed". The
subjects of a signing verb and the objects of its "with" are the sides; where the model
named one a body or a place and left the other, a proper name, unlabelled, the other is a
body too. Not a person's name (the model's people, or a surname the release gives a
person), not a role or title ("Regional Director", "Crown Prince"), not a common or
generic noun ("the Secretariat", "Partners"), not a place the gazetteer knows ("Dhaka",
"Niger Republic"), not a text ("the Rabat Declaration"), and not a piece of a name the
parse cut ("Terre des Hommes", "Lawyers Without Borders", "Hope and Shelter")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet

SOURCE = "signing.side"
SIDE_LABELS = ("ORG", "PLACE")
# "with" names a side of a signing, not of a meeting that "concluded with" a declaration
WITH_SIGNING = ("sign", "countersign", "ink")


def add_signing_sides(found: MentionSet) -> None:
    new: list[Mention] = []
    for verb in found.doc:
        if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
            continue
        sides = sides_of(verb)
        if len(sides) < 2 or not any(labelled(found, t) for t in sides):
            continue
        for head in sides:
            name = proper_name(head)
            if name is None or found.taken(name.start_char, name.end_char):
                continue
            if a_body_s_name(found, name) and not cut_from_a_list(found, name):
                new.append(Mention(name.start_char, name.end_char, "ORG", SOURCE))
    for mention in new:
        found.add(mention)


def sides_of(verb: Token) -> list[Token]:
    """The verb's sides: its subject with its conjuncts and the objects of its "with"
    (hung on the verb or on what it signs: "signed a memorandum with Enabel")."""
    sides: list[Token] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        sides += [subject, *subject.conjuncts]
    signed = [c for c in verb.children if c.dep_ == "dobj"]
    heads = [verb, *signed] if verb.lemma_ in WITH_SIGNING else []
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                sides += [obj, *obj.conjuncts]
    return sides


def cut_from_a_list(found: MentionSet, name: Span) -> bool:
    """The name is one half of a name with an "and" that a list cuts: after or before
    another unlabelled capitalised word across the "and" ("the Lagos Legal Aid Clinic,
    Hope and Shelter, Tulips Ltd.": neither "Hope" nor "Shelter" is a body of its own)."""
    doc = name.doc
    before = name.start - 1
    if before >= 1 and doc[before].lower_ in ("and", "&"):
        previous = doc[before - 1]
        if previous.text != ")" and previous.text[:1].isupper() and not labelled(found, previous):
            return True
    after = name.end
    if after + 1 < len(doc) and doc[after].lower_ in ("and", "&"):
        following = doc[after + 1]
        if following.text[:1].isupper() and following.dep_ != "det":
            return not labelled(found, following)
    return False


# what the small model says a word is that no body's name is
NOT_BODIES = ("PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")
# titles of rulers that head no body: "the Crown Prince", "the Emir"
RULERS = ("prince", "princess", "king", "queen", "emir", "sultan", "sheikh", "monarch")


def a_body_s_name(found: MentionSet, name: Span) -> bool:
    """A name no person's, people's or date's ("Muslims", "October", a surname the
    release gives a person), whose head is no role or title ("Regional Director",
    "Governor", "Crown Prince") or text ("the Rabat Declaration"), that is no known place
    ("Dhaka", "Niger Republic") and more than a generic word or a plural of one
    ("Secretariat", "Conference", "Partners", "NGOs")."""
    if not name.text[:1].isalnum() or name.root.ent_type_ in NOT_BODIES:
        return False
    head = name.root  # "Director of the Centre": the role, not the last word
    if head.lower_ in words("role_heads") or head.lower_ in RULERS:
        return False
    if a_text(head) or a_surname(found, name):
        return False
    if places.is_known_place(name.text) or any(places.is_country(t.text) for t in name):
        return False
    if len(name) == 1 and name[0].tag_ == "NNPS":
        return False  # "Partners", "Donors", "Municipalities": a plural common noun
    generic = words("org_heads") | words("generic_name_words")
    lowered = [t.lower_ for t in name if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    return not all(w in generic or w in PLURAL_GENERICS for w in lowered)


PLURAL_GENERICS = ("states", "countries", "nations", "parties", "sides", "members", "conference")


# acts that also name the bodies they set up: "the Tent Partnership", "the Refugee Network"
BODY_ACTS = ("alliance", "coalition", "coalitions", "network", "networks", "group", "force")


def a_text(head: Token) -> bool:
    """The name is a text's ("the Rabat Declaration", "the Khartoum Process Action Plan"):
    its head an act's noun that names no body ("Partnership", "Network", "Alliance" do)."""
    lowered = head.lower_
    if lowered in BODY_ACTS or lowered in words("partnership_nouns"):
        return False
    return lowered in agreement_nouns() or lowered in words("document_nouns")


def a_surname(found: MentionSet, name: Span) -> bool:
    """A one-word name that ends a person's name in the release ("Minister Peter Kamau"
    ... "with Kamau")."""
    if len(name) != 1:
        return False
    return any(
        m.label == "PERSON" and found.surface(m).split()[-1:] == [name.text] for m in found.mentions
    )


def labelled(found: MentionSet, head: Token) -> bool:
    """The model or a rule named the side a body or a place."""
    start, end = head.idx, head.idx + len(head)
    return any(found.taken_by(start, end, label) for label in SIDE_LABELS)


def proper_name(head: Token) -> Span | None:
    """The proper name a side's head ends: the head, a proper noun, with the title-case
    words and codes before it that the parse hung on it ("the G5 Sahel": "G5 Sahel") and
    a title-case "of" or "for" phrase after it ("Tent Partnership for Refugees"); none
    where a possessive or a phrase of another preposition shows the parse cut the name
    ("the Italian Bishops' Conference", "Lawyers Without Borders", "Terre des Hommes",
    "Women in Migration Network")."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    if any(c.dep_ == "poss" for c in head.children):
        return None
    if name_goes_on(head):
        return None
    doc, inside = head.doc, {t.i for t in head.subtree}
    start = head.i
    while start - 1 in inside and titled(doc[start - 1]):
        start -= 1
    if start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ == "ADP":
        return None  # "des Hommes", "in Migration Network": the name goes on before
    return doc[start : name_end(head) + 1]


def name_goes_on(head: Token) -> bool:
    """A preposition other than "of" or "for" right after the head carries the name on:
    capitalised ("Lawyers Without Borders") or before a title-case word no date or known
    place ("Women in Migration Network"; not "with IOM in Geneva", "on Monday")."""
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is None or after.pos_ != "ADP" or after.lower_ in ("of", "for"):
        return False
    if after.text[:1].isupper():
        return True
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return (
        following is not None
        and following.text[:1].isupper()
        and following.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")
        and not places.is_known_place(following.text)
    )


def titled(token: Token) -> bool:
    """A word of a proper name: capitalised, not an article opening a sentence ("The"),
    nor a token run into a bracket ("Migration(IOM")."""
    word = WORD.fullmatch(token.text) is not None
    return (word and token.text[:1].isupper() and token.dep_ != "det") or token.text == "&"


WORD = re.compile(r"[\w.'’-]+")


def name_end(head: Token) -> int:
    """The last token of the name: the head's, or that of the title-case words of an
    "of" / "for" phrase right after it ("Tent Partnership for Refugees (Tent)"), up to
    an "and" that joins another side."""
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


LINKS = ("the", "of")
