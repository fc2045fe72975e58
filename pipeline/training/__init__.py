"""Training and leave-site-out cross-validation of the learned parts.

    python -m pipeline.training data      # every candidate of the annotated releases
    python -m pipeline.training crossval  # rules alone vs rules + each model, by site
    python -m pipeline.training train     # fit on every release; ship what beats the rules

Parts: ``chrome`` (is this body line a site's chrome, ``training.chrome``),
``commitments`` (is this sentence or item a commitment, ``training.commitments``) and
``parties`` (is this body a party of this agreement, ``training.parties``) and ``acts``
(which agreement noun names the act of a release the rules find none in,
``training.acts``). A part's
weights ship only where its cross-validated score beats the rules' on held-out sites, on
the part's own rows and in the tables the whole pipeline writes (``training.heldout``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from ..agreements.act_scoring import MODEL_FILE as ACTS_FILE
from ..agreements.party_scoring import MODEL_FILE as PARTIES_FILE
from ..chrome import MODEL_FILE as CHROME_FILE
from ..commitments.scoring import MODEL_FILE as COMMITMENTS_FILE
from ..learn import LinearModel
from . import acts, chrome, commitments, ner, parties
from .data import CORPORA, DATA_FILE, folds, input_hash, parsed_releases, proposing_nlp, sites
from .heldout import beats_rules as beats_in_tables
from .heldout import tables_crossval

FOLDS = 5
PARTS = {
    "chrome": (chrome, CHROME_FILE),
    "commitments": (commitments, COMMITMENTS_FILE),
    "parties": (parties, PARTIES_FILE),
    "acts": (acts, ACTS_FILE),
}

__all__ = ["build_data", "crossval", "folds", "input_hash", "ship", "sites", "main"]


def build_data(corpora: Iterable[tuple[Path, Path]] = CORPORA) -> dict:
    nlp = proposing_nlp()
    data: dict = {"releases": {}, "chrome": [], "commitments": [], "parties": [], "acts": []}
    for corpus, gold in corpora:
        recurring = chrome.recurring_of(corpus)
        for name, release, doc in parsed_releases(corpus, gold, nlp):
            release["recurring"] = sorted(recurring.get(name, ()))
            data["releases"][name] = release
            site = {"site": release["site"]}
            text = Path(release["path"]).read_text(encoding="utf-8")
            data["chrome"] += [
                r | site
                for r in chrome.release_rows(
                    name, text, recurring.get(name, frozenset()), release["gold"]
                )
            ]
            data["commitments"] += [r | site for r in commitments.doc_rows(doc, name, release)]
            data["parties"] += [r | site for r in parties.doc_rows(doc, name, release)]
            data["acts"] += [r | site for r in acts.doc_rows(doc, name, release)]
    return data


def part_scores(part: str, rows: list[dict], releases: dict, model: LinearModel | None) -> dict:
    if part == "commitments":
        return commitments.scores(commitments.kept(rows, model), releases)
    if part == "acts":
        return acts.scores(rows, releases, model)
    return parties.scores(rows, releases, model)


def crossval(data: dict, part: str, k: int = FOLDS) -> dict:
    """Rules alone and rules + the part's model on the same held-out sites, fold by fold
    and pooled over every fold's held-out releases."""
    module, _ = PARTS[part]
    rows, releases = data[part], data["releases"]
    if part == "chrome":
        return chrome.crossval(rows, releases, k)
    table, pooled_rows = [], []
    for n, held in enumerate(folds(releases, k)):
        test = {name: r for name, r in releases.items() if r["site"] in held}
        seen = {name: r for name, r in releases.items() if r["site"] not in held}
        model = module.train([r for r in rows if r["site"] not in held], seen)
        mine = [r for r in rows if r["doc"] in test]
        table.append(
            {
                "fold": n,
                "sites": len(held),
                "releases": len(test),
                "rules": part_scores(part, mine, test, None),
                "model": part_scores(part, mine, test, model),
            }
        )
        pooled_rows += module.decided(mine, model)
    pooled = {
        "rules": part_scores(part, rows, releases, None),
        "model": part_scores(part, pooled_rows, releases, None),
    }
    return {"part": part, "folds": table, "pooled": pooled}


def ship(data: dict, part: str, cv: dict, path: Path | None = None) -> LinearModel:
    """Fit on every annotated release and write the model with what it came from."""
    module, default = PARTS[part]
    model = module.train(data[part], data["releases"])
    model.meta |= {
        "part": part,
        "trained_on": input_hash(module.CONFIG),
        "config": module.CONFIG,
        "releases": len(data["releases"]),
        "sites": len({r["site"] for r in data["releases"].values()}),
        "examples": len(data[part]),
        "crossval_pooled": cv["pooled"],
        "pipeline_pooled": cv.get("pipeline_pooled"),
    }
    target = path or default
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(model.to_json(), encoding="utf-8")
    return model


def read_data(path: Path = DATA_FILE) -> dict:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(build_data()) + "\n", encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    step = args[0] if args else "crossval"
    if step == "data":
        DATA_FILE.unlink(missing_ok=True)
        read_data()
        return 0
    data = read_data()
    chosen = args[1:] or [*PARTS, "ner"]  # "train commitments": that part alone
    unknown = [name for name in chosen if name not in (*PARTS, "ner")]
    if unknown:
        print(f"unknown part {unknown[0]!r}: choose from {', '.join([*PARTS, 'ner'])}")
        return 2
    for part, (module, path) in PARTS.items():
        if part not in chosen:
            continue
        cv = crossval(data, part)
        print(json.dumps(cv, indent=1))
        tables = tables_crossval(part, module, path.name, data[part], data["releases"], FOLDS)
        print(json.dumps(tables, indent=1))
        if step != "train":
            continue
        if module.beats_rules(cv["pooled"]) and beats_in_tables(tables["pooled"], part):
            ship(data, part, cv | {"pipeline_pooled": tables["pooled"]})
            print(f"{part}: wrote {path}")
        else:
            path.unlink(missing_ok=True)
            print(f"{part}: the model does not beat the rules on held-out sites; none shipped")
    if step in ("crossval", "train") and "ner" in chosen:
        ner_step(step)
    return 0


def ner_step(step: str) -> None:
    """Cross-validate the fine-tuned NER; on ``train``, ship it only if it beats the rules."""
    data = ner.releases()
    cv = ner.crossval(data)
    print(json.dumps(cv, indent=1))
    if step != "train":
        return
    if ner.beats_rules(cv["pooled"]):
        ner.ship(data, cv)
        print(f"ner: wrote {ner.WEIGHTS_FILE}")
    else:
        ner.unship()
        print("ner: the fine-tuned NER does not beat the rules on held-out sites; none shipped")
