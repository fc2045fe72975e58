"""Accord corrections, applied when the run groups agreement rows into accords: two
accords that are one act (``merge_accords``: every row of their accords in one, even rows
of one release), one accord that is two (``split_accord``: the rows named leave their
accord and make one of their own). In the order they were made, so the later wins; the
accords keep the pipeline's naming (``acc:`` and the earliest report's agreement id)."""

from __future__ import annotations

from typing import Any

from ..accords import name_groups
from .apply import AccordFix
from .ledger import Ledger


def regroup(
    fixes: list[AccordFix],
    rows: list[dict[str, Any]],
    accord_ids: list[str],
    published: dict[str, Any],
    ledger: Ledger,
) -> tuple[list[str], dict[int, list[str]]]:
    """The accord id of every row after ``fixes``, and the ids of the corrections that
    moved each row (by row index)."""
    position = {row["agreement_id"]: i for i, row in enumerate(rows)}
    labels: list[Any] = list(accord_ids)
    moved: dict[int, list[str]] = {}
    for fix in sorted(fixes, key=lambda f: f.correction.when):
        c = fix.correction
        members = [position[a] for a in fix.agreement_ids if a in position]
        if len(members) != len(fix.agreement_ids):
            ledger.stale(c, "one of its agreements is not in the agreements table")
            continue
        groups = {labels[i] for i in members}
        if c.kind == "merge_accords":
            done = len(groups) == 1
            changed = [i for i, label in enumerate(labels) if label in groups]
            new_label = labels[members[0]]
        else:  # apart already when the rows named are the whole of one accord
            whole = {i for i, label in enumerate(labels) if label in groups}
            done = len(groups) == 1 and whole == set(members)
            changed, new_label = members, ("split", c.id)
        if done:
            ledger.note(c, "unchanged", message="the pipeline already groups them so")
            continue
        for i in changed:
            labels[i] = new_label
            moved.setdefault(i, []).append(c.id)
    ids = name_groups(rows, labels, published)
    by_id = {f.correction.id: f.correction for f in fixes}
    for i, cids in moved.items():
        for cid in cids:
            ledger.change(by_id[cid], "agreements", rows[i], "accord_id", accord_ids[i], ids[i])
    return ids, moved
