"""A linear part measured as users meet it: each fold's model, trained on the other
folds, written to a folder of its own and loaded by the whole pipeline
(``$ACCORDS_MODELS``) on the fold's held-out sites; the rules alone on the same sites;
both scored with ``score.py``'s measures, fold by fold and pooled.

The part's own measure (``crossval``'s) scores the candidates' rows as proposed, and
sees only its own part; the tables also show what a part changes downstream (the party
model's parties reach the commitments' actors, the signatories and ``overall``). A part
ships only if both measures say it beats the rules."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..evaluate import score
from ..learn import LinearModel
from ..nlp.learned import MODELS_ENV
from ..nlp.ner_weights import WEIGHTS_ENV
from .data import folds
from .ner import gold_subset, pooled_score, summary

MARGIN = 0.01  # the part's share of ``overall`` it must gain, held out
PART_KEY = {
    "chrome": "cleaning",
    "commitments": "commitments_x_actors",
    "parties": "agreements_x_parties",
}


def tables_crossval(
    part: str, module, filename: str, rows: list[dict], releases: dict, k: int
) -> dict:
    table: list[dict] = []
    outs: dict[str, list[Path]] = {"rules": [], "model": []}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for n, held in enumerate(folds(releases, k)):
            test = {name: r for name, r in releases.items() if r["site"] in held}
            model: LinearModel = module.train([r for r in rows if r["site"] not in held])
            models = work / f"models{n}"
            models.mkdir()
            (models / filename).write_text(model.to_json(), encoding="utf-8")
            gold = gold_subset(test, work / f"gold{n}")
            row: dict = {"fold": n, "sites": len(held), "releases": len(test)}
            for side, chosen in (("rules", None), ("model", models)):
                out = work / f"{side}{n}"
                run_on(test, out, chosen)
                outs[side].append(out)
                row[side] = measures(score(out, gold)[0])
            table.append(row)
        gold = gold_subset(releases, work / "gold")
        pooled = {side: measures(pooled_score(o, gold, work / side)) for side, o in outs.items()}
    return {"part": part, "measured": "pipeline", "folds": table, "pooled": pooled}


def run_on(releases: dict, out: Path, models: Path | None) -> None:
    """The pipeline over ``releases`` into ``out``: the rules alone (``models`` None), or
    with the learned parts of the folder ``models`` and no other."""
    from ..run import extract

    corpus = out.parent / f"{out.name}-corpus"
    corpus.mkdir(parents=True)
    for name, r in releases.items():
        if "path" not in r:
            raise ValueError("the training data predates held-out runs: run `make train-data`")
        shutil.copy(r["path"], corpus / name)
    saved = {key: os.environ.get(key) for key in (MODELS_ENV, "ACCORDS_LEARNED", WEIGHTS_ENV)}
    try:
        os.environ.pop(WEIGHTS_ENV, None)  # NER weights named by the user load on both sides
        os.environ["ACCORDS_LEARNED"] = "on" if models is not None else "off"
        os.environ[MODELS_ENV] = str(models or out.parent / "no-models")
        extract(corpus, out, workers=1)
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value


def measures(result: dict) -> dict:
    """``score.py``'s summary, with the commitments' and agreements' F1 and their actors'
    and parties' F1 apart."""
    a, c = result["agreements"], result["commitments"]
    return summary(result) | {
        "cleaning": result["cleaning"],
        "agreements_f1": a["f1"],
        "parties_f1": a["parties_f1"],
        "commitments_f1": c["f1"],
        "actors_f1": c["actors_f1"],
    }


def beats_rules(pooled: dict, part: str) -> bool:
    """The part's share of ``overall`` up by ``MARGIN`` in the tables of held-out sites,
    and no other measure lower."""
    rules, model = pooled["rules"], pooled["model"]
    key = PART_KEY[part]
    return model[key] >= rules[key] + MARGIN and all(
        model[other] >= rules[other] for other in rules if other != key
    )
