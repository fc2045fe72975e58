"""Small span helpers of the entity rules (pipeline/entities/spans.py)."""

import pytest
import spacy

from pipeline.entities.spans import spelled_by_bracketed_acronym


@pytest.mark.parametrize(
    "text, words, expected",
    [
        # the acronym takes words after the commas: one name
        ("UNU Institute on Water, Environment and Health (UNU-WEH) met.", 8, True),
        ("Centre for Law, Rights and Mobility (CLRM) met.", 7, True),
        # a list whose last body the acronym names: not one name
        ("UNHCR, UNICEF and International Organization for Migration (IOM) met.", 8, False),
        # no acronym after it, or one that spells other words
        ("Centre for Law, Rights and Mobility met.", 7, False),
        ("Centre for Law, Rights and Mobility (ABC) met.", 7, False),
    ],
)
def test_a_bracketed_acronym_spells_a_name_from_its_first_word_to_its_last(text, words, expected):
    doc = spacy.blank("en")(text)
    assert spelled_by_bracketed_acronym(doc[:words]) is expected
