"""Training data, leave-site-out folds and a training run end to end on a small sample
(the seeds), and the shipped model's record of what it was trained from."""

import shutil

import pytest

from pipeline import training
from pipeline.commitments.scoring import MODEL_FILE
from pipeline.learn import LinearModel

ROOT = training.ROOT
SEED_CORPUS, GOLD = ROOT / "tests" / "fixtures" / "seeds", ROOT / "tests" / "gold_seeds"


@pytest.fixture(scope="module")
def seed_data():
    return training.build_data([(SEED_CORPUS, GOLD)])


def test_every_row_is_labelled_and_every_release_has_its_gold(seed_data):
    assert len(seed_data["releases"]) == 5
    assert {r["label"] for r in seed_data["rows"]} <= {0, 1}
    assert sum(r["label"] for r in seed_data["rows"]) > 10
    assert all(r["features"] for r in seed_data["rows"])


def test_the_rules_alone_score_as_the_evaluation_does(seed_data):
    scores = training.commitment_scores(
        training.kept(seed_data["rows"], None, "candidates"), seed_data["releases"]
    )
    assert scores["f1"] == 1.0  # the seeds' commitment F1 (accords evaluate says the same)


def test_crossval_and_training_run_end_to_end(seed_data, tmp_path):
    for i, release in enumerate(seed_data["releases"].values()):
        release["site"] = f"site{i % 2}"  # the seeds come from one site: two, for two folds
    for row in seed_data["rows"]:
        row["site"] = seed_data["releases"][row["doc"]]["site"]
    cv = training.crossval(seed_data, "all", k=2)
    assert [f["releases"] for f in cv["folds"]] and sum(f["releases"] for f in cv["folds"]) == 5
    assert set(cv["pooled"]) == {"rules", "model"}
    path = tmp_path / "commitments.json"
    model = training.ship(seed_data, "all", cv, path)
    assert LinearModel.load(path) == model
    assert model.meta["releases"] == 5 and model.meta["trained_on"] == training.input_hash()


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
    before = training.input_hash([(corpus, gold)])
    path = sorted(gold.glob("*.gold.json"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("agree", "will", 1), encoding="utf-8")
    assert training.input_hash([(corpus, gold)]) != before


def test_a_shipped_model_comes_from_the_current_data_and_settings():
    if not MODEL_FILE.exists():
        pytest.skip("no learned commitment model ships: it did not beat the rules held out")
    meta = LinearModel.load(MODEL_FILE).meta
    assert meta["trained_on"] == training.input_hash(), "run `make train`"
    assert meta["config"] == training.CONFIG
