"""Character classes shared by cleaning, sentences and the rule stages: one home each."""

from __future__ import annotations

import calendar
import re

BULLETS = "-–—•*·"  # list bullets of press releases saved as text
NUMBERING = r"(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-h][.)])"  # "1.", "2)", "(3)", "a)", "(b)"
LIST_ITEM = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|{NUMBERING})\s+\S")
LIST_MARK = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]+|{NUMBERING})\s*")
QUOTES_OPEN = frozenset({"“", '"', "«", "„"})
QUOTES_CLOSE = frozenset({"”", '"', "»"})
QUOTE_OPENERS = ("“", '"', "«", "‘")  # a sentence opening a quotation
QUOTE_MARKS = QUOTE_OPENERS + tuple(sorted(QUOTES_CLOSE))  # a sentence within a quotation
POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
DATE_LINE_SOURCE = ".date_line"  # source suffix of a place on the release's date line

# day and month names: "on Friday", "on 3 May" date what they follow, they name nothing
CALENDAR_WORDS = frozenset(
    name.casefold() for name in [*calendar.day_name, *calendar.month_name] if name
)

# dashes that join two sides with no space: "the EU-Moldova agreement", "Kenya–Qatar"
SIDE_DASHES = ("-", "–", "—", "/")
