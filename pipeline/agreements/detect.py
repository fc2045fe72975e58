"""Agreement nouns governed by a reporting verb: the rules of ``agreements.jsonl`` and
the syntax that ties a noun to its verb and its name."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from ..nlp.syntax import YEAR, has_to, topic_phrase
from ..nlp.token_index import IndexedMatcher
from ..rules.files import PatternFileError, read_jsonl
from ..rules.lexicon import agreement_nouns, expand_words, words
from .context import DocContext

MAX_GOVERNING = 4  # ancestors of the noun in which its reporting verb must stand
MAX_LOOSE_DISTANCE = 10


# links inside an agreement's name; "appos": its acronym in brackets, "Memorandum of
# Understanding (MoU)", is the same agreement
NAME_DEPS = ("pobj", "prep", "compound", "amod", "conj", "appos")


@cache
def rules() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(noun rules by id, verb rules by lemma). A ``heading`` rule is a noun read only in
    a release's headline ("Joint IOM-UNHCR Statement on ...": the release is the act)."""
    nouns, verbs = {}, {}
    for row in read_jsonl("agreements.jsonl", ("id", "kind")):
        if row["kind"] in ("noun", "heading"):
            nouns[row["id"]] = row
        elif row["kind"] == "verb":
            for lemma in expand_words(row["lemmas"]):
                verbs[lemma] = row
        elif row["kind"] not in CANDIDATE_KINDS:  # read by the learned act detector alone
            raise PatternFileError(f"agreements.jsonl: {row['id']}: unknown kind {row['kind']!r}")
    return nouns, verbs


CANDIDATE_KINDS = ("act_verb", "act_noun")


@cache
def candidate_rows() -> dict[str, dict[str, Any]]:
    """The act verbs and the nouns ("statement", "communiqué") that only the learned act
    detector reads as candidates: too often no act for a rule ("said in a statement")."""
    return {
        row["id"]: row
        for row in read_jsonl("agreements.jsonl", ("id", "kind"))
        if row["kind"] in CANDIDATE_KINDS
    }


@cache
def act_verbs() -> dict[str, dict[str, Any]]:
    """The verbs that tell an act without naming it ("have partnered", "joined forces"),
    by rule id; only candidates of the learned act detector, never acts of the rules."""
    return {key: row for key, row in candidate_rows().items() if row["kind"] == "act_verb"}


def heading_only(rule_id: str) -> bool:
    return rules()[0][rule_id]["kind"] == "heading"


@cache
def single_noun_types() -> dict[str, str]:
    """Agreement type by the one word that names it ("mou": memorandum)."""
    table: dict[str, str] = {}
    for row in rules()[0].values():
        if len(row["pattern"]) == 1 and row["kind"] == "noun":
            for word in row["pattern"][0]["LOWER"]["IN"]:
                table[word] = row["type"]
    return table


@cache
def nominal_rules() -> dict[str, dict[str, Any]]:
    """Verb rules by the nouns that name the same act ("the signing of", "the launch of")."""
    return {
        noun: row
        for row in read_jsonl("agreements.jsonl", ("id", "kind"))
        if row["kind"] == "verb"
        for noun in row.get("nominals", [])
    }


def rule_of(token: Token) -> dict[str, Any] | None:
    """The reporting rule of a verb, or of a nominal act ("signing") that stands for one."""
    if token.pos_ == "NOUN":
        return nominal_rules().get(token.lemma_.casefold())
    return rules()[1].get(token.lemma_)


def build_matcher(vocab: Vocab) -> IndexedMatcher:
    """The agreement-noun matcher (built in the component's ``__init__``)."""
    matcher = IndexedMatcher(vocab, validate=True)
    for rule_id, row in rules()[0].items():
        matcher.add(rule_id, [row["pattern"]])
    return matcher


def noun_token(sentence: Span, rule_id: str, start: int, end: int) -> Token:
    """The agreement noun of a match: the pattern's ``head`` token, by default its last."""
    head = rules()[0][rule_id].get("head", -1)
    return sentence.doc[sentence.start + (start + head if head >= 0 else end + head)]


def reporting_verb(noun: Token) -> Token | None:
    """The verb of signing, adopting or launching that has the noun as an argument.

    The path up from the noun stops at its first verb ("launched X to support ...
    implementing the Compact": not launched) and at a preposition of context
    (``frame_prepositions``): "within the framework of the visit", "with 18 points of
    common agreement" name no act of signing."""
    if noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return None  # "according to a joint statement issued by X": a source, not an act
    governing: list[Token] = []
    token = noun
    for ancestor in list(noun.ancestors)[:MAX_GOVERNING]:
        if token.dep_ == "pobj" and ancestor.lower_ in words("frame_prepositions"):
            break
        if token.lower_ == "of":
            nominal = act_before_date(ancestor)
            if nominal is not None:
                # "the signing on 10 November of a Tripartite Agreement"
                return nominal if reports_an_act(nominal) else None
        governing.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
        token = ancestor
    own = [c for c in noun.children if c.dep_ in ("acl", "relcl")] + topic_participles(noun)
    own += fronted_participles(noun)
    for token in own:  # "the Cabinet approved the MoU signed between A and B": signed
        row = verb_rule(token) if token.pos_ in ("VERB", "AUX") else None
        if row is not None and row["status"] == "signed":
            return token
    candidates = governing + own + recent_participles(noun)  # "today signed the newly ...": today
    for token in candidates:
        if token.pos_ in ("VERB", "AUX") and verb_rule(token) is not None:
            return token
    for token in candidates:  # "the Agreement was updated and signed between ...": signed
        joined = coordinated_act(token)
        if joined is not None:
            return joined
    # a reduced relative the parse left loose: "the Agreement ... recently concluded between"
    doc = noun.doc
    j = noun.right_edge.i + 1
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    if j < len(doc) and doc[j].tag_ in ("VBN", "VBD") and verb_rule(doc[j]) is not None:
        return doc[j]
    return loose_object_verb(noun)


def coordinated_act(verb: Token) -> Token | None:
    """The verb of signing coordinated with ``verb`` ("was negotiated and signed", "was
    updated and signed"), else None."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.conjuncts if joined_signing(c)), None)


def joined_signing(verb: Token) -> bool:
    """A signing verb that shares its coordinated verb's subject and is not denied ("was
    drafted in 2019 but has not been signed": no act)."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "neg") for c in verb.children)
    contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.head.children)
    return verb.pos_ == "VERB" and not own and not contrast and verb_rule(verb) is not None


def recent_participles(noun: Token) -> list[Token]:
    """ "the recently signed labour pact", "the newly concluded agreement": a participle
    before the noun, dated by an adverb of recency (``act_recently``), reports the act
    made (a bare "the signed agreements" may name any)."""
    return [
        c
        for c in noun.children
        if c.dep_ == "amod"
        and c.tag_ == "VBN"
        and any(a.lower_ in words("act_recently") for a in c.children if a.dep_ == "advmod")
    ]


def fronted_participles(noun: Token) -> list[Token]:
    """ "Signed in Geneva this week by X and Y, the agreement focuses on ...": a participle
    opening the sentence whose implied subject is the noun, the subject of the main verb."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [c for c in noun.head.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < noun.i]


def topic_participles(noun: Token) -> list[Token]:
    """A participle the parse hung on the last noun of the agreement's topic: "the
    Memorandum on cooperation in the prevention of trafficking | signed by A and B". Not
    one under another agreement noun ("an MoU on implementing the agreement signed in
    2010"), which reports that agreement."""
    found: list[Token] = []
    stack = [c for c in noun.children if c.dep_ == "prep"]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in ("prep", "pobj", "conj"):
                stack.append(child)
            elif (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and token.pos_ in ("NOUN", "PROPN")
                and token.lower_ not in agreement_nouns()
            ):
                found.append(child)
    return found


def act_before_date(token: Token) -> Token | None:
    """The nominal act ("signing") that an "of" attached to ``token`` belongs to: the
    token itself, or the act above a date the parse hung the "of" on ("the signing on
    10 November of X", "the signing last week of X"), or the act that names a ceremony
    ("the signing ceremony of a readmission agreement")."""
    for _ in range(MAX_GOVERNING):
        if token.lemma_.casefold() in nominal_rules():
            return token
        act = next((c for c in token.children if c.lemma_.casefold() in nominal_rules()), None)
        if token.lower_ in ("ceremony", "ceremonies") and act is not None:
            return act
        if token.ent_type_ not in ("DATE", "TIME") and token.dep_ != "prep":
            return None
        if token.head is token:
            return None
        token = token.head
    return None


def loose_object_verb(noun: Token) -> Token | None:
    """A reporting verb left of the noun that the parse cut off from it ("launched today
    (3 December 2020) a Global Policy Network to ...", parsed as a new clause whose
    subject is the noun): the nearest verb before the noun, with no object of its own and
    no other verb between."""
    cut_off = noun.dep_ == "ROOT" or (
        noun.dep_ == "nsubj" and noun.head.i > noun.i and has_to(noun.head)
    )
    if not cut_off:
        return None
    doc = noun.doc
    for i in range(noun.i - 1, max(0, noun.i - MAX_LOOSE_DISTANCE) - 1, -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX"):
            has_object = any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in token.children)
            if token.pos_ == "VERB" and not has_object and verb_rule(token) is not None:
                return token
            return None
        if token.text in ".;:" or "\n" in token.text:
            return None
    return None


def verb_rule(verb: Token) -> dict[str, Any] | None:
    """The reporting-verb rule of ``verb``: its lemma is listed, with the particle the
    rule asks for ("set up", not "sets out"), and it reports an act, not a purpose ("a
    step to establish a framework")."""
    row = rules()[1].get(verb.lemma_)
    if row is None:
        return None
    particle = row.get("particles", {}).get(verb.lemma_)
    if particle and not any(takes_particle(c, particle) for c in verb.children):
        return None
    return None if is_purpose_infinitive(verb) else row


def takes_particle(child: Token, particle: str) -> bool:
    """ "set up", "entered into an agreement"; a preposition only with an act as its object
    (not "entered into force", "entered into talks on a partnership")."""
    if child.lower_ != particle:
        return False
    if child.dep_ == "prep":
        return any(o.dep_ == "pobj" and o.lower_ in agreement_nouns() for o in child.children)
    return child.dep_ == "prt"


def is_purpose_infinitive(verb: Token) -> bool:
    """ "to establish" under a noun or another verb, but not "are to sign" or "agreed to
    sign" (an act ahead, ``act_ahead``); and what such an infinitive governs ("to agree on
    creating a framework")."""
    token = verb
    for _ in range(3):
        to = has_to(token)
        if to and token.tag_ == "VB" and token.head.i != token.i and not act_ahead(token):
            return True
        if token.dep_ not in ("pcomp", "pobj", "prep", "xcomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def act_ahead(infinitive: Token) -> bool:
    """ "are to sign", "agreed to sign", "are expected to sign", "is due to sign": the
    infinitive of signing names an act still to be made (``act_ahead_heads``), not a
    purpose."""
    head = infinitive.head
    if head.lemma_ == "be":
        return True
    signing = rules()[1].get(infinitive.lemma_, {}).get("status") == "signed"
    return (  # "agreed to adopt", "decided to establish" stay plans: no act is reported
        signing
        and infinitive.dep_ in ("xcomp", "ccomp", "advcl")
        and head.lemma_ in words("act_ahead_heads")
    )


def infinitive_ahead(verb: Token) -> bool:
    """ "agreed to sign": a signing still to come."""
    return has_to(verb) and act_ahead(verb)


def inside_another_name(noun: Token, nouns: set[int]) -> bool:
    """ "Memorandum of Agreement", "Joint Declaration on the Mobility Partnership",
    "Memorandum of Understanding (MoU)": an agreement noun inside the name of another is
    no agreement of its own."""
    if noun.dep_ == "pobj" and topic_hung_on_verb(noun, nouns):
        return True
    if established_by_another(noun, nouns):
        return True
    token = noun
    for _ in range(MAX_GOVERNING):
        if token.head is token or token.dep_ not in NAME_DEPS or another_act(token):
            return False
        token = token.head
        if token.i in nouns and token.i != noun.i:
            return True
    return False


def established_by_another(noun: Token, nouns: set[int]) -> bool:
    """ "A Joint Declaration establishing a framework for cooperation": what another act
    noun of the sentence (token indices ``nouns``) sets up by a participle is part of that
    act, not an act of its own."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.dep_ == "acl"
        and verb.tag_ in ("VBG", "VBN")
        and verb.lemma_ in words("setting_up_participles")
        and verb.head.i in nouns
        and verb.head.i != noun.i
    )


def another_act(token: Token) -> bool:
    """ "a declaration and an action plan", "the Political Declaration and (the) Cadiz
    Action Plan": a conjunct act noun with its own article or its own name before it is
    an act of its own ("a Memorandum of Understanding and Cooperation" is one name)."""
    return (
        token.dep_ == "conj"
        and token.lower_ in agreement_nouns()
        and any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "the"))
            or (c.dep_ == "compound" and c.is_title)
            for c in token.children
        )
    )


def topic_hung_on_verb(noun: Token, nouns: set[int]) -> bool:
    """ "signed [a Joint Declaration] [on a Mobility Partnership]": the noun is the topic of
    another agreement noun of the sentence (token indices ``nouns``), which the parse hung
    on the verb."""
    doc = noun.doc
    return any(topic_phrase(doc[i]) == noun.head for i in nouns if i != noun.i)


def reports_an_act(nominal: Token) -> bool:
    """ "the signing of X" reports an act; "urge parliaments to promote the creation of X",
    "support the establishment of X" ask for one."""
    for ancestor in list(nominal.ancestors)[:MAX_GOVERNING]:
        infinitive = has_to(ancestor)
        if ancestor.pos_ == "VERB" and (infinitive or ancestor.lemma_ in words("call_verbs")):
            return False
    return True


def is_dated_earlier(noun: Token) -> bool:
    """ "an earlier 1996 agreement", "the previous 2015 MoU": an earlier agreement the
    text refers back to by its year, signed then."""
    modifiers = [t for t in noun.subtree if t.i < noun.i]
    earlier = any(t.lower_ in words("earlier_one") for t in modifiers)
    dated = any(YEAR.fullmatch(t.text) for t in modifiers)
    return earlier and dated


def signs_as_a_party(noun: Token, verb: Token, status: str) -> bool:
    """ "The Network ... signed an agreement", "X, the Union Network of Migrants and the
    Embassy signed the Agreement", "the Migrant Forum in Asia network and UNHCR signed": a
    body named by an agreement noun in the subject of signing is a party, not the act.
    "The MOU signed yesterday between A and B has been welcomed" is the act, a reduced
    relative the parse made a subject: no object, and the sides named by "between"."""
    if status != "signed" or verb.tag_ == "VBN":
        return False
    if noun.dep_ != "nsubj" and not in_subject_of(noun, verb):
        return False
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    between = any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in verb.children)
    return has_object or not between


def in_subject_of(noun: Token, verb: Token) -> bool:
    """``noun`` is part of ``verb``'s subject, not of a clause inside it ("X, which signed
    the Charter, and Y signed ...": the Charter is no part of a signer's name)."""
    token = noun
    for _ in range(MAX_GOVERNING):
        if token.dep_ == "nsubj" and token.head.i == verb.i:
            return True
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            return False
        token = token.head
    return False


def spoken_in(ctx: DocContext, noun: Token) -> bool:
    """ "In a joint statement, X urged ...": the statement is what X says it in."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("in", "through")
        and prep.dep_ == "prep"
        and prep.head.pos_ == "VERB"
        and ctx.subject_of(prep.head) is not None
    )
