"""The project's spaCy components, registered in one place, and the pipeline that runs
them.

Lines are parsed by the model's own components (and the EntityRuler of the
gazetteer, before the statistical NER); then the ``accords_*`` components run over
each joined document, in this order (``nlp.analyze_pipes()`` shows it):

| component | assigns |
|---|---|
| ``accords_retag`` | ``token.pos``, ``token.tag``, ``token.dep``: signing verbs, datelines |
| ``accords_sentences`` | ``doc._.accords_sentences`` |
| ``accords_entities`` | ``doc._.accords_mentions`` |
| ``accords_people`` | ``doc._.accords_people`` |
| ``accords_commitments`` | ``doc._.accords_commitments`` |
| ``accords_agreements`` | ``doc._.accords_agreements`` |
| ``accords_act_scorer`` | ``doc._.accords_agreements``: a learned act where rules find none |
| ``accords_party_scorer`` | ``doc._.accords_agreements``: the parties a trained model keeps |
| ``accords_commitment_scorer`` | ``doc._.accords_commitments``: what a trained model keeps |
| ``accords_link`` | completes both: commitments linked, agreement ids and topics |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .agreements import AgreementFinder
from .agreements.act_scoring import ActScorer, load_act_model
from .agreements.party_scoring import PartyScorer, load_party_model
from .commitments import CommitmentFinder, CommitmentScorer, load_commitment_model
from .entities import EntityRecognizer, ruler_patterns
from .link import CommitmentLinker
from .nlp.learned import learned_parts_on
from .nlp.model import add_ner_labels, document_components, load_model, parse_lines
from .nlp.ner_weights import load_ner_weights, ner_weights_named
from .nlp.retag import reattach_dateline_subject, retag_committing_verbs, retag_signing_verbs
from .nlp.token_index import IndexedMatcher
from .people import PeopleFinder
from .sentences import SentenceSegmenter

PARSE = ["token.dep", "token.tag", "token.lemma", "token.is_sent_start"]  # POS: attribute_ruler


@Language.factory(
    "accords_retag",
    # POS too: the attribute_ruler declares none
    requires=["token.tag", "token.lemma", "token.dep"],
    assigns=["token.pos", "token.tag", "token.dep"],
)
def make_retag(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def retag(doc: Doc) -> Doc:
        retag_signing_verbs(doc)
        retag_committing_verbs(doc)
        reattach_dateline_subject(doc)
        return doc

    return retag


@Language.factory(
    "accords_sentences",
    requires=["token.is_sent_start"],
    assigns=["doc._.accords_sentences"],
)
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter()


@Language.factory(
    "accords_entities",
    requires=["doc.ents", "token.ent_type", *PARSE, "doc._.accords_sentences"],
    assigns=["doc._.accords_mentions"],
)
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer()


@Language.factory(
    "accords_people",
    requires=["doc._.accords_mentions", "doc._.accords_sentences"],
    assigns=["doc._.accords_people"],
)
def make_people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder()


@Language.factory(
    "accords_commitments",
    requires=[*PARSE, "doc._.accords_mentions", "doc._.accords_people"],
    assigns=["doc._.accords_commitments"],
)
def make_commitments(nlp: Language, name: str) -> CommitmentFinder:
    return CommitmentFinder(nlp, propose=learned_commitments() is not None)


@Language.factory(
    "accords_agreements",
    requires=[*PARSE, "doc._.accords_mentions", "doc._.accords_people"],
    assigns=["doc._.accords_agreements"],
)
def make_agreements(nlp: Language, name: str) -> AgreementFinder:
    return AgreementFinder(nlp)


@Language.factory(
    "accords_act_scorer",
    requires=[*PARSE, "doc._.accords_agreements", "doc._.accords_mentions"],
    assigns=["doc._.accords_agreements"],
)
def make_act_scorer(nlp: Language, name: str) -> ActScorer:
    return ActScorer(nlp, load_act_model() if learned_parts_on() else None)


@Language.factory(
    "accords_party_scorer",
    requires=["doc._.accords_agreements", "doc._.accords_mentions", "doc._.accords_people"],
    assigns=["doc._.accords_agreements"],
)
def make_party_scorer(nlp: Language, name: str) -> PartyScorer:
    return PartyScorer(load_party_model() if learned_parts_on() else None)


@Language.factory(
    "accords_commitment_scorer",
    requires=["doc._.accords_commitments", "doc._.accords_agreements"],
    assigns=["doc._.accords_commitments"],
)
def make_commitment_scorer(nlp: Language, name: str) -> CommitmentScorer:
    return CommitmentScorer(learned_commitments())


def learned_commitments():
    return load_commitment_model() if learned_parts_on() else None


@Language.factory(
    "accords_link",
    requires=["doc._.accords_commitments", "doc._.accords_agreements"],
    assigns=["doc._.accords_commitments", "doc._.accords_agreements"],
)
def make_link(nlp: Language, name: str) -> CommitmentLinker:
    return CommitmentLinker()


ACCORDS_COMPONENTS = (
    "accords_retag",
    "accords_sentences",
    "accords_entities",
    "accords_people",
    "accords_commitments",
    "accords_agreements",
    "accords_act_scorer",
    "accords_party_scorer",
    "accords_commitment_scorer",
    "accords_link",
)


def load_nlp(name: str | None = None, learned: bool | None = None) -> Language:
    """The spaCy model ``name`` with the gazetteer's EntityRuler and every accords
    component; their matchers are built here, before any memory zone. ``learned=False``
    runs the rules alone (as ``ACCORDS_LEARNED=off``), ``None`` follows the environment."""
    nlp = load_model(name)
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"validate": True, "phrase_matcher_attr": "LOWER"}
    )
    ruler.matcher = IndexedMatcher(nlp.vocab, validate=True)  # type: ignore[attr-defined]
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n != "entity_ruler"]):
        ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    add_ner_labels(nlp, ruler.labels)  # type: ignore[attr-defined]
    if learned is not False and (learned_parts_on() or ner_weights_named()):
        load_ner_weights(nlp)  # the shipped ones, or those $ACCORDS_NER_WEIGHTS names
    for component in ACCORDS_COMPONENTS:
        nlp.add_pipe(component)
    if learned is False:
        rules_alone(nlp)
    return nlp


def rules_alone(nlp: Language) -> None:
    """Switch the learned parts of a loaded pipeline off."""
    nlp.get_pipe("accords_commitments").propose = False  # type: ignore[attr-defined]
    nlp.get_pipe("accords_commitment_scorer").model = None  # type: ignore[attr-defined]
    nlp.get_pipe("accords_party_scorer").model = None  # type: ignore[attr-defined]
    nlp.get_pipe("accords_act_scorer").model = None  # type: ignore[attr-defined]


class ComponentFailed(Exception):
    """A component raised on a document; ``component`` names it, the cause is the error."""

    def __init__(self, component: str, error: Exception):
        super().__init__(f"{component}: {type(error).__name__}: {error}")
        self.component, self.error = component, error


def annotate(nlp: Language, doc: Doc) -> Doc:
    """Run the accords components over one joined Doc (an error raised by one comes out
    as ``ComponentFailed``, naming it)."""
    for name, component in document_components(nlp):
        try:
            doc = component(doc)
        except Exception as error:
            raise ComponentFailed(name, error) from error
    doc._.accords_tokens = None  # the tokens hold the Doc: no cycle to outlive the chunk
    doc._.accords_words = None
    return doc


def parse(nlp: Language, items: Iterable[tuple[str, str]]) -> Iterator[Doc]:
    """``(text, doc_id)`` pairs to finished Docs: parsed line by line, then annotated."""
    for doc in parse_lines(nlp, items):
        yield annotate(nlp, doc)
