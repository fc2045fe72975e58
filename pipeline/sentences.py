"""The ``accords_sentences`` component: sentences and their kinds.

spaCy's boundaries on the cleaned text, which is parsed line by line (so no
sentence crosses a line break); the headline is its own sentence and every list
item is one sentence. Offsets point into ``documents.text``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .nlp.extensions import doc_text
from .nlp.payloads import Sentences
from .nlp.text import has_headline
from .rules.constants import LIST_ITEM
from .rules.lexicon import words


class SentenceSegmenter:
    """Assigns ``doc._.accords_sentences``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = sentence_spans(doc)
        text = doc_text(doc)
        ends = title_end(text)
        kinds = [sentence_kind(span, text, ends) for span in spans]
        doc._.accords_sentences = Sentences(spans, kinds, [s.start_char for s in spans])
        return doc


def sentence_spans(doc: Doc) -> list[Span]:
    """The document's sentences without surrounding whitespace, empty ones dropped; the
    headline (a first line that is one, ``has_headline``) and each list item stay one
    sentence."""
    spans: list[Span] = []
    text = doc_text(doc)
    headline = has_headline(text)  # a page kept on one line has sentences on its first
    for sent in doc.sents:
        tokens = [token for token in sent if not token.is_space]
        if not tokens:
            continue
        span = doc[tokens[0].i : tokens[-1].i + 1]
        line_start = text.rfind("\n", 0, span.start_char) + 1
        item = LIST_ITEM.match(text[line_start : line_start + 3] + " x")
        whole_line = (line_start == 0 and headline) or item
        joined = spans and (
            (whole_line and spans[-1].start_char >= line_start)
            or cut_mid_sentence(spans[-1], span, line_start)
            or cut_after_title(spans[-1], span, line_start)
            or cut_after_dateline(spans[-1], line_start)
        )
        if joined:
            spans[-1] = doc[spans[-1].start : span.end]
        else:
            spans.append(span)
    return spans


SENTENCE_ENDS = frozenset(".!?:;")


def cut_mid_sentence(previous: Span, span: Span, line_start: int) -> bool:
    """The parser started a sentence inside one: on the same line, after no full stop,
    with a lower-case word ("IOM launched today (3 December 2020) | a Global Policy
    Network to promote ...")."""
    first, last = span[0], previous[-1]
    return (
        previous.start_char >= line_start
        and first.is_lower
        and first.is_alpha
        and last.text not in SENTENCE_ENDS
        and last.text not in ("”", '"', "’")
    )


DATELINE_DASHES = ("--", "-", "–", "—")


def cut_after_dateline(previous: Span, line_start: int) -> bool:
    """The parser ended a sentence at a dateline's dash, on the same line: "LONDON, Feb 23
    (KUNA) -- | The European ... signed on Friday ...". The dateline opens the sentence it
    dates."""
    return previous.start_char >= line_start and previous[-1].text in DATELINE_DASHES


def cut_after_title(previous: Span, span: Span, line_start: int) -> bool:
    """The parser ended a sentence at an abbreviated title or first name before a name, on
    the same line: "signed by the Acting President, Hon. | David Kabua, and ...", "signed
    by Md. | Shahriar Kader Siddiky"."""
    last = previous[-1]
    title = last.lower_ if last.text.endswith(".") else last.lower_ + "."
    after_point = last.text == "." and len(previous) > 1
    if after_point:
        title = previous[-2].lower_ + "."
    name_part = previous[-2] if after_point else last
    first_name = title in words("name_abbreviations") and not name_part.text.isupper()  # not "MD"
    abbreviated = title in words("honorifics") or first_name
    return previous.start_char >= line_start and abbreviated and span[0].is_title


DECK_MARKS = ("─", "—", "―", "–")  # a subtitle under the headline: "─ signs MOU with ..."


def title_end(text: str) -> int:
    """Where the headline ends: its line, and the deck under it when there is one. A
    release may have none (``has_headline``)."""
    if not has_headline(text):
        return 0
    end = text.find("\n")
    if end < 0:
        return len(text)
    if text.startswith(DECK_MARKS, end + 1):
        deck_end = text.find("\n", end + 1)
        return len(text) if deck_end < 0 else deck_end
    return end


def sentence_kind(span: Span, text: str, title_ends: int) -> str:
    if span.start_char < title_ends:
        return "title"
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if span.start_char == line_start and (
        LIST_ITEM.match(span.text) or unmarked_item(span, text, line_start)
    ):
        return "list_item"
    if span.text.endswith(":"):
        return "lead_in"
    return "sentence"


ITEM_ENDS = (":", ";", "; and", "; or")


def unmarked_item(span: Span, text: str, line_start: int) -> bool:
    """A list item with no bullet: a line that goes on, in lower case, from a lead-in
    that ends with a colon or from an item before it that ends with a semicolon
    ("express our commitment: | to advocate ...; | to ensure ...")."""
    first = span[0]
    before = text[:line_start].rstrip()
    return first.is_lower and first.is_alpha and before.endswith(ITEM_ENDS)
