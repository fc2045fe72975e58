"""The dateline reader (pipeline/nlp/text.py) on datelines of several sites' styles."""

import re

import pytest

from pipeline.nlp.text import Within, coverage, find_dateline, has_headline, whole_words


@pytest.mark.parametrize(
    "text, places, rest",
    [
        ("Headline\nAccra, 12 March 2024 – IOM and GIS signed.", "Accra", ", 12 March 2024"),
        ("Headline\nKyiv — The parties met.", "Kyiv", None),
        ("Headline\nGeneva/Brussels – On 8 May, they signed.", "Geneva/Brussels", None),
        ("Headline\nSAN JOSE (14 Mar 2021) - The agencies signed.", "SAN JOSE", "14 Mar 2021"),
        ("Headline\n29 July 2024, Nairobi – The region marks.", "Nairobi", "29 July 2024"),
        ("Headline\nKakuma refugee camp, Kenya – UNHCR said.", "Kakuma refugee camp", ", Kenya"),
        ("Headline\nISLAMABAD, Jan 5: The two sides signed.", "ISLAMABAD", ", Jan 5"),
        ("Headline\nDhaka, May 6 -- The two sides signed.", "Dhaka", ", May 6"),
        ("Headline\nACCRA, May 3 (GNA): The two sides signed.", "ACCRA", ", May 3"),
        ("Headline\nLahore, (Daily Courier) : The MOU was signed.", "Lahore", "Daily Courier"),
        # run into the first sentence, on a line of its own, a place with a particle
        (
            "Headline\nLima / Quito, 4 March 2021 The two ministries signed.",
            "Lima / Quito",
            ", 4 March 2021",
        ),
        (
            "Headline\nSan Juan de Dios, Feb 3 (Latina News) The two sides signed.",
            "San Juan de Dios",
            ", Feb 3",
        ),
        (
            "Headline\nDOHA, (Gulf Wire / QNA - 3rd May, 2020) The MoU was signed.",
            "DOHA",
            "Gulf Wire / QNA - 3rd May, 2020",
        ),
        (
            "Headline\nAlmaty, Kazakhstan, March 2\nBy A. Writer\nThe sides signed.",
            "Almaty",
            ", Kazakhstan, March 2",
        ),
        ("Headline\nLisbon, 4 March 2023: The two sides signed.", "Lisbon", ", 4 March 2023"),
        # place names with diacritics, also on their capital
        ("Headline\nChișinău, 14 March 2023 – IOM signed.", "Chișinău", ", 14 March 2023"),
        (
            "Headline\nÎle-de-France, 2 May 2023 – The region signed.",
            "Île-de-France",
            ", 2 May 2023",
        ),
        ("Headline\nÖrebro – The city signed.", "Örebro", None),
        # a dash glued to the first word, a wire's place and date ended by a full stop, and
        # colons after the place and the date
        ("Headline\nTEHRAN –The head of the agency signed.", "TEHRAN", None),
        ("Headline\nMANILA, Philippines —Western Union signed.", "MANILA", ", Philippines"),
        (  # a dated place with the dash glued to both sides
            "Headline\nRabat, 21 January 2011—The agency and the ministry signed.",
            "Rabat",
            ", 21 January 2011",
        ),
        ("Headline\nLima, March 3, 2019–“We signed,” she said.", "Lima", ", March 3, 2019"),
        (
            "Headline\nTASHKENT, Uzbekistan, September 18. The director met the envoy.",
            "TASHKENT",
            ", Uzbekistan, September 18",
        ),
        (
            "Headline\nNew Delhi: August 18, 2022: On 17 August, IOM signed.",
            "New Delhi",
            "August 18, 2022",
        ),
        (  # no headline: the page opened with its first paragraph
            "Lisbon, 4 March: The two ministries have agreed on closer cooperation on the "
            "return of migrants through a memorandum that was signed on Tuesday.\nMore text.",
            "Lisbon",
            ", 4 March",
        ),
        (
            "Headline\nThe minister and the director sign the plan. Photo: UNDP\n"
            "Dakar, 3 May 2022 - The two sides agreed.",
            "Dakar",
            ", 3 May 2022",
        ),
        ("Headline\nMarch 4 2022 Kampala\nThe two sides agreed.", "Kampala", "March 4 2022"),
        # a wire's capitals that a colon ends, also on a line of their own
        ("Headline\nDOHA: Qatar and Nepal signed a memorandum.", "DOHA", None),
        ("Headline\nKUALA LUMPUR:\nTwo NGOs called on the government.", "KUALA LUMPUR", None),
        # and the country in brackets with a full stop
        ("Headline\nSOUSSE (Tunisia). The two ministers signed.", "SOUSSE", "Tunisia"),
        (  # a wire's "COUNTRY: headline" yields to the dated dateline below it
            "Asia, Labour, Trade\nSRI LANKA: Unions Strike a Deal\nA. Writer\n"
            "COLOMBO, May 8 2009 (IPS) - Trade unions met.",
            "COLOMBO",
            ", May 8 2009 (IPS)",
        ),
        (  # a colon dateline over a line with a dash that is no dateline
            "Headline\nDOHA: Qatar and Nepal signed.\nMinister Ali Khan – who led the talks – "
            "called it historic.",
            "DOHA",
            None,
        ),
        (  # the headline printed again and summary bullets do not count as lines
            "Two banks sign MoU\nTwo banks sign MoU\n• It widens access\n• It lowers fees\n"
            "A line of the lead.\nACCRA, Ghana – The banks signed.",
            "ACCRA",
            ", Ghana",
        ),
    ],
)
def test_datelines_of_several_styles(text, places, rest):
    found = find_dateline(text)
    assert found is not None
    assert text[found.places[0] : found.places[1]] == places
    assert (text[found.rest[0] : found.rest[1]] if found.rest else None) == rest


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nThe agencies signed a memorandum in Dakar on 3 May.",
        "Only a headline – with a dash",
        "Headline\nLine one.\nLine two.\nLine three.\nAccra – too far down the page.",
        "Headline\nRescue workers said, UNHCR – the boats were late.",
        "Headline\nThe Ministry, Department of Labour: a note on the talks.",
        "Accra, 3 May: ministers signed.\nThe headline-shaped first line is no dateline.",
        "Headline\nNepal, India and China signed a deal in 2019 and more.",
        "Headline\nMarch 4 2022 Kampala talks resumed on Monday in the city.",
        "Headline\nGeneva, the city of peace, hosted the talks on 3 May 2021.",
        "Headline\nKenya-Uganda Border talks resumed on Monday.",
        "Headline\nKenya –uganda trade grew.",
        "Headline\nMinister Kofi Mensah, Ghana, 12 March. The EU signed.",
        "Headline\nPRESS RELEASE: 18 August 2022: IOM signed.",
        "Headline\nJoint Statement: 3 March 2022: The ministers met.",
        "Headline\nKenya, Uganda –Tanzania border talks resumed.",
        "Headline\nUN Women –The agency signed.",
        "Headline\nMinister Ana Lopez, 3 May 2021—the day of the talks.",
        "Headline\nAccra, 3 May 2021—a date the city keeps.",
        # capitals and a colon that name no place are a label, a body, or a small town's
        # name no wire would lead with
        "Headline\nUPDATE: The two ministries signed a memorandum.",
        "Media advisory\nDATE: Monday, 12 March 2024",
        "Headline\nILO: Migrant workers face new risks",
        "Headline\nUNION: The members voted.",
        # summary bullets are not counted, but only so many lines are read
        "Headline\nSummary\n• a\n• b\n• c\n• d\n• e\n• f\nGeneva – far down the page.",
        "Headline\nWATCH:\nThe two ministries signed a memorandum.",
        "Headline\nMEDIA ADVISORY (Geneva). The ministers meet.",
        # a line that repeats the headline's words but is not the headline still counts
        "Banks sign\nBanks sign MoU\nLine two.\nLine three.\nAccra – too far down.",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_each_place_of_a_multi_city_dateline():
    text = "Headline\nGeneva/Brussels – On 8 May, they signed."
    found = find_dateline(text)
    assert [text[a:b] for a, b in found.place_names(text)] == ["Geneva", "Brussels"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IOM and Ghana sign MoU\nBody.", True),
        ("IOM signs MoU.\nBody.", True),
        (
            "Geneva, 3 May: IOM and the Government of Ghana have agreed on closer cooperation on "
            "labour migration through a memorandum that was signed today.\nBody.",
            False,
        ),
    ],
)
def test_a_long_first_line_ending_in_a_full_stop_is_no_headline(text, expected):
    assert has_headline(text) is expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (10, 20, True),
        (5, 12, False),
        (30, 45, True),
        (28, 50, True),
        (22, 30, False),
        (60, 61, False),
    ],
)
def test_within_ranges_overlapping_ranges_taken_together(start, end, expected):
    within = Within([(40, 50), (10, 20), (25, 42)])
    assert within(start, end) is expected


def test_coverage_marks_every_character_of_the_ranges():
    cover = coverage([(2, 4), (6, 7)], 8)
    assert list(cover) == [0, 0, 1, 1, 0, 0, 1, 0]
    assert any(cover[3:6]) and not any(cover[4:6])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Task Force met; the Task Force Team too.", ["Task Force Team", "Task Force"]),
        ("pre-Task Force, Task Force_1, Task Forces, (Task Force)", ["Task Force"]),
        ("Ana Vake and Ana Vake-Lee: Ana Vake", ["Ana Vake-Lee", "Ana Vake"]),
        ("ab ab ab", ["ab ab"]),  # not overlapping: the second starts after the first
        ("Café Union Café Union²", ["Café Union"]),
        ("", ["x y"]),
    ],
)
def test_whole_words_finds_what_the_regex_of_the_names_finds(text, names):
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    expected = [(m.start(), m.end(), m.group(0)) for m in regex.finditer(text)]
    assert whole_words(text, names) == expected
