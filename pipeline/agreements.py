"""The agreements dataset: one row per agreement a press release reports.

An agreement is an agreement noun (``patterns/agreements.jsonl``: memorandum,
joint statement, declaration, agreement, network, partnership ...) governed
by a verb of signing, adopting or launching, in any tense ("signed", "will
today sign", "was adopted by", "recently concluded between"). Its parties are
the organisations that sign (subject, "between ..." or "by ..."), or, when
the text names none ("a memorandum was signed"), the organisations the lead
of the report names. Signatories are the people of the "signed by ..."
phrase with their roles from the people table. Date and place come from the
sentence, else the dateline, else the lead of an event report.

The stage also links commitments to agreements and fills the actors of
commitments whose subject only the context names ("they", "the parties").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .commitments import Commitment, CommitmentFinder
from .entities import Mention, doc_mentions
from .lexicon import words
from .patterns_io import agreement_nouns, read_jsonl
from .people import doc_people
from .schemas import empty_frame
from .sentences import doc_text, matches_by_sentence, sentence_kinds, sentence_spans

LEAD_SENTENCES = 3
BACK_REFERENCE_DETERMINERS = ("the", "this", "that")
SPOKEN_TYPES = ("joint_statement", "declaration")
TRAILING_ACRONYM = re.compile(r"\s*\([^()]*\)$")  # "memorandum of understanding (MoU)"


@dataclass
class Agreement:
    sentence: Span
    noun: Token
    type: str
    status: str
    rule_id: str
    name: str | None
    parties: list[Mention] = field(default_factory=list)
    signatories: list[dict] = field(default_factory=list)
    date: Mention | None = None
    place: Mention | None = None
    place_name: str | None = None
    country_code: str | None = None
    commitments: list[Commitment] = field(default_factory=list)


@cache
def rules() -> tuple[dict, dict]:
    nouns, verbs = {}, {}
    for row in read_jsonl("agreements.jsonl", ("id", "kind")):
        if row["kind"] == "noun":
            nouns[row["id"]] = row
        else:
            for lemma in row["lemmas"]:
                verbs[lemma] = row
    return nouns, verbs


_MATCHERS: dict[int, Matcher] = {}


def noun_matcher(vocab: Vocab) -> Matcher:
    """The agreement-noun matcher for ``vocab``, built once (before any memory zone)."""
    key = id(vocab)
    if key not in _MATCHERS:
        matcher = Matcher(vocab, validate=True)
        for rule_id, row in rules()[0].items():
            matcher.add(rule_id, [row["pattern"]])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


class AgreementFinder:
    def __init__(self, doc: Doc, commitments: list[Commitment]):
        self.doc = doc
        self.mentions = [m for m in doc_mentions(doc) if not m.nested or m.label == "PLACE"]
        self.people = {p.mention.entity_id: p for p in doc_people(doc)}
        self.sentences = sentence_spans(doc)
        self.kinds = sentence_kinds(doc)
        self.commitments = commitments
        self.helper = CommitmentFinder(doc)  # subjects, coordinations, mentions by token

    def in_sentence(self, sentence: Span, label: str) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if m.label == label and sentence.start_char <= m.start < sentence.end_char
        ]

    def reporting_verb(self, noun: Token) -> Token | None:
        _, verbs = rules()
        governing: list[Token] = []
        for ancestor in list(noun.ancestors)[:4]:
            governing.append(ancestor)
            if ancestor.pos_ in ("VERB", "AUX"):
                break  # "launched X to support ... implementing the Compact": not launched
        candidates = governing + [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        for token in candidates:
            if token.pos_ in ("VERB", "AUX") and token.lemma_ in verbs:
                return token
        # a reduced relative the parse left loose: "the Agreement ... recently concluded between"
        j = noun.right_edge.i + 1
        while j < len(noun.doc) and noun.doc[j].pos_ == "ADV":
            j += 1
        if j < len(noun.doc) and noun.doc[j].tag_ in ("VBN", "VBD") and noun.doc[j].lemma_ in verbs:
            return noun.doc[j]
        return None

    def spoken_in(self, noun: Token) -> bool:
        """ "In a joint statement, X urged ...": the statement is what X says it in."""
        prep = noun.head
        return (
            noun.dep_ == "pobj"
            and prep.lower_ in ("in", "through")
            and prep.dep_ == "prep"
            and prep.head.pos_ == "VERB"
            and self.helper.subject_of(prep.head) is not None
        )

    def find(self) -> list[Agreement]:
        found: list[Agreement] = []
        nouns, verbs = rules()
        noun_matches = matches_by_sentence(self.doc, noun_matcher(self.doc.vocab))
        for index, sentence in enumerate(self.sentences):
            if self.kinds[index] == "title":
                continue
            for match_id, start, end in noun_matches[index]:
                rule_id = self.doc.vocab.strings[match_id]
                head = nouns[rule_id].get("head", -1)  # the noun's place in the pattern
                noun = self.doc[sentence.start + (start + head if head >= 0 else end + head)]
                if noun.ent_type_ == "MISC":
                    continue  # "the Global Compact for Migration": a named text, not an act
                if noun.dep_ == "compound" and noun.head.lower_ in agreement_nouns():
                    continue  # "partnership agreement": one agreement, named by its head
                verb = self.reporting_verb(noun)
                if verb is not None:
                    status, verb_rule = verbs[verb.lemma_]["status"], verbs[verb.lemma_]["id"]
                elif nouns[rule_id]["type"] in SPOKEN_TYPES and self.spoken_in(noun):
                    # "In a joint statement, the agencies urged ...": made by who speaks
                    verb, status, verb_rule = noun.head.head, "adopted", "verb.spoken_in"
                else:
                    continue
                if any(c.lower_ in ("will", "shall") for c in verb.children) and status == "signed":
                    status = "to_be_signed"
                agreement = Agreement(
                    sentence,
                    noun,
                    nouns[rule_id]["type"],
                    status,
                    f"{rule_id}+{verb_rule}",
                    self.name_of(noun, sentence),
                )
                agreement.parties, signer_mentions = self.parties_of(verb, noun, sentence)
                agreement.signatories = self.signatories(sentence, index, signer_mentions)
                self.date_and_place(agreement, verb, index)
                found.extend(self.split_by_place(agreement, noun))
        return self.merge(found)

    def name_of(self, noun: Token, sentence: Span) -> str | None:
        for m in self.mentions:
            if m.label == "ORG" and m.start <= noun.idx < m.end:
                return doc_text(self.doc)[m.start : m.end]
        left = noun.i
        while (
            left > sentence.start
            and self.doc[left - 1].dep_ in ("compound", "amod")
            and (self.doc[left - 1].is_title or self.doc[left - 1].lower_ in ("joint",))
        ):
            left -= 1
        right = noun.i + 1
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "on")), None)
        if prep is not None:
            right = min(prep.right_edge.i + 1, prep.i + 12)
        elif noun.is_title and right + 1 < len(self.doc) and self.doc[right].lower_ in ("of", "on"):
            # "Agreement of Cooperation" when the parse hangs "of" elsewhere
            j = right + 1
            while j < sentence.end and self.doc[j].is_title:
                j += 1
            if j > right + 1:
                right = j
        span = self.doc[left:right]
        text = TRAILING_ACRONYM.sub("", span.text.strip(" ,.;:")).strip(" ,.;:")
        return text or None

    def parties_of(
        self, verb: Token, noun: Token, sentence: Span
    ) -> tuple[list[Mention], list[Mention]]:
        helper = self.helper
        parties: list[Mention] = []
        signers: list[Mention] = []
        for token in [verb, noun]:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                    for t in child.subtree:
                        m = helper.token_mention.get(t.i)
                        if m is None and coordinated_under(t, child):
                            m = self.country_at(t)
                        if m is not None and m not in parties + signers:
                            (parties if m.label in ("ORG", "PLACE") else signers).append(m)
                if child.dep_ == "agent":
                    for t in child.subtree:
                        m = helper.token_mention.get(t.i)
                        if m is not None and m not in parties + signers:
                            (parties if m.label == "ORG" else signers).append(m)
        if not parties and noun.dep_ not in ("nsubjpass",) and verb.i > sentence.start:
            subject = helper.subject_of(verb)
            if subject is not None and subject.i < verb.i:
                parties = [m for m in helper.mentions_in(subject) if m.label == "ORG"]
                if parties:  # a coordination the parse may have cut short
                    parties += [
                        m
                        for m in helper.left_mentions(sentence, verb.i)
                        if m.label == "ORG" and m not in parties
                    ]
            if not parties:
                parties = [m for m in helper.left_mentions(sentence, verb.i) if m.label == "ORG"]
        if not parties and signers:
            parties = [p.org for s in signers if (p := self.people.get(s.entity_id)) and p.org]
        if not parties:
            parties = self.lead_parties()
        return self.unique(parties), signers

    def country_at(self, token: Token) -> Mention | None:
        """A country named at ``token``: "between Malawi and IOM" makes Malawi a party."""
        for m in self.mentions:
            if (
                m.label == "PLACE"
                and not m.nested
                and (m.entity_id or "").startswith("country:")
                and m.start <= token.idx < m.end
            ):
                return m
        return None

    def lead_parties(self) -> list[Mention]:
        """Organisations named in the headline and the first sentences of the report, but
        not those called upon ("urged the European Union to ...")."""
        lead = self.sentences[:LEAD_SENTENCES]
        return [
            m for s in lead for m in self.in_sentence(s, "ORG") if not self.called_upon(m)
        ]

    def called_upon(self, mention: Mention) -> bool:
        root = self.doc.char_span(mention.start, mention.end, alignment_mode="expand").root
        if root.dep_ == "pobj" and root.head.lower_ in ("on", "upon"):
            root = root.head
        return root.dep_ in ("dobj", "prep") and root.head.lemma_ in words("call_verbs")

    def unique(self, mentions: list[Mention]) -> list[Mention]:
        seen, out = set(), []
        for m in mentions:
            if m.entity_id not in seen:
                seen.add(m.entity_id)
                out.append(m)
        return out

    def signatories(self, sentence: Span, index: int, signers: list[Mention]) -> list[dict]:
        people = list(signers)
        for s in self.sentences[index : index + 2]:
            signing = [t for t in s if t.lemma_ in words("signing_verbs") and t.pos_ == "VERB"]
            if signing and any(t.lower_ == "by" for t in s):
                by = next(t for t in s if t.lower_ == "by")
                people += [m for m in self.in_sentence(s, "PERSON") if m.start > by.idx]
            for verb in signing:  # "The Minister ..., X, and IOM's ..., Y, signed the document"
                subject = self.helper.subject_of(verb)
                if subject is None or subject.dep_ != "nsubj":
                    continue
                start, end = subject.left_edge.idx, subject.right_edge.idx + 1
                people += [m for m in self.in_sentence(s, "PERSON") if start <= m.start < end]
        rows, seen = [], set()
        for m in people:
            if m.entity_id in seen:
                continue
            seen.add(m.entity_id)
            person = self.people.get(m.entity_id)
            rows.append(
                {
                    "name": m.norm,
                    "role": person.role if person else None,
                    "org": person.org_name if person else None,
                }
            )
        return rows

    def dateline(self) -> tuple[list[Mention], list[Mention]]:
        if len(self.sentences) < 2:
            return [], []
        line_end = doc_text(self.doc).find("\n", self.sentences[1].start_char)
        line_end = len(doc_text(self.doc)) if line_end < 0 else line_end
        places = [m for m in self.mentions if m.source == "dateline"]
        dates = [
            m
            for m in self.mentions
            if m.label == "DATE"
            and places
            and places[-1].end <= m.start < min(line_end, places[-1].end + 40)
        ]
        return places, dates

    def date_and_place(self, agreement: Agreement, verb: Token, index: int) -> None:
        sentence = agreement.sentence
        org_spans = [(m.start, m.end) for m in self.mentions if m.label == "ORG"]
        dates = self.in_sentence(sentence, "DATE")
        places = [
            m
            for m in self.in_sentence(sentence, "PLACE")
            if not any(a <= m.start and m.end <= b for a, b in org_spans)
        ]
        attached = [
            m
            for m in places
            if (tok := self.doc.char_span(m.start, m.end, alignment_mode="expand").root).head.dep_
            == "prep"
            and tok.head.lower_ in ("in", "at")
            and tok.head.head in (verb, agreement.noun)
        ]
        dateline_places, dateline_dates = self.dateline()
        from_lead = agreement.rule_id and self.parties_from_lead(agreement)
        if agreement.status == "to_be_signed" and not [d for d in dates if d not in dateline_dates]:
            # the dateline dates the announcement; "The signing ceremony will take place on ..."
            dates = self.ceremony_dates(index) or dates
        agreement.date = dates[0] if dates else (dateline_dates[0] if dateline_dates else None)
        if agreement.date is None and from_lead:
            lead_dates = [
                m for s in self.sentences[:LEAD_SENTENCES] for m in self.in_sentence(s, "DATE")
            ]
            agreement.date = lead_dates[0] if lead_dates else None
        if attached:
            agreement.place = attached[0]
        elif dateline_places:
            agreement.place = dateline_places[0]
        elif from_lead:
            lead_places = [
                m for s in self.sentences[1:LEAD_SENTENCES] for m in self.in_sentence(s, "PLACE")
            ]
            agreement.place = lead_places[0] if lead_places else None
        if agreement.place is not None:
            agreement.place_name = agreement.place.norm
            agreement.country_code = agreement.place.country_code

    def ceremony_dates(self, index: int) -> list[Mention]:
        """Dates of a later sentence about the signing ("The signing ceremony will take
        place in Lusaka on 10 July 2023")."""
        for s in self.sentences[index + 1 :]:
            if any(t.lower_ in words("ceremony_words") for t in s):
                dates = self.in_sentence(s, "DATE")
                if dates:
                    return dates
        return []

    def parties_from_lead(self, agreement: Agreement) -> bool:
        sentence_orgs = {m.entity_id for m in self.in_sentence(agreement.sentence, "ORG")}
        return bool(agreement.parties) and not any(
            p.entity_id in sentence_orgs for p in agreement.parties
        )

    def split_by_place(self, agreement: Agreement, noun: Token) -> list[Agreement]:
        """ "UN agencies in Kyrgyzstan and Kosovo launched their networks": one each."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return [agreement]
        subject = self.helper.subject_of(self.reporting_verb(noun))
        if subject is None:
            return [agreement]
        in_places = []
        for t in subject.subtree:
            if t.dep_ == "prep" and t.lower_ == "in":
                for pobj in (c for c in t.children if c.dep_ == "pobj"):
                    for head in [pobj, *pobj.conjuncts]:
                        m = next(
                            (
                                m
                                for m in self.mentions
                                if m.label == "PLACE" and m.start <= head.idx < m.end
                            ),
                            None,
                        )
                        if m is not None:
                            in_places.append(m)
        if len(in_places) < 2:
            return [agreement]
        dateline_places, _ = self.dateline()
        out = []
        for place in in_places:
            copy = Agreement(**{**agreement.__dict__, "commitments": []})
            local = [
                d
                for d in dateline_places
                if d.country_code and d.country_code == place.country_code
            ]
            chosen = local[0] if local else place
            copy.place, copy.place_name, copy.country_code = (
                chosen,
                chosen.norm,
                chosen.country_code,
            )
            copy.name = f"{agreement.name} ({place.norm})" if agreement.name else None
            out.append(copy)
        return out

    def merge(self, found: list[Agreement]) -> list[Agreement]:
        """One agreement reported in several sentences becomes one row: a later
        report of the same type, place and a shared party, or a definite
        back-reference ("The agreement was signed by ...") to the last one."""
        merged: list[Agreement] = []
        for a in found:
            twin = next(
                (
                    b
                    for b in merged
                    if b.type == a.type
                    and b.place_name == a.place_name
                    and not (a.date and b.date and a.date.norm != b.date.norm)
                    and {p.entity_id for p in a.parties} & {p.entity_id for p in b.parties}
                ),
                None,
            )
            if twin is None and merged and self.is_back_reference(a):
                twin = merged[-1]
            if twin is None:
                merged.append(a)
                continue
            names = {s["name"] for s in twin.signatories}
            twin.signatories += [s for s in a.signatories if s["name"] not in names]
            twin.parties = self.unique(twin.parties + a.parties)
            twin.date = twin.date or a.date
            if twin.place is None and a.place is not None:
                twin.place, twin.place_name, twin.country_code = (
                    a.place,
                    a.place_name,
                    a.country_code,
                )
        return merged

    def is_back_reference(self, agreement: Agreement) -> bool:
        """ "the agreement", "this MoU": a definite agreement noun with no name of its own."""
        noun = agreement.noun
        definite = any(
            c.dep_ == "det" and c.lower_ in BACK_REFERENCE_DETERMINERS for c in noun.children
        )
        unnamed = agreement.name is None or agreement.name.casefold() == noun.lower_
        another = any(c.lower_ in words("earlier_one") for c in noun.children)  # "the first ..."
        return definite and unnamed and not another

    def link(self, agreements: list[Agreement]) -> None:
        for c in self.commitments:
            if not agreements:
                continue
            actor_ids = {m.entity_id for m in c.actors}
            best = max(
                agreements,
                key=lambda a: (
                    len(actor_ids & {p.entity_id for p in a.parties}),
                    -agreements.index(a),
                ),
            )
            best.commitments.append(c)
            if c.actor_source == "parties" and not c.actors:
                c.actors = list(best.parties)


@cache
def topic_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(topic, one regex of all its keywords as whole words) from ``topics.jsonl``."""
    rules = []
    for row in read_jsonl("topics.jsonl", ("id", "topic", "keywords")):
        keywords = "|".join(re.escape(k.casefold()) for k in row["keywords"])
        rules.append((row["topic"], re.compile(rf"\b(?:{keywords})\b")))
    return tuple(rules)


def topics_of(texts: list[str]) -> list[str]:
    joined = " ".join(texts).casefold()
    return [topic for topic, keywords in topic_rules() if keywords.search(joined)]


def coordinated_under(token: Token, prep: Token) -> bool:
    """``token`` is an object of ``prep`` or conjoined with one ("between Malawi and IOM"),
    not inside a further phrase ("Mission in Ukraine")."""
    while token != prep:
        if token.dep_ not in ("pobj", "conj", "compound"):
            return False
        token = token.head
    return True


def agreement_id(doc_id: str, agreement: Agreement, n: int) -> str:
    return hashlib.sha256(f"{doc_id}:{agreement.sentence.start_char}:{n}".encode()).hexdigest()[:16]


def build_agreements(
    docs: Iterable[Doc], commitments: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Agreements of each parsed document, and ``commitments`` with actors filled
    from agreement parties and ``agreement_id`` set."""
    from .commitments import commitment_id, doc_commitments

    rows = []
    commitments = commitments.copy()
    for doc in docs:
        doc_id = doc.user_data["doc_id"]
        spans = sentence_spans(doc)
        found_commitments = doc_commitments(doc)
        finder = AgreementFinder(doc, found_commitments)
        agreements = finder.find()
        finder.link(agreements)
        if not agreements:
            # "The report will be presented ...": a passive with no agreement to credit it to
            guesses = {
                commitment_id(doc_id, spans.index(c.sentence), c.clause)
                for c in found_commitments
                if c.actor_source == "parties" and c.modality == "will"
            }
            commitments = commitments[~commitments["commitment_id"].isin(guesses)]
        title = spans[0].text if spans else ""
        for n, a in enumerate(agreements):
            a_id = agreement_id(doc_id, a, n)
            for c in a.commitments:
                cid = commitment_id(doc_id, spans.index(c.sentence), c.clause)
                mask = commitments["commitment_id"] == cid
                commitments.loc[mask, "agreement_id"] = a_id
                if c.actor_source == "parties":
                    names = list(dict.fromkeys(m.norm for m in c.actors))
                    ids = list(dict.fromkeys(m.entity_id for m in c.actors))
                    for i in commitments.index[mask]:
                        commitments.at[i, "actors"] = names
                        commitments.at[i, "actor_ids"] = ids
            rows.append(
                {
                    "agreement_id": a_id,
                    "doc_id": doc_id,
                    "type": a.type,
                    "name": a.name,
                    "status": a.status,
                    "parties": list(dict.fromkeys(p.norm for p in a.parties)),
                    "party_ids": list(dict.fromkeys(p.entity_id for p in a.parties)),
                    "signatories": a.signatories,
                    "date": a.date.norm if a.date else None,
                    "date_start": a.date.date_start if a.date else None,
                    "date_end": a.date.date_end if a.date else None,
                    "place": a.place_name,
                    "country_code": a.country_code,
                    "topics": topics_of(
                        [title, a.sentence.text] + [c.sentence.text for c in a.commitments]
                    ),
                    "n_commitments": len(a.commitments),
                    "sent_id": spans.index(a.sentence),
                    "evidence": a.sentence.text,
                    "evidence_start": a.sentence.start_char,
                    "evidence_end": a.sentence.end_char,
                    "rule_id": a.rule_id,
                }
            )
    frame = pd.DataFrame(rows) if rows else empty_frame("agreements")
    return frame, commitments
