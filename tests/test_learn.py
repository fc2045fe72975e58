"""The linear model of the learned scorers: it fits, it is deterministic, and its file
is read back exactly or refused with a message naming it."""

import pytest

from pipeline.learn import LinearModel, ModelFileError, fit, not_lower

EXAMPLES = [
    ({"cue=decide": 1.0, "subject=PROPN": 1.0}, 1),
    ({"cue=decide": 1.0, "subject=PRON": 1.0}, 1),
    ({"cue=decide": 1.0}, 1),
    ({"cue=provide": 1.0, "subject=PROPN": 1.0}, 0),
    ({"cue=provide": 1.0, "subject=PRON": 1.0}, 0),
    ({"cue=provide": 1.0}, 0),
    ({"cue=rare": 1.0}, 1),  # seen once: left out of the model
]


def test_a_separable_feature_is_learned_and_a_rare_one_left_out():
    model = fit(EXAMPLES, l2=0.1, epochs=300)
    assert model.decide({"cue=decide": 1.0})[0]
    assert not model.decide({"cue=provide": 1.0})[0]
    assert "cue=rare" not in model.weights
    assert model.weights["cue=decide"] > 0 > model.weights["cue=provide"]


def test_training_is_deterministic():
    assert fit(EXAMPLES).weights == fit(EXAMPLES).weights


def test_stronger_regularisation_gives_smaller_weights():
    weak, strong = fit(EXAMPLES, l2=0.1), fit(EXAMPLES, l2=50.0)
    assert abs(strong.weights["cue=decide"]) < abs(weak.weights["cue=decide"])


def test_the_model_file_round_trips(tmp_path):
    model = fit(EXAMPLES)
    model.threshold, model.meta = 0.6, {"scope": "all", "trained_on": "abc"}
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    back = LinearModel.load(path)
    assert back == model
    assert back.probability({"cue=decide": 1.0}) == model.probability({"cue=decide": 1.0})


@pytest.mark.parametrize(
    "text", ["not json", '{"kind": "other"}', '{"kind": "accords.linear", "bias": 0}']
)
def test_a_bad_model_file_is_refused_naming_it(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelFileError, match="bad.json"):
        LinearModel.load(path)


@pytest.mark.parametrize(
    ("after", "before", "expected"),
    [
        (0.5, 0.5, True),
        (0.6, 0.5, True),
        (0.498, 0.5, True),
        (0.4979, 0.5, True),
        (0.497, 0.5, False),
    ],
)
def test_a_measure_is_not_lower_within_one_releases_noise(after, before, expected):
    assert not_lower(after, before) is expected
