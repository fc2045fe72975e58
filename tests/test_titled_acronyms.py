"""Bodies named only by an acronym that titles a person (``entities.titled_acronyms``),
on sentences written for these tests."""

import pytest

HEAD = "Unions and ministries meet on migrant workers\n"


def acronym_orgs(parse, body):
    doc = parse(HEAD + body)
    return [
        (doc.text[m.start : m.end], m.source)
        for m in doc._.accords_mentions
        if m.source.startswith("acronym.titled")
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "“We will stand with every worker,” said FNTU President Mary Okafor on Monday.",
            [("FNTU", "acronym.titled")],
        ),
        (  # a role of several words, and the body's later uses
            "KWTF General Secretary Ahmed Al-Sabah opened the meeting. KWTF hosted it.",
            [("KWTF", "acronym.titled"), ("KWTF", "acronym.titled.repeated")],
        ),
        (  # at the start of the body, after the headline's line break
            "GWUF Chair Binod Sharma welcomed the delegates to Kathmandu.",
            [("GWUF", "acronym.titled")],
        ),
    ],
)
def test_an_acronym_that_titles_a_person_is_a_body(parse, body, expected):
    assert acronym_orgs(parse, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "UAE Minister Ali Saeed Al Nuaimi welcomed the delegates.",  # a place's initials
        "RA Minister Maria Petrosyan welcomed the delegates.",  # two capitals only
        "eu-LISA Executive Director Agnes Diallo welcomed the delegates.",  # glued to a word
        "The FNTU said on Monday that Mary Okafor would attend.",  # no role between
        "FNTU members and Mary Okafor welcomed the delegates.",  # no role's head word
        "NGO Director Mary Okafor welcomed the delegates.",  # a kind of body, not one
        "FORMER President John Mahama welcomed the delegates.",  # a role's modifier
        "MOU Coordinator Mary Okafor welcomed the delegates.",  # a text
        "RSA President Cyril Ramaphosa welcomed the delegates.",  # a state's initials
        "PNG Minister John Pundari welcomed the delegates.",  # a state's code
        "ASG Director Mary Okafor welcomed the delegates.",  # a role's initials
        "FNTU PRESIDENT MARY OKAFOR WELCOMED THE DELEGATES.",  # a line in capitals
    ],
)
def test_no_body_without_a_role_between_an_unknown_acronym_and_a_person(parse, body):
    assert acronym_orgs(parse, body) == []


def test_the_person_is_the_acronym_s_body_s(parse):
    doc = parse(HEAD + "“We will stand with every worker,” said FNTU President Mary Okafor.")
    (person,) = [p for p in doc._.accords_people if p.mention.norm == "Mary Okafor"]
    assert person.org_name == "FNTU"
