"""Groups of states named by a letter code and a number (``entities.numbered_groups``),
on sentences written for these tests."""

import pytest

HEAD = "Ministers meet on migration\n"


def groups(parse, body):
    doc = parse(HEAD + body)
    return [
        (doc.text[m.start : m.end], m.label)
        for m in doc._.accords_mentions
        if doc.text[m.start : m.end][-1:].isdigit()
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("The Med5 ministers met in Naples on Friday.", [("Med5", "ORG")]),
        (  # its later uses are the same group
            "Leaders of the V4 countries met in Prague. The V4 will meet again in May.",
            [("V4", "ORG"), ("V4", "ORG")],
        ),
        ("The G7 summit closed with a pledge on refugees.", [("G7", "ORG")]),
    ],
)
def test_a_code_beside_a_word_of_states_meeting_is_a_group(parse, body, expected):
    assert groups(parse, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The bus drove along the SR10 road to the camp.",
        "The fund paid RM3 million to the shelters.",
        "The office moved to London SW1 last year.",
        "The board met at the Q3 meeting of the finance committee.",
        "Applications must be submitted in A4 format.",
        "Only B2 members of the programme may apply.",
    ],
)
def test_a_code_of_a_road_money_or_a_postcode_is_no_group(parse, body):
    assert groups(parse, body) == []
