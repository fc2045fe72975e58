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
            "The International Labour Organization signed the memorandum with the Muslims of "
            "the region.",
            id="a-people",
        ),
    ],
)
def test_no_body_where_the_side_is_no_proper_name_of_one(parse, body):
    assert sides(parse, body) == []
