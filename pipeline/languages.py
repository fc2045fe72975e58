"""Which script or language a line is in: a page's menus, filters and credits in another
language are site chrome (``pipeline/clean.py``)."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

LATIN_END = 0x024F  # the last code point of Latin Extended-B
WORD = re.compile(r"\w[\w’'\-]*")
INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # "U.S.", "U.K.", "a.k.a."


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


# Vietnamese letters no other Latin-script language uses (the tone marks of Latin Extended
# Additional, and "ơ", "ư", "đ", "ă"); spaCy's Vietnamese stop words are joined syllables
# ("theo_dõi") a line's words never match
VIETNAMESE = re.compile("[\u1ea0-\u1ef9ơưđă]")  # of a casefolded word
VIETNAMESE_MIN_WORDS = 3
VIETNAMESE_SHARE = 1 / 3  # a Vietnamese name in an English sentence is one word of many


def is_vietnamese(found: list[str]) -> bool:
    """Tone-marked syllables in lower case (or opening the line) make a third of the line:
    names, capitalised, do not ("Nguyễn Thị Hằng, Đặng Văn Hải and ... signed")."""
    marked = sum(
        bool(VIETNAMESE.search(w.casefold())) and (n == 0 or w.islower())
        for n, w in enumerate(found)
    )
    return marked >= VIETNAMESE_MIN_WORDS and marked >= VIETNAMESE_SHARE * len(found)


@lru_cache(maxsize=1)
def stop_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """English's stop words, and each other language's that English lacks."""
    english = frozenset(language_stop_words("en"))
    others = {code: frozenset(language_stop_words(code)) - english for code in OTHER_LANGUAGES}
    return english, others


def language_stop_words(code: str) -> set[str]:
    """spaCy's stop-word list of one language, read from its own file: importing
    ``spacy.lang.<code>`` would load the whole language (26 of them took 5 s, once in
    every run's parent process); spaCy itself is found, not imported (0.5 s)."""
    found = importlib.util.find_spec("spacy")
    assert found is not None and found.origin is not None
    path = Path(found.origin).parent / "lang" / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"accords_stop_words_{code}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


def is_foreign_language(line: str) -> bool:
    """A line in another Latin-script language ("Prikaži samo sadržaje koji
    zadovoljavaju:", "Met dank overgenomen van ..."): a menu, a filter or a credit of
    the site, as a line in another script is."""
    bare = INITIALS.sub(" ", line)  # "U.S.": no Czech "u" nor Slovak "s"
    found = [w.casefold() for w in WORD.findall(bare) if not w[0].isdigit()]
    if len(found) < FOREIGN_MIN_WORDS:
        return False
    english, others = stop_words()
    if sum(w in english for w in found) > ENGLISH_MAX_SHARE * len(found):
        return False
    if is_vietnamese(WORD.findall(line)):
        return True
    best = max(sum(w in stops for w in found) for stops in others.values())
    return best >= FOREIGN_MIN_WORDS and best >= FOREIGN_SHARE * len(found)
