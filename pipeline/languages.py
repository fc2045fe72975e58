"""Which script or language a line is in: a page's menus, filters and credits in another
language are site chrome (``pipeline/clean.py``)."""

from __future__ import annotations

import re
from functools import lru_cache

LATIN_END = 0x024F  # the last code point of Latin Extended-B
WORD = re.compile(r"\w[\w’'\-]*")


def is_foreign_script(line: str) -> bool:
    """Most letters of the line are outside the Latin script (U+0000-U+024F)."""
    if line.isascii():  # every ASCII letter is Latin; most lines of an English page are
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return False
    foreign = sum(1 for c in letters if ord(c) > LATIN_END)
    return foreign * 2 > len(letters)


# Latin-script languages a site may print its menus and metadata in (spaCy's stop words)
OTHER_LANGUAGES = [
    "ca",
    "cs",
    "da",
    "de",
    "es",
    "et",
    "fi",
    "fr",
    "hr",
    "hu",
    "id",
    "it",
    "lt",
    "lv",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sq",
    "sv",
    "tl",
    "tr",
]
FOREIGN_MIN_WORDS = 2
FOREIGN_SHARE = 0.25  # of the line's words that are another language's function words
ENGLISH_MAX_SHARE = 0.15


@lru_cache(maxsize=1)
def stop_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    from importlib import import_module

    english = frozenset(import_module("spacy.lang.en.stop_words").STOP_WORDS)
    others = {
        code: frozenset(import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS) - english
        for code in OTHER_LANGUAGES
    }
    return english, others


def is_foreign_language(line: str) -> bool:
    """A line in another Latin-script language ("Prikaži samo sadržaje koji
    zadovoljavaju:", "Met dank overgenomen van ..."): a menu, a filter or a credit of
    the site, as a line in another script is."""
    found = [w.casefold() for w in WORD.findall(line) if not w[0].isdigit()]
    if len(found) < FOREIGN_MIN_WORDS:
        return False
    english, others = stop_words()
    if sum(w in english for w in found) > ENGLISH_MAX_SHARE * len(found):
        return False
    best = max(sum(w in stops for w in found) for stops in others.values())
    return best >= FOREIGN_MIN_WORDS and best >= FOREIGN_SHARE * len(found)
