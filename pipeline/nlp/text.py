"""Helpers over a parsed document's text: the dateline, character ranges, and matcher
runs per sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc

from .payloads import Sentences

DATELINE = re.compile(
    r"^(?P<places>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?(?:\s*/\s*[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)*)"
    r"(?:,\s*[^—–\n]{0,40})?\s+[—–-]\s+"
)


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline opening the first body line ("Accra, 12 March 2024 – "), if any;
    offsets are relative to that line (which starts at ``text.find("\\n") + 1``)."""
    first_end = text.find("\n")
    if first_end < 0:
        return None
    line_end = text.find("\n", first_end + 1)
    return DATELINE.match(text[first_end + 1 : line_end if line_end >= 0 else len(text)])


def dateline_end(text: str) -> int:
    """Character offset where the text after the dateline starts (0 without a dateline)."""
    match = dateline_match(text)
    return text.find("\n") + 1 + match.end() if match else 0


def inside(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def matches_by_sentence(
    doc: Doc, matcher: Matcher, sentences: Sentences
) -> list[list[tuple[int, int, int]]]:
    """``matcher(sentence)`` for every sentence, from one pass of the matcher over the
    whole Doc.

    Matches that cross a sentence boundary are dropped, and offsets are relative to
    the sentence, exactly as matching each sentence on its own gives them."""
    spans = sentences.spans
    starts = [span.start for span in spans]
    found: list[list[tuple[int, int, int]]] = [[] for _ in spans]
    for match_id, start, end in matcher(doc):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and end <= spans[index].end:
            offset = spans[index].start
            found[index].append((match_id, start - offset, end - offset))
    return found
