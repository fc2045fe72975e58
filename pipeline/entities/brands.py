"""One-word names of bodies written the way brands write them, which the model's
one-word names otherwise are not (fragments and adjectives: "Kazakh", "Labor")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..rules.lexicon import word_list

WEB_NAME = re.compile(r"[A-Z][\w-]+\.(?:com|org|net|info|int|gov|[a-z]{2})")


def brand_name(token: Token) -> bool:
    """A proper noun with inner capitals ("LinkedIn", "ManpowerGroup", "RefugePoint"),
    not a surname's ("McKinley", "O'Brien"), or a web address ("UzDaily.com")."""
    text = token.text
    inner = (
        any(c.isupper() for c in text[1:])
        and any(c.islower() for c in text)
        and not surname_prefixed(text)
    )
    return token.pos_ == "PROPN" and (inner or WEB_NAME.fullmatch(text) is not None)


def surname_prefixed(text: str) -> bool:
    """ "McKinley", "O'Brien": a surname prefix and a capital after it (not "DeepMind")."""
    return any(
        text.startswith(prefix) and text[len(prefix) : len(prefix) + 1].isupper()
        for prefix in word_list("surname_prefixes")
    )
