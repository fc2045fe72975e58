"""The learned party scorer: which bodies are the parties of an agreement.

The rules choose an agreement's parties from the phrase that reports it ("between ...",
the subject, "signed by ..."), and fall back on the lead of the report. On sites no rule
was written for, that choice is the part that fails most. Here every body or country
near the agreement (its sentence, the one before and after, the headline, the signers'
organisations, the rules' own choice) is a candidate described by named features; a
model trained on the gold keeps those likely to be parties. With no model the rules'
parties stand."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..learn import Features, LinearModel
from ..nlp.extensions import agreements, doc_text, mentions, people, sentences
from ..nlp.learned import MODELS, load_linear
from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import can_act, served_at
from ..nlp.text import dateline_span, whole_words

MODEL_FILE = MODELS / "parties.json"  # where `make train` ships it
NEAR = {"sentence": 0, "previous": -1, "next": 1}


def candidates(doc: Doc, a: Agreement) -> list[tuple[Mention, dict[str, float]]]:
    """Every body or country that may be a party of ``a``, with its features."""
    found = sentences(doc)
    spans = found.spans
    every = [m for m in mentions(doc) if can_act(m) and not m.nested]
    orgs = {p.mention.entity_id: p.org for p in people(doc) if p.org is not None}
    people_orgs = [orgs[m.entity_id] for m in every if m.label == "PERSON" and m.entity_id in orgs]
    places = {name: a.sent_id + step for name, step in NEAR.items()}
    if spans and found.kinds[0] == "title":
        places["title"] = 0
    dateline = dateline_span(doc_text(doc))
    out: dict[str | None, tuple[Mention, dict[str, float]]] = {}

    def add(m: Mention, where: str) -> None:
        if m.label == "PERSON":
            return
        entry = out.setdefault(m.entity_id, (m, {}))
        entry[1]["in=" + where] = 1.0

    for where, index in places.items():
        if 0 <= index < len(spans):
            span = spans[index]
            for m in every:
                if span.start_char <= m.start < span.end_char:
                    add(m, where)
    for m in a.parties:
        add(m, "rules")
    signer_names = {s.get("name") for s in a.signatories}
    for org in people_orgs:
        add(org, "people")
    for person in people(doc):
        if person.org is not None and person.mention.norm in signer_names:
            add(person.org, "signer_org")
    counts: dict[str | None, int] = {}
    for m in every:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    sentence = a.sentence
    return [
        (
            m,
            {
                **f,
                **combined_features(m, f, a),
                **mention_features(doc, m, a, sentence, counts, dateline, len(out)),
            },
        )
        for m, f in out.values()
    ]


def combined_features(m: Mention, where: dict[str, float], a: Agreement) -> Features:
    """Pairs a linear model cannot form: where a candidate is named, by its label and by
    whether the rules named it or only guessed it from the lead."""
    f: dict[str, float] = {f"{m.label}*{key}": 1.0 for key in where}
    if "in=rules" in where:
        f["rules=" + ("guessed" if a.parties_guessed else "named")] = 1.0
    return f


def mention_features(
    doc: Doc,
    m: Mention,
    a: Agreement,
    sentence: Span,
    counts: dict[str | None, int],
    dateline: tuple[int, int],
    n: int,
) -> Features:
    f: dict[str, float] = {
        "label=" + m.label: 1.0,
        "source=" + m.source.split(".")[0]: 1.0,
        "type=" + a.type: 1.0,
        "mentions=" + str(min(counts.get(m.entity_id, 1), 4)): 1.0,
        "candidates=" + str(min(n, 6)): 1.0,
    }
    if a.parties_guessed:
        f["rules_guessed"] = 1.0
    for word in (m.norm or "").casefold().split():
        if word.isalpha() and len(word) > 3:
            f["name_word=" + word] = 0.5  # "ministry", "union", "news": what kind of body
    if m.country_code:
        f["has_country"] = 1.0
    if dateline[0] <= m.start < dateline[1]:
        f["dateline"] = 1.0
    if a.name and m.norm and whole_words(a.name, [m.norm]):
        f["in_name"] = 1.0  # "the Ghana-Togo agreement", "UNHCR-UWC Cooperation Agreement"
    if sentence.start_char <= m.start < sentence.end_char:
        f.update(syntax_features(doc, m, a.noun))
    return f


def syntax_features(doc: Doc, m: Mention, noun: Token) -> Features:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return {}
    root = span.root
    f: dict[str, float] = {
        "side=" + ("before" if root.i < noun.i else "after"): 1.0,
        "distance=" + str(min(abs(root.i - noun.i) // 4, 4)): 1.0,
        "dep=" + root.dep_: 1.0,
    }
    head = root.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "between A and B": B is A's conjunct
    if head.dep_ == "prep" or head.pos_ == "ADP":
        f["prep=" + head.lower_] = 1.0
    if root.dep_ in ("nsubj", "nsubjpass") or head.dep_ in ("nsubj", "nsubjpass"):
        f["subject"] = 1.0
    if served_at(root):
        f["envoy_posting"] = 1.0  # "the ambassador to the UN": where an envoy serves
    return f


def load_party_model(path: Path | None = None) -> LinearModel | None:
    return load_linear(MODEL_FILE.name, path)


class PartyScorer:
    """Sets each agreement's parties to the candidates the model keeps (the rules'
    parties where it keeps none); ``keep_all`` records every candidate with its features
    on the agreement (training data)."""

    def __init__(self, model: LinearModel | None, keep_all: bool = False):
        self.model = model
        self.keep_all = keep_all

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None and not self.keep_all:
            return doc
        for a in agreements(doc):
            found = candidates(doc, a)
            if self.keep_all or self.model is None:
                a.party_candidates = found
                continue
            scored = [(m, self.model.probability(f)) for m, f in found]
            kept = [(m, p) for m, p in scored if p >= self.model.threshold]
            if kept:
                a.parties = [m for m, _ in kept]
                a.rule_id += f"+model:parties@{min(p for _, p in kept):.2f}"
        return doc
