"""The learned commitment scorer: labels, training, and its leave-site-out measure.

A commitment or candidate is right where ``score.py`` would pair it with a gold
commitment; held-out sites are scored with ``score.py``'s commitment measures."""

from __future__ import annotations

import pandas as pd

from ..commitments.candidates import CANDIDATE_PREFIX
from ..evaluate import Counts, Forms, Tally, flat, match, score_commitments
from ..learn import LinearModel, fit, gains, not_lower
from .data import folds
from .parties import forms_of

CONFIG: dict[str, float] = {"l2": 10.0, "epochs": 400, "rate": 0.5, "min_count": 2}
THRESHOLD = 0.5  # where the training rows cannot choose one (no gold counts on them)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
INNER_FOLDS = 3
SCOPE = "all"  # the model decides on the rules' commitments too, not only the candidates


def doc_rows(doc, name: str, release: dict) -> list[dict]:
    rows = [row_of(c, name) for c in doc._.accords_commitments]
    label(rows, release["gold"], forms_of(release))
    return rows


def row_of(c, name: str) -> dict:
    return {
        "doc": name,
        "sent_id": c.sent_id,
        "sentence": c.sentence.text,
        "actors": [m.norm for m in c.actors],
        "modality": c.modality,
        "action": c.action,
        "origin": "candidate" if c.rule_id.startswith(CANDIDATE_PREFIX) else "rule",
        "features": c.features or {},
    }


def label(rows: list[dict], g: dict, forms: Forms | None = None) -> None:
    """A row is right where ``score.py`` would pair it with a gold commitment: an unused
    row, in sentence order, whose sentence holds the gold's piece, the first that credits
    one of the gold's actors if any does (the scorer may drop the ones before it). A
    candidate must credit one, where the gold names any: a candidate the scorer keeps with
    nobody right in it raised recall and lowered who-commits."""
    for r in rows:
        r["label"] = 0
    paired: set[int] = set()
    for gc in g.get("commitments", []):
        key = flat(gc["sentence_contains"])
        holding = [i for i, r in enumerate(rows) if key in flat(r["sentence"]) and i not in paired]
        crediting = [i for i in holding if credits(rows[i], gc["actors"], forms)]
        if not holding:
            continue
        hit = (crediting or holding)[0]
        paired.add(hit)
        rows[hit]["label"] = int(rows[hit]["origin"] == "rule" or hit in crediting)


def credits(row: dict, gold_actors: list[list[str]], forms: Forms | None) -> bool:
    """The row names one of the gold's actors, or the gold names none."""
    return not gold_actors or match(row["actors"], gold_actors, True, forms)[0] > 0


def train(rows: list[dict], releases: dict | None = None, scope: str = SCOPE) -> LinearModel:
    """The scorer fitted on ``rows``; its threshold chosen on the ``releases`` they come
    from (the default threshold without them)."""
    pool = [r for r in rows if scope == "all" or r["origin"] == "candidate"]
    model = fit_rows(pool)
    model.threshold = chosen_threshold(pool, releases or {})
    model.meta = {"scope": scope}
    return model


def fit_rows(rows: list[dict]) -> LinearModel:
    return fit(((r["features"], r["label"]) for r in rows), **CONFIG)  # type: ignore[arg-type]


def chosen_threshold(rows: list[dict], releases: dict[str, dict]) -> float:
    """The threshold of ``THRESHOLDS`` whose commitments F1 is best on the training rows'
    own held-out sites (``INNER_FOLDS`` folds of them): the model's probabilities are
    calibrated for accuracy, while a commitment missed costs as much as one too many.
    Recall counts every gold commitment of ``releases``, those no row holds too."""
    if len({r["site"] for r in releases.values()}) < INNER_FOLDS:
        return THRESHOLD  # too few sites to hold any out
    fold_of = {site: n for n, held in enumerate(folds(releases, INNER_FOLDS)) for site in held}
    scored: list[tuple[float, int]] = []
    for n in range(INNER_FOLDS):
        model = fit_rows([r for r in rows if fold_of[r["site"]] != n])
        held = [r for r in rows if fold_of[r["site"]] == n]
        scored += [(model.probability(r["features"]), r["label"]) for r in held]
    gold = sum(len(r["gold"].get("commitments", [])) for r in releases.values())

    def f1(threshold: float) -> float:
        kept = [label for p, label in scored if p >= threshold]
        right = sum(kept)
        return 2 * right / (len(kept) + gold) if kept or gold else 0.0

    return max(THRESHOLDS, key=lambda t: (round(f1(t), 4), t))


def kept(rows: list[dict], model: LinearModel | None, scope: str = SCOPE) -> list[dict]:
    if model is None:
        return [r for r in rows if r["origin"] == "rule"]
    return [
        r
        for r in rows
        if (r["origin"] == "rule" and scope != "all") or model.decide(r["features"])[0]
    ]


def decided(rows: list[dict], model: LinearModel) -> list[dict]:
    """The rows ``model`` keeps, marked as the rules' (scored with no model, they stand)."""
    return [r | {"origin": "rule"} for r in kept(rows, model)]


def scores(rows: list[dict], releases: dict[str, dict]) -> dict:
    """score.py's commitment measures over the rows kept, release by release."""
    tally = Tally()
    for name, release in releases.items():
        mine = [r for r in rows if r["doc"] == name]
        frame = pd.DataFrame(mine, columns=["sentence", "actors", "modality", "action", "sent_id"])
        frame = frame.sort_values("sent_id", kind="stable").reset_index(drop=True)
        score_commitments(tally, name, frame, release["gold"], forms_of(release))
    c: Counts = tally.com
    action = tally.action_cover / tally.action_n if tally.action_n else 0.0
    return {
        "p": round(c.precision, 3),
        "r": round(c.recall, 3),
        "f1": round(c.f1, 3),
        "actors_f1": round(tally.actors.f1, 3),
        "action": round(action, 3),
        "part": round(c.f1 * tally.actors.f1, 3),  # what commitments add to overall (x 1/4)
    }


def beats_rules(pooled: dict) -> bool:
    """The commitments' share of ``overall`` (F1 x actors F1) up by at least ``MARGIN``
    on held-out sites, with neither F1 nor actors F1 lower by more than ``NOISE``."""
    model, rules = pooled["model"], pooled["rules"]
    return (
        gains(model["part"], rules["part"], MARGIN)
        and not_lower(model["f1"], rules["f1"])
        and not_lower(model["actors_f1"], rules["actors_f1"])
    )


MARGIN = 0.01  # less than this is within what one release more or less changes
