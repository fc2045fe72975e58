"""Small helpers over the dependency tree, shared by the commitment and agreement stages
(as textacy's ``extract/triples.py`` keeps its own): subjects, governing verbs, the
entities a phrase names, and links between clauses.

They read only ``Token`` attributes (``dep_``, ``head``, ``pos_``, ``tag_``), so they
are tested on hand-built Docs without the statistical model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..rules.constants import CALENDAR_WORDS
from ..rules.lexicon import words
from .payloads import Mention

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("conj", "xcomp", "advcl", "acomp")  # a verb whose subject its head has
CONTRAST_MARKS = ("while", "whereas", "whilst")
MAX_CLIMB = 4


class MentionIndex:
    """The ORG, PERSON and country mention covering each token (mentions nested in an
    office name left out): who can act, sign or commit."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention]):
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            if can_act(m) and not m.nested:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for token in span:
                        self.by_token[token.i] = m

    def get(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def __contains__(self, i: int) -> bool:
        return i in self.by_token


def can_act(mention: Mention) -> bool:
    """Bodies, people and countries act; cities and regions do not."""
    return mention.label in ("ORG", "PERSON") or is_country(mention)


def is_country(mention: Mention) -> bool:
    """A place the gazetteer knows as a country (a state that can be a side)."""
    return mention.label == "PLACE" and (mention.entity_id or "").startswith("country:")


YEAR = re.compile(r"(?:19|20)\d\d")


def earlier_act(noun: Token) -> bool:
    """ "the 2010 agreement", "the previous agreement": an act before the one reported."""
    return any(t.lower_ in words("earlier_one") or YEAR.fullmatch(t.text) for t in noun.subtree)


def governing_verb(anchor: Token) -> Token:
    """The verb a trigger word belongs to: a modal's head, else the word or its head."""
    if anchor.tag_ == "MD":
        return anchor.head
    return anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head


def has_to(verb: Token) -> bool:
    """The verb has its own "to": an infinitive ("to ensure", "agreed to share")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_of(verb: Token, skip: tuple[int, int] = (0, 0)) -> Token | None:
    """The subject of ``verb``, climbing through conjoined, complement and adverbial
    clauses that share their head's subject. Subjects starting inside the character
    range ``skip`` (a dateline, whose place the parse often takes for a subject) are
    skipped. Of two subjects the parse gives one verb ("On Tuesday, [10 May], after long
    talks [X] and Y signed"), the one nearest before the verb."""
    seen = 0
    current: Token | None = verb
    while current is not None and seen < MAX_CLIMB:
        found = [
            c for c in current.children if c.dep_ in SUBJECT_DEPS and not skip[0] <= c.idx < skip[1]
        ]
        if found:
            before = [c for c in found if c.i < current.i]
            subject = before[-1] if len(found) > 1 and before else found[0]
            return participle_read_as_noun(subject, skip)
        if current.dep_ in CLIMB_DEPS and current.head is not current:
            current = current.head
            seen += 1
            continue
        break
    return None


def participle_read_as_noun(subject: Token, skip: tuple[int, int] = (0, 0)) -> Token:
    """ "The Presidents of the four countries meeting in Lima adopted": the parse took the
    participle "meeting" for the subject, with the real one as its own subject (not one
    inside the dateline)."""
    if subject.dep_ == "nsubj" and subject.tag_ == "NN" and subject.lower_.endswith("ing"):
        inner = [
            c
            for c in subject.children
            if c.dep_ == "nsubj" and c.i < subject.i and not skip[0] <= c.idx < skip[1]
        ]
        if inner:
            return inner[0]
    return subject


def misread_participle(verb: Token) -> bool:
    """A verb the parse hung on the title before it as a participle, yet with a direct
    object: "Israeli Minister of Foreign Affairs, X, and Georgia's Ambassador, Y, signed in
    Jerusalem a bilateral agreement" is the sentence's own verb, its subject unparsed."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def mentions_in(token: Token, index: MentionIndex) -> list[Mention]:
    """Entities named by a subject token, its conjuncts and "X from/of ORG" (with the
    bodies coordinated with that ORG: "the governments of Colombia, Panama and the US")."""
    found: list[Mention] = []
    for head in [token, *token.conjuncts]:
        mention = index.get(head.i)
        more: list[Mention] = []
        if mention is None:
            for t in head.subtree:
                if t.dep_ in ("relcl", "acl", "appos"):
                    break
                candidate = index.get(t.i)
                if candidate is not None and not served_at(t, head):
                    mention = candidate
                    more = [m for c in t.conjuncts if (m := index.get(c.i)) is not None]
                    break
        for m in [mention, *more] if mention is not None else []:
            if m not in found:
                found.append(m)
    return found


NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")


def served_at(token: Token, top: Token | None = None) -> bool:
    """ "The Moroccan ambassador to the European Union": a body after an envoy's "to"
    (below ``top``, else anywhere above) is where the envoy serves, not whom the envoy
    stands for."""
    for above in token.ancestors:
        if above.dep_ == "prep" and above.lower_ == "to" and envoy_of(above.head):
            return True
        if above == top:
            return False
    return False


def envoy_of(token: Token) -> bool:
    """An envoy's title, the country it names or the envoy it is given to ("Permanent
    Representative of Denmark | to the UN", "X, Ambassador and Permanent Representative
    of Denmark, | to the UN": the parse may hang "to" on the country or the person)."""
    roles = words("envoy_roles")
    titles = [token] + [c for c in token.children if c.dep_ in ("conj", "appos")]
    titles += [c for t in titles[1:] for c in t.children if c.dep_ == "conj"]
    if any(t.lower_ in roles for t in titles):
        return True
    of = token.head if token.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lower_ in roles


def left_mentions(sentence: Span, before: int, index: MentionIndex) -> list[Mention]:
    """Organisations and people named before token ``before`` outside prepositional
    phrases: the subject when the parse has lost it."""
    doc = sentence.doc
    found: list[Mention] = []
    for i in range(sentence.start, before):
        mention = index.get(i)
        if mention is None or mention in found:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        phrase = span.root
        while phrase.dep_ in NOUN_MODIFIERS and phrase.head.i > phrase.i:
            phrase = phrase.head  # "the ILO project": the phrase of the modified noun
        head = phrase.head
        if head.dep_ in ("prep", "agent") and head.i < span.start:
            continue  # "with IOM", "through the ILO project": not the subject
        if phrase.dep_ == "appos" and phrase != span.root and index.get(head.i) is not None:
            continue  # "UNICEF, the UN children's agency,": a description of the body
        found.append(mention)
    return found


def clause_link(verb: Token, other: Token) -> bool:
    """Two verbs heading coordinated clauses ("X will A, and Y will B"; "..., while Y ...";
    "X will A, Y will B", which the parse reads as reported speech)."""
    for a, b in ((verb, other), (other, verb)):
        if a.head == b and (a.dep_ == "conj" or (a.dep_ == "advcl" and has_contrast_mark(a))):
            return True
        if a.head == b and a.dep_ == "ccomp" and comma_spliced(a, b):
            return True
    return False


def comma_spliced(first: Token, second: Token) -> bool:
    """``first`` heads a clause that ends at a comma before ``second``'s clause opens, and
    ``second`` has a complement of its own: not what it reports ("X will A, Y pledged")."""
    end = first.right_edge.i
    own = any(c.i > second.i and c.dep_ in SPLICED_COMPLEMENTS for c in second.children)
    return (
        own
        and end < second.i
        and first.doc[end + 1].text == ","
        and first.doc[end + 1].head == second
    )


SPLICED_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "dative")


def has_contrast_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children)


def coordinated_under(token: Token, prep: Token) -> bool:
    """``token`` is an object of ``prep`` or conjoined with one ("between Malawi and IOM"),
    not inside a further phrase ("Mission in Ukraine"). A name in apposition to a name
    is a list item the parse misread ("by Argentina, Brazil and Chile"), and a name in
    apposition to a described object is its name ("with Mexico's largest labour
    organization, the Confederation of Workers"); the names a plural object includes are
    its objects too ("with several partners including A, B")."""
    while token != prep:
        listed = token.dep_ == "appos" and token.pos_ == "PROPN" and named_object(token)
        if token.dep_ not in ("pobj", "conj", "compound") and not listed and not includes(token):
            return False
        token = token.head
    return True


def named_object(name: Token) -> bool:
    """An appositive name names its head: a name, or an object described by a singular
    common noun ("organization", "partner") when the name's phrase ends there (not "with
    the company, IOM Chief of Mission X said": a speaker the parse hung on it)."""
    head = name.head
    if head.pos_ == "PROPN":
        return True
    after = name.right_edge.i + 1
    closed = after >= len(name.doc) or name.doc[after].is_punct
    return head.tag_ == "NN" and head.dep_ in ("pobj", "conj") and closed


def includes(token: Token) -> bool:
    """ "[partners] including", "[countries] such as": a plural object's list follows."""
    if token.dep_ != "prep" or token.head.tag_ not in ("NNS", "NNPS"):
        return False
    such = token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"
    return token.lower_ == "including" or such


TOPIC_PREPOSITIONS = ("on", "for", "to", "regarding", "concerning")


def topic_phrase(noun: Token) -> Token | None:
    """The preposition that names the topic of ``noun`` right after its phrase when the
    parse hangs it on the noun's verb instead: "signed [a Joint Declaration] [on a
    Mobility Partnership]" gives "on"; None when there is none or it hangs on the noun."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc) or noun.dep_ not in ("dobj", "nsubjpass", "attr", "appos"):
        return None
    prep = noun.doc[after]
    if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPOSITIONS and prep.head.i == noun.head.i:
        return None if names_a_date(prep) else prep  # "signed an agreement | on Tuesday"
    return None


def names_a_date(prep: Token) -> bool:
    """ "signed an agreement on Friday", "on 3 May": the phrase dates the act, it names no
    topic."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.ent_type_ in ("DATE", "TIME") or o.lower_ in CALENDAR_WORDS for o in objects
    )


def addition_phrase(verb: Token) -> Token | None:
    """The preposition whose objects join the verb's other parties: "In addition to
    Ghana, the protocol was signed by ...", "Besides UNICEF, ...", "Along with IOM, the
    Ministry signed ..." (the preposition before the objects: "to", "Besides", "with")."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word == "besides":
            return child
        inner = next((c for c in child.children if c.dep_ in ("pobj", "prep")), None)
        if inner is None:
            continue
        if word == "along" and inner.dep_ == "prep" and inner.lower_ == "with":
            return inner
        if word == "in" and inner.lower_ == "addition":
            to = next((c for c in inner.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is not None:
                return to
    return None


ISSUER_REACH = 6  # sentences from the top in which "We, the ..." names the issuers


def declared_issuers(sentences: list[Span], index: MentionIndex) -> list[Mention]:
    """Who "we" are in a statement the release prints whole: the bodies and countries
    its opening names in apposition to "We" ("We, the Heads of State of A, B and C,
    gathered in ..., reiterate ..."), before the sentence's verb."""
    for sentence in sentences[:ISSUER_REACH]:
        for token in sentence:
            if token.lower_ != "we" or token.i + 1 >= len(token.doc):
                continue
            after = token.doc[token.i + 1]
            if after.text != "," and not (after.lower_ == "the" or after.tag_ == "NNS"):
                break  # "We, the ...", "We the undersigned", "We representatives of ..."
            verb = token.head if token.dep_ == "nsubj" else sentence.root
            end = verb.i if verb.i > token.i else sentence.end
            issuers: list[Mention] = []
            for t in token.doc[token.i + 1 : end]:
                m = index.get(t.i)
                if m is None or m.label == "PERSON" or m in issuers:
                    continue
                first = token.doc.char_span(m.start, m.end, alignment_mode="expand")
                if first is not None and first[0].lower_ in words("role_plurals"):
                    continue  # "Heads of State": people, not a body
                root = first.root if first is not None else t
                if m.label == "PLACE" and root.dep_ == "pobj" and root.head.lower_ == "in":
                    continue  # "communions in the United States": where, not who
                issuers.append(m)
            return issuers
    return []


def is_group(token: Token) -> bool:
    """A plural that names a group of people or bodies: "Ministers", "countries"."""
    return token.tag_ in ("NNS", "NNPS") and (
        token.lower_ in words("group_nouns") or token.lower_ in words("role_plurals")
    )


def split_list_group(verb: Token, subject: Token) -> Token | None:
    """ "Labour ministers from Tonga, Kiribati and Vanuatu have signed": the parse cut the
    list after its first item and took the rest for a second subject; the group before
    the comma ("ministers from Tonga") names the list's first countries."""
    comma = subject.left_edge.i - 1
    if comma < 1 or subject.doc[comma].text != "," or not subject.conjuncts:
        return None
    for other in verb.children:
        if other.dep_ in ("nsubj", "nsubjpass") and other.i < comma == other.right_edge.i + 1:
            return other
    return None


def group_countries(group: Token, index: MentionIndex) -> list[Mention]:
    """The countries a group names by "of" or "from": "the Governments of China and
    Thailand", "Ministers of labour from Cambodia, Laos and Viet Nam", "the ministries of
    A and B"."""
    if not is_group(group) and group.lower_ not in words("plural_bodies"):
        return []
    found: list[Mention] = []
    preps = [c for c in group.children if c.dep_ == "prep"]
    preps += [  # "Ministers of labour | from Cambodia, ...": a phrase of the portfolio
        p for c in preps for o in c.children if o.dep_ == "pobj" for p in o.children
    ]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for t in prep.subtree:
            m = index.get(t.i) if coordinated_under(t, prep) else None
            if m is not None and m.label == "PLACE" and m not in found:
                found.append(m)
        if found:
            return found
    return found
