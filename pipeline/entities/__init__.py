"""Entities an analyst can join on: PERSON, ORG, PLACE and DATE mentions.

Sources, recorded per row in ``source``:
- ``gaz.<body>.<form>`` / ``generic.<rule>``: the EntityRuler patterns in
  ``patterns/organisations.jsonl`` and ``patterns/org_generic.jsonl`` (``ruler``);
- ``model.<LABEL>``: spaCy's statistical NER, cleaned (``refine``: titles, articles,
  possessives and neighbouring words removed; people split from their roles);
- ``office.*``: organisation offices ("IOM Ukraine", "Regional Office of the
  IOM in Vienna") merged onto their parent body (``offices``);
- ``alias.*``: acronyms defined in brackets and their later uses (``aliases``);
- ``acronym.titled``: an acronym no rule knows that titles a person ("ACTU President
  X"), and its other uses (``titled_acronyms``);
- ``dateline``: the places of a dateline ("Kyiv —");
- ``date.*``: the calendar patterns of ``dates``;
- ``role.*``, ``person.*``: people the model missed (``person_names``).

Inside a document mentions of one body share an ``entity_id`` and a canonical
``norm`` (``resolve``); gazetteer bodies have the same id and name in every document.
Mentions in contact lines ("For more information, please contact ...") are
not extracted: they name press officers, not parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extractor import EntityRecognizer, find_mentions
    from .ruler import ruler_patterns

__all__ = ["EntityRecognizer", "find_mentions", "ruler_patterns"]


def __getattr__(name: str) -> Any:
    # spaCy is imported with the stage, not with the package: the command line's
    # corrections read place and date tables here without parsing anything
    if name in ("EntityRecognizer", "find_mentions"):
        from . import extractor

        return getattr(extractor, name)
    if name == "ruler_patterns":
        from .ruler import ruler_patterns

        return ruler_patterns
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
