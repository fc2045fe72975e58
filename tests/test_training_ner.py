"""The fine-tuned NER (``pipeline.training.ner``): its training lines, a training run on a
small sample that the pipeline then loads, and shipped weights' record of what they
were trained from."""

import pytest
import spacy

from pipeline.components import load_nlp
from pipeline.nlp import ner_weights
from pipeline.nlp.model import resolve_model_name
from pipeline.training import data, ner

SEEDS = [(data.ROOT / "tests" / "fixtures" / "seeds", data.ROOT / "tests" / "gold_seeds")]

GOLD = {
    "entities": {
        "PERSON": [["Amy Pope", "Pope"]],
        "ORG": [["International Organization for Migration", "IOM"]],
        "PLACE": [["Ghana"]],
        "DATE": [{"text": "12 March 2024", "value": "2024-03-12"}],
    }
}


@pytest.fixture(scope="module")
def base():
    return spacy.load(resolve_model_name(), exclude=["parser", "lemmatizer"])


def test_every_occurrence_of_a_gold_name_is_an_entity_and_other_labels_are_rehearsed(nlp, base):
    text = (
        "IOM and Ghana signed an agreement on 12 March 2024.\n"
        "Amy Pope said IOM would give 500 Ghanaian workers training."
    )
    first, second = ner.line_examples(nlp, base, text, GOLD)
    assert [(e.text, e.label_) for e in first.reference.ents] == [
        ("IOM", "ORG"),
        ("Ghana", "GPE"),
        ("12 March 2024", "DATE"),
    ]
    found = [(e.text, e.label_) for e in second.reference.ents]
    assert ("Amy Pope", "PERSON") in found and ("IOM", "ORG") in found
    assert ("Ghanaian", "NORP") in found  # the model's own label, kept so it is not unlearned
    assert ("Pope", "PERSON") not in found  # inside the longer name, not a second one


def test_a_training_run_on_the_seeds_gives_weights_the_pipeline_loads(tmp_path, monkeypatch):
    releases = ner.releases(SEEDS)
    assert len(releases) == 5
    weights = tmp_path / "ner.bin"
    weights.write_bytes(ner.train(releases, ner.CONFIG | {"epochs": 1}))
    monkeypatch.setenv(ner_weights.WEIGHTS_ENV, str(weights))
    nlp = load_nlp()
    assert nlp.get_pipe("ner").to_bytes() == weights.read_bytes()
    assert load_nlp(learned=False).get_pipe("ner").to_bytes() != weights.read_bytes()


def test_crossval_on_the_seeds_scores_both_sides_fold_by_fold_and_pooled():
    releases = ner.releases(SEEDS)
    for i, release in enumerate(releases.values()):
        release["site"] = f"site{i % 2}"  # the seeds come from one site: two, for two folds
    cv = ner.crossval(releases, k=2, config=ner.CONFIG | {"epochs": 1})
    assert sum(f["releases"] for f in cv["folds"]) == 5
    assert cv["pooled"]["rules"]["overall"] >= 0.98  # the rules' own figure on the seeds
    assert set(cv["pooled"]["model"]) == set(cv["pooled"]["rules"])


def test_the_ship_rule_asks_a_gain_on_names_and_no_loss_elsewhere():
    rules = {"entities": 0.80, "ORG": 0.6, "agreements_x_parties": 0.45, "overall": 0.63}
    assert ner.beats_rules({"rules": rules, "model": rules | {"entities": 0.82}})
    worse = rules | {"entities": 0.82, "agreements_x_parties": 0.44}
    assert not ner.beats_rules({"rules": rules, "model": worse})
    assert not ner.beats_rules({"rules": rules, "model": rules | {"entities": 0.805}})


def test_shipped_ner_weights_come_from_the_current_data_and_settings():
    meta = ner_weights.shipped_meta()
    if meta is None or not ner_weights.WEIGHTS_FILE.exists():
        pytest.skip("no fine-tuned NER ships: it did not beat the rules held out")
    assert meta["trained_on"] == data.input_hash(ner.CONFIG), "run `make train`"
    assert meta["config"] == ner.CONFIG


def test_shipped_weights_fit_the_model_they_were_trained_from(nlp):
    meta = ner_weights.shipped_meta()
    if meta is None:
        pytest.skip("no fine-tuned NER ships")
    assert meta["model"] == ner_weights.model_fingerprint(nlp)
    assert ner_weights.fits(nlp, meta)


def test_weights_of_another_model_are_not_loaded_and_a_run_says_so(tmp_path, monkeypatch, capsys):
    weights = tmp_path / "ner.bin"
    weights.write_bytes(b"not weights of this model")
    monkeypatch.delenv(ner_weights.WEIGHTS_ENV, raising=False)
    monkeypatch.setattr(ner_weights, "weights_path", lambda: weights)
    monkeypatch.setattr(ner_weights, "shipped_meta", lambda: {"model": "another model"})
    nlp = load_nlp(learned=False)
    assert ner_weights.load_ner_weights(nlp) is False
    assert "the model's own NER runs" in capsys.readouterr().err
