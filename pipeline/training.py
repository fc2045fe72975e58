"""Training and leave-site-out cross-validation of the learned commitment scorer.

    python -m pipeline.training data      # candidates with features and gold labels (JSONL)
    python -m pipeline.training crossval  # rules alone vs rules + model, folds by site
    python -m pipeline.training train     # fit on every annotated release, ship the weights

The annotated releases are the project's own (``tests/dev`` and the seeds). Each one is
extracted as a run would (cleaning included), its cleaned text parsed again with the
commitment rules proposing candidates, and every commitment or candidate labelled by the
gold as ``score.py`` matches them. Folds never split a site."""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from . import storage
from .commitments import CommitmentFinder, CommitmentScorer
from .commitments.candidates import CANDIDATE_PREFIX
from .commitments.scoring import MODEL_FILE
from .evaluate import Counts, Tally, flat, missing, name_key, read_gold, score_commitments
from .learn import LinearModel, fit

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (  # (corpus, gold): the annotated releases in the repository
    (ROOT / "tests" / "dev" / "corpus", ROOT / "tests" / "dev" / "gold"),
    (ROOT / "tests" / "fixtures" / "seeds", ROOT / "tests" / "gold_seeds"),
)
DATA_FILE = ROOT / "outputs-train" / "commitment_candidates.jsonl"
CONFIG: dict[str, float] = {
    "l2": 10.0,
    "epochs": 400,
    "rate": 0.5,
    "min_count": 2,
    "threshold": 0.5,
}
FOLDS = 5
MARGIN = 0.01  # less than this is within what one release more or less changes


def sites(corpus: Path) -> dict[str, str]:
    """File name -> the host it came from (``INDEX_*.tsv``); the seeds are one site."""
    found: dict[str, str] = {}
    for index in corpus.glob("INDEX_*.tsv"):
        for line in index.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) >= 2:
                host = urlparse(cells[1].strip()).netloc.lower().removeprefix("www.")
                found[cells[0]] = host.rstrip(".")
    return found


def input_hash(corpora: Iterable[tuple[Path, Path]] = CORPORA) -> str:
    """What the shipped model was trained from: every annotated release and its gold,
    the candidate cues and the training settings."""
    digest = hashlib.sha256(json.dumps(CONFIG, sort_keys=True).encode())
    for corpus, gold in corpora:
        for path in sorted([*corpus.glob("*.txt"), *gold.glob("*.gold.json")]):
            digest.update(path.name.encode() + path.read_bytes())
    patterns = Path(__file__).parent / "patterns" / "commitments.jsonl"
    digest.update(patterns.read_bytes())
    return digest.hexdigest()[:16]


def candidate_rows(corpus: Path, gold_dir: Path, nlp) -> tuple[list[dict], dict[str, dict]]:
    """Every commitment and candidate of the annotated releases, labelled; and each
    release's site, gold and entity forms (what ``score.py`` matches names through)."""
    from .run import extract
    from .tables import entity_rows

    gold = {g["doc"]: g for g in read_gold(gold_dir)}
    site_of = sites(corpus)
    with tempfile.TemporaryDirectory() as out:
        extract(corpus, out, workers=1)
        docs = storage.read_table("documents", Path(out))
    docs = docs[(docs["status"] == "ok") & docs["source"].map(lambda s: Path(str(s)).name in gold)]
    rows: list[dict] = []
    releases: dict[str, dict] = {}
    for doc_id, source, text, published in zip(
        docs["doc_id"], docs["source"], docs["text"], docs["published"], strict=True
    ):
        name = Path(str(source)).name
        doc = parsed(nlp, str(text), str(doc_id), published)
        forms: dict[str, list[str]] = {}
        for e in entity_rows(doc):
            if e["norm"] is not None:
                forms.setdefault(name_key(e["norm"]), []).append(e["text"])
        found = [row_of(c, name) for c in doc._.accords_commitments]
        label(found, gold[name])
        site = site_of.get(name, "seeds")
        rows += [r | {"site": site} for r in found]
        releases[name] = {"site": site, "gold": gold[name], "forms": forms}
    return rows, releases


def parsed(nlp, text: str, doc_id: str, published):
    """The cleaned text parsed and annotated as the run does it."""
    from .components import annotate
    from .nlp.model import parse_lines

    (doc,) = list(parse_lines(nlp, [(text, doc_id)]))
    doc._.accords_published = None if missing(published) else str(published)
    return annotate(nlp, doc)


def row_of(c, name: str) -> dict:
    return {
        "doc": name,
        "sent_id": c.sent_id,
        "sentence": c.sentence.text,
        "actors": [m.norm for m in c.actors],
        "modality": c.modality,
        "action": c.action,
        "origin": "candidate" if c.rule_id.startswith(CANDIDATE_PREFIX) else "rule",
        "rule_id": c.rule_id,
        "features": c.features or {},
    }


def label(rows: list[dict], g: dict) -> None:
    """A row is right where ``score.py`` would pair it with a gold commitment: the first
    unused row, in sentence order, whose sentence holds the gold's piece."""
    for r in rows:
        r["label"] = 0
    for gc in g.get("commitments", []):
        key = flat(gc["sentence_contains"])
        hit = next((r for r in rows if key in flat(r["sentence"]) and not r["label"]), None)
        if hit is not None:
            hit["label"] = 1


def proposing_nlp():
    """The pipeline with every candidate proposed and kept, with its features."""
    from .components import load_nlp

    nlp = load_nlp()
    finder = nlp.get_pipe("accords_commitments")
    scorer = nlp.get_pipe("accords_commitment_scorer")
    assert isinstance(finder, CommitmentFinder) and isinstance(scorer, CommitmentScorer)
    finder.propose = True
    scorer.model, scorer.keep_all = None, True
    return nlp


def build_data(corpora: Iterable[tuple[Path, Path]] = CORPORA) -> dict:
    nlp = proposing_nlp()
    data: dict = {"rows": [], "releases": {}}
    for corpus, gold in corpora:
        rows, releases = candidate_rows(corpus, gold, nlp)
        data["rows"] += rows
        data["releases"] |= releases
    return data


def folds(releases: dict[str, dict], k: int = FOLDS) -> list[set[str]]:
    """Sites dealt into ``k`` folds, largest first, each to the smallest fold so far."""
    size: dict[str, int] = {}
    for r in releases.values():
        size[r["site"]] = size.get(r["site"], 0) + 1
    out: list[set[str]] = [set() for _ in range(k)]
    load = [0] * k
    for site in sorted(size, key=lambda s: (-size[s], s)):
        i = load.index(min(load))
        out[i].add(site)
        load[i] += size[site]
    return out


def train(rows: list[dict], scope: str = "candidates") -> LinearModel:
    pool = [r for r in rows if scope == "all" or r["origin"] == "candidate"]
    model = fit(
        ((r["features"], r["label"]) for r in pool),
        l2=float(CONFIG["l2"]),
        epochs=int(CONFIG["epochs"]),
        rate=float(CONFIG["rate"]),
        min_count=int(CONFIG["min_count"]),
    )
    model.threshold = float(CONFIG["threshold"])
    model.meta = {"scope": scope}
    return model


def kept(rows: list[dict], model: LinearModel | None, scope: str) -> list[dict]:
    if model is None:
        return [r for r in rows if r["origin"] == "rule"]
    return [
        r
        for r in rows
        if (r["origin"] == "rule" and scope != "all") or model.decide(r["features"])[0]
    ]


def commitment_scores(rows: list[dict], releases: dict[str, dict]) -> dict:
    """score.py's commitment measures over the rows kept, release by release."""
    tally = Tally()
    for name, release in releases.items():
        mine = [r for r in rows if r["doc"] == name]
        frame = pd.DataFrame(mine, columns=["sentence", "actors", "modality", "action", "sent_id"])
        frame = frame.sort_values("sent_id", kind="stable").reset_index(drop=True)
        forms = {k: set(v) for k, v in release["forms"].items()}
        score_commitments(tally, name, frame, release["gold"], forms)
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


def crossval(data: dict, scope: str = "candidates", k: int = FOLDS) -> dict:
    """Rules alone and rules + model on the same held-out sites, fold by fold."""
    rows, releases = data["rows"], data["releases"]
    table = []
    for n, held in enumerate(folds(releases, k)):
        test = {name: r for name, r in releases.items() if r["site"] in held}
        model = train([r for r in rows if r["site"] not in held], scope)
        mine = [r for r in rows if r["doc"] in test]
        table.append(
            {
                "fold": n,
                "sites": len(held),
                "releases": len(test),
                "rules": commitment_scores(kept(mine, None, scope), test),
                "model": commitment_scores(kept(mine, model, scope), test),
            }
        )
    pooled = {
        "rules": commitment_scores(kept(rows, None, scope), releases),
        "model": commitment_scores(
            [r for n in range(len(table)) for r in held_out_kept(data, n, scope, k)], releases
        ),
    }
    return {"scope": scope, "folds": table, "pooled": pooled}


def held_out_kept(data: dict, fold: int, scope: str, k: int) -> list[dict]:
    held = folds(data["releases"], k)[fold]
    model = train([r for r in data["rows"] if r["site"] not in held], scope)
    return kept([r for r in data["rows"] if r["site"] in held], model, scope)


def write_data(data: dict, path: Path = DATA_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")


def read_data(path: Path = DATA_FILE) -> dict:
    if not path.exists():
        write_data(build_data(), path)
    return json.loads(path.read_text(encoding="utf-8"))


def ship(data: dict, scope: str, cv: dict, path: Path = MODEL_FILE) -> LinearModel:
    """Fit on every annotated release and write the model with what it came from."""
    model = train(data["rows"], scope)
    model.meta = {
        "scope": scope,
        "trained_on": input_hash(),
        "config": CONFIG,
        "releases": len(data["releases"]),
        "sites": len({r["site"] for r in data["releases"].values()}),
        "examples": len([r for r in data["rows"] if scope == "all" or r["origin"] == "candidate"]),
        "crossval_pooled": cv["pooled"],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(model.to_json(), encoding="utf-8")
    return model


def beats_rules(pooled: dict) -> bool:
    """Shipped only where held-out sites say so: the commitments' share of ``overall``
    (F1 x actors F1) up by at least ``MARGIN``, with neither F1 nor actors F1 lower."""
    model, rules = pooled["model"], pooled["rules"]
    return (
        model["part"] >= rules["part"] + MARGIN
        and model["f1"] >= rules["f1"]
        and model["actors_f1"] >= rules["actors_f1"]
    )


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    step = args[0] if args else "crossval"
    scope = args[1] if len(args) > 1 else "candidates"
    if step == "data":
        write_data(build_data())
        return 0
    data = read_data()
    cv = crossval(data, scope)
    print(json.dumps(cv, indent=1))
    if step == "train":
        if beats_rules(cv["pooled"]):
            ship(data, scope, cv)
            print(f"wrote {MODEL_FILE}")
        else:
            MODEL_FILE.unlink(missing_ok=True)
            print("the model does not beat the rules on held-out sites: none shipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
