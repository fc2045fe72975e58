"""Character classes shared by cleaning, sentences and the rule stages: one home each."""

from __future__ import annotations

import re

BULLETS = "-–—•*·"  # list bullets of press releases saved as text
LIST_ITEM = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+\S")
QUOTES_OPEN = frozenset({"“", '"', "«", "„"})
QUOTES_CLOSE = frozenset({"”", '"', "»"})
QUOTE_OPENERS = ("“", '"', "«", "‘")  # a sentence opening a quotation
POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
