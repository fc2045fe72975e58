"""The learned commitment scorer: the rules' commitments and candidates (``candidates``),
described by named features, kept where a model trained on the gold says they hold.

It runs after the agreements (whether the release reports one, and whether the
candidate's actors are its parties, are among the strongest signs) and before the link
step, which credits a candidate with no named actor to the agreement's parties. Its
rows say what decided: ``rule_id`` becomes ``model:commitments@0.83/<the cue>``."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..learn import Features, LinearModel
from ..nlp.extensions import agreements, commitments, sentences
from ..nlp.learned import MODELS, load_linear
from ..nlp.payloads import Agreement, Commitment
from ..nlp.syntax import governing_verb
from ..rules.lexicon import words
from .candidates import CANDIDATE_PREFIX
from .exclusions import exclusion

MODEL_FILE = MODELS / "commitments.json"  # where `make train` ships it
QUOTE_MARKS = ("“", "”", '"')


def features(c: Commitment, kinds: list[str], found: list[Agreement]) -> Features:
    """What the rules know of one commitment or candidate, as named features."""
    candidate = c.rule_id.startswith(CANDIDATE_PREFIX)
    cue = c.rule_id.removeprefix(CANDIDATE_PREFIX).split("+")[0]
    f: dict[str, float] = {
        "origin=" + ("candidate" if candidate else "rule"): 1.0,
        "cue=" + cue: 1.0,
        "modality=" + c.modality: 1.0,
        "actors=" + c.actor_source: 1.0,
        f"modality*actors={c.modality}*{c.actor_source}": 1.0,
        "kind=" + kinds[c.sent_id]: 1.0,
        "n_actors=" + str(min(len(c.actors), 2)): 1.0,
        "agreements=" + str(min(len(found), 2)): 1.0,
    }
    if "+list_item" in c.rule_id:
        f["list_item_of_lead"] = 1.0
    if c.negated:
        f["negated"] = 1.0
    if not c.action:
        f["no_action"] = 1.0
    f.update(sentence_features(c.sentence, c.sent_id))
    if c.anchor is not None:
        f.update(anchor_features(c.anchor, c.modality))
    f.update(actor_features(c))
    parties = {p.entity_id for a in found for p in a.parties}
    if c.actors and parties and {m.entity_id for m in c.actors} <= parties:
        f["actors_are_parties"] = 1.0
    if any(a.sentence == c.sentence for a in found):
        f["agreement_sentence"] = 1.0
    return f


def actor_features(c: Commitment) -> Features:
    """Where the row's actors come from (named in its sentence, or credited from another)
    and what they are: signs of whether the row credits the right ones."""
    if not c.actors:
        return {}
    start, end = c.sentence.start_char, c.sentence.end_char
    here = sum(start <= m.start < end for m in c.actors)
    where = "here" if here == len(c.actors) else "elsewhere" if not here else "mixed"
    f: dict[str, float] = {"actors_named=" + where: 1.0}
    for label in {m.label for m in c.actors}:
        f["actor_label=" + label] = 1.0
    return f


def sentence_features(sentence: Span, index: int) -> Features:
    text = sentence.text
    f: dict[str, float] = {"position=" + ("lead" if index <= 2 else "body"): 1.0}
    if any(q in text for q in QUOTE_MARKS):
        f["quoted"] = 1.0
    if text.rstrip().endswith(":"):
        f["ends_with_colon"] = 1.0
    if any(t.lemma_ in words("speech_verbs") for t in sentence):
        f["reported_speech"] = 1.0
    if len(sentence) > 40:
        f["long"] = 1.0
    for token in sentence:
        if token.pos_ in ("VERB", "AUX", "NOUN") and token.is_alpha:
            f["lemma=" + token.lemma_.casefold()] = 0.5
    return f


def anchor_features(anchor: Token, modality: str) -> Features:
    verb = governing_verb(anchor)
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    f: dict[str, float] = {
        "anchor=" + anchor.lemma_.casefold(): 1.0,
        "verb=" + verb.lemma_.casefold(): 1.0,
        "verb_tag=" + verb.tag_: 1.0,
        f"modality*verb_tag={modality}*{verb.tag_}": 1.0,
        "subject=" + (subject.pos_ if subject is not None else "none"): 1.0,
    }
    if subject is not None and subject.pos_ == "PRON":
        f["subject_pron=" + subject.lower_] = 1.0
    if subject is not None and subject.pos_ == "NOUN":  # "the agreement", "countries"
        f["subject_noun=" + subject.lemma_.casefold()] = 1.0
    modal = next((c for c in verb.children if c.tag_ == "MD"), None)
    if modal is not None:  # "will" binds, "would" reports, "should" asks
        f[f"modal*modality={modal.lower_}*{modality}"] = 1.0
    if subject is not None and subject.dep_ == "nsubjpass":
        f["passive"] = 1.0
    if verb.dep_ not in ("ROOT", "conj"):
        f["verb_dep=" + verb.dep_] = 1.0
    reason = exclusion(verb)
    if reason is not None:  # a candidate the rules vetoed: why ("will be held": a schedule)
        f["excluded=" + reason] = 1.0
    return f


def load_commitment_model(path: Path | None = None) -> LinearModel | None:
    return load_linear(MODEL_FILE.name, path)


class CommitmentScorer:
    """Keeps the candidates (``scope="candidates"``) or every commitment
    (``scope="all"``) the model accepts; with no model, the rules' commitments stand.
    ``keep_all`` keeps every one with its score and features (training data)."""

    def __init__(self, model: LinearModel | None, keep_all: bool = False):
        self.model = model
        self.keep_all = keep_all

    @property
    def proposes(self) -> bool:
        return self.model is not None or self.keep_all

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Commitment] = doc._.accords_commitment_candidates or []
        doc._.accords_commitment_candidates = None
        if not self.proposes:
            return doc
        kinds = sentences(doc).kinds
        found = agreements(doc)
        scope = self.model.meta.get("scope", "candidates") if self.model else "all"
        kept = []
        for c in commitments(doc) + candidates:
            c.features = dict(features(c, kinds, found))
            if self.keep_all:
                kept.append(c)
                continue
            assert self.model is not None
            ok, c.score = self.model.decide(c.features)
            is_candidate = c.rule_id.startswith(CANDIDATE_PREFIX)
            if not is_candidate and scope != "all":
                kept.append(c)
            elif ok:
                cue = c.rule_id.removeprefix(CANDIDATE_PREFIX)
                c.rule_id = f"model:commitments@{c.score:.2f}/{cue}"
                kept.append(c)
        kept.sort(key=lambda c: (c.sent_id, c.clause))
        doc._.accords_commitments = kept
        return doc
