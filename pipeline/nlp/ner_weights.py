"""The fine-tuned NER (``make train``, ``pipeline.training.ner``): the small model's NER
trained further on the annotated releases' names, shipped as the component's bytes
beside a JSON file that says what it was trained from. It replaces the model's NER
weights when it ships and the learned parts are on; ``ACCORDS_NER_WEIGHTS`` names other
weights (the cross-validation's folds), loaded even with the other learned parts off.
Runs record the package's shipped weights in their code version, not those the variable
names: a run into outputs made with other weights should be ``--force``d."""

from __future__ import annotations

import json
import os
from pathlib import Path

from spacy.language import Language

from .learned import MODELS, models_dir

WEIGHTS_FILE = MODELS / "ner.bin"
META_FILE = MODELS / "ner.json"
WEIGHTS_ENV = "ACCORDS_NER_WEIGHTS"


def weights_path() -> Path | None:
    """The NER weights to load: ``$ACCORDS_NER_WEIGHTS``, else the shipped ones, else None."""
    chosen = os.environ.get(WEIGHTS_ENV)
    if chosen:
        return Path(chosen)
    shipped = models_dir() / WEIGHTS_FILE.name  # or a cross-validation fold's folder
    return shipped if shipped.exists() else None


def ner_weights_named() -> bool:
    """``$ACCORDS_NER_WEIGHTS`` names weights: they load whatever ``ACCORDS_LEARNED`` says
    of the other learned parts (the cross-validation runs the NER alone)."""
    return bool(os.environ.get(WEIGHTS_ENV))


def shipped_meta() -> dict | None:
    return json.loads(META_FILE.read_text(encoding="utf-8")) if META_FILE.exists() else None


def load_ner_weights(nlp: Language, path: Path | None = None) -> bool:
    """Put the fine-tuned weights into ``nlp``'s NER (its labels must be the ones it was
    trained with); False when there are none."""
    path = path or weights_path()
    if path is None:
        return False
    nlp.get_pipe("ner").from_bytes(path.read_bytes())  # type: ignore[attr-defined]
    return True
