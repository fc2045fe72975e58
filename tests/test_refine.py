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


@pytest.mark.parametrize(
    "sentence, name, expected",
    [
        # a declaration's heading and clause openers in capitals are no bodies
        ("PREAMBLE We, members of the network, met.", "PREAMBLE", []),
        ("NOTING that governments are not prepared.", "NOTING", []),
        # a meeting's edition number is none either, nor part of the body's name
        ("The XVIII conference was held in Sucre.", "XVIII", []),
        ("The XVIII SACM adopted the declaration.", "XVIII SACM", [("SACM", "ORG")]),
        # acronyms and one-letter numerals stay
        ("The ILO and UNHCR signed it.", "UNHCR", [("UNHCR", "ORG")]),
        ("The NRC and IOM signed it.", "NRC", [("NRC", "ORG")]),
    ],
)
def test_headings_clauses_and_edition_numbers_are_no_organisations(sentence, name, expected):
    doc = BLANK(sentence)
    start = next(t.i for t in doc if t.text == name.split()[0])
    span = doc[start : start + len(name.split())]
    found = [(s.text, lab) for s, lab, _ in refine(span, "ORG", "model.ORG")]
    assert found == expected
