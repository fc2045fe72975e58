"""The mentions of one document while they are being collected.

Later sources never overwrite earlier ones: a mention that overlaps one already
taken is dropped (``MentionSet.add``), except places nested in an office name
("Vienna" in "IOM Regional Office in Vienna"), which are kept as their own rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..nlp import places
from ..nlp.extensions import doc_text, sentences
from ..nlp.payloads import Mention
from ..nlp.text import Within, whole_words
from ..rules.lexicon import words

WORD = re.compile(r"[\w’'-]+")


CONTACT_LINE_CHARS = 160  # the entries of a contact block are short lines


def contact_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Press contacts ("For more information, please contact:" and the short lines
    under it, "- In Nairobi: Jane Doe on mobile +254 ..."): they name press officers,
    not parties, so no entity is taken from them."""
    markers = words("contact_markers")
    text = doc_text(doc)
    ranges = []
    for span in sentences(doc).spans:
        lowered = span.text.casefold()
        if any(marker in lowered for marker in markers):
            ranges.append((span.start_char, contact_block_end(text, span.end_char)))
    return ranges


def contact_block_end(text: str, end: int) -> int:
    """The end of the run of short lines that follows a contact sentence ending a line."""
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip():
        return end  # the sentence goes on: no block under it
    while line_end >= 0:
        next_end = text.find("\n", line_end + 1)
        line = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
        if not line.strip() or len(line) > CONTACT_LINE_CHARS:
            break
        end = line_end + 1 + len(line)
        line_end = next_end
    return end


class MentionSet:
    """The mentions found so far in ``doc``, and what later steps need to know."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.contact = contact_ranges(doc)
        self.in_contact = Within(self.contact)
        self.misc: list[tuple[int, int]] = []  # the model's MISC: named texts, events
        self.regions: list[Span] = []  # "West Africa": the regions rules' places
        self.mentions: list[Mention] = []

    def taken(self, start: int, end: int) -> bool:
        return any(start < m.end and m.start < end for m in self.mentions if not m.nested)

    def taken_by(self, start: int, end: int, label: str) -> bool:
        """A mention of ``label`` overlaps ``start``–``end``."""
        return any(start < m.end and m.start < end for m in self.mentions if m.label == label)

    def occupancy(self) -> bytearray:
        """One byte per character, set where a (non-nested) mention stands: overlap tests
        in O(length) for steps that add many mentions."""
        taken = bytearray(len(self.text))
        for m in self.mentions:
            if not m.nested:
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        return taken

    def add_all(self, new: list[Mention]) -> None:
        """``add`` for many mentions at once, in linear time."""
        taken = self.occupancy()
        for mention in new:
            if self.in_contact(mention.start, mention.end):
                continue
            if not mention.nested:
                if any(taken[mention.start : mention.end]):
                    continue
                taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            self.mentions.append(mention)

    def add_repeats(self, names: set[str], label: str, source: str) -> None:
        """The other whole-word uses of ``names`` a rule found, as the same bodies."""
        if names:
            found = whole_words(self.text, sorted(names))
            self.add_all([Mention(start, end, label, source) for start, end, _ in found])

    def add(self, mention: Mention) -> None:
        if self.in_contact(mention.start, mention.end):
            return
        if not mention.nested and self.taken(mention.start, mention.end):
            return
        self.mentions.append(mention)

    def replace_overlapped(self, mention: Mention, replaceable: Callable[[Mention], bool]) -> None:
        """Add ``mention`` in place of the ``replaceable`` mentions it overlaps."""
        start, end = mention.start, mention.end
        self.mentions = [
            m for m in self.mentions if not (m.start < end and start < m.end and replaceable(m))
        ]
        self.add(mention)

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]

    def span(self, mention: Mention) -> Span:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        assert span is not None  # mentions are made from tokens
        return span

    def place_guess(self, mention: Mention) -> bool:
        """A place only the statistical model vouches for, and no known place ("Rafael")."""
        return (
            mention.label == "PLACE"
            and mention.source.startswith("model.")
            and not places.is_known_place(self.surface(mention))
        )

    def words_of(self, mention: Mention) -> list[str]:
        return [w for w in WORD.findall(self.surface(mention).casefold()) if w != "the"]
