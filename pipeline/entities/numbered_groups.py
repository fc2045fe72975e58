"""Groups of states named by a letter code and their number: "the Med5 ministers",
"V4 countries", "the G7 summit", "MED9 declaration". A token of that shape is such a
group only beside a word that says states meet as one ("ministers", "countries",
"summit"): "SR10" of a road, "RM3" of money or "SW1" of a postcode stand beside none.
Its other whole-word uses are the same body."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .mentions import MentionSet

CODE = re.compile(r"[A-Z][A-Za-z]{0,2}\d{1,2}")
SOURCE = "group.numbered"


def add_numbered_groups(found: MentionSet) -> None:
    named: set[str] = set()
    for token in found.doc:
        if CODE.fullmatch(token.text) and names_a_group(token):
            if not found.taken(token.idx, token.idx + len(token)):
                found.add(Mention(token.idx, token.idx + len(token), "ORG", SOURCE))
            named.add(token.text)
    found.add_repeats(named, "ORG", SOURCE + ".repeated")


def names_a_group(token: Token) -> bool:
    """The word after the code (or the one its "of" phrase hangs on: "ministers of the
    MED5") says states meet as a group."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in words("numbered_group_nouns"):
        return True
    owner = token.head.head if token.head.lower_ == "of" else None
    return owner is not None and owner.lower_ in words("numbered_group_nouns")
