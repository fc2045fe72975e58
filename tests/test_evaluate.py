"""The project's scorer: how much of a gold action a row's action holds, and the same
figures as the shared score.py where that is present."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import action_recall, score

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "gold" / "score.py"


@pytest.mark.parametrize(
    "pred, gold, expected",
    [
        ("jointly conduct activities", "jointly conduct activities", 1.0),
        ("jointly conduct", "jointly conduct activities", 2 / 3),
        (None, "jointly conduct activities", 0.0),
        ("", "promote decent work", 0.0),
        # case, articles and stop words do not count; stems of five letters do
        ("Promote the ratification of standards", "promote ratification of standards", 1.0),
        ("undertaken", "undertake research on the risks of irregular migration", 0.2),
        ("anything", "", 1.0),
    ],
)
def test_action_recall_is_the_share_of_the_gold_actions_content_words(pred, gold, expected):
    assert action_recall(pred, gold) == pytest.approx(expected)


def test_evaluate_reports_action_on_the_seeds(seed_outputs):
    out, _ = seed_outputs
    result, _ = score(out, ROOT / "tests" / "gold_seeds")
    assert 0.0 < result["commitments"]["action_recall"] <= 1.0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="no ../shared/gold/score.py beside the repo")
def test_the_project_scorer_gives_the_shared_scorers_figures(seed_outputs):
    out, _ = seed_outputs
    gold = ROOT / "tests" / "gold_seeds"
    shared = subprocess.run(
        [sys.executable, str(SHARED_SCORER), "--outputs", str(out), "--gold", str(gold), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(shared.stdout)
    ours, _ = score(out, gold)
    assert ours["overall"] == theirs["overall"]
    for key in ("f1", "modality_acc", "actors_f1", "action_recall"):
        assert ours["commitments"][key] == theirs["commitments"][key]
    assert ours["agreements"] == theirs["agreements"]
