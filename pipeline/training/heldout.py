"""A linear part measured as users meet it: each fold's model, trained on the other
folds, written to a folder of its own and loaded by the whole pipeline
(``$ACCORDS_MODELS``) on the fold's held-out sites; the rules alone on the same sites;
both scored with ``score.py``'s measures, fold by fold and pooled.

The part's own measure (``crossval``'s) scores the candidates' rows as proposed, and
sees only its own part; the tables also show what a part changes downstream (the party
model's parties reach the commitments' actors, the signatories and ``overall``). A part
ships only if both measures say it beats the rules."""

from __future__ import annotations

from pathlib import Path

from ..learn import LinearModel, gains, not_lower
from ..nlp.learned import MODELS_ENV
from ..nlp.ner_weights import WEIGHTS_ENV
from . import folds_run
from .ner import summary

MARGIN = 0.01  # the part's share of ``overall`` it must gain, held out
PART_KEY = {
    "chrome": "cleaning",
    "commitments": "commitments_x_actors",
    "parties": "agreements_x_parties",
    "acts": "agreements_x_parties",
}


def tables_crossval(
    part: str, module, filename: str, rows: list[dict], releases: dict, k: int
) -> dict:
    """The part's model against the rules in the tables, on the same held-out sites: the
    model loaded from its fold's folder as users load a shipped one, the rules alone
    without any; NER weights a user names load on neither side."""

    def prepare(n: int, train: dict[str, dict], work: Path) -> dict[str, folds_run.Env]:
        held = {r["site"] for name, r in releases.items() if name not in train}
        model: LinearModel = module.train([r for r in rows if r["site"] not in held], train)
        models = work / f"models{n}"
        models.mkdir()
        (models / filename).write_text(model.to_json(), encoding="utf-8")
        return {
            "rules": {
                "ACCORDS_LEARNED": "off",
                MODELS_ENV: str(work / "no-models"),
                WEIGHTS_ENV: None,
            },
            "model": {"ACCORDS_LEARNED": "on", MODELS_ENV: str(models), WEIGHTS_ENV: None},
        }

    result = folds_run.crossval(releases, k, prepare, measures)
    return {"part": part, "measured": "pipeline"} | result


# Reported beside the others but not weighed: ``score.py`` computes them over the
# commitments matched with the gold, a set a part that finds more commitments changes
# (the count of matched rows with the right modality is given with them).
REPORTED = ("modality", "action", "matched", "right_modality")


def measures(result: dict) -> dict:
    """``score.py``'s summary, with the commitments' and agreements' F1 and their actors'
    and parties' F1 apart, and the commitments' modality accuracy and action (over the
    matched rows: ``REPORTED``)."""
    a, c = result["agreements"], result["commitments"]
    matched = c["tp"]
    return summary(result) | {
        "cleaning": result["cleaning"],
        "agreements_f1": a["f1"],
        "parties_f1": a["parties_f1"],
        "commitments_f1": c["f1"],
        "actors_f1": c["actors_f1"],
        "modality": c["modality_acc"],
        "action": c["action_recall"],
        "matched": matched,
        "right_modality": round((c["modality_acc"] or 0) * matched),
    }


def beats_rules(pooled: dict, part: str) -> bool:
    """The part's share of ``overall`` up by ``MARGIN`` in the tables of held-out sites,
    and no other measure of ``overall`` lower by more than ``NOISE`` (``REPORTED`` ones
    are not weighed)."""
    rules, model = pooled["rules"], pooled["model"]
    key = PART_KEY[part]
    return (
        gains(model[key], rules[key], MARGIN)
        and model["overall"] >= rules["overall"]  # the noise of each part never sums to a loss
        and all(
            not_lower(model[other], rules[other])
            for other in rules
            if other not in (key, *REPORTED)
        )
    )
