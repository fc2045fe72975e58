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


@pytest.mark.parametrize(
    "text, name, expected",
    [
        # the text names the surname again: a name after the portfolio
        (
            "Minister of Foreign Affairs and European Integration Ana Petrovic spoke on "
            "Monday. Later, Petrovic said the plan is ready.",
            "Minister of Foreign Affairs and European Integration Ana Petrovic",
            "Ana Petrovic",
        ),
        # named once, after a singular portfolio: no way to tell it from the portfolio
        (
            "Minister of Foreign Affairs and European Integration Ana Petrovic spoke.",
            "Minister of Foreign Affairs and European Integration Ana Petrovic",
            None,
        ),
        # the body's own name again, or a sentence's first word: no person
        (
            "The Ministry of Human Resource Development signed it. Officials of the Ministry "
            "of Human Resource Development said so. Development of skills is a priority.",
            "Ministry of Human Resource Development",
            None,
        ),
    ],
)
def test_a_name_after_a_portfolio_is_split_off_when_the_text_names_it_again(
    nlp, text, name, expected
):
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline[:4]:  # tagger, parser, attribute ruler: parts of speech
        doc = component(doc)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    tail = person_tail(span)
    assert (tail.text if tail is not None else None) == expected
