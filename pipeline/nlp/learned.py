"""Where the learned parts' weights are read from: the package's ``models/`` folder, or
the folder ``$ACCORDS_MODELS`` names instead (a cross-validation fold's models, and none
of the shipped ones)."""

from __future__ import annotations

import os
from pathlib import Path

from ..learn import LinearModel

MODELS = Path(__file__).resolve().parents[1] / "models"
MODELS_ENV = "ACCORDS_MODELS"


def models_dir() -> Path:
    chosen = os.environ.get(MODELS_ENV)
    return Path(chosen) if chosen else MODELS


def learned_parts_on() -> bool:
    """The shipped learned parts run unless ``ACCORDS_LEARNED=off`` asks for the rules alone."""
    return os.environ.get("ACCORDS_LEARNED", "on").lower() not in ("off", "0", "no", "rules")


def load_linear(file_name: str, path: Path | None = None) -> LinearModel | None:
    """A linear part's weights: ``path``, else the shipped file ``file_name`` or the one
    in the folder ``$ACCORDS_MODELS`` names; None where there is none (the rules decide)."""
    path = path or models_dir() / file_name
    return LinearModel.load(path) if path.exists() else None
