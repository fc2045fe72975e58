import datetime as dt

import pytest

from pipeline.entities.dates import find_dates, normalise_dates


def values(text):
    return [(m.text, m.value) for m in normalise_dates(find_dates(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 25-26 November 2021, they met.", [("25-26 November 2021", "2021-11-25/2021-11-26")]),
        ("On June 2-3, 2014 a forum took place.", [("June 2-3, 2014", "2014-06-02/2014-06-03")]),
        ("Talks resume in mid-April 2016.", [("mid-April 2016", "2016-04")]),
        ("Early December 2023 saw a summit.", [("Early December 2023", "2023-12")]),
        ("The plan runs until the end of 2016.", [("end of 2016", "2016")]),
        ("A review is due in mid-2017.", [("mid-2017", "2017")]),
        ("At the end of May 5, 2020 they met.", [("May 5, 2020", "2020-05-05")]),
        ("On June 12 to 25 countries signed.", [("June 12", "XXXX-06-12")]),
        ("Between March 15 and 20 percent of workers left.", [("March 15", "XXXX-03-15")]),
        ("They reached the start of 2030 Agenda talks.", []),
        (
            "They met from 9 to 18 January 2019.",
            [("9 to 18 January 2019", "2019-01-09/2019-01-18")],
        ),
        (
            "They met on 27 and 28 September 2022.",
            [("27 and 28 September 2022", "2022-09-27/2022-09-28")],
        ),
        (
            "The visit ran from March 4 to 8, 2016.",
            [("March 4 to 8, 2016", "2016-03-04/2016-03-08")],
        ),
        ("On May 5 and 6, 2017 they met.", [("May 5 and 6, 2017", "2017-05-05/2017-05-06")]),
        ("They met on 3 & 4 June 2019.", [("3 & 4 June 2019", "2019-06-03/2019-06-04")]),
        ("Posted 3. 5. 2019 10:12 by the office.", [("3. 5. 2019", "2019-05-03")]),
        ("Items 1. 2. and 3. of the list.", []),
        ("The MoU was signed (March 20/2017) in Addis.", [("March 20/2017", "2017-03-20")]),
        ("The March 20/21 talks ended.", [("March 20", "XXXX-03-20")]),
        ("Posted 12. 13. 2015 by the office.", []),  # no thirteenth month: the day is first
        (
            "They met on 5 May and 7 June 2017.",
            [("5 May", "XXXX-05-05"), ("7 June 2017", "2017-06-07")],
        ),
        ("It was sent in January 2014.", [("January 2014", "2014-01")]),
        ("IOM has been present since 1996.", [("1996", "1996")]),
        ("On Friday (18 December), the launch.", [("18 December", "XXXX-12-18")]),
        ("Signed on 04/09/2020.", [("04/09/2020", "2020-09-04")]),
        ("Signed on 30/11.", [("30/11", "XXXX-11-30")]),
        ("Signed on 12/30/2020.", [("12/30/2020", "2020-12-30")]),
        ("the 2030 Agenda and COVID-19 and resolution 1244", []),
        ("2000 migrants were assisted", []),
        ("With 2021 as the worst year on record, more help is needed.", [("2021", "2021")]),
        ("The shelter opened with 2000 beds.", []),
        ("On 2021-11-25 the parties met.", [("2021-11-25", "2021-11-25")]),
        # a database's stamp with the month's name between dashes
        ("Posted to the union's website 25-Jun-2008", [("25-Jun-2008", "2008-06-25")]),
        ("Signed on 03-MAR-2019 in Doha.", [("03-MAR-2019", "2019-03-03")]),
        ("Case no. 12-May-20 was filed.", []),
        ("The House met on 21-12-2017 to debate it.", [("21-12-2017", "2017-12-21")]),
        ("Read pages 12-15 of the report.", []),
        (
            "The scheme runs from 1st October 2023 to 13th February 2025.",
            [("1st October 2023 to 13th February 2025", "2023-10-01/2025-02-13")],
        ),
        (
            "The scheme runs from October 1, 2023 to February 13, 2025.",
            [("October 1, 2023 to February 13, 2025", "2023-10-01/2025-02-13")],
        ),
        ("This year the forum turns to migration.", [("This year", "XXXX")]),
        ("Trade rose in the current year.", [("current year", "XXXX")]),
        (
            "The workshop took place from 15-17th of April 2015 in Johannesburg.",
            [("15-17th of April 2015", "2015-04-15/2015-04-17")],
        ),
        (
            "The course ran from the 18th to the 21st of November 2014.",
            [("18th to the 21st of November 2014", "2014-11-18/2014-11-21")],
        ),
        (
            "The scheme runs from 1 October 2023 to 13 February.",
            [("1 October 2023", "2023-10-01"), ("13 February", "2023-02-13")],
        ),
        (
            "NEW YORK, September 24, 2018 – 20 companies pledged support.",
            [("September 24, 2018", "2018-09-24")],
        ),
        ("Signed on Monday, May 13, 2019.", [("Monday, May 13, 2019", "2019-05-13")]),
        # a wire dateline's abbreviated month with no space before the day
        ("NEW DELHI, Jan.3 (IANS) India and Malaysia signed.", [("Jan.3", "XXXX-01-03")]),
        ("It was signed on Jan.3, 2024 in Delhi.", [("Jan.3, 2024", "2024-01-03")]),
        ("They signed it in March.30 migrants were returned.", []),  # a full month run on
        ("Returns resumed in Dec.3 flights left Palermo.", []),  # a sentence run on
        ("Document MAR.3/2024 was filed.", []),  # a code
        ("See file Jan.3.2 for details.", []),
        ("Abuja - On Tuesday 30 April, they met.", [("Tuesday 30 April", "XXXX-04-30")]),
        ("It follows an earlier 1996 agreement.", [("1996", "1996")]),
        # wire datelines print the month in capitals; lower case "may" / "march" are verbs
        ("NAPLES, MARCH 03 – A protocol was signed.", [("MARCH 03", "XXXX-03-03")]),
        ("YAREN, 05 SEPTEMBER 2018 (AGENCY) – They met.", [("05 SEPTEMBER 2018", "2018-09-05")]),
        ("Workers may 5 times a year march 3 miles.", []),
        ("They implement the 2030 Agenda.", []),
        ("Drought data (January-June 2023) show", [("January-June 2023", "2023-01/2023-06")]),
        ("held earlier this week (04/09) at the", [("04/09", "XXXX-09-04")]),
        ("in the second week of November", [("the second week of November", "XXXX-11")]),
        ("the agreement signed last year", [("last year", "XXXX")]),
        ("a portal will open in September this year", [("September this year", "XXXX-09")]),
        # the year after an "of", as translated releases write it
        ("The talks of March 3 of 2015 agreed", [("March 3 of 2015", "2015-03-03")]),
        ("signed on the 2nd of June of 2012 in Lima", [("2nd of June of 2012", "2012-06-02")]),
        # a day printed with a period, as German and Nordic pages do: only after a
        # dateline's cue, never a list's number or a sentence's end (whose month and year
        # stay a date of their own)
        ("Bern - 21. August 2019 - Ten NGOs call", [("21. August 2019", "2019-08-21")]),
        ("Vienna (13. October) - Ministers met", [("13. October", "XXXX-10-13")]),
        ("as set out in Article 3. May the parties", []),
        ("Arrivals rose to 24. March 2020 saw", [("March 2020", "2020-03")]),
        ("Bern, 21. August 2019: ten NGOs call", [("21. August 2019", "2019-08-21")]),
        ("The talks on 5. June 2020 agreed", [("5. June 2020", "2020-06-05")]),
        ("Steps:\n3. March for workers' rights", []),
    ],
)
def test_date_forms(text, expected):
    assert values(text) == expected


def test_yearless_date_takes_the_nearest_earlier_year():
    text = "On 25-26 November 2021, events. On 25 November, a conference. On 26 November, a vote."
    assert values(text)[1:] == [("25 November", "2021-11-25"), ("26 November", "2021-11-26")]


def test_a_release_dated_by_its_page_lends_its_year_to_dates_up_to_that_day():
    text = "On 2 June, a meeting. On 12 March last year, a vote. On 9 July, a plan."
    found = normalise_dates(
        find_dates(text),
        page_dated=dt.date(2024, 6, 5),
        followed_by_year=frozenset({text.index("12 March")}),
    )
    # "12 March last year" is no date of the release's year; 9 July is after the release
    assert [m.value for m in found] == ["2024-06-02", "XXXX-03-12", "XXXX-07-09"]


def test_a_release_dated_by_its_page_lends_no_year_past_a_stated_one():
    text = "On 2 June 2019, a meeting. On 3 June, a vote."
    found = normalise_dates(find_dates(text), page_dated=dt.date(2024, 6, 5))
    assert [m.value for m in found] == ["2019-06-02", "2019-06-03"]


def test_date_columns():
    (mention,) = normalise_dates(find_dates("in January 2014"))
    assert mention.date_start == dt.date(2014, 1, 1)
    assert mention.date_end == dt.date(2014, 1, 31)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("signed in June last year", ("June last year", "2023-06")),
        ("in February of this year", ("February of this year", "2024-02")),
        ("the first quarter of this year", ("the first quarter of this year", "2024-01/2024-03")),
        ("expected next year", ("next year", "2025")),
    ],
)
def test_relative_dates_resolve_against_the_release_year(text, expected):
    (mention,) = normalise_dates(find_dates(text), release_year=2024)
    assert (mention.text, mention.value) == expected


def test_a_relative_date_lends_no_year_to_later_dates():
    text = "Signed last year. On 5 May, the plan."
    found = normalise_dates(find_dates(text))
    assert [m.value for m in found] == ["XXXX", "XXXX-05-05"]


def test_the_release_year_comes_from_the_dateline_or_a_date_line():
    from pipeline.entities.release import release_year

    for text, year in [
        ("Headline\nNairobi, 29 July 2024 – The region met in June last year.", 2024),
        ("Headline\nPress release | 26 March 2015\nThe meeting last year.", 2015),
        ("Headline\nThe parties met in 2019 and again last year.", None),
    ]:
        assert release_year(text, find_dates(text)) == year, text


IMPOSSIBLE = [
    "on 29 February 2023",
    "on 32 December 2021",
    "on 25-3 May 2021",
    "on 31 June",
    "on 32 January",
    "on February 30",
    "on 30-2 May",
    "on 29/02/2021",
]


@pytest.mark.parametrize("text", IMPOSSIBLE)
def test_impossible_dates_keep_no_value(text):
    (mention,) = normalise_dates(find_dates(text))
    assert mention.value is None and mention.rule.endswith(".invalid_date")
    normalise_dates([mention])  # normalised twice (the release date, then the entities)
    assert mention.value is None and mention.rule.count(".invalid_date") == 1


@pytest.mark.parametrize("text", [*IMPOSSIBLE, "on 2024-13-45"])
def test_an_impossible_date_in_a_dateline_dates_no_release(text):
    from pipeline.entities.release import release_date, release_year

    release = (
        f"IOM and UNHCR sign agreement\nGeneva, {text.removeprefix('on ')} - IOM and UNHCR met."
    )
    found = find_dates(release)
    assert release_date(release) is None and release_year(release, found) is None
    assert all(m.value is None for m in found)  # the caller's mentions are left as found
