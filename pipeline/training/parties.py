"""The learned party scorer: labels, training, and its leave-site-out measure.

Each predicted agreement is paired with a gold agreement as ``score.py`` pairs them (the
gold one whose parties its rule parties match best); a candidate is right where it
matches one of that gold agreement's parties. Held-out sites are scored with
``score.py``'s parties F1, pairing again on the parties each side chose."""

from __future__ import annotations

from ..evaluate import Counts, Forms, match, same_name
from ..learn import LinearModel, fit, gains

CONFIG: dict[str, float] = {"l2": 2.0, "epochs": 400, "rate": 0.5, "min_count": 2}
THRESHOLD = 0.5
MARGIN = 0.01


def forms_of(release: dict) -> Forms:
    return {k: set(v) for k, v in release["forms"].items()}


def doc_rows(doc, name: str, release: dict) -> list[dict]:
    forms = forms_of(release)
    found = doc._.accords_agreements
    pairs = pair([[m.norm for m in a.parties] for a in found], release["gold"], forms)
    rows = []
    for i, a in enumerate(found):
        gold_parties = pairs.get(i)
        rule_ids = {m.entity_id for m in a.parties}
        for m, features in a.party_candidates or []:
            right = gold_parties is not None and any(
                same_name(m.norm, aliases, lenient=True, forms=forms) for aliases in gold_parties
            )
            rows.append(
                {
                    "doc": name,
                    "agreement": i,
                    "name": m.norm,
                    "rule": m.entity_id in rule_ids,
                    "paired": gold_parties is not None,
                    "features": features,
                    "label": int(right),
                }
            )
        if not a.party_candidates:  # keep the agreement in the measure
            rows.append(
                {
                    "doc": name,
                    "agreement": i,
                    "name": None,
                    "rule": False,
                    "paired": gold_parties is not None,
                    "features": {},
                    "label": 0,
                }
            )
    return rows


def pair(predicted: list[list[str]], gold: dict, forms: Forms) -> dict[int, list[list[str]]]:
    """Predicted agreement index -> the parties of the gold agreement score.py pairs it
    with: each gold agreement in turn takes the unused row whose parties match most."""
    used: dict[int, list[list[str]]] = {}
    for ga in gold.get("agreements", []):
        best, best_tp = None, -1
        for i, parties in enumerate(predicted):
            if i in used:
                continue
            tp = match(parties, ga["parties"], lenient=True, forms=forms)[0]
            if tp > best_tp:
                best, best_tp = i, tp
        if best is not None:
            used[best] = ga["parties"]
    return used


def train(rows: list[dict], _releases: dict | None = None) -> LinearModel:
    pool = [r for r in rows if r["paired"] and r["name"] is not None]
    model = fit(((r["features"], r["label"]) for r in pool), **CONFIG)  # type: ignore[arg-type]
    model.threshold = THRESHOLD
    return model


def chosen(rows: list[dict], model: LinearModel | None) -> dict[tuple[str, int], list[str]]:
    """(release, agreement) -> the parties kept: the rules', or the model's (the rules'
    where it keeps none)."""
    out: dict[tuple[str, int], list[str]] = {}
    by_agreement: dict[tuple[str, int], list[dict]] = {}
    for r in rows:
        by_agreement.setdefault((r["doc"], r["agreement"]), []).append(r)
    for key, mine in by_agreement.items():
        rules = [r["name"] for r in mine if r["rule"]]
        if model is None:
            out[key] = rules
            continue
        picked = [r["name"] for r in mine if r["name"] and model.decide(r["features"])[0]]
        out[key] = picked or rules
    return out


def scores(rows: list[dict], releases: dict[str, dict], model: LinearModel | None) -> dict:
    """score.py's parties F1 over the releases, with the parties each side keeps."""
    kept = chosen(rows, model)
    counts = Counts()
    for name, release in releases.items():
        forms = forms_of(release)
        n = 1 + max((i for d, i in kept if d == name), default=-1)
        predicted = [kept.get((name, i), []) for i in range(n)]
        pairs = pair(predicted, release["gold"], forms)
        for i, gold_parties in pairs.items():
            counts.add(*match(predicted[i], gold_parties, lenient=True, forms=forms)[:3])
        for k, ga in enumerate(release["gold"].get("agreements", [])):
            if k >= len(pairs):
                counts.add(0, 0, len(ga["parties"]))
    return {
        "p": round(counts.precision, 3),
        "r": round(counts.recall, 3),
        "f1": round(counts.f1, 3),
    }


def beats_rules(pooled: dict) -> bool:
    return gains(pooled["model"]["f1"], pooled["rules"]["f1"], MARGIN)


def decided(rows: list[dict], model: LinearModel) -> list[dict]:
    """The rows with the model's choice marked as the rules' (scored with no model, the
    model's parties stand)."""
    kept = chosen(rows, model)
    return [r | {"rule": r["name"] in kept[(r["doc"], r["agreement"])]} for r in rows]
