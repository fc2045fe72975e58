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

from ..nlp.extensions import doc_id
from .action import with_actions
from .candidates import propose
from .context import DocContext
from .finder import commitment_id, find_commitments
from .scoring import CommitmentScorer, load_commitment_model
from .triggers import build_matcher


class CommitmentFinder:
    """Assigns ``doc._.accords_commitments``, and with ``propose`` the candidates the
    learned scorer decides on; its trigger matcher is built once."""

    def __init__(self, nlp: Language, propose: bool = False):
        self.matcher = build_matcher(nlp.vocab)
        self.propose = propose

    def __call__(self, doc: Doc) -> Doc:
        ctx = DocContext(doc, self.matcher)
        found = with_actions(find_commitments(ctx))
        doc._.accords_commitments = found
        if self.propose:
            candidates = with_actions(propose(ctx, found))
            name = doc_id(doc)
            for c in candidates:
                c.commitment_id = commitment_id(name, c.sent_id, c.clause)
            doc._.accords_commitment_candidates = candidates
        return doc


__all__ = [
    "CommitmentFinder",
    "CommitmentScorer",
    "DocContext",
    "commitment_id",
    "find_commitments",
    "load_commitment_model",
]
