"""The act detector's training rows and measure: what score.py would count for each choice."""

import pytest

from pipeline.learn import LinearModel
from pipeline.training import acts

GOLD = {
    "agreements": [
        {"type": "memorandum", "parties": [["UNHCR"], ["IOM"]]},
        {"type": "network", "parties": [["Mayors Migration Council"]]},
    ]
}


@pytest.mark.parametrize(
    ("predicted", "tally"),
    [
        ([], [0, 0, 2, 0, 0, 3]),  # nothing found: both acts and their three parties missed
        ([["UNHCR", "World Bank"]], [1, 0, 1, 1, 1, 2]),  # paired with the memorandum
        ([["UNHCR"], ["IOM"], ["ILO"]], [2, 1, 0, 1, 1, 2]),  # a third row is a false act
    ],
)
def test_a_releases_acts_are_counted_as_score_py_counts_them(predicted, tally):
    assert acts.counted(predicted, GOLD, {}) == tally


def rows():
    return [
        {"doc": "a", "kind": "rules", "tally": [1, 0, 0, 2, 0, 0]},
        {"doc": "b", "kind": "none", "tally": [0, 0, 1, 0, 0, 2]},
        {"doc": "b", "kind": "candidate", "features": {"x": 1.0}, "tally": [1, 0, 0, 2, 0, 0]},
        {"doc": "b", "kind": "candidate", "features": {"y": 1.0}, "tally": [1, 0, 0, 0, 1, 2]},
        {"doc": "c", "kind": "none", "tally": [0, 0, 0, 0, 0, 0]},
        {"doc": "c", "kind": "candidate", "features": {"y": 1.0}, "tally": [0, 1, 0, 0, 1, 0]},
    ]


def test_without_a_model_a_release_the_rules_find_no_act_in_keeps_none():
    kept = acts.decided(rows(), None)
    assert [(r["doc"], r["tally"][0]) for r in kept] == [("a", 1), ("b", 0), ("c", 0)]


def test_a_model_takes_the_best_candidate_past_its_threshold_and_no_other():
    model = LinearModel({"x": 4.0, "y": 0.2}, threshold=0.6)  # x: 0.98, y: 0.55
    kept = {r["doc"]: r for r in acts.decided(rows(), model)}
    assert kept["b"]["features"] == {"x": 1.0} and kept["c"]["kind"] == "rules"
    assert kept["c"]["tally"] == [0, 0, 0, 0, 0, 0]
    lower = LinearModel({"x": 4.0, "y": 0.5}, threshold=0.6)  # y: 0.62, a false act in c
    assert {r["doc"]: r for r in acts.decided(rows(), lower)}["c"]["tally"][1] == 1


def test_the_measure_counts_each_release_once_with_each_sides_choice():
    releases = {"a": {}, "b": {}, "c": {}}
    rules = acts.scores(rows(), releases)
    model = acts.scores(rows(), releases, LinearModel({"x": 4.0}, threshold=0.6))
    assert rules["agreements_f1"] == round(2 * 1 / (1 + 2), 3)
    assert model["agreements_f1"] == 1.0 and model["parties_f1"] == 1.0
    assert acts.beats_rules({"rules": rules, "model": model})
