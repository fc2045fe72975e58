"""Line shapes of a page: the list of a site's other stories that closes it."""

import pytest

from pipeline.chrome import clean_text as chrome_clean_text
from pipeline.clean import clean_text
from pipeline.page_lines import (
    byline_over_date,
    is_masthead,
    is_teaser,
    listed_name,
    signer_lines,
)

BODY = (
    "Ministers sign labour accord\n"
    "NAIROBI, 3 May 2023 – The ministers of labour of Kenya and Uganda signed an accord on "
    "the recruitment of domestic workers on Monday, after two years of talks between the "
    "two governments, the recruitment agencies and the workers' unions.\n"
    "The accord sets a standard contract and bans recruitment fees.\n"
)
TEASERS = (
    "Farmers protest over fertiliser prices\n"
    "ELDORET: Hundreds of maize farmers marched to the county offices on\n"
    "Court halts new housing levy\n"
    "NAIROBI: The High Court on Tuesday suspended the collection of the levy,\n"
    "Rains expected in the coast region\n"
    "MOMBASA: The meteorological department has warned residents that\n"
)
DATED = (
    "Politics10:15 Jan. 3, 2020\n"
    "Parliament passes the budget after a long debate\n"
    "Economy09:40 Jan. 2, 2020\n"
    "Central bank keeps its rate unchanged for now\n"
    "Economy17:05 Jan. 1, 2020\n"
    "Exports of tea rise for the third month\n"
    "Politics16:20 Dec. 31, 2019\n"
    "Governors meet over"
)


@pytest.mark.parametrize("tail", [TEASERS, DATED], ids=["blurbs", "dated"])
def test_a_list_of_other_stories_closing_the_page_is_chrome(tail):
    cleaned = clean_text(BODY + tail)
    assert cleaned.text.endswith("bans recruitment fees.")
    rules = {rule for _, _, rule in cleaned.removed}
    assert rules == {"story_list"} or rules == {"story_list", "menu_item"}


@pytest.mark.parametrize(
    "tail",
    [
        # two stories may be the body's own headings
        "Farmers protest over fertiliser prices\n"
        "ELDORET: Hundreds of maize farmers marched to the county offices on\n"
        "Court halts new housing levy\n"
        "NAIROBI: The High Court on Tuesday suspended the collection of the levy,\n",
        # a list of outcomes, each explained in a sentence: the body
        "Standard contracts for every worker\n"
        "The accord gives each worker a contract in a language the worker reads.\n"
        "No fees charged to workers\n"
        "Agencies that charge fees will lose their licence.\n"
        "A joint committee to follow up\n"
        "The committee meets twice a year to review complaints.\n",
        # signatures, each dated the same day: the declaration's own lines
        "Signed for the Government of Kenya by the Minister of Labour\n"
        "Nairobi, 1 May 2023\n"
        "Signed for the Government of Uganda by the Minister of Gender\n"
        "Kampala, 1 May 2023\n"
        "Witnessed by the Director of the Regional Office for East Africa\n"
        "Nairobi, 1 May 2023\n",
        # a hard-wrapped list closing the page: its lines carry on a sentence
        "The partners also agreed on the following steps for\n"
        "all agencies registered with the labour ministries of both countries and\n"
        "Joint inspections of recruitment agencies in the capital\n"
        "every quarter by officers of both ministries, with the results\n"
        "Complaints desks at both embassies for workers and their families\n"
        "staffed by labour attaches of the two governments, who will report to\n",
    ],
    ids=["two-stories", "outcomes", "signatures", "wrapped-list"],
)
def test_the_bodys_own_lines_stay(tail):
    cleaned = clean_text(BODY + tail)
    assert cleaned.text.endswith(tail.rstrip("\n").split("\n")[-1])
    assert "story_list" not in {rule for _, _, rule in cleaned.removed}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NAIROBI: The meteorological department has warned residents that", True),
        ("The High Court on Tuesday suspended the collection of the levy,", True),
        ("The High Court on Tuesday suspended the collection of the levy.", False),
        ("Court halts new housing levy", False),  # a headline, too short for a blurb
        ("Kenya and Uganda sign labour accord on domestic workers", False),  # no cut word
    ],
)
def test_a_blurb_cut_off_mid_sentence(line, expected):
    assert is_teaser(line, None) is expected


SIGNED = [
    "We call on the government to act now.",
    "Signed,",
    "The Asylum Seeker Help Group",
    "and",
    "• Refugee Welcome Circle",
    "Australian Council for International Development (ACFID)",
    "",
    "Share this page on social media to support the call.",
    "Migrant Workers Advocacy Group",
]


def test_the_lines_a_signing_line_lists_end_at_a_sentence():
    assert signer_lines(SIGNED) == [2, 4, 5]


@pytest.mark.parametrize(
    "line, name",
    [
        ("• Refugee Welcome Circle", "Refugee Welcome Circle"),
        (
            "Australian Council for International Development (ACFID)",
            "Australian Council for International Development",
        ),
        ("Global Horizons Inc.", "Global Horizons Inc."),
        ("John Smith, Chair of the Refugee Council", None),  # a person's entry
        ("We thank all our partners.", None),
        ("and many more", None),
        ("Farmers protest over fertiliser prices", None),  # a story's headline
    ],
)
def test_a_listed_line_holds_a_name(line, name):
    span = listed_name(line)
    assert (line[span[0] : span[1]] if span else None) == name


def test_people_listed_with_their_roles_are_no_bodies_list():
    assert signer_lines(["Signed by:", "", "• John Smith, Bishop of Croydon"]) == []


def test_a_signed_list_closing_a_page_stays_in_the_body():
    page = (
        BODY + "Signed,\nAmerican Friends of Refugees\nAsylum Help Group\nMigrant Rights Circle\n"
    )
    for clean in (clean_text, chrome_clean_text):
        assert clean(page, frozenset()).text.endswith("Asylum Help Group\nMigrant Rights Circle")


def test_a_closing_heading_ends_the_list_of_signers():
    lines = ["Signed,", "Asylum Help Group", "Notes to editors", "Migrant Rights Circle"]
    assert signer_lines(lines) == [1]


def test_chrome_after_a_signed_list_is_still_chrome():
    page = BODY + "Signed,\nAsylum Help Group\nMigrant Rights Circle\nPrivacy Policy\nContact Us\n"
    for clean in (clean_text, chrome_clean_text):
        assert clean(page, frozenset()).text.endswith("Asylum Help Group\nMigrant Rights Circle")


def test_a_story_list_after_a_signed_list_is_cut_off_below_it():
    page = BODY + "Signed,\nAsylum Help Group\nMigrant Rights Circle\n" + TEASERS
    cleaned = clean_text(page, frozenset())
    assert cleaned.text.endswith("Asylum Help Group\nMigrant Rights Circle")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("FAO Regional Office for Africa", True),
        ("Government of Republic of Moldova", True),
        ("UNHCR Regional Office", True),
        ("Ministry of Labour", False),  # a portfolio, no place, after its "of"
        ("Government of Ghana Signs MoU", False),  # a title-case headline
        ("Embassy of Japan Donates Ambulances", False),
        ("Ministry of Labour Signs Memorandum With Togo on Seasonal Workers", False),  # long
        ("Ministry of Labour signs memorandum", False),  # a verb in lower case
        ("Migration and Development", False),  # no body's head word
        ("Office", False),  # a lone word
    ],
)
def test_a_body_s_name_printed_over_the_page_is_a_masthead(line, expected):
    assert is_masthead(line) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Ama Owusu", "April 3, 2022 4:08 pm"], True),
        (["Ama Owusu", "Monday, 12 June 2023"], True),
        (["Ama Owusu", "2022-04-03"], True),
        (["Migration Network Meeting", "26 December 2017"], False),  # an event's name
        (["Addis Ababa", "12 June 2023"], False),  # the dateline's place
        (["Accra, Ghana", "April 3, 2022"], False),
        (["Kofi Mensah Ama", "12 June 2023 Geneva"], False),  # a place with the date
        (["Ama Owusu", "The ministers met on 12 June 2023."], False),
        (["Ghana signs MoU", "April 3, 2022"], False),  # a word in lower case
    ],
)
def test_a_name_over_a_bare_date_is_a_byline(lines, expected):
    assert byline_over_date(lines, 0) == expected
