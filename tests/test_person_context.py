"""A role's holder split off the words before the name (``entities.person_context``), on
names written for these tests."""

import pytest
import spacy

from pipeline.entities.person_context import person_tail

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Labour Minister Samir Haddad", "Samir Haddad"),
        ("Commissioner for Internal Affairs Cecilia Malmstrom", "Cecilia Malmstrom"),
        # a patronym's given name, even where a place has it, and the article of the name
        ("Labour Minister Ali bin Khalid Al Nasser", "Ali bin Khalid Al Nasser"),
        ("Labour Minister Hamad bint Khalid Al Nasser", "Hamad bint Khalid Al Nasser"),
        ("Minister of Economic Inclusion", None),  # the run is the portfolio
    ],
)
def test_the_name_after_a_role_is_its_holder(text, expected):
    tail = person_tail(BLANK(text)[:])
    assert (tail.text if tail is not None else None) == expected
