"""Every Doc extension of the project, declared in one table (as textacy's
``extract/extensions.py`` does), with the typed payload each holds.

The components of ``pipeline.components`` assign them in pipeline order; the
getters below are the only way stages read them, so a missing stage fails loudly
instead of returning ``None``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from spacy.tokens import Doc, Token

from .payloads import Agreement, Commitment, Mention, Person, Sentences


class Extension(NamedTuple):
    name: str
    payload: str
    assigned_by: str


EXTENSIONS = (
    Extension("accords_doc_id", "str: the document's doc_id", "parse_lines"),
    Extension("accords_text", "str: the Doc's text, kept (spaCy rebuilds it)", "parse_lines"),
    Extension(
        "accords_tokens",
        "list[Token]: the Doc's tokens, made once for the components' loops",
        "tokens (first use; annotate drops it)",
    ),
    Extension(
        "accords_words",
        "frozenset[str]: the texts of the Doc's tokens, for lookups",
        "words (first use; annotate drops it)",
    ),
    Extension(
        "accords_published", "str | None: the release's date (documents.published)", "runner"
    ),
    Extension("accords_sentences", "Sentences", "accords_sentences"),
    Extension("accords_mentions", "list[Mention]", "accords_entities"),
    Extension("accords_people", "list[Person]", "accords_people"),
    Extension("accords_commitments", "list[Commitment]", "accords_commitments"),
    Extension("accords_agreements", "list[Agreement]", "accords_agreements"),
    Extension(
        "accords_commitment_candidates",
        "list[Commitment] | None: candidates for the learned scorer, which consumes them",
        "accords_commitments",
    ),
    Extension(
        "accords_act_candidates",
        "list[tuple[Agreement, Features]] | None: every candidate act of a release the rules"
        " find none in, with its features (training data)",
        "accords_act_scorer",
    ),
)


def register() -> None:
    """Declare every extension on ``Doc`` (idempotent)."""
    for extension in EXTENSIONS:
        if not Doc.has_extension(extension.name):
            Doc.set_extension(extension.name, default=None)


register()


def _get(doc: Doc, name: str) -> Any:
    value = getattr(doc._, name)
    if value is None:
        raise LookupError(f"doc._.{name} is not set: run the component that assigns it first")
    return value


def doc_id(doc: Doc) -> str:
    return str(_get(doc, "accords_doc_id"))


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept once (spaCy rebuilds it from the tokens on every access)."""
    text = doc._.accords_text
    if text is None:
        text = doc._.accords_text = doc.text
    return str(text)


def sentences(doc: Doc) -> Sentences:
    value: Sentences = _get(doc, "accords_sentences")
    return value


def mentions(doc: Doc) -> list[Mention]:
    value: list[Mention] = _get(doc, "accords_mentions")
    return value


def people(doc: Doc) -> list[Person]:
    value: list[Person] = _get(doc, "accords_people")
    return value


def commitments(doc: Doc) -> list[Commitment]:
    value: list[Commitment] = _get(doc, "accords_commitments")
    return value


def agreements(doc: Doc) -> list[Agreement]:
    value: list[Agreement] = _get(doc, "accords_agreements")
    return value


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, made once: spaCy makes a new ``Token`` object on every
    iteration and index, which the rules' many passes over a document paid for again
    and again. ``components.annotate`` drops the list when the components are done."""
    found: list[Token] | None = doc._.accords_tokens
    if found is None:
        found = doc._.accords_tokens = list(doc)
    return found


def words(doc: Doc) -> frozenset[str]:
    """The texts of the Doc's tokens, made once (asking whether a word occurs anywhere
    scanned the whole Doc, once per question: quadratic in a long release)."""
    found: frozenset[str] | None = doc._.accords_words
    if found is None:
        found = doc._.accords_words = frozenset(t.text for t in tokens(doc))
    return found
