"""One raw entity span cleaned into mentions (``entities.refine``), on spans written for
these tests."""

import pytest
import spacy

from pipeline.entities.refine import refine

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    "text, label, expected",
    [
        # a venue and its town, joined by the model
        ("the Chancellery in Berlin", "PLACE", [("Chancellery", "PLACE"), ("Berlin", "PLACE")]),
        ("Brdo Castle in Kranj", "PLACE", [("Brdo Castle", "PLACE"), ("Kranj", "PLACE")]),
        # no known place after "in": one name
        ("Hall in Harbourview", "PLACE", [("Hall in Harbourview", "PLACE")]),
        # a body's office keeps its town: only places are split
        ("Embassy in Berlin", "ORG", [("Embassy in Berlin", "ORG")]),
    ],
)
def test_a_model_span_is_cleaned_into_mentions(text, label, expected):
    doc = BLANK(f"They met at {text} on Friday.")
    span = doc[3 : 3 + len(BLANK(text))]
    found = [(s.text, lab) for s, lab, _ in refine(span, label, "model.GPE")]
    assert found == expected
