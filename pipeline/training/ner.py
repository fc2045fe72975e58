"""The fine-tuned NER: the small model's NER trained further on the names of the annotated
releases, and its leave-site-out measure.

Training data: every line of each release's cleaned text (the pipeline parses line by
line), its entities every occurrence of each gold name (``PLACE`` as ``GPE``), and, for
rehearsal, the model's own entities of the labels the gold does not annotate (``NORP``,
``MONEY`` ...), so that fine-tuning does not unlearn them. Measured by running the
whole pipeline on each fold's held-out sites with the rules' NER and with the one
trained on the other folds, and scoring both with ``score.py``'s measures."""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .. import storage
from ..evaluate import read_gold
from ..learn import gains, not_lower
from ..nlp.ner_weights import META_FILE, WEIGHTS_ENV, WEIGHTS_FILE, model_fingerprint
from . import folds_run
from .data import CORPORA, input_hash, sites

CONFIG: dict[str, float] = {"epochs": 6, "dropout": 0.2, "batch": 16, "seed": 0}
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "GPE", "DATE": "DATE"}
REHEARSED = frozenset(
    [
        "NORP",
        "CARDINAL",
        "MONEY",
        "PERCENT",
        "TIME",
        "ORDINAL",
        "LAW",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LANGUAGE",
        "QUANTITY",
        "MISC",
    ]
)
MARGIN = 0.01  # entities F1 the model must gain, held out


def releases(corpora: Iterable[tuple[Path, Path]] = CORPORA) -> dict[str, dict]:
    """File name -> its corpus path, gold, site and cleaned text (extracted as a run)."""
    from ..run import extract

    found: dict[str, dict] = {}
    for corpus, gold_dir in corpora:
        gold = {g["doc"]: g for g in read_gold(gold_dir)}
        site_of = sites(corpus)
        with tempfile.TemporaryDirectory() as out:
            extract(corpus, out, workers=1)
            docs = storage.read_table("documents", Path(out))
        for source, text, status in zip(docs["source"], docs["text"], docs["status"], strict=True):
            name = Path(str(source)).name
            if status == "ok" and name in gold:
                found[name] = {
                    "path": str(corpus / name),
                    "gold": gold[name],
                    "site": site_of.get(name, "seeds"),
                    "text": str(text),
                }
    return found


def gold_names(gold: dict) -> list[tuple[str, str]]:
    names = []
    for label, items in gold.get("entities", {}).items():
        for item in items:
            for name in [item["text"]] if label == "DATE" else item:
                if label in LABELS and isinstance(name, str) and len(name) > 1:
                    names.append((name, LABELS[label]))
    return names


def line_examples(nlp, base, text: str, gold: dict) -> list:
    """One ``Example`` per line of ``text``: the gold names where they occur, and the
    base model's entities of the labels the gold leaves out."""
    from spacy.training import Example
    from spacy.util import filter_spans

    names = gold_names(gold)
    examples = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        doc = nlp.make_doc(line)
        spans = []
        for name, label in names:
            for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", line):
                span = doc.char_span(found.start(), found.end(), label=label)
                if span is not None:
                    spans.append(span)
        spans += [e for e in base(line).ents if e.label_ in REHEARSED]
        entities = [(s.start_char, s.end_char, s.label_) for s in filter_spans(spans)]
        examples.append(Example.from_dict(doc, {"entities": entities}))
    return examples


def train(data: dict[str, dict], config: dict = CONFIG) -> bytes:
    """The NER weights trained on ``data``'s releases, from the small model's."""
    import spacy
    from spacy.util import fix_random_seed, minibatch

    from ..components import load_nlp
    from ..nlp.model import resolve_model_name

    nlp = load_nlp(learned=False)
    base = spacy.load(resolve_model_name(), exclude=["parser", "lemmatizer"])
    examples = [ex for r in data.values() for ex in line_examples(nlp, base, r["text"], r["gold"])]
    random.seed(int(config["seed"]))
    fix_random_seed(int(config["seed"]))
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        for _ in range(int(config["epochs"])):
            random.shuffle(examples)
            for batch in minibatch(examples, size=int(config["batch"])):
                nlp.update(batch, drop=float(config["dropout"]), sgd=optimizer)
    return nlp.get_pipe("ner").to_bytes()  # type: ignore[attr-defined]


def crossval(data: dict[str, dict], k: int = 5, config: dict = CONFIG) -> dict:
    """Rules' NER against the fine-tuned one on the same held-out sites, fold by fold;
    no other learned part runs on either side, so the NER alone is compared."""

    def prepare(n: int, train_on: dict[str, dict], work: Path) -> dict[str, folds_run.Env]:
        weights = work / f"fold{n}.bin"
        weights.write_bytes(train(train_on, config))
        rules = {"ACCORDS_LEARNED": "off", WEIGHTS_ENV: None}
        return {"rules": rules, "model": rules | {WEIGHTS_ENV: str(weights)}}

    return {"part": "ner"} | folds_run.crossval(data, k, prepare, summary)


def summary(result: dict) -> dict:
    a, c = result["agreements"], result["commitments"]
    return {
        "entities": result["entities"]["all"]["f1"],
        "PERSON": result["entities"]["PERSON"]["f1"],
        "ORG": result["entities"]["ORG"]["f1"],
        "PLACE": result["entities"]["PLACE"]["f1"],
        "agreements_x_parties": round(a["f1"] * a["parties_f1"], 3),
        "signatories": a["signatories_f1"],
        "commitments_x_actors": round(c["f1"] * c["actors_f1"], 3),
        "overall": result["overall"],
    }


def beats_rules(pooled: dict) -> bool:
    """Entities F1 up by ``MARGIN`` held out, and no other measure lower by more than
    ``NOISE``."""
    rules, model = pooled["rules"], pooled["model"]
    others = [key for key in rules if key not in ("entities", "PERSON", "ORG", "PLACE")]
    return (
        gains(model["entities"], rules["entities"], MARGIN)
        and model["overall"] >= rules["overall"]  # the noise of each part never sums to a loss
        and all(not_lower(model[key], rules[key]) for key in others)
    )


def ship(data: dict[str, dict], cv: dict, corpora=CORPORA) -> None:
    """Train on every release and write the weights and their record, each under a
    temporary name renamed into place (a run loading them never reads half a file)."""
    WEIGHTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    replace_file(WEIGHTS_FILE, train(data))
    from ..nlp.model import load_model

    meta = {
        "part": "ner",
        "trained_on": input_hash(CONFIG, corpora),
        "model": model_fingerprint(load_model()),  # the spaCy model the weights fit
        "config": CONFIG,
        "releases": len(data),
        "sites": len({r["site"] for r in data.values()}),
        "crossval_pooled": cv["pooled"],
    }
    replace_file(META_FILE, (json.dumps(meta, indent=1) + "\n").encode())


def replace_file(target: Path, content: bytes) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.chmod(name, 0o644)
    os.replace(name, target)


def unship() -> None:
    WEIGHTS_FILE.unlink(missing_ok=True)
    META_FILE.unlink(missing_ok=True)
