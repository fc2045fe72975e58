"""Commitments: who agreed, committed, will, aims or calls on whom to do what.

Triggers are spaCy ``Matcher`` patterns in ``patterns/commitments.jsonl``
(``triggers``), each with an id and a modality; the dependency parse then gives
the actors (``actors``: subjects with their conjuncts, resolved to canonical
entity names), the addressees of a call, the committed action and negation
(``action``). A lead-in ending in a colon ("They call on national authorities:")
hands its actors and modality to each list item under it (``finder``).

Actors that only the context can name ("they", "the parties", passives,
"The MoU will ...") are marked ``actor_source = "parties"`` and filled in by
the link step with the parties of the agreement the text reports.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .action import with_actions
from .context import DocContext
from .finder import commitment_id, find_commitments
from .triggers import build_matcher


class CommitmentFinder:
    """Assigns ``doc._.accords_commitments``; its trigger matcher is built once."""

    def __init__(self, nlp: Language):
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        found = find_commitments(DocContext(doc, self.matcher))
        doc._.accords_commitments = with_actions(found)
        return doc


__all__ = ["CommitmentFinder", "DocContext", "commitment_id", "find_commitments"]
