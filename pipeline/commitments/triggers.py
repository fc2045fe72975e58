"""Trigger rules: spaCy ``Matcher`` patterns in ``patterns/commitments.jsonl``, each with
an id and a modality (``agree``, ``commit``, ``call``, ``aim``, ``will``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from ..nlp.syntax import governing_verb
from ..nlp.token_index import IndexedMatcher
from ..rules.files import PatternFileError, read_jsonl
from ..rules.lexicon import expand, words

MODALITY_PRIORITY = {"agree": 0, "commit": 1, "call": 2, "aim": 3, "will": 4}


@cache
def rule_table() -> dict[str, dict[str, Any]]:
    table = {}
    for row in read_jsonl("commitments.jsonl", ("id", "modality", "pattern")):
        if row["modality"] not in MODALITY_PRIORITY:
            raise PatternFileError(
                f"commitments.jsonl: rule {row['id']!r}: unknown modality {row['modality']!r}"
            )
        table[row["id"]] = {**row, "pattern": expand(row["pattern"])}
        variant = list_lead_in(row)
        if variant is not None:
            table[variant["id"]] = {**variant, "pattern": expand(variant["pattern"])}
    return table


VERB_SLOT = {"POS": {"IN": ["VERB", "AUX"]}}
OPTIONAL_ADVERB = {"POS": "ADV", "OP": "?"}
LEAD_IN = ".lead_in"


def list_lead_in(row: dict[str, Any]) -> dict[str, Any] | None:
    """A rule marked ``lead_in_list`` that ends in "to" and a verb also leads a list in
    when a colon stands for the verb: "We ask the new government to:", "the action plan
    is designed to:", "their commitment to:" and the items' verbs ("• Extend support to
    ..."); only in a lead-in. Not a rule whose "to" also ends a description ("the
    workshop was dedicated to:", "counselling is offered to:")."""
    pattern = row["pattern"]
    head = pattern[:-1]
    if head and head[-1] == OPTIONAL_ADVERB:  # "commitment to effectively serve"
        head = head[:-1]
    ends_in_to = bool(head) and head[-1] == {"LOWER": "to"}
    if not (row.get("lead_in_list") and ends_in_to and pattern[-1] == VERB_SLOT):
        return None
    colon = [*head, {"ORTH": ":"}]
    return {**row, "id": row["id"] + LEAD_IN, "pattern": colon, "lead_in_only": True}


def modality(rule_id: str) -> str:
    return str(rule_table()[rule_id]["modality"])


def modality_at(rule_id: str, anchor: Token) -> str:
    """The rule's modality, but for a necessity the speakers put on themselves ("we must
    ensure", "we need to step up our efforts"): they commit (``own_necessity``), where
    "States must" calls on others; and for a purpose stated with a signing ("signed an MoU
    with the aim of ..."), what the sides signed up to (``at_signing``: agree, as "signed an
    MoU to boost", GUIDELINES)."""
    row = rule_table()[rule_id]
    own = row.get("own_necessity")
    if own and first_person_subject(anchor):
        return str(own)
    joint = row.get("joint_subject")
    if joint and joint_subject(anchor):
        return str(joint)
    at_signing = row.get("at_signing")
    verb = next((a for a in anchor.ancestors if a.pos_ == "VERB"), None)
    if at_signing and verb is not None and verb.lemma_.casefold() in words("signing_verbs"):
        return str(at_signing)
    return modality(rule_id)


FIRST_PERSON = ("we", "i")


def joint_subject(anchor: Token) -> bool:
    """ "Both sides decided", "the meeting decided", "Ghana and Togo decided", "it was
    decided": a subject of several, a meeting, or none named, not one body."""
    verb = governing_verb(anchor)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("they", "it"):
        return True
    lemma = subject.lemma_.casefold()
    return (
        bool(subject.conjuncts)
        or subject.tag_ in ("NNS", "NNPS")
        or subject.lower_ in words("group_nouns")
        or lemma in words("joint_subjects")
        or subject.lower_ in words("meeting_nouns")
        or any(c.lower_ in ("both", "all") for c in subject.children)
    )


def first_person_subject(anchor: Token) -> bool:
    """ "we must ensure", "we need to step up": the speakers' own necessity; not "we need
    donors to step up", whose need falls on others (an object of its own)."""
    verb = governing_verb(anchor)
    if anchor.lemma_ == "need" and others_needed(anchor):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children)


def others_needed(need: Token) -> bool:
    """ "we need donors to step up": an object of "need", or a subject of the verb after
    it, is who is to act."""
    for c in need.children:
        if c.dep_ in ("dobj", "obj") and c.i > need.i:
            return True
        if c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "nsubj" for g in c.children):
            return True
    return False


def build_matcher(vocab: Vocab) -> IndexedMatcher:
    """The trigger matcher (built in the component's ``__init__``, before any memory
    zone, so that its rule ids stay in the string store)."""
    matcher = IndexedMatcher(vocab, validate=True)
    for rule_id, row in rule_table().items():
        matcher.add(rule_id, [row["pattern"]])
    return matcher


def is_candidate_only(rule_id: str) -> bool:
    """A weak cue ("decided to", "must") that only proposes a candidate for the learned
    commitment scorer; the rules alone never make a commitment of it."""
    return bool(rule_table()[rule_id].get("candidate", False))


def base_rule(rule_id: str) -> str:
    """The rule a ``.lead_in`` variant was made from: its guards hold for the variant."""
    return rule_id.removesuffix(LEAD_IN)


def lead_in_only(rule_id: str) -> bool:
    """The rule commits only in a lead-in whose list says to what ("we agree:", "our
    commitment:")."""
    return bool(rule_table()[rule_id].get("lead_in_only", False))


def needs_agreement(rule_id: str) -> bool:
    """A duty that commits only as an agreement's term ("are bound to", "obliges them
    to"), not as a prediction or a hardship told (``under_agreement``)."""
    return bool(rule_table()[rule_id].get("under_agreement", False))


def act_subject(rule_id: str) -> bool:
    """A verb that states terms only with the act as its subject ("The MoU provides for
    ...", not "the government provides for its citizens")."""
    return bool(rule_table()[rule_id].get("act_subject", False))


def speaker_only(rule_id: str) -> bool:
    """A cue that commits only a party or a speaker's "we" ("we want to"), never any
    subject ("migrants want to")."""
    return bool(rule_table()[rule_id].get("speaker_only", False))


def speaker_named_itself(rule_id: str) -> bool | str:
    """``"speaker_only": "subject"``: the subject itself must be the name or "we" ("SPPI
    is to train"), not a noun of theirs ("the role of FIT is to identify");
    ``"speaker_only": "body"``: a named body or state or "we", no person ("the BWI is
    trying to", not "Amina is trying to rebuild her life")."""
    kind = rule_table()[rule_id].get("speaker_only")
    return "body" if kind == "body" else kind == "subject"


def ranked(
    sentence: Span, matches: list[tuple[int, int, int]], candidates: bool = False
) -> list[tuple[str, Token]]:
    """(rule_id, anchor token) of every trigger match in the sentence, generic cues last,
    best modality first, then in text order. The anchor is the match's first token, or
    the one a rule's ``anchor`` names (counted from the end when negative).
    Candidate-only cues come only with ``candidates``."""
    doc = sentence.doc
    found = []
    for match_id, start, end in matches:
        rule_id = doc.vocab.strings[match_id]
        if not candidates and is_candidate_only(rule_id):
            continue
        offset = rule_table()[rule_id].get("anchor", 0)  # which token anchors the trigger
        anchor = start + offset if offset >= 0 else end + offset
        found.append((rule_id, doc[sentence.start + anchor]))
    found.sort(
        key=lambda item: (is_generic(item[0]), MODALITY_PRIORITY[modality(item[0])], item[1].i)
    )
    return found


def is_generic(rule_id: str) -> bool:
    """A cue that any other cue of the sentence reads better ("to step up cooperation"
    beside "its determination to")."""
    return bool(rule_table()[rule_id].get("generic", False))
