"""Naming one body by its longest name (pipeline/entities/resolve.py)."""

from pipeline.entities.resolve import containing_names

NAMES = [
    "Ministry of Labour and Social Protection of Kenya",
    "Ministry of Labour and Social Protection",
    "Ministry of Labour",
    "National Employment Authority",
    "Employment Authority",
    "Labour",
    "Authority",
]


def test_a_shorter_name_held_word_for_word_in_a_longer_one_takes_the_longer():
    found = containing_names(NAMES)
    assert found["Ministry of Labour"] == NAMES[0]
    assert found["Ministry of Labour and Social Protection"] == NAMES[0]
    assert found["Employment Authority"] == "National Employment Authority"


def test_one_word_that_is_no_body_s_head_and_unrelated_names_stay_themselves():
    found = containing_names(NAMES)
    assert found["Labour"] == "Labour"
    assert found["National Employment Authority"] == "National Employment Authority"
    assert found[NAMES[0]] == NAMES[0]


def test_words_must_stand_in_a_row():
    found = containing_names(["Office for Migrant Workers Affairs", "Office Affairs"])
    assert found["Office Affairs"] == "Office Affairs"
