"""An office's place after "in" / "for" (``entities.offices``), read where the model
labels no place: the gazetteer's cities, countries and continents."""

import pytest
import spacy

from pipeline.entities.offices import extend_location
from pipeline.tables import doc_tables

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


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        (
            "Iran and the United Nations Capital Development Fund signed an MoU.",
            "United Nations Capital Development Fund",
            "United Nations",
        ),
        (
            "Iran and the United Nations Children’s Fund (UNICEF) signed an MoU.",
            "United Nations Children’s Fund",
            "United Nations",
        ),
        (
            "The United Nations Development Fund for Women signed it in Delhi.",
            "United Nations Development Fund for Women",
            "United Nations Development Fund",
        ),
        # a post, a programme, agencies: no organ's name ends there
        ("He met the United Nations Resident Representative.", "United Nations", None),
        ("It joined the UN Global Compact.", "UN", "UN Global Compact"),
        ("UN Agencies met in Ghana.", "UN", "UN Agencies"),
        # a role after the body noun ends the name; a headline's verb is no name
        (
            "United Nations Democracy Fund Executive Head Annika Savill said it.",
            "United Nations Democracy Fund",
            "United Nations Democracy Fund Executive Head Annika Savill",
        ),
        ("UN Chief Calls For New Migration Fund\nThe chief spoke.", "UN", None),
    ],
)
def test_a_un_organ_the_model_left_unlabelled_is_one_name(parse, body, expected, not_expected):
    tables = doc_tables([parse("Migration\n" + body)])
    orgs = set(tables["entities"].query("label == 'ORG'")["text"])
    assert expected in orgs and not_expected not in orgs
