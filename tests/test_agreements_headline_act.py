"""An act a report tells only in its headline (``agreements.headline_act``), and the acts
the body names by a phrase the rules now read: "entered into an agreement", "a new joint
programme"; a statement headed alone, issued by the lead's bodies. Texts written for
these tests."""

import pytest

from pipeline.tables import doc_tables


def rows(parse, text):
    return doc_tables([parse(text)])["agreements"].to_dict("records")


def summary(row):
    return row["type"], sorted(row["parties"])


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Kenya And Uganda Launch Historic Partnership To Train Nurses\n"
            "Nurses trained in Accra will work in both countries from next year.",
            [("partnership", ["Kenya", "Uganda"])],
            id="title-case-headline-the-body-tells-in-other-words",
        ),
        pytest.param(
            "Migrants, Ghana and Togo sign agreement\n"
            "Migrants crossing the border will be registered at the main crossings.",
            [("agreement", ["Ghana", "Togo"])],
            id="headlinese-sign-agreement-after-a-word-that-is-no-side",
        ),
        pytest.param(
            "Ghana and Togo discuss partnership on nurses\n"
            "Nurses trained in Accra may work in both countries from next year.",
            [],
            id="a-verb-of-talking-reports-no-act",
        ),
        pytest.param(
            "Four Coastal States Sign Agreement To Open Borders\n"
            "Citizens will be able to travel freely from next year.",
            [],
            id="a-headline-naming-no-side",
        ),
        pytest.param(
            "IOM welcomes new partnership\nNurses trained in Accra will work abroad.",
            [],
            id="a-reacting-body-is-no-side",
        ),
    ],
)
def test_an_act_told_only_in_the_headline(parse, text, expected):
    assert [summary(r) for r in rows(parse, text)] == expected


def test_a_headline_act_takes_its_verb_s_status_and_the_words_after_it_as_its_name(parse):
    text = (
        "Kenya And Uganda Launch Historic Partnership To Train Nurses\n"
        "Nurses trained in Accra will work in both countries from next year."
    )
    [row] = rows(parse, text)
    assert (row["status"], row["name"]) == ("launched", "Historic Partnership")


@pytest.mark.parametrize(
    "title",
    [
        "Ghana And Togo Refuse To Sign Labour Agreement",
        "Why Ghana and Togo Should Sign a Labour Agreement",
        "Will Ghana and Togo sign a labour agreement?",
    ],
)
def test_a_headline_that_asks_or_denies_reports_no_act(parse, title):
    assert rows(parse, f"{title}\nThe talks on labour mobility went on in Accra.") == []


def test_an_act_the_headline_tells_is_one_act_when_the_body_tells_it_too(parse):
    text = (
        "Ghana And Togo Sign Agreement On Nurses\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed an agreement on nurses on Monday."
    )
    [row] = rows(parse, text)
    assert row["rule_id"] != "noun.agreement+headline"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Nurses agreement\nThe Norwegian Refugee Council and the International Labour "
            "Organization entered into a cooperation agreement on 3 May 2021.",
            [("agreement", ["International Labour Organization", "Norwegian Refugee Council"])],
            id="entered-into-an-agreement",
        ),
        pytest.param(
            "Talks\nGhana and Togo entered into talks on a labour partnership.",
            [],
            id="entered-into-talks-is-no-act",
        ),
        pytest.param(
            "Agreement\nThe agreement between Ghana and Togo was drafted in 2019 but has not "
            "been signed.",
            [],
            id="drafted-but-not-signed",
        ),
        pytest.param(
            "Nurses agreement\nThe agreement between Ghana and Togo entered into force on "
            "3 May 2021.",
            [],
            id="entered-into-force-is-no-signing",
        ),
        pytest.param(
            "Agreement\nOn 24 May 2016, the Collaboration Agreement was updated and signed "
            "between the Norwegian Refugee Council and the International Labour Organization.",
            [("agreement", ["International Labour Organization", "Norwegian Refugee Council"])],
            id="an-agreement-updated-and-signed",
        ),
        pytest.param(
            "Union deal\nThe International Transport Workers' Federation secured a collective "
            "bargaining agreement with the shipping companies.",
            [("agreement", ["International Transport Workers' Federation"])],
            id="a-union-secured-an-agreement",
        ),
        pytest.param(
            "Agreement\nThe agreement between Ghana and Togo was drafted and discussed in Accra.",
            [],
            id="drafted-and-discussed-reports-no-signing",
        ),
        pytest.param(
            "Women workers\nThe European Union and the International Labour Organization are "
            "launching a new joint programme to protect women migrant workers.",
            [("partnership", ["European Union", "International Labour Organization"])],
            id="a-joint-programme-launched",
        ),
        pytest.param(
            "Labour migration in Africa\nThe ILO and the IOM signed a memorandum of "
            "understanding to implement the Joint Programme on Labour Migration.",
            [
                (
                    "memorandum",
                    [
                        "International Labour Organization",
                        "International Organization for Migration",
                    ],
                )
            ],
            id="a-named-joint-programme-is-an-existing-one",
        ),
    ],
)
def test_acts_the_body_names_by_a_phrase(parse, text, expected):
    assert [summary(r) for r in rows(parse, text)] == expected


def test_a_communique_s_issuers_are_the_lead_s_subjects_past_a_date_line(parse):
    text = (
        "Communique of the Annual Meeting\n"
        "12 May 2021\n"
        "The International Labour Organization and the African Union held their annual "
        "meeting in Accra."
    )
    [row] = rows(parse, text)
    assert summary(row) == (
        "joint_statement",
        ["African Union", "International Labour Organization"],
    )


def test_a_statement_of_one_body_is_no_joint_act(parse):
    text = (
        "An International Statement for Migrants Day\n"
        "Today, Migrants Rights International calls upon all states to protect migrants."
    )
    assert rows(parse, text) == []


def signers(parse, text):
    return [[s["name"] for s in r["signatories"]] for r in rows(parse, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Migration deal\nA memorandum of understanding on migration was signed today in "
            "Rome between the Italian Minister of Labour, Giorgia Rossi, and the Minister of "
            "Labour of Albania, Arben Hoxha.",
            [["Giorgia Rossi", "Arben Hoxha"]],
            id="signed-between-two-people",
        ),
        pytest.param(
            "Migration deal\nA memorandum of understanding between Italy and Albania was "
            "signed today in Rome, said the Italian Minister of Labour, Giorgia Rossi.",
            [[]],
            id="a-speaker-after-signed-between-two-states-is-no-signer",
        ),
        pytest.param(
            "Migration deal\nUNHCR and European University Cyprus signed a Memorandum of "
            "Understanding on Monday. The Vice Rector of the University, Professor Andreas "
            "Petrou, who signed the Memorandum on behalf of the University, said it was a "
            "good day.",
            [["Andreas Petrou"]],
            id="who-signed-on-behalf-of",
        ),
        pytest.param(
            "Migration deal\nThe deal was inked between Cambodian Secretary of State Sok "
            "Chanda and Thai Deputy Minister Anan Sornchai in Bangkok on Friday.",
            [["Sok Chanda", "Anan Sornchai"]],
            id="a-deal-inked-between-two-people",
        ),
    ],
)
def test_who_signed(parse, text, expected):
    assert signers(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Migration\nA great deal of work was signed off by the two ministries in May.",
        "Ministers Meet to Deal With Migration Crisis\nThe ministers of Ghana and Togo met.",
        "Morocco Signs Up to EU Green Deal Goals\nThe ministers of Morocco met in Rabat.",
    ],
)
def test_a_great_deal_or_a_title_s_verb_deal_is_no_act(parse, text):
    assert rows(parse, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Joint Commitment to Address Irregular Migration\n"
            "June 5, 2023\n"
            "On April 11, 2023, the governments of Kenya, Uganda and Tanzania held a meeting "
            "in Nairobi.",
            [("joint_statement", ["Kenya", "Tanzania", "Uganda"])],
            id="a-joint-commitment-headed-alone-by-the-lead-s-governments",
        ),
        pytest.param(
            "Nairobi and Addis Ababa Joint City Pledge to Advance Refugee Inclusion\n"
            "The two cities commit to partner on refugee inclusion.",
            [("joint_statement", ["Addis Ababa", "Nairobi"])],
            id="two-cities-ahead-of-a-joint-pledge-issue-it",
        ),
        pytest.param(
            "Lyon Joint Pledge to Include Refugees\nLyon will open two centres.",
            [],
            id="one-city-names-the-text-and-issues-no-joint-act",
        ),
    ],
)
def test_a_joint_text_headed_by_its_title(parse, text, expected):
    assert [summary(r) for r in rows(parse, text)] == expected
