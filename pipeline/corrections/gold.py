"""Learning from corrections: how often the pipeline's own output already says what the
analyst says (``score``, for ``accords evaluate --gold corrections/``), and the corrections
as annotations in the shape of the gold files (``gold_from_corrections``), for trainers.

Both apply the corrections to the pipeline's own rows of an outputs folder (its tables,
with the rows of corrected documents from ``.uncorrected.*``), so they judge the current
pipeline whatever the tables hold. A correction the pipeline already agrees with is
``unchanged``: right; one that changes a row is ``applied``: the pipeline was wrong.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from .files import Loaded, load
from .ledger import REMOVED
from .make import Outputs, effect
from .model import CorrectionError
from .targets import Row, row_id

GOLD_TABLES = ("agreements", "commitments", "people", "entities")
FOLLOW_ON = ("n_commitments", "agreement_id")  # what a removal changes in other rows


def loaded_or_error(location: Path) -> Loaded:
    loaded = load(location, required=True)
    if loaded.errors:
        raise CorrectionError(loaded.errors[0])
    if not loaded.corrections:
        raise CorrectionError(f"{location} holds no corrections")
    return loaded


def right(audit: list[dict[str, Any]], correction_id: str, kind: str, status: str) -> bool:
    """Whether the pipeline already said what a correction says; a missed agreement is
    found when the pipeline has a row at its sentence (its fields count apart)."""
    if kind == "missed_agreement":
        return not any(
            a["correction_id"] == correction_id and a["field"] is None and a["status"] == "applied"
            for a in audit
        )
    return status == "unchanged"


def score(outputs: Path, corrections: Path) -> dict[str, Any]:
    """Per kind (and field) of correction: how many the pipeline gets right now."""
    loaded = loaded_or_error(corrections)
    _, step = effect(Outputs.read(outputs), Loaded(location=str(corrections)), loaded.corrections)
    status = step.ledger.status()
    tally: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "right": 0})
    stale = []
    for c in loaded.corrections:
        if status.get(c.id) in ("stale", "overridden", None):
            if status.get(c.id) == "stale":
                stale.append(c.describe())
            continue
        key = c.kind + (f".{c.field}" if c.field else "")
        tally[key]["n"] += 1
        tally[key]["right"] += right(step.ledger.audit, c.id, c.kind, status[c.id])
    n = sum(t["n"] for t in tally.values())
    good = sum(t["right"] for t in tally.values())
    return {
        "corrections": len(loaded.corrections),
        "scored": n,
        "pipeline_right": good,
        "accuracy": round(good / n, 3) if n else None,
        "by_kind": {
            key: t | {"accuracy": round(t["right"] / t["n"], 3)} for key, t in sorted(tally.items())
        },
        "stale": stale,
    }


def format_score(result: dict[str, Any]) -> str:
    lines = [
        f"{result['scored']} of {result['corrections']} correction(s) scored "
        f"({len(result['stale'])} stale); the pipeline already gives the corrected value of "
        f"{result['pipeline_right']}: {result['accuracy']}"
    ]
    for key, t in result["by_kind"].items():
        lines.append(f"  {key:<28} {t['right']:>4} of {t['n']:<4} {t['accuracy']:.3f}")
    lines += [f"  stale: {s}" for s in result["stale"]]
    return "\n".join(lines)


def gold_from_corrections(corrections: Path, outputs: Path) -> list[dict[str, Any]]:
    """The corrections as partial gold annotations, one dict per document they touch::

        {"doc": "<file name>", "doc_id": "...", "partial": True,
         "agreements": [{"type", "name", "status", "parties": [[name]], "signatories":
                         [{"name", "role", "org"}], "date", "place", "evidence",
                         "fields": [the fields the analyst set or confirmed]}],
         "commitments": [{"sentence_contains", "actors": [[name]], "modality", "action",
                          "fields": [...]}],
         "people": [{"name", "role", "org", "fields"}],
         "entities": [{"text", "label", "norm", "fields"}],
         "rejected": {"agreements": [...], "commitments": [...], "entities": [...]}}

    Rows are the corrected rows (the analyst's values where a correction set them, the
    pipeline's elsewhere: ``fields`` says which are the analyst's); ``rejected`` holds the
    pipeline's rows the analyst removed (negative examples). ``partial``: rows the
    analyst did not touch are not annotated, so a trainer must not count them wrong."""
    loaded = loaded_or_error(corrections)
    outs = Outputs.read(outputs)
    _, step = effect(outs, Loaded(location=str(corrections)), loaded.corrections)
    assert step.outcome is not None
    fields: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in step.ledger.audit:
        if a["status"] in ("applied", "unchanged") and a["table"] and a["field"] not in FOLLOW_ON:
            fields[(a["table"], a["row_id"])].add(a["field"] or "*")
    docs: dict[str, dict[str, Any]] = {}
    for table in GOLD_TABLES:
        for row in getattr(step.outcome.rows, table):
            named = fields.get((table, row_id(table, row)))
            if not named:
                continue
            doc = docs.setdefault(row["doc_id"], new_doc(outs, row["doc_id"]))
            if row.get(REMOVED) is not None:
                doc["rejected"][table].append(annotation(table, row, set()))
            else:
                doc[table].append(annotation(table, row, named))
    return [docs[d] for d in sorted(docs, key=lambda d: docs[d]["doc"])]


def new_doc(outs: Outputs, doc_id: str) -> dict[str, Any]:
    source = outs.source(doc_id) or doc_id
    return {
        "doc": Path(source).name,
        "doc_id": doc_id,
        "partial": True,
        **{table: [] for table in GOLD_TABLES},
        "rejected": {table: [] for table in GOLD_TABLES},
    }


def annotation(table: str, row: Row, fields: set[str]) -> dict[str, Any]:
    """A row in the shape of the gold files."""
    if table == "agreements":
        out = {k: row.get(k) for k in ("type", "name", "status", "date", "place", "evidence")}
        out["parties"] = [[p] for p in row.get("parties") or []]
        out["signatories"] = [dict(s) for s in row.get("signatories") or []]
    elif table == "commitments":
        out = {"sentence_contains": row["sentence"], "modality": row["modality"]}
        out |= {"actors": [[a] for a in row.get("actors") or []], "action": row.get("action")}
    elif table == "people":
        out = {k: row.get(k) for k in ("name", "role", "org")}
    else:
        out = {k: row.get(k) for k in ("text", "label", "norm")}
    if fields:
        out["fields"] = sorted(fields)
    return out
