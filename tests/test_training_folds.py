"""The folds both pipeline cross-validations share (``pipeline.training.folds_run``): a
run's environment is the caller's again after it, and no fold's model is trained on a
site it is measured on."""

import os

import pytest

import pipeline.run
from pipeline.training import folds_run


def releases_of(tmp_path, count: int, sites: int) -> dict[str, dict]:
    found = {}
    for i in range(count):
        path = tmp_path / f"r{i}.txt"
        path.write_text(f"release {i}", encoding="utf-8")
        found[path.name] = {"path": str(path), "site": f"s{i % sites}", "gold": {"doc": path.name}}
    return found


@pytest.mark.parametrize("fails", [False, True])
def test_a_run_sets_its_environment_and_restores_the_callers_exactly(tmp_path, monkeypatch, fails):
    monkeypatch.setenv("ACCORDS_TEST_SET", "caller")
    monkeypatch.setenv("ACCORDS_TEST_UNSET", "caller")
    monkeypatch.delenv("ACCORDS_TEST_NEW", raising=False)
    seen = {}

    def extract(corpus, out, workers):
        seen.update({key: os.environ.get(key) for key in env})
        seen["corpus"] = sorted(p.name for p in corpus.iterdir())
        if fails:
            raise RuntimeError("the pipeline failed")

    monkeypatch.setattr(pipeline.run, "extract", extract)
    env = {"ACCORDS_TEST_SET": "run", "ACCORDS_TEST_UNSET": None, "ACCORDS_TEST_NEW": "run"}
    before = dict(os.environ)
    releases = releases_of(tmp_path, 2, 1)
    if fails:
        with pytest.raises(RuntimeError):
            folds_run.run_pipeline(releases, tmp_path / "out", env)
    else:
        folds_run.run_pipeline(releases, tmp_path / "out", env)
    assert seen == env | {"corpus": sorted(releases)}
    assert dict(os.environ) == before
    assert "ACCORDS_TEST_NEW" not in os.environ  # unset before, unset again


def test_each_fold_trains_on_the_other_sites_and_runs_each_side_under_its_environment(
    tmp_path, monkeypatch
):
    releases = releases_of(tmp_path, 12, 5)
    prepared, runs = [], []

    def prepare(n, train, work):
        prepared.append((n, dict(train)))
        return {side: {"ACCORDS_TEST_SIDE": f"{side}{n}"} for side in folds_run.SIDES}

    def run_pipeline(test, out, env):
        runs.append((set(test), out.name, dict(env)))
        out.mkdir()

    monkeypatch.setattr(folds_run, "run_pipeline", run_pipeline)
    monkeypatch.setattr(folds_run, "score", lambda out, gold: ({"out": out.name},))
    monkeypatch.setattr(folds_run, "pooled_score", lambda outs, gold, work: {"outs": len(outs)})
    result = folds_run.crossval(releases, 3, prepare, lambda scores: scores | {"measured": True})

    assert [n for n, _ in prepared] == [0, 1, 2]
    held_out = []
    for n, train in prepared:
        tested = [names for names, out, _ in runs if out == f"rules{n}"][0]
        assert set(train) | tested == set(releases) and tested
        assert not {r["site"] for r in train.values()} & {releases[m]["site"] for m in tested}
        held_out += tested
    assert sorted(held_out) == sorted(releases)  # each release held out once
    assert [(out, env["ACCORDS_TEST_SIDE"]) for _, out, env in runs] == [
        (f"{side}{n}", f"{side}{n}") for n in range(3) for side in folds_run.SIDES
    ]
    assert [row["fold"] for row in result["folds"]] == [0, 1, 2]
    assert sum(row["releases"] for row in result["folds"]) == 12
    assert result["folds"][1]["model"] == {"out": "model1", "measured": True}
    assert result["pooled"] == {side: {"outs": 3, "measured": True} for side in ("rules", "model")}
