"""The release's own state as the other side of a bilateral act whose report names one
state only: "An agreement on labour migration has been reached with Russia" in an Uzbek
release, "Minister Abela ... after Malta and Libya signed" reported as "the extension of an
agreement on immigration" with Libya. A state's release names its own state more often
than any other but the partner's."""

from __future__ import annotations

from collections import Counter

from ..nlp.payloads import Agreement, Mention
from .context import DocContext

COUNTRY = "country:"
OWN_MENTIONS = 2  # a state named once is a passing mention, not the release's own


def with_own_state(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """Acts whose one side is a state take the state the release names most often
    after it (twice at least, strictly more often than any other) as their other side."""
    lone = [
        a
        for a in acts
        if len(a.parties) == 1
        and not a.parties_guessed
        and (a.parties[0].entity_id or "").startswith(COUNTRY)
    ]
    for act in lone:
        other = most_named_state(ctx, act.parties[0].entity_id or "")
        if other is not None:
            act.parties = [act.parties[0], other]
    return acts


def most_named_state(ctx: DocContext, besides: str) -> Mention | None:
    """The state the release names most often but ``besides``, twice at least and
    strictly more often than any other; its first mention."""
    states = [
        m
        for m in ctx.mentions
        if m.label == "PLACE" and (m.entity_id or "").startswith(COUNTRY) and m.entity_id != besides
    ]
    ranked = Counter(m.entity_id for m in states).most_common(2)
    if not ranked or ranked[0][1] < OWN_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return next(m for m in states if m.entity_id == ranked[0][0])
