"""The release's own date: its dateline's date, else a standalone date line by the
headline ("27 October, 2011", "Press release | 26 March 2015"). Relative dates ("last
year", "June this year") resolve against its year; ``documents.published`` records it.
"""

from __future__ import annotations

import dataclasses
import re

from ..nlp.text import find_dateline
from . import dates

DATE_LINE_WORDS = 3  # words besides the date on a standalone date line ("Press release |")
DATE_LINES = 4  # lines after the headline where the release's date line may stand
# a time of day on a date line is no word of its own: "10:45 AM GMT+7", "13:04", "09:43 am"
CLOCK_TIME = re.compile(
    r"\b\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?)?",
    re.I,
)
AFTER_DATELINE_CHARS = 25  # "Kyiv — On 26 November 2021, ...": the date opening the lead


def release_date(
    text: str, found: list[dates.DateMention] | None = None
) -> dates.DateMention | None:
    """The date expression that dates the release, normalised, or None."""
    found = dates.normalise_dates(dates.find_dates(text)) if found is None else found
    dateline = find_dateline(text)
    candidates = [
        d
        for d in found
        if dateline and dateline.start <= d.start < dateline.end + AFTER_DATELINE_CHARS
    ]
    if not candidates:
        candidates = date_line(text, found)
    return first_dated(candidates)


def first_dated(candidates: list[dates.DateMention]) -> dates.DateMention | None:
    """The first candidate that names a year and a day the calendar has, normalised."""
    for d in candidates:
        parsed = dates.parse_parts(d)
        if parsed and parsed[0][0]:
            if d.value is None:  # normalised on a copy: the caller's mentions stay as found
                (d,) = dates.normalise_dates([dataclasses.replace(d)])
            if d.value is None:  # a date the calendar lacks ("29 February 2023") dates nothing
                continue
            return d
    return None


def date_line(text: str, found: list[dates.DateMention]) -> list[dates.DateMention]:
    """The dates of the first line by the headline that holds little but a date."""
    line_start = text.find("\n") + 1
    for _ in range(DATE_LINES):
        if line_start <= 0 or line_start >= len(text):
            break
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        on_line = [d for d in found if line_start <= d.start < line_end]
        rest = text[line_start:line_end]
        for d in on_line:
            rest = rest.replace(d.text, " ")
        rest = CLOCK_TIME.sub(" ", rest)  # "November 28, 2018 10:45 AM GMT+7"
        if on_line and len(re.findall(r"\w+", rest)) <= DATE_LINE_WORDS:
            return on_line
        line_start = line_end + 1
    return []


def release_year(text: str, found: list[dates.DateMention]) -> int | None:
    """The year of the release's own date."""
    return year_of_date(release_date(text, found))


def year_of_date(found_date: dates.DateMention | None) -> int | None:
    if found_date is None:
        return None
    parsed = dates.parse_parts(found_date)
    return int(parsed[0][0]) if parsed and parsed[0][0] else None


def date_line_above(line: str) -> dates.DateMention | None:
    """The date of a standalone date line that a page prints right above its headline
    ("Saturday, December 21, 2024") or among the lines under it ("Posted June 06, 2024"),
    which cleaning removes as chrome: the release's date when its text and page give none.
    ``line``: those lines, the one above first."""
    text = "\n" + line  # ``date_line`` reads the lines under a first (the headline's)
    return first_dated(date_line(text, dates.find_dates(text)))


RELATIVE_AFTER = re.compile(r"\s+(?:of\s+)?(?:last|next|this|the\s+previous)\s+year", re.I)
