"""The learned act detector: labels, training, and its leave-site-out measure.

A release's rows: where the rules find acts, one row with what ``score.py`` counts for
them (agreements and parties, true and false positives, misses); where they find none,
one row for finding none and one per candidate, each with what ``score.py`` would count
were that candidate the release's act. A candidate is right where the release has a gold
act and the candidate is of a gold act's type or names one of its parties."""

from __future__ import annotations

from ..evaluate import Counts, Forms, match
from ..learn import LinearModel, fit, gains, not_lower
from .parties import forms_of, pair

CONFIG: dict[str, float] = {"l2": 4.0, "epochs": 400, "rate": 0.5, "min_count": 2}
THRESHOLD = 0.6  # an act found wrongly costs a false agreement and all its parties
MARGIN = 0.01

Tally = list[int]  # agreements tp, fp, fn, parties tp, fp, fn


def doc_rows(doc, name: str, release: dict) -> list[dict]:
    forms = forms_of(release)
    gold = release["gold"]
    found = doc._.accords_agreements
    if found:
        tally = counted([[m.norm for m in a.parties] for a in found], gold, forms)
        return [{"doc": name, "kind": "rules", "tally": tally}]
    rows = [{"doc": name, "kind": "none", "tally": counted([], gold, forms)}]
    types = {ga["type"] for ga in gold.get("agreements", [])}
    for act, features in doc._.accords_act_candidates or []:
        tally = counted([[m.norm for m in act.parties]], gold, forms)
        right = bool(types) and (act.type in types or tally[3] > 0)
        row: dict = {
            "doc": name,
            "kind": "candidate",
            "type": act.type,
            "act_name": act.name,
            "features": features,
            "tally": tally,
            "label": int(right),
        }
        rows.append(row)
    return rows


def counted(predicted: list[list[str]], gold: dict, forms: Forms) -> Tally:
    """What ``score.py`` counts for a release's acts with these parties (the gold acts it
    pairs none with are its last: each in turn takes a row while rows are left)."""
    golds = gold.get("agreements", [])
    pairs = pair(predicted, gold, forms)
    tally = [len(pairs), len(predicted) - len(pairs), len(golds) - len(pairs), 0, 0, 0]
    for i, gold_parties in pairs.items():
        tp, fp, fn = match(predicted[i], gold_parties, lenient=True, forms=forms)[:3]
        tally[3:] = [tally[3] + tp, tally[4] + fp, tally[5] + fn]
    tally[5] += sum(len(ga["parties"]) for ga in golds[len(pairs) :])
    return tally


def train(rows: list[dict], _releases: dict | None = None) -> LinearModel:
    pool = [r for r in rows if r["kind"] == "candidate"]
    model = fit(((r["features"], r["label"]) for r in pool), **CONFIG)  # type: ignore[arg-type]
    model.threshold = THRESHOLD
    return model


def decided(rows: list[dict], model: LinearModel | None) -> list[dict]:
    """Each release's row as ``model`` decides it, marked as the rules' (scored with no
    model, they stand): the rules' acts, the best candidate past the threshold, or none."""
    out: list[dict] = []
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    for mine in by_doc.values():
        rules = [r for r in mine if r["kind"] == "rules"]
        if rules:
            out += rules
            continue
        chosen = next(r for r in mine if r["kind"] == "none")
        if model is not None:
            mine = [r for r in mine if r["kind"] == "candidate"]
            scored = [(model.probability(r["features"]), r) for r in mine]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best is not None and best[0] >= model.threshold:
                chosen = best[1]
        out.append(chosen | {"kind": "rules"})
    return out


def scores(rows: list[dict], releases: dict, model: LinearModel | None = None) -> dict:
    """``score.py``'s agreements and parties F1 over the releases, with the acts each side
    keeps."""
    agreements, parties = Counts(), Counts()
    for r in decided([r for r in rows if r["doc"] in releases], model):
        tally = r["tally"]
        agreements.add(*tally[:3])
        parties.add(*tally[3:])
    return {
        "agreements_f1": round(agreements.f1, 3),
        "agreements_p": round(agreements.precision, 3),
        "parties_f1": round(parties.f1, 3),
        "part": round(agreements.f1 * parties.f1, 3),  # what acts add to overall
    }


def beats_rules(pooled: dict) -> bool:
    """Agreements F1 x parties F1 up by ``MARGIN`` on held-out sites, neither lower
    by more than ``NOISE``."""
    model, rules = pooled["model"], pooled["rules"]
    return (
        gains(model["part"], rules["part"], MARGIN)
        and not_lower(model["agreements_f1"], rules["agreements_f1"])
        and not_lower(model["parties_f1"], rules["parties_f1"])
    )
