"""An office's place after "in" / "for" (``entities.offices``), read where the model
labels no place: the gazetteer's cities, countries and continents."""

import pytest
import spacy

from pipeline.entities.offices import extend_location

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    "text, end, expected",
    [
        ("IOM Regional Office in Vienna met the ministers", 3, "IOM Regional Office in Vienna"),
        ("WHO Regional Office for Europe and the ministers", 3, "WHO Regional Office for Europe"),
        ("IOM Regional Office in Ghana and Togo", 3, "IOM Regional Office in Ghana"),
        # no place after "in": the office ends where it did
        ("IOM Regional Office in Jaime Calderon's words", 3, "IOM Regional Office"),
        ("IOM Regional Office in 2021 said", 3, "IOM Regional Office"),
    ],
)
def test_an_office_takes_the_place_after_in_or_for_the_model_leaves_unlabelled(text, end, expected):
    doc = BLANK(text)  # no entities at all: only the gazetteer can tell a place
    assert doc[: extend_location(doc, end)].text == expected
