"""The head word of a body's name, as a list of its words: "Regional Office for Africa"
is an Office, "House of Lords" a House, "State Department" a Department."""

from __future__ import annotations

from collections.abc import Sequence

NAME_PREPOSITIONS = ("of", "for")  # what follows a body's head word in its name
COORDINATORS = ("and", "&")  # what joins two names, or two items of one


def head_index(lowered: Sequence[str]) -> int:
    """The index of the head word of a name given as casefolded words: the word before
    its first "of" or "for" (not at its start), else its last word."""
    cut = next(
        (n for n, w in enumerate(lowered) if w in NAME_PREPOSITIONS and n),
        len(lowered),
    )
    return cut - 1
