"""Where the meeting that adopted an act took place (``agreements.venues``): a
declaration, statement or action plan adopted at a meeting a release places in another
sentence. Texts written for these tests."""

import pytest

from pipeline.tables import doc_tables


def places(parse, text: str) -> list[str | None]:
    rows = doc_tables([parse(text)])["agreements"].to_dict("records")
    return [r["place"] if r["place"] == r["place"] else None for r in rows]  # NaN: None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "Ministers adopt declaration on labour mobility\n"
            "The Third Ministerial Conference of the Sahel Dialogue took place in Niamey on "
            "4 May 2023. The ministers adopted the Niamey Declaration on labour mobility.",
            "Niamey",
            id="a-conference-took-place-in-a-town",
        ),
        pytest.param(
            "Mayors call for safe migration\n"
            "More than forty mayors gathered in Lisbon on 3 June 2021. They adopted a joint "
            "statement on the reception of refugees.",
            "Lisbon",
            id="mayors-gathered-in-a-town",
        ),
        pytest.param(
            "Unions adopt action plan\n"
            "Trade unions of five countries met in Kampala on 10 March 2022 and adopted an "
            "action plan on the recruitment of migrant workers.",
            "Kampala",
            id="unions-met-in-a-town-in-the-act-s-sentence",
        ),
        pytest.param(
            "Regional summit ends\n"
            "The regional summit held in Dakar on 2 April 2024 closed with a declaration on "
            "free movement adopted by the heads of state.",
            "Dakar",
            id="a-summit-held-in-a-town",
        ),
        pytest.param(
            "Ministers adopt declaration\n"
            "The ministers adopted a declaration on return on 4 May 2023. Earlier, the heads of "
            "state met at the summit in Rome on 10 June 2019.",
            None,
            id="a-meeting-of-another-year-is-another-meeting",
        ),
        pytest.param(
            "Ministers adopt declaration\n"
            "The ministers adopted a declaration on return on 4 May 2023. The minister also "
            "attended the Regional Meeting on Labour Mobility in Paris.",
            None,
            id="a-meeting-attended-on-a-trip-is-another",
        ),
        pytest.param(
            "NGOs issue joint statement\n"
            "Thirty NGOs issued a joint statement on asylum on 4 May 2023, ahead of the "
            "summit in Brussels.",
            None,
            id="a-meeting-to-come-is-not-where-the-act-was-adopted",
        ),
        pytest.param(
            "Ghana and Togo sign memorandum\n"
            "Ghana and Togo signed a memorandum of understanding on labour migration on 4 May "
            "2023. The ministers had met in Lome on 2 May 2023.",
            None,
            id="a-memorandum-is-signed-not-adopted-at-a-meeting",
        ),
        pytest.param(
            "Ghana and Togo sign memorandum\n"
            "The joint labour committee of Ghana and Togo met in Lome on Monday. At the "
            "conclusion of the meeting, Ghana and Togo signed a memorandum of understanding on "
            "labour migration.",
            "Lome",
            id="a-memorandum-signed-at-the-end-of-the-meeting-takes-its-town",
        ),
        pytest.param(
            "Ghana and Togo sign memorandum\n"
            "The joint labour committee of Ghana and Togo met in Lome on Monday. At the end of "
            "a meeting next year, Ghana and Togo will sign a memorandum on labour migration.",
            None,
            id="a-memorandum-at-the-end-of-another-meeting",
        ),
        pytest.param(
            "Ghana and Togo sign memorandum\n"
            "The ministers of Ghana and Togo met in Lome on Monday. Ghana and Togo signed a "
            "memorandum of understanding on labour migration, which had been discussed during "
            "the meeting.",
            None,
            id="a-memorandum-discussed-during-the-meeting-was-not-signed-there",
        ),
        pytest.param(
            "Ministers adopt declaration\n"
            "The ministers adopted a joint declaration on migration on 4 May 2023. The next "
            "meeting will take place in Rome.",
            None,
            id="the-next-meeting-is-not-where-the-act-was-adopted",
        ),
        pytest.param(
            "Ministers adopt declaration\n"
            "The ministers adopted a joint declaration on migration on 4 May 2023. They agreed "
            "to meet again in Rome.",
            None,
            id="a-meeting-agreed-on-is-still-to-come",
        ),
        pytest.param(
            "Ministers adopt declaration\n"
            "The ministers adopted a joint declaration on migration on 4 May 2023. The "
            "ministers will meet in Rome in November.",
            None,
            id="a-meeting-that-will-be-is-still-to-come",
        ),
    ],
)
def test_an_act_adopted_at_a_meeting_takes_the_meeting_s_town(parse, text, place):
    assert places(parse, text) == [place]


def test_an_act_adopted_at_a_meeting_takes_the_meeting_s_date_too(parse):
    text = (
        "Ministers adopt declaration on labour mobility\n"
        "The Third Ministerial Conference of the Sahel took place in Niamey on 4 May 2023. "
        "The ministers adopted a declaration on labour mobility and an action plan 2023-2027."
    )
    rows = doc_tables([parse(text)])["agreements"].to_dict("records")
    assert [(r["place"], r["date"]) for r in rows][:1] == [("Niamey", "2023-05-04")]
