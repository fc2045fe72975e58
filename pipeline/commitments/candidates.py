"""Candidates for the learned commitment scorer: what the rules would have to guess.

The rules make a commitment only where a trigger holds and the parse names who commits.
Here every other sentence with a trigger (one the rules vetoed, or a weak cue such as
"decided to" or "must"), and every list item under such a sentence, becomes a candidate
with the rules' own reading of it: actors (the agreement's parties when none are named,
none where the actor rules read that no one acts), modality and action. The scorer
(``scoring``) decides which ones hold."""

from __future__ import annotations

from spacy.tokens import Span

from ..nlp.payloads import Commitment
from ..nlp.syntax import governing_verb
from .action import action_text, addressees, governed_verb
from .actors import actors
from .context import DocContext
from .finder import headline_texts, list_item, next_is_list
from .triggers import modality_at

CANDIDATE_PREFIX = "candidate:"


def propose(ctx: DocContext, found: list[Commitment]) -> list[Commitment]:
    """Candidate commitments in the sentences the rules left without one."""
    taken = {c.sent_id for c in found}
    headlines = headline_texts(ctx)
    out: list[Commitment] = []
    lead: Commitment | None = None
    for index, sentence in enumerate(ctx.sentences):
        kind = ctx.kinds[index]
        if kind == "list_item":
            if lead is not None and index not in taken:
                item = list_item(sentence, index, lead)
                item.anchor = lead.anchor  # an item is judged by its lead-in's cue
                out.append(item)
            continue
        lead = None
        if kind == "title" or index in taken or sentence.text.strip() in headlines:
            continue
        candidate = relaxed(ctx, sentence, index)
        if candidate is None:
            continue
        if kind == "lead_in" and next_is_list(ctx.kinds, index):
            lead = candidate  # the items commit, not the lead-in ("They agreed to:")
        else:
            out.append(candidate)
    return out


def relaxed(ctx: DocContext, sentence: Span, index: int) -> Commitment | None:
    """The sentence read by its best trigger, weak cues included, with none of the
    rules' vetoes: no named actor leaves it to the agreement's parties. A sentence the
    actor rules read as naming no one who acts (``"none"``) is a candidate too, marked
    so (``actors=none``): with the scorer's threshold chosen for F1, the scorer's
    recall on held-out sites went from the rules' 0.593 to 0.613 (1125 releases) and who
    commits did not fall."""
    triggers = ctx.triggers(sentence, candidates=True)
    if not triggers or sentence.text.rstrip().endswith("?"):
        return None
    rule_id, anchor = triggers[0]
    verb = governing_verb(anchor)
    kind = modality_at(rule_id, anchor)
    resolved = actors(ctx, verb, sentence, kind, anchor)
    found, source = resolved if resolved is not None else ([], "parties")
    governed = governed_verb(anchor)
    negated = any(c.dep_ == "neg" for c in verb.children) or (
        governed is not None and any(c.dep_ == "neg" for c in governed.children)
    )
    return Commitment(
        sentence,
        index,
        kind,
        CANDIDATE_PREFIX + rule_id,
        found,
        source,
        action_text(ctx.doc, governed, anchor),
        addressees(anchor, rule_id),
        negated,
        anchor=anchor,
    )
