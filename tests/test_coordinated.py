"""Two bodies the model joined by "and" (``entities.coordinated``), on names written for
these tests and tokenised alone."""

import pytest
import spacy

from pipeline.entities.coordinated import coordinated_bodies
from pipeline.entities.refine import refine

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("White House and State Department", ("White House", "State Department")),
        ("House of Commons and House of Lords", ("House of Commons", "House of Lords")),
        ("Labour Office and the Migration Agency", ("Labour Office", "Migration Agency")),
        ("Ministry of Labour and Social Affairs", None),  # a portfolio list: one name
        ("United Nations Relief and Works Agency", None),  # no head word before the "and"
        ("Association of Local Authorities and Regions Committee", None),  # the "of" joins
        ("Ministry of Health, Labour and Welfare Office", None),  # a list with commas
        ("Ministry of Labour and Republic of Kosovo", None),  # a place is no body
        ("Office and Agency", None),  # a lone head word is no name
    ],
)
def test_two_bodies_joined_by_and_are_each_their_own(name, expected):
    doc = NLP(name)
    found = coordinated_bodies(doc[:])
    assert (None if found is None else tuple(side.text for side in found)) == expected


def test_the_model_s_joined_name_is_refined_into_both_bodies(parse):
    doc = parse("Officials of the House of Commons and House of Lords met on Monday.")
    span = doc[3:10]
    assert span.text == "House of Commons and House of Lords"
    found = [(s.text, label, source) for s, label, source in refine(span, "ORG", "model.ORG")]
    assert found == [
        ("House of Commons", "ORG", "model.ORG.and_split"),
        ("House of Lords", "ORG", "model.ORG.and_split"),
    ]
