"""Leave-site-out folds measured through the whole pipeline, shared by the linear parts'
tables (``heldout``) and the fine-tuned NER (``ner``): each fold's model is trained on
the other folds' sites, and the rules and the model run over the fold's held-out sites,
each side under its own environment (the learned parts read their settings from it)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .. import storage
from ..evaluate import score
from .data import folds

Env = Mapping[str, str | None]  # a variable's value for a run; None: unset
Prepare = Callable[[int, dict[str, dict], Path], dict[str, Env]]
SIDES = ("rules", "model")
SCORED = ("documents", "entities", "agreements", "commitments")
POOLED_RUN = "crossval-pooled"  # the run id of the folds' tables put together


def run_pipeline(releases: dict[str, dict], out: Path, env: Env) -> None:
    """The pipeline over ``releases`` into ``out`` with ``env`` set, and the caller's
    environment put back after, even on failure (a later run must not inherit a fold's)."""
    from ..run import extract

    corpus = out.parent / f"{out.name}-corpus"
    corpus.mkdir(parents=True)
    for name, r in releases.items():
        if "path" not in r:
            raise ValueError("the training data predates held-out runs: run `make train-data`")
        shutil.copy(r["path"], corpus / name)
    saved = {key: os.environ.get(key) for key in env}
    try:
        set_environment(env)
        extract(corpus, out, workers=1)
    finally:
        set_environment(saved)


def set_environment(env: Env) -> None:
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def crossval(
    releases: dict[str, dict], k: int, prepare: Prepare, measure: Callable[[dict], dict]
) -> dict:
    """Both sides of each fold run on its held-out sites and scored, fold by fold and
    pooled. ``prepare(n, train, work)`` trains fold ``n``'s model on ``train`` (the
    releases of the other sites) under ``work`` and gives each side's environment."""
    table: list[dict] = []
    outs: dict[str, list[Path]] = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for n, held in enumerate(folds(releases, k)):
            test = {name: r for name, r in releases.items() if r["site"] in held}
            envs = prepare(n, {m: r for m, r in releases.items() if m not in test}, work)
            gold = gold_subset(test, work / f"gold{n}")
            row: dict = {"fold": n, "sites": len(held), "releases": len(test)}
            for side in SIDES:
                out = work / f"{side}{n}"
                run_pipeline(test, out, envs[side])
                outs[side].append(out)
                row[side] = measure(score(out, gold)[0])
            table.append(row)
        gold = gold_subset(releases, work / "gold")
        pooled = {side: measure(pooled_score(o, gold, work / side)) for side, o in outs.items()}
    return {"folds": table, "pooled": pooled}


def gold_subset(data: dict[str, dict], folder: Path) -> Path:
    folder.mkdir()
    for name, r in data.items():
        (folder / f"{name}.gold.json").write_text(json.dumps(r["gold"]), encoding="utf-8")
    return folder


def pooled_score(outs: list[Path], gold: Path, work: Path) -> dict:
    """``score.py``'s measures over every fold's held-out releases together."""
    import pandas as pd

    pooled = work / "pooled"
    pooled.mkdir(parents=True)
    for name in SCORED:
        frame = pd.concat([storage.read_table(name, out) for out in outs], ignore_index=True)
        storage.stage_table(frame, name, pooled, POOLED_RUN).commit()
    storage.stage_json({"run_id": POOLED_RUN}, "manifest", pooled).commit()
    return score(pooled, gold)[0]
