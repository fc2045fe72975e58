"""Helpers over a parsed document's text: the dateline, character ranges, and matcher
runs per sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..rules.lexicon import words
from . import places
from .payloads import Sentences

if TYPE_CHECKING:  # the cleaning reads these helpers without parsing anything
    from spacy.tokens import Doc

# a capital, also with a diacritic ("Ștefan Vodă", "Île-de-France", "Örebro")
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
PLACE_WORD = rf"[{UPPER}][\w’'\-]+"
PLACE_PARTICLE = r"(?:de|del|da|do|dos|di|la|el|al|es|sur|upon) "  # "Santiago de Chile"
PLACE_NAME = rf"{PLACE_WORD}(?: (?:{PLACE_PARTICLE})?{PLACE_WORD}){{0,2}}"
PLACES = rf"(?P<places>{PLACE_NAME}(?:\s*/\s*{PLACE_NAME})*)"
# "--" too, a plain-text em dash ("Dhaka, May 6 -- "), and an em or en dash glued to the
# place ("Riyadh– Minister ...")
DASH = r"(?:\s+(?:--|[—–-])|[—–])\s+"
# "Accra, 12 March 2024 – ", "Kyiv — ", "Geneva/Brussels – ",
# "LILONGWE, Malawi, 22 February 2024 – "
PLACE_FIRST = re.compile(rf"^{PLACES}(?P<rest>,\s*[^—–\n]{{0,40}}?)?{DASH}")
# "NAY PYI TAW/GENEVA (06 Jun 2018) - "
# and "Rawalpindi, (Parliament Times) : ", a place and the news source in brackets
# and "GENEVA, (Point News / WAM - 19th Jun, 2019) The UAE ...": no dash before a capital
PLACE_BRACKET_DATE = re.compile(rf"^{PLACES},?\s*\((?P<rest>[^()\n]{{4,30}})\)\s*[—–:-]\s+")
PLACE_BRACKET_RUN_IN = re.compile(
    rf"^{PLACES},?\s*\((?P<rest>[^()\n]{{4,60}}(?:19|20)\d\d)\)\s+(?=[A-Z])"
)
# "29 July 2024, Nairobi – "
DAY_MONTH_YEAR = r"[0-3]?\d(?:st|nd|rd|th)? [A-Z][a-z]+\.? (?:19|20)\d\d"
MONTH_DAY_YEAR = r"[A-Z][a-z]+\.? [0-3]?\d,? (?:19|20)\d\d"
DATE_FIRST = re.compile(rf"^(?P<rest>{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}),\s*{PLACES}{DASH}")
# "December 17 2023 Dhaka": a date and a place on a line of their own
DATE_PLACE_LINE = re.compile(rf"^(?P<rest>{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}),?\s+{PLACES}$")
# "Dadaab refugee camp, Kenya – ", "Porubne border cross point, Ukraine – ": a named place
# with lower-case words that describe it, then its country
DESCRIBED = "|".join(sorted(words("place_descriptors"), key=len, reverse=True))
PLACE_DESCRIBED = re.compile(
    rf"^(?P<places>{PLACE_WORD}(?: {PLACE_WORD}){{0,2}}(?: (?:{DESCRIBED})){{1,4}})"
    rf"(?P<rest>,\s*{PLACE_NAME}){DASH}"
)
# "Geneva, September 13: ", "ISLAMABAD, Jan 5: ": a news agency's dateline ends in a colon
MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?"
)
PLACE_DATE_COLON = re.compile(
    rf"^{PLACES}(?P<rest>,\s*(?:(?:{MONTH}) [0-3]?\d|[0-3]?\d (?:{MONTH}))(?:,? (?:19|20)\d\d)?)"
    r"(?:\s*\([^()\n]{2,30}\))?\s*:\s+"  # and the agency: "ISLAMABAD, Sep 21 (APP): "
)
# "Beirut / Cairo, 22 December 2022 The International ...", "Santiago de Chile, Dec 21
# (Prensa Latina) The governments ...": a dated place run into the first sentence
ORDINAL = r"(?:st|nd|rd|th)?"
ABBREVIATED_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"  # title case: "Jan.3"
SHORT_DATE = (
    rf"(?:{MONTH}) [0-3]?\d{ORDINAL}(?:,? (?:19|20)\d\d)?"
    rf"|[0-3]?\d{ORDINAL} (?:{MONTH})(?:,? (?:19|20)\d\d)?"
    # "Sept.11", a wire dateline's abbreviated month with no space before the day
    rf"|(?:{ABBREVIATED_MONTHS})\.[0-3]?\d(?:,? (?:19|20)\d\d)?"
)
PLACE_DATE_RUN_IN = re.compile(
    rf"^{PLACES}(?P<rest>,\s*(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}))\s+(?=[A-Z][a-z])"
)
PLACE_DATE_AGENCY = re.compile(
    rf"^{PLACES}(?P<rest>,\s*(?:{SHORT_DATE}))\s*\([^()\n]{{2,30}}\)\s+(?=[A-Z])"
)
# "TASHKENT, Uzbekistan, September 18. Bekhzod Musayev ...": a wire's place, country and
# date that a full stop ends; "New Delhi: August 18, 2022: On 17 August ...": colons after both
CAPITALS_WORD = rf"[{UPPER}][{UPPER}’'\-]+"
CAPITALS = rf"(?P<places>{CAPITALS_WORD}(?: {CAPITALS_WORD}){{0,2}})"
PLACE_DATE_STOP = re.compile(
    rf"^{CAPITALS}(?P<rest>,\s*{PLACE_NAME},\s*(?:{SHORT_DATE}))\.\s+(?=[A-Z])"
)
# a label is no place: "PRESS RELEASE: 18 August 2022:", "Joint Statement: 3 March 2022:"
LABEL_WORDS = "|".join(w for w in sorted(words("date_line_words") | {"joint"}) if len(w) > 3)
PLACE_COLON_DATE_COLON = re.compile(
    rf"^(?!(?i:{LABEL_WORDS})\b){PLACES}:\s*"
    rf"(?P<rest>{SHORT_DATE}|{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR})\s*:\s+(?=[A-Z])"
)
# "TEHRAN –The head ...", "MANILA, Philippines —Western Union ...": a wire's capitals with
# the dash glued to the first word
PLACE_GLUED_DASH = re.compile(rf"^{CAPITALS}(?P<rest>,\s*{PLACE_NAME})?\s+[—–](?=[{UPPER}“\"])")
# "Geneva, 21 January 2011—The Joint ...": a dated place with the dash glued to both
# sides (the full date tells it from "Fair–Trade" words)
PLACE_DATE_GLUED_DASH = re.compile(
    rf"^{PLACES}(?P<rest>,\s*(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}))[—–](?=[{UPPER}“\"])"
)
# "Tashkent, Uzbekistan, June 20": a dateline on a line of its own
PLACE_DATE_LINE = re.compile(
    rf"^{PLACES}(?P<rest>(?:,\s*{PLACE_NAME})?,\s*(?:{SHORT_DATE}|{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}))$"
)
# "KUWAIT: Kuwait and India signed ...", "PETALING JAYA:" over the body's first line, and
# "SFAX (Tunisia). Tunisia and Italy ...": a wire's capitals that a colon, or its country
# in brackets and a full stop, end. Only a country, a capital or a city of two words or
# more for the colon ("DATE:", "UN:", "UNION:" are labels and bodies, and cities too),
# and only a country in the brackets.
PLACE_CAPITALS_COLON = re.compile(rf"^{CAPITALS}\s*:(?:\s+(?=[{UPPER}“\"])|\s*$)")
PLACE_COUNTRY_STOP = re.compile(rf"^{CAPITALS}\s*\((?P<rest>{PLACE_NAME})\)\.\s+(?=[{UPPER}])")
KNOWN_PLACE_FORMS = (PLACE_CAPITALS_COLON, PLACE_COUNTRY_STOP)
DATELINE_FORMS = (
    PLACE_BRACKET_RUN_IN,  # before PLACE_FIRST, which would stop at the dash in the brackets
    PLACE_FIRST,
    PLACE_BRACKET_DATE,
    DATE_FIRST,
    PLACE_DESCRIBED,
    PLACE_DATE_COLON,
    PLACE_DATE_RUN_IN,
    PLACE_DATE_AGENCY,
    PLACE_DATE_LINE,
    DATE_PLACE_LINE,
    PLACE_DATE_STOP,
    PLACE_COLON_DATE_COLON,
    PLACE_GLUED_DASH,
    PLACE_DATE_GLUED_DASH,
)
DATELINE_LINES = 3  # body lines in which a dateline may open (after photo captions)
# the headline printed again and summary bullets ("• MoU enhances ...") over the body, not
# counted among those lines, up to this many lines in all
BULLETS = ("•", "▪", "◦", "‣")
DATELINE_SCAN = 6


@dataclass
class Dateline:
    """The dateline opening a body line: where it is, its places and the text that may
    hold its date (character offsets into the document's text)."""

    start: int
    end: int  # where the text after the dateline starts
    places: tuple[int, int]  # all the places, verbatim ("Geneva/Brussels")
    rest: tuple[int, int] | None  # the other part: ", 12 March 2024", "(06 Jun 2018)"

    def place_names(self, text: str) -> list[tuple[int, int]]:
        """Each place of the dateline ("Geneva", "Brussels")."""
        start, end = self.places
        found = []
        for part in re.finditer(r"[^/]+", text[start:end]):
            name = part.group(0)
            lead = len(name) - len(name.lstrip())
            found.append((start + part.start() + lead, start + part.start() + len(name.rstrip())))
        return found


HEADLINE_MAX_WORDS = 20  # a shorter line ending in "." may be a headline ("IOM signs MoU.")
PARAGRAPH_WORDS = 60  # no headline is this long, however it ends


def has_headline(text: str) -> bool:
    """Whether the text's first line is a headline. A long first line that ends with a
    full stop is the body's first paragraph: the page kept no headline, and cleaning fell
    back to its first line; so is a line of some sixty words or more however it ends (a
    page kept on one line, or cut off mid-sentence)."""
    end = text.find("\n")
    first_line = text[: end if end >= 0 else len(text)].rstrip()
    size = len(first_line.split())
    return not ((first_line.endswith(".") and size > HEADLINE_MAX_WORDS) or size >= PARAGRAPH_WORDS)


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first body lines ("Accra, 12 March 2024 – ",
    "29 July 2024, Nairobi – "), if any. Lines before it are photo captions or date
    lines (the headline printed again and summary bullets are not counted); the headline
    is never a dateline, but a release may have none. A place that only a colon ends
    ("SRI LANKA: Unions Strike Deal", a wire's headline) yields to a dateline with a date
    below it."""
    found = first_dateline(text, DATELINE_FORMS)
    colon = first_dateline(text, KNOWN_PLACE_FORMS)
    if colon is None or (found is not None and (found.start < colon.start or dated(text, found))):
        return found
    return colon


def dated(text: str, found: Dateline) -> bool:
    return found.rest is not None and any(c.isdigit() for c in text[found.rest[0] : found.rest[1]])


def first_dateline(text: str, forms: tuple[re.Pattern[str], ...]) -> Dateline | None:
    offset = text.find("\n") + 1 if has_headline(text) else 0
    if offset == 0 and has_headline(text):
        return None
    headline = text[: offset - 1].strip() if offset else None
    counted = 0
    for _ in range(DATELINE_SCAN):
        line_end = text.find("\n", offset)
        line = text[offset : line_end if line_end >= 0 else len(text)]
        found = dateline_at(line, offset, forms)
        if found is not None:
            return found
        counted += not (line.strip() == headline or line.lstrip().startswith(BULLETS))
        if line_end < 0 or counted >= DATELINE_LINES:
            return None
        offset = line_end + 1
    return None


def dateline_at(line: str, offset: int, forms: tuple[re.Pattern[str], ...]) -> Dateline | None:
    for form in forms:
        match = form.match(line)
        if match is None:
            continue
        if form is PLACE_CAPITALS_COLON and not colon_place(match.group("places")):
            continue
        if form is PLACE_COUNTRY_STOP and not places.is_country(match.group("rest")):
            continue
        rest = match.span("rest") if match.groupdict().get("rest") else None
        return Dateline(
            offset,
            offset + match.end(),
            (offset + match.start("places"), offset + match.end("places")),
            (offset + rest[0], offset + rest[1]) if rest else None,
        )
    return None


def colon_place(name: str) -> bool:
    """A place a wire's colon dateline names: a country, a national capital, or a known
    city of two words or more ("PETALING JAYA")."""
    title = name.title()
    return (
        places.is_country(title)
        or places.is_capital(title)
        or (" " in name and places.is_known_place(title))
    )


def dateline_span(text: str) -> tuple[int, int]:
    """The dateline's characters ((0, 0) without one): no subject is read inside it."""
    found = find_dateline(text)
    return (found.start, found.end) if found else (0, 0)


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    for a, b in ranges:  # noqa: SIM110 (a loop: no generator step counted per range)
        if start < b and a < end:
            return True
    return False


class Within:
    """``within(start, end)``: the span lies inside one of ``ranges`` (overlapping ranges
    taken together), found by bisection, so a release with many blocks stays linear."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def coverage(ranges: Iterable[tuple[int, int]], length: int) -> bytearray:
    """One byte per character, set inside any of ``ranges``: ``any(cover[start:end])``
    tests an overlap in the span's length, not in the number of ranges."""
    cover = bytearray(length)
    for a, b in ranges:
        cover[a:b] = b"\x01" * (b - a)
    return cover


def matches_by_sentence(
    doc: Doc, matcher: Callable[[Doc], Iterable[tuple[int, int, int]]], sentences: Sentences
) -> list[list[tuple[int, int, int]]]:
    """``matcher(sentence)`` for every sentence, from one pass of the matcher over the
    whole Doc.

    Matches that cross a sentence boundary are dropped, and offsets are relative to
    the sentence, exactly as matching each sentence on its own gives them."""
    spans = sentences.spans
    starts = [span.start for span in spans]
    found: list[list[tuple[int, int, int]]] = [[] for _ in spans]
    from .token_index import IndexedMatcher  # spaCy's: the cleaning imports this module

    matches = (
        matcher(doc, ends=[span.end for span in spans])
        if isinstance(matcher, IndexedMatcher)
        else matcher(doc)
    )
    for match_id, start, end in matches:
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and end <= spans[index].end:
            offset = spans[index].start
            found[index].append((match_id, start - offset, end - offset))
    return found


def whole_words(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each place where one of ``names`` stands as a whole word
    (no letter, digit, ``_`` or ``-`` either side), from left to right, not overlapping,
    the first of ``names`` winning where several start at one place: what ``finditer`` of
    the regex ``(?<![\\w-])(?:name|...)(?![\\w-])`` gives, without compiling one per text."""
    first: dict[int, int] = {}  # start -> the first name (by its index) standing there
    for n, name in enumerate(names):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (word_char(text, at - 1) or word_char(text, end)) and at not in first:
                first[at] = n
            at = text.find(name, at + 1)
    found, reached = [], 0
    for start in sorted(first):
        if start >= reached:
            name = names[first[start]]
            reached = start + len(name)
            found.append((start, reached, name))
    return found


def word_char(text: str, at: int) -> bool:
    """Whether ``text[at]`` exists and is a letter, digit, ``_`` or ``-`` (regex ``[\\w-]``)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "_-")
