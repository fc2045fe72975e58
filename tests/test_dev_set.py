"""The development set: 28 real releases from other sites (tests/dev/corpus, copied from
the project's shared development set with their gold annotations in tests/dev/gold).

The floors sit just under the scores reached, so a change that makes the rules fit
less well on releases of other sites cannot land unnoticed."""

from pathlib import Path

import pytest

from pipeline.evaluate import score
from pipeline.run import extract

DEV = Path(__file__).parent / "dev"

FLOORS = {
    ("cleaning",): 0.98,
    ("entities", "all", "f1"): 0.86,
    ("entities", "PERSON", "f1"): 0.88,
    ("entities", "ORG", "f1"): 0.77,
    ("entities", "PLACE", "f1"): 0.87,
    ("entities", "DATE", "f1"): 0.95,
    ("date_normalisation",): 0.98,
    ("agreements", "f1"): 0.87,
    ("agreements", "parties_f1"): 0.72,
    ("agreements", "signatories_f1"): 0.87,
    ("agreements", "type_acc"): 0.94,
    ("agreements", "date_acc"): 0.85,
    ("agreements", "place_acc"): 0.76,
    ("commitments", "f1"): 0.80,
    ("commitments", "modality_acc"): 0.92,
    ("commitments", "actors_f1"): 0.69,
    ("overall",): 0.76,
}


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev")
    extract(DEV / "corpus", out)
    result, _ = score(out, DEV / "gold")
    return result


@pytest.mark.parametrize("path, floor", list(FLOORS.items()), ids=[".".join(p) for p in FLOORS])
def test_development_set_scores_stay_above_their_floors(dev_scores, path, floor):
    value = dev_scores
    for key in path:
        value = value[key]
    assert value >= floor
