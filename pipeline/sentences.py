"""Sentence rows from parsed documents.

spaCy's boundaries on the cleaned text, constrained by ``accords_line_breaks``:
the headline is its own sentence, no sentence crosses a line break and every
list item is one row. Offsets point into ``documents.text``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .nlp import LIST_ITEM, TEXT_KEY
from .schemas import empty_frame


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once (spaCy rebuilds it from the tokens on every access;
    ``parse_lines`` stores the input text, which is the same string)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def sentence_spans(doc: Doc) -> list[Span]:
    """The document's sentences without surrounding whitespace, empty ones dropped.

    Every stage numbers sentences through this function, so ``sent_id`` values agree.
    """
    cached = doc.user_data.get("accords_sentences")
    if cached is not None:
        return cached
    spans: list[Span] = []
    text = doc_text(doc)
    for sent in doc.sents:
        tokens = [token for token in sent if not token.is_space]
        if not tokens:
            continue
        span = doc[tokens[0].i : tokens[-1].i + 1]
        line_start = text.rfind("\n", 0, span.start_char) + 1
        whole_line = line_start == 0 or LIST_ITEM.match(text[line_start : line_start + 3] + " x")
        if spans and whole_line and spans[-1].start_char >= line_start:
            # the headline and each list item stay one sentence
            spans[-1] = doc[spans[-1].start : span.end]
        else:
            spans.append(span)
    doc.user_data["accords_sentences"] = spans
    return spans


def sentence_kinds(doc: Doc) -> list[str]:
    """The ``kind`` of every sentence of ``sentence_spans(doc)`` (cached on the Doc)."""
    cached = doc.user_data.get("accords_sentence_kinds")
    if cached is None:
        text = doc_text(doc)
        first_line_end = text.find("\n") if "\n" in text else len(text)
        cached = [sentence_kind(span, first_line_end) for span in sentence_spans(doc)]
        doc.user_data["accords_sentence_kinds"] = cached
    return cached


def matches_by_sentence(doc: Doc, matcher: Matcher) -> list[list[tuple[int, int, int]]]:
    """``matcher(sentence)`` for every sentence of ``sentence_spans(doc)``, from one
    pass of the matcher over the whole Doc (cached on the Doc per matcher).

    Matches that cross a sentence boundary are dropped, and offsets are relative to
    the sentence, exactly as matching each sentence on its own gives them."""
    key = f"accords_matches_{id(matcher)}"
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    spans = sentence_spans(doc)
    starts = [span.start for span in spans]
    cached = [[] for _ in spans]
    for match_id, start, end in matcher(doc):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and end <= spans[index].end:
            offset = spans[index].start
            cached[index].append((match_id, start - offset, end - offset))
    doc.user_data[key] = cached
    return cached


def sentence_kind(span: Span, first_line_end: int) -> str:
    if span.start_char < first_line_end:
        return "title"
    line_start = doc_text(span.doc).rfind("\n", 0, span.start_char) + 1
    if span.start_char == line_start and LIST_ITEM.match(span.text):
        return "list_item"
    if span.text.endswith(":"):
        return "lead_in"
    return "sentence"


def split_sentences(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per sentence or list item of each parsed document."""
    rows = []
    for doc in docs:
        doc_id = doc.user_data["doc_id"]
        kinds = sentence_kinds(doc)
        for sent_id, span in enumerate(sentence_spans(doc)):
            rows.append(
                {
                    "doc_id": doc_id,
                    "sent_id": sent_id,
                    "start": span.start_char,
                    "end": span.end_char,
                    "text": span.text,
                    "kind": kinds[sent_id],
                }
            )
    return pd.DataFrame(rows) if rows else empty_frame("sentences")
