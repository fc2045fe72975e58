"""Training data, leave-site-out folds and training runs end to end on a small sample
(the seeds), and a shipped model's record of what it was trained from."""

import os
import shutil

import pytest

from pipeline import training
from pipeline.evaluate import name_key
from pipeline.learn import LinearModel
from pipeline.training import commitments, data, heldout, parties

SEED_CORPUS = data.ROOT / "tests" / "fixtures" / "seeds"
GOLD = data.ROOT / "tests" / "gold_seeds"


@pytest.fixture(scope="module")
def seed_data():
    found = training.build_data([(SEED_CORPUS, GOLD)])
    for i, release in enumerate(found["releases"].values()):
        release["site"] = f"site{i % 2}"  # the seeds come from one site: two, for two folds
    for part in ("chrome", "commitments", "parties"):
        for row in found[part]:
            row["site"] = found["releases"][row["doc"]]["site"]
    return found


def test_every_candidate_is_labelled_and_every_release_has_its_gold(seed_data):
    assert len(seed_data["releases"]) == 5
    for part in ("commitments", "parties"):
        assert {r["label"] for r in seed_data[part]} <= {0, 1}
        assert sum(r["label"] for r in seed_data[part]) >= 5
    assert all(r["features"] for r in seed_data["commitments"])


def test_the_rules_alone_score_as_the_evaluation_does(seed_data):
    rows, releases = seed_data["commitments"], seed_data["releases"]
    assert commitments.scores(commitments.kept(rows, None), releases)["f1"] == 1.0
    assert parties.scores(seed_data["parties"], releases, None)["f1"] == 1.0  # accords evaluate


@pytest.mark.parametrize("part", ["chrome", "commitments", "parties"])
def test_crossval_and_training_run_end_to_end(seed_data, tmp_path, part):
    cv = training.crossval(seed_data, part, k=2)
    assert sum(f["releases"] for f in cv["folds"]) == 5
    assert set(cv["pooled"]) == {"rules", "model"}
    path = tmp_path / f"{part}.json"
    model = training.ship(seed_data, part, cv, path)
    assert LinearModel.load(path) == model
    assert model.meta["releases"] == 5 and model.meta["part"] == part


def test_held_out_runs_score_the_tables_of_both_sides_on_the_same_sites(seed_data):
    module, path = training.PARTS["commitments"]
    rows, releases = seed_data["commitments"], seed_data["releases"]
    before = dict(os.environ)
    result = heldout.tables_crossval("commitments", module, path.name, rows, releases, k=2)
    assert dict(os.environ) == before  # the folds' settings do not leak into the caller
    assert sum(f["releases"] for f in result["folds"]) == 5
    assert result["pooled"]["rules"]["commitments_f1"] == 1.0  # the tables, as evaluate scores
    assert set(result["pooled"]["model"]) == set(result["pooled"]["rules"])


def test_the_tables_rule_asks_a_gain_in_the_part_and_no_loss_elsewhere():
    rules = {"commitments_x_actors": 0.40, "actors_f1": 0.60, "overall": 0.60}
    gain = {"commitments_x_actors": 0.42, "actors_f1": 0.60, "overall": 0.61}
    assert heldout.beats_rules({"rules": rules, "model": gain}, "commitments")
    worse_actors = gain | {"actors_f1": 0.59}
    assert not heldout.beats_rules({"rules": rules, "model": worse_actors}, "commitments")
    small = gain | {"commitments_x_actors": 0.405}
    assert not heldout.beats_rules({"rules": rules, "model": small}, "commitments")
    # accuracy over the matched rows is reported, not weighed: more rows matched change it
    reported = {"modality": 0.91, "matched": 677, "right_modality": 616}
    more_matched = {"modality": 0.90, "matched": 740, "right_modality": 663}
    pooled = {"rules": rules | reported, "model": gain | more_matched}
    assert heldout.beats_rules(pooled, "commitments")


@pytest.mark.parametrize(
    ("agreements", "ships"), [(0.780, True), (0.779, True), (0.778, True), (0.777, False)]
)
def test_a_fall_of_one_releases_luck_elsewhere_is_noise_and_more_is_a_loss(agreements, ships):
    rules = {"cleaning": 0.884, "agreements_f1": 0.780, "overall": 0.648}
    model = {"cleaning": 0.912, "agreements_f1": agreements, "overall": 0.656}
    assert heldout.beats_rules({"rules": rules, "model": model}, "chrome") is ships


def test_falls_within_the_noise_never_sum_to_a_lower_overall():
    rules = {"cleaning": 0.884, "agreements_f1": 0.780, "signatories": 0.7, "overall": 0.648}
    model = {"cleaning": 0.912, "agreements_f1": 0.779, "signatories": 0.699, "overall": 0.647}
    assert not heldout.beats_rules({"rules": rules, "model": model}, "chrome")


def test_a_models_folder_named_by_the_environment_is_read_instead(tmp_path, monkeypatch):
    from pipeline.commitments.scoring import load_commitment_model

    model = LinearModel(weights={"bias_feature": 1.0}, bias=0.0)
    (tmp_path / "commitments.json").write_text(model.to_json(), encoding="utf-8")
    monkeypatch.setenv("ACCORDS_MODELS", str(tmp_path))
    assert load_commitment_model() == model
    monkeypatch.setenv("ACCORDS_MODELS", str(tmp_path / "none"))
    assert load_commitment_model() is None


def test_folds_never_split_a_site():
    releases = {f"r{i}": {"site": f"s{i % 7}"} for i in range(30)}
    folds = training.folds(releases, k=5)
    assert sorted(s for fold in folds for s in fold) == sorted({f"s{i}" for i in range(7)})
    assert all(not (a & b) for i, a in enumerate(folds) for b in folds[i + 1 :])


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://www.iom.int/news/x", "iom.int"),
        ("http://jordantimes.com./news", "jordantimes.com"),
    ],
)
def test_a_releases_site_is_the_host_its_index_names(tmp_path, url, host):
    (tmp_path / "INDEX_x.tsv").write_text(f"file\turl\nr.txt\t{url}\n", encoding="utf-8")
    assert training.sites(tmp_path) == {"r.txt": host}


def test_the_input_hash_changes_with_the_gold(tmp_path):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    shutil.copytree(SEED_CORPUS, corpus)
    shutil.copytree(GOLD, gold)
    before = training.input_hash({}, [(corpus, gold)])
    path = sorted(gold.glob("*.gold.json"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("agree", "will", 1), encoding="utf-8")
    assert training.input_hash({}, [(corpus, gold)]) != before


@pytest.mark.parametrize("part", sorted(training.PARTS))
def test_a_shipped_model_comes_from_the_current_data_and_settings(part):
    module, path = training.PARTS[part]
    if not path.exists():
        pytest.skip(f"no learned {part} model ships: it did not beat the rules held out")
    meta = LinearModel.load(path).meta
    assert meta["trained_on"] == training.input_hash(module.CONFIG), "run `make train`"
    assert meta["config"] == module.CONFIG


def test_a_run_names_only_parts_that_exist(capsys, monkeypatch):
    monkeypatch.setattr(training, "read_data", lambda: {})
    assert training.main(["crossval", "comitments"]) == 2
    assert "unknown part 'comitments'" in capsys.readouterr().out


def test_a_gain_of_exactly_the_margin_passes_in_rounded_scores():
    rules = {"agreements_x_parties": 0.399, "overall": 0.623}
    model = {"agreements_x_parties": 0.409, "overall": 0.626}
    assert heldout.beats_rules({"rules": rules, "model": model}, "parties")
    assert not heldout.beats_rules(
        {"rules": rules, "model": model | {"agreements_x_parties": 0.408}}, "parties"
    )


def _row(origin: str, actors: list[str]) -> dict:
    return {"sentence": "The ministry will open two centres.", "actors": actors, "origin": origin}


@pytest.mark.parametrize(
    ("origin", "actors", "gold_actors", "expected"),
    [
        ("rule", ["Ministry"], [["IOM"]], 1),  # the rules' rows are judged as score.py pairs them
        ("candidate", ["IOM"], [["International Organization for Migration", "IOM"]], 1),
        ("candidate", ["Ministry"], [["IOM"]], 0),  # kept, it would credit nobody right
        ("candidate", [], [["IOM"]], 0),
        ("candidate", ["Ministry"], [], 1),  # the gold names nobody: nobody can be wrong
    ],
)
def test_a_candidate_is_right_only_where_it_credits_a_gold_actor(
    origin, actors, gold_actors, expected
):
    rows = [_row(origin, actors)]
    gold = {"commitments": [{"sentence_contains": "will open two centres", "actors": gold_actors}]}
    commitments.label(rows, gold)
    assert rows[0]["label"] == expected


def test_a_gold_commitment_labels_one_row_only():
    rows = [_row("rule", []), _row("candidate", [])]
    gold = {"commitments": [{"sentence_contains": "will open", "actors": []}]}
    commitments.label(rows, gold)
    assert [r["label"] for r in rows] == [1, 0]


def test_a_row_that_credits_a_gold_actor_is_paired_before_one_that_does_not():
    rows = [_row("candidate", ["Ministry"]), _row("candidate", ["IOM"])]
    gold = {"commitments": [{"sentence_contains": "will open", "actors": [["IOM"]]}]}
    commitments.label(rows, gold)
    assert [r["label"] for r in rows] == [0, 1]


def test_a_gold_actor_s_other_forms_credit_the_row():
    rows = [_row("candidate", ["International Organization for Migration"])]
    gold = {"commitments": [{"sentence_contains": "will open", "actors": [["IOM"]]}]}
    commitments.label(rows, gold)
    assert rows[0]["label"] == 0
    forms = {name_key("International Organization for Migration"): {"IOM"}}
    commitments.label(rows, gold, forms)  # the release named IOM so
    assert rows[0]["label"] == 1


def scorer_rows(site: str, n: int) -> list[dict]:
    """Rows of one site: sure ones (always right) and doubtful ones (right three times in
    ten), four releases of ten rows."""
    rows = []
    for i in range(n):
        sure = i % 2 == 0
        right = sure or i % 20 in (1, 3, 5)
        features = {"sure": 1.0} if sure else {"doubtful": 1.0}
        rows.append({"site": site, "doc": f"{site}-{i // 10}", "features": features})
        rows[-1]["label"] = int(right)
    return rows


def releases_of(rows: list[dict], gold_n: int) -> dict[str, dict]:
    """Releases of ``gold_n`` gold commitments each, most of which no row finds."""
    gold = {"commitments": [{"sentence_contains": "x"}] * gold_n}
    return {r["doc"]: {"site": r["site"], "gold": gold} for r in rows}


def test_the_commitment_scorer_s_threshold_is_chosen_for_f1_on_its_own_held_out_sites():
    # recall is low (most gold commitments have no row), so a row right three times in
    # ten raises F1: the threshold keeps the doubtful rows that 0.5 would drop
    rows = [r for n in range(6) for r in scorer_rows(f"site{n}.org", 40)]
    model = commitments.train(rows, releases_of(rows, 20))
    doubtful = model.probability({"doubtful": 1.0})
    assert doubtful < 0.5
    assert model.threshold in commitments.THRESHOLDS and model.threshold <= doubtful


def test_where_the_rows_find_most_gold_commitments_only_sure_rows_are_kept():
    rows = [r for n in range(6) for r in scorer_rows(f"site{n}.org", 40)]
    model = commitments.train(rows, releases_of(rows, 8))  # 156 right rows of 192 gold
    assert model.threshold > model.probability({"doubtful": 1.0})


def test_without_its_releases_the_scorer_keeps_the_default_threshold():
    rows = [r for n in range(6) for r in scorer_rows(f"site{n}.org", 10)]
    assert commitments.train(rows).threshold == commitments.THRESHOLD
