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
        ("It was sent in January 2014.", [("January 2014", "2014-01")]),
        ("IOM has been present since 1996.", [("1996", "1996")]),
        ("On Friday (18 December), the launch.", [("18 December", "XXXX-12-18")]),
        ("Signed on 04/09/2020.", [("04/09/2020", "2020-09-04")]),
        ("Signed on 30/11.", [("30/11", "XXXX-11-30")]),
        ("Signed on 12/30/2020.", [("12/30/2020", "2020-12-30")]),
        ("the 2030 Agenda and COVID-19 and resolution 1244", []),
        ("2000 migrants were assisted", []),
        ("On 2021-11-25 the parties met.", [("2021-11-25", "2021-11-25")]),
    ],
)
def test_date_forms(text, expected):
    assert values(text) == expected


def test_yearless_date_takes_the_nearest_earlier_year():
    text = "On 25-26 November 2021, events. On 25 November, a conference. On 26 November, a vote."
    assert values(text)[1:] == [("25 November", "2021-11-25"), ("26 November", "2021-11-26")]


def test_date_columns():
    (mention,) = normalise_dates(find_dates("in January 2014"))
    assert mention.date_start == dt.date(2014, 1, 1)
    assert mention.date_end == dt.date(2014, 1, 31)
