"""A side named beside a known one at a signing is a body (``entities.signing_sides``),
on sentences written for these tests."""

import pytest

HEAD = "Partners sign agreement on migration\n"


def sides(parse, body: str) -> list[str]:
    doc = parse(HEAD + body)
    return [doc.text[m.start : m.end] for m in doc._.accords_mentions if m.source == "signing.side"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The International Labour Organization and Corvanta signed a cooperation "
            "agreement on Monday.",
            ["Corvanta"],
            id="a-subject-beside-a-known-body",
        ),
        pytest.param(
            "The International Labour Organization signed a memorandum with the Velmora "
            "Partnership for Refugees (VPR) on Monday.",
            ["Velmora Partnership for Refugees"],
            id="a-with-object-and-its-title-case-for-phrase",
        ),
        pytest.param(
            "The Corvanta and the International Labour Organization signed an agreement on Monday.",
            ["Corvanta"],
            id="the-title-case-words-before-the-head-not-the-article",
        ),
    ],
)
def test_a_proper_name_beside_a_known_side_is_a_body(parse, body, expected):
    assert sides(parse, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "The International Labour Organization and the Regional Director signed the "
            "memorandum.",
            id="a-role",
        ),
        pytest.param(
            "The International Labour Organization and the Secretariat signed the memorandum.",
            id="a-generic-body-word",
        ),
        pytest.param(
            "The International Labour Organization and the Italian Bishops' Conference signed "
            "the memorandum.",
            id="a-name-a-possessive-cuts",
        ),
        pytest.param("Corvanta and Velmora signed the memorandum.", id="no-known-side"),
        pytest.param(
            "IOM signed memoranda with the Lagos Legal Aid Clinic, Hope and Shelter, and "
            "Tulips Ltd. on Monday.",
            id="both-halves-of-a-name-with-an-and-in-a-list",
        ),
        pytest.param(
            "UNHCR and Lawyers Without Borders signed an agreement on Monday.",
            id="a-name-the-parse-cut-at-a-preposition",
        ),
        pytest.param("IOM and Partners signed the pledge on Monday.", id="a-plural-common-noun"),
        pytest.param(
            "Saudi Arabia and the Crown Prince signed the agreement.", id="a-ruler-s-title"
        ),
        pytest.param("Bangladesh and Dhaka signed a memorandum.", id="a-known-city"),
        pytest.param(
            "Morocco concluded the conference with the Rabat Declaration on migration.",
            id="a-text-a-meeting-concluded-with",
        ),
        pytest.param(
            "Minister Peter Kamau met IOM officials. IOM signed the agreement with Kamau on "
            "Monday.",
            id="a-surname-the-release-gives-a-person",
        ),
        pytest.param(
            "The International Labour Organization signed the memorandum with the Muslims of "
            "the region.",
            id="a-people",
        ),
    ],
)
def test_no_body_where_the_side_is_no_proper_name_of_one(parse, body):
    assert sides(parse, body) == []
