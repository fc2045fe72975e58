"""Commitments: who agreed, committed, will, aims or calls on whom to do what.

Triggers are spaCy ``Matcher`` patterns in ``patterns/commitments.jsonl``
(validated on load), each with an id and a modality; the dependency parse
then gives the actors (subjects with their conjuncts, resolved to canonical
entity names), the addressees of a call, the committed action and negation.
A lead-in ending in a colon ("They call on national authorities:") hands its
actors and modality to each list item under it.

Actors that only the context can name ("they", "the parties", passives,
"The MoU will ...") are marked ``actor_source = "parties"`` and filled in by
the agreements stage with the parties of the agreement the text reports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .entities import Mention, dateline_end, doc_mentions
from .lexicon import words
from .patterns_io import read_jsonl
from .people import doc_people
from .schemas import empty_frame
from .sentences import doc_text, matches_by_sentence, sentence_kinds, sentence_spans

MODALITY_PRIORITY = {"agree": 0, "commit": 1, "call": 2, "aim": 3, "will": 4}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
ACTION_STOP = {",", ";", ":", ".", "—", "–", "(", "”", '"'}
MAX_ACTION_TOKENS = 16
CONTRAST_MARKS = ("while", "whereas", "whilst")
QUOTE_OPENERS = ("“", '"', "«", "‘")
LEADING_PARTICLES = ("to", "for", "on", "upon", "at")  # "call for X": the action is X


@dataclass
class Commitment:
    sentence: Span
    modality: str
    rule_id: str
    actors: list[Mention] = field(default_factory=list)
    actor_source: str = "subject"
    action: str = ""
    addressees: list[str] = field(default_factory=list)
    negated: bool = False
    clause: int = 0  # 1, 2 ... for further commitments in coordinated clauses of the sentence
    anchor: Token | None = None  # the trigger's token


@cache
def rule_table() -> dict[str, dict]:
    return {
        row["id"]: row for row in read_jsonl("commitments.jsonl", ("id", "modality", "pattern"))
    }


_MATCHERS: dict[int, Matcher] = {}


def matcher_for(vocab: Vocab) -> Matcher:
    """The trigger matcher for ``vocab``, built once (before any memory zone, so that
    its rule ids stay in the string store)."""
    key = id(vocab)
    if key not in _MATCHERS:
        matcher = Matcher(vocab, validate=True)
        for rule_id, row in rule_table().items():
            matcher.add(rule_id, [row["pattern"]])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


class CommitmentFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions = [m for m in doc_mentions(doc) if not m.nested]
        self.token_mention: dict[int, Mention] = {}
        for m in self.mentions:
            if m.label in ("ORG", "PERSON"):
                for token in doc.char_span(m.start, m.end, alignment_mode="expand"):
                    self.token_mention[token.i] = m
        self.people = {p.mention.entity_id: p for p in doc_people(doc)}
        self.sentences = sentence_spans(doc)
        self.dateline_end = dateline_end(doc_text(doc))
        self.kinds = sentence_kinds(doc)
        self.index_of = {s.start: i for i, s in enumerate(self.sentences)}
        self.matches = matches_by_sentence(doc, matcher_for(doc.vocab))

    # -- triggers --------------------------------------------------------------
    def triggers(self, sentence: Span) -> list[tuple[str, Token]]:
        """(rule_id, anchor token) of every trigger in the sentence, best first."""
        found = []
        for match_id, start, _end in self.matches[self.index_of[sentence.start]]:
            rule_id = self.doc.vocab.strings[match_id]
            anchor = self.doc[sentence.start + start]
            found.append((rule_id, anchor))
        found.sort(
            key=lambda item: (MODALITY_PRIORITY[rule_table()[item[0]]["modality"]], item[1].i)
        )
        return found

    # -- actors -----------------------------------------------------------------
    def governing_verb(self, anchor: Token) -> Token:
        if anchor.tag_ == "MD":
            return anchor.head
        return anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head

    def subject_of(self, verb: Token) -> Token | None:
        seen = 0
        while verb is not None and seen < 4:
            for child in verb.children:
                # the parse often takes the dateline's place for a subject
                if child.dep_ in SUBJECT_DEPS and child.idx >= self.dateline_end:
                    return child
            if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head is not verb:
                verb = verb.head
                seen += 1
                continue
            break
        return None

    def mentions_in(self, token: Token) -> list[Mention]:
        """Entities named by a subject token, its conjuncts and "X from/of ORG"."""
        found: list[Mention] = []
        for head in [token, *token.conjuncts]:
            mention = self.token_mention.get(head.i)
            if mention is None:
                for t in head.subtree:
                    if t.dep_ in ("relcl", "acl", "appos"):
                        break
                    candidate = self.token_mention.get(t.i)
                    if candidate is not None:
                        mention = candidate
                        break
            if mention is not None and mention not in found:
                found.append(mention)
        return found

    def resolve_short_form(self, token: Token) -> Mention | None:
        """ "the Network" -> the document's organisation called a network."""
        lemma = token.lemma_.casefold()
        if lemma not in words("org_heads"):
            return None
        before = [m for m in self.mentions if m.label == "ORG" and m.start < token.idx]
        for m in reversed(before):
            if m.norm and any(w.rstrip("s") == lemma for w in m.norm.casefold().split()):
                return m
        return None

    def short_form_member(self, subject: Token) -> Mention | None:
        """ "Members of the Network", "Staff of the Ministry": the body named in full before."""
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    definite = any(c.lower_ == "the" for c in pobj.children)
                    if pobj.dep_ == "pobj" and definite:
                        return self.resolve_short_form(pobj)
        return None

    def speaker_org(self, sentence: Span) -> list[Mention]:
        """The organisation of the person quoted in or around the sentence."""
        index = self.sentences.index(sentence)
        around = self.sentences[index : index + 2]
        if index and sentence.text[:1] in QUOTE_OPENERS:
            around.append(self.sentences[index - 1])  # «"...," said X. "We will ..."»
        for s in around:
            for m in self.mentions:
                if m.label == "PERSON" and s.start_char <= m.start < s.end_char:
                    person = self.people.get(m.entity_id)
                    if person is not None and person.org is not None:
                        return [person.org]
        return []

    def previous_subjects(self, sentence: Span) -> list[Mention]:
        index = self.sentences.index(sentence)
        if index == 0:
            return []
        previous = self.sentences[index - 1]
        verbs = [
            t.i for t in previous if t.pos_ in ("VERB", "AUX") and t.i not in self.token_mention
        ]
        boundary = verbs[0] if verbs else previous.root.i
        found = [m for m in self.left_mentions(previous, boundary) if m.label == "ORG"]
        return found if len(found) >= 2 else []

    def left_mentions(self, sentence: Span, before: int) -> list[Mention]:
        """Organisations and people named before token ``before`` outside prepositional
        phrases: the subject when the parse has lost it."""
        found: list[Mention] = []
        for i in range(sentence.start, before):
            mention = self.token_mention.get(i)
            if mention is None or mention in found:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            head = span.root.head
            if head.dep_ in ("prep", "agent") and head.i < span.start:
                continue  # "with IOM", "at the invitation of UNHCR": not the subject
            found.append(mention)
        return found

    def actors(
        self, verb: Token, sentence: Span, modality: str, anchor: Token
    ) -> tuple[list[Mention], str] | None:
        """(actors, source), or None when the sentence is not a commitment."""
        subject = self.subject_of(verb)
        if subject is not None and not (sentence.start <= subject.i < anchor.i):
            subject = None
        # "are committed to" is passive in form only; a passive "will be undertaken" names no actor
        if subject is not None and subject.dep_ == "nsubjpass" and modality == "will":
            for child in verb.children:
                if child.dep_ == "agent":
                    agents = [m for c in child.children for m in self.mentions_in(c)]
                    if agents:
                        return agents, "agent"
            return [], "parties"
        if subject is not None:
            named = self.mentions_in(subject)
            if named:
                if subject.conjuncts:  # a coordination the parse may have cut short
                    named += [m for m in self.left_mentions(sentence, anchor.i) if m not in named]
                return named, "subject"
            lowered = subject.lower_
            if lowered in ("we", "i", "us"):
                speaker = self.speaker_org(sentence)
                return (speaker, "speaker") if speaker else ([], "parties")
            if lowered in ("they", "these"):
                previous = self.previous_subjects(sentence)
                return (previous, "previous_subject") if previous else ([], "parties")
            short = self.resolve_short_form(subject) or self.short_form_member(subject)
            if short is not None:
                return [short], "short_form"
        left = self.left_mentions(sentence, anchor.i)
        if left and (subject is None or subject.pos_ in ("PROPN",)):
            return left, "left_of_trigger"
        window = self.doc[sentence.start : anchor.i]
        subject_words = (
            [
                subject,
                *(c for c in subject.children if c.dep_ in ("det", "amod", "nummod", "predet")),
            ]
            if subject is not None
            else (list(window) if len(window) <= 3 else [])
        )
        if any(t.lower_ in words("party_pronouns") for t in subject_words) or any(
            t.lemma_.casefold() in words("joint_subjects") for t in subject_words
        ):
            return [], "parties"
        if modality == "will":
            return None
        return [], "none"

    # -- action -------------------------------------------------------------------
    def governed_verb(self, anchor: Token, rule_id: str) -> Token | None:
        if anchor.tag_ == "MD":
            return anchor.head
        candidates = [anchor, *anchor.children]
        for token in anchor.subtree:
            if token.i > anchor.i and token.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBG"):
                return token
        for token in candidates:
            if token.dep_ == "dobj":
                return token
        return None

    def action_text(self, verb: Token | None, anchor: Token) -> str:
        doc = self.doc
        if verb is None:
            start = anchor.i + 1
        else:
            start = min(
                [verb.i]
                + [c.i for c in verb.lefts if c.dep_ in ("advmod", "neg", "aux") and c.i > anchor.i]
            )
            if anchor.tag_ == "MD":
                start = max(start, anchor.i + 1)
        tokens = []
        for token in doc[start:]:
            if token.text in ACTION_STOP or "\n" in token.text or len(tokens) >= MAX_ACTION_TOKENS:
                break
            if token.lower_ in LEADING_PARTICLES and not tokens:
                continue
            tokens.append(token)
        if not tokens:
            return ""
        return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]

    def addressees(self, anchor: Token, rule_id: str) -> list[str]:
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
                    span = self.doc[head.left_edge.i : head.i + 1]
                    names.append(span.text)
        return names

    def is_excluded(self, anchor: Token, verb: Token) -> bool:
        """Predictions, expectations about others, relative clauses, questions."""
        if verb.dep_ == "relcl":
            return True
        if any(c.lower_ in words("prediction_adverbs") for c in verb.children):
            return True
        head = verb
        for _ in range(3):
            if head.dep_ in ("ccomp", "advcl") and head.head.lemma_ in words("expectation_verbs"):
                return True
            if head.head is head:
                break
            head = head.head
        return False

    # -- sentences ------------------------------------------------------------------
    def find(self) -> list[Commitment]:
        results: list[Commitment] = []
        pending_lead: Commitment | None = None
        for index, sentence in enumerate(self.sentences):
            kind = self.kinds[index]
            if kind == "title":
                continue
            if kind == "list_item" and pending_lead is not None:
                results.append(self.list_item(sentence, pending_lead))
                continue
            if kind == "lead_in" and pending_lead is not None and not self.triggers(sentence):
                continue  # a sub-heading inside the list ("In the field of healthcare:")
            pending_lead = None
            commitment = self.sentence_commitment(sentence)
            if commitment is None:
                continue
            if kind == "lead_in" and self.next_is_list(index):
                pending_lead = commitment
                continue
            results.append(commitment)
            results.extend(self.coordinated(commitment))
        return results

    def next_is_list(self, index: int) -> bool:
        for kind in self.kinds[index + 1 : index + 4]:
            if kind == "list_item":
                return True
            if kind != "lead_in":
                return False
        return False

    def list_item(self, sentence: Span, lead: Commitment) -> Commitment:
        tokens = [t for t in sentence if not t.is_punct or t.text not in "-–—•*"]
        start = 0
        while start < len(tokens) and (
            tokens[start].text in "-–—•*·" or tokens[start].lower_ == "to"
        ):
            start += 1
        action_tokens = []
        for token in tokens[start:]:
            if token.text in (";", ".") or len(action_tokens) >= MAX_ACTION_TOKENS:
                break
            action_tokens.append(token)
        action = (
            doc_text(self.doc)[
                action_tokens[0].idx : action_tokens[-1].idx + len(action_tokens[-1].text)
            ]
            if action_tokens
            else sentence.text
        )
        return Commitment(
            sentence,
            lead.modality,
            lead.rule_id + "+list_item",
            list(lead.actors),
            lead.actor_source,
            action,
            list(lead.addressees),
            bool(action_tokens) and any(c.dep_ == "neg" for c in action_tokens[0].children),
        )

    def sentence_commitment(self, sentence: Span) -> Commitment | None:
        """The sentence's commitment: the first trigger, best modality first, that holds."""
        if sentence.text.rstrip().endswith("?"):
            return None
        for rule_id, anchor in self.triggers(sentence):
            commitment = self.commitment_at(sentence, rule_id, anchor)
            if commitment is not None:
                return commitment
        return None

    def commitment_at(self, sentence: Span, rule_id: str, anchor: Token) -> Commitment | None:
        modality = rule_table()[rule_id]["modality"]
        verb = self.governing_verb(anchor)
        if self.is_excluded(anchor, verb):
            return None
        resolved = self.actors(verb, sentence, modality, anchor)
        if resolved is None:
            return None
        actors, source = resolved
        governed = self.governed_verb(anchor, rule_id)
        negated = any(c.dep_ == "neg" for c in verb.children) or (
            governed is not None and any(c.dep_ == "neg" for c in governed.children)
        )
        return Commitment(
            sentence,
            modality,
            rule_id,
            actors,
            source,
            self.action_text(governed, anchor),
            self.addressees(anchor, rule_id),
            negated,
            anchor=anchor,
        )

    def coordinated(self, first: Commitment) -> list[Commitment]:
        """Further commitments of the sentence in clauses with subjects of their own:
        "Save the Children will run 25 spaces, while UNHCR will fund teachers"."""
        sentence = first.sentence
        verbs = [self.governing_verb(first.anchor)]
        found: list[Commitment] = []
        for rule_id, anchor in self.triggers(sentence):
            verb = self.governing_verb(anchor)
            if verb in verbs or not any(clause_link(verb, other) for other in verbs):
                continue
            subject = self.subject_of(verb)
            own_subject = (
                subject is not None
                and subject.head == verb
                and sentence.start <= subject.i < anchor.i
            )
            if not own_subject:
                continue
            commitment = self.commitment_at(sentence, rule_id, anchor)
            if commitment is not None and commitment.actor_source != "none":
                commitment.clause = len(found) + 1
                found.append(commitment)
                verbs.append(verb)
        return found


def clause_link(verb: Token, other: Token) -> bool:
    """Two verbs heading coordinated clauses ("X will A, and Y will B"; "..., while Y ...")."""
    for a, b in ((verb, other), (other, verb)):
        if a.head == b and (a.dep_ == "conj" or (a.dep_ == "advcl" and has_contrast_mark(a))):
            return True
    return False


def has_contrast_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children)


def doc_commitments(doc: Doc) -> list[Commitment]:
    """The commitments of one parsed document (cached on the Doc)."""
    cached = doc.user_data.get("accords_commitments")
    if cached is None:
        cached = CommitmentFinder(doc).find()
        doc.user_data["accords_commitments"] = cached
    return cached


def commitment_id(doc_id: str, sent_id: int, clause: int = 0) -> str:
    key = f"{doc_id}:{sent_id}" + (f":{clause}" if clause else "")
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def extract_commitments(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per commitment (sentence or list item) of each parsed document."""
    rows = []
    for doc in docs:
        doc_id = doc.user_data["doc_id"]
        spans = sentence_spans(doc)
        for c in doc_commitments(doc):
            sent_id = spans.index(c.sentence)
            names, ids = [], []
            for m in c.actors:
                if m.norm not in names:
                    names.append(m.norm)
                    ids.append(m.entity_id)
            rows.append(
                {
                    "commitment_id": commitment_id(doc_id, sent_id, c.clause),
                    "doc_id": doc_id,
                    "sent_id": sent_id,
                    "start": c.sentence.start_char,
                    "end": c.sentence.end_char,
                    "sentence": c.sentence.text,
                    "actors": names,
                    "actor_ids": ids,
                    "actor_source": c.actor_source,
                    "modality": c.modality,
                    "action": c.action,
                    "addressees": c.addressees,
                    "negated": c.negated,
                    "rule_id": c.rule_id,
                    "agreement_id": None,
                }
            )
    return pd.DataFrame(rows) if rows else empty_frame("commitments")
