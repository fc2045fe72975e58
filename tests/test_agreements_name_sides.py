"""The sides a text names for an act outside the act's own sentence
(``agreements.name_sides``): the headline that pairs the act's one named side with the
release's own state or body. Texts written for these tests."""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kenya-Oman signs MOU\nThe Minister of Labour, Jane Doe, signed a Memorandum of "
            "Understanding with Oman on Monday.",
            [["Kenya", "Oman"]],
            id="a-dash-joined-pair-over-an-act-with-one-side",
        ),
        pytest.param(
            "Ghana and Togo to strengthen cooperation on labour migration\nThe Minister of "
            "the Interior signed a labour agreement with Togo in Accra on Monday.",
            [["Ghana", "Togo"]],
            id="a-pair-joined-by-and-without-an-act-noun",
        ),
        pytest.param(
            "Kenya, Ghana and Togo discuss labour migration\nThe Minister of Labour signed a "
            "labour agreement with Togo on Monday.",
            [["Togo"]],
            id="three-bodies-are-no-pair",
        ),
        pytest.param(
            "Ghana and Togo to strengthen cooperation\nThe Minister of Labour signed a labour "
            "agreement with Benin on Monday.",
            [["Benin"]],
            id="a-pair-without-the-act-s-side-is-another-story",
        ),
        pytest.param(
            "Labour cooperation: Network for Migration in Ghana and Togo\nThe Minister of "
            "Labour signed a labour agreement with Togo on Monday.",
            [["Togo"]],
            id="a-place-is-no-side",
        ),
        pytest.param(
            "Labour cooperation of Ghana and Togo's Labour Office\nThe Minister of "
            "Labour signed a labour agreement with Togo on Monday.",
            [["Togo"]],
            id="a-possessor-of-a-body-is-no-side",
        ),
        pytest.param(
            "Ghana's Minister signs MoU with Togo\nThe Minister signed an MoU with Togo on Monday.",
            [["Ghana", "Togo"]],
            id="a-possessor-of-a-role-is-the-side",
        ),
        pytest.param(
            "UNHCR and IOM call for more resettlement places\nThe Minister of the Interior "
            "signed an agreement with IOM on Monday.",
            [["International Organization for Migration"]],
            id="a-headline-about-something-else-pairs-no-sides",
        ),
    ],
)
def test_a_headline_pairing_the_act_s_one_side_names_the_other(act_parties, text, expected):
    assert act_parties(text) == expected
