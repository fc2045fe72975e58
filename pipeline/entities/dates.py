"""Find calendar dates in text and normalise them to ISO 8601.

Values: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ranges ``A/B`` and ``XXXX-MM-DD``
when the year is not stated. A yearless date takes the year of the nearest
earlier date in the same text that states one.

Why our own patterns rather than ``dateparser`` for finding dates: press
releases use a handful of forms ("25-26 November 2021", "June 2-3, 2014",
"18 December", "30/11"), ranges and yearless dates must keep their
uncertainty (``dateparser`` fills a missing year with the current one and
does not parse ranges), and numbers inside names ("2030 Agenda",
"COVID-19", "Resolution 1244") must be rejected from context. Month names
come from the standard library's ``calendar`` tables.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..nlp.text import ABBREVIATED_MONTHS

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# Title case, or capitals as wire datelines print them ("NAPLES, MARCH 03 –"); not lower
# case, where "may" and "march" are verbs
MONTH = rf"(?P<{{}}>{MONTH_NAMES}|{MONTH_NAMES.upper()})\.?"
DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "Monday, May 13, 2019"
ORDINAL = r"(?P<{}>first|second|third|fourth|last|1st|2nd|3rd|4th)"
# "This year" opens a sentence; "the current year" is this one
RELATIVE = r"(?P<rel>this|last|next|current|This|Last|Next|Current)\s+year"
YEAR = r"(?P<{}>(?:19|20)\d\d)"
DASH = r"\s*[-–—]\s*"
TO = rf"(?:{DASH}|\s+(?:to|until|till|through)\s+)"
AND = r"\s+(?:and|&)\s+"  # two days of one month: "27 and 28 September", "May 5 & 6"
# "25-26 November 2021", "25 November - 2 December 2021", "9 to 18 January", "27 and 28
# September", "1st October 2023 to 13th February 2025", "15-17th of April 2015", "18th to
# the 21st of November 2014"
DAY_RANGE_MONTH_YEAR = re.compile(
    rf"\b{DAY.format('d1')}(?:(?:\s+{MONTH.format('m1')}(?:,?\s+{YEAR.format('y1')})?)?{TO}(?:the\s+)?|{AND}){DAY.format('d2')}\s+(?:of\s+)?{MONTH.format('m2')}(?:,?\s+{YEAR.format('y')})?\b"
)
# "June 2-3, 2014", "June 30 - July 2, 2014", "January 9 to 18", "May 5 and 6",
# "October 1, 2023 to February 13, 2025"
MONTH_DAY_RANGE_YEAR = re.compile(
    rf"\b{MONTH.format('m1')}\s+{DAY.format('d1')}(?:(?:,?\s+{YEAR.format('y1')})?{TO}(?:{MONTH.format('m2')}\s+)?|{AND}){DAY.format('d2')}(?!\d)(?:,?\s+{YEAR.format('y')})?\b"
)
# "1st of April of 2008", "September 15 of 2010": the year after an "of" too; "March
# 20/2017", as Ethiopian pages print it, after a slash
OF_YEAR = rf"(?:(?:/|,?\s+(?:of\s+)?){YEAR.format('y')})?"
DAY_MONTH_YEAR = re.compile(
    rf"\b{WEEKDAY}{DAY.format('d')}\s+(?:of\s+)?{MONTH.format('m')}{OF_YEAR}\b"
)
# "21. August 2019", "Luxembourg (13. October)": a day printed with a period, as in German
# and Scandinavian pages' datelines (``accept`` asks for a dateline's cue before it)
FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
DOTTED_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>[0-3]?\d)\.\s+(?P<m>{FULL_MONTHS})(?:,?\s+{YEAR.format('y')})?\b"
)
MONTH_DAY_YEAR = re.compile(rf"\b{WEEKDAY}{MONTH.format('m')}\s+{DAY.format('d')}(?!\d){OF_YEAR}\b")
# "Jan.3", "Sept.11, 2024", as wire datelines print them: an abbreviated month in title
# case, its period and the day with no space; not a full month run into the next sentence
# ("in March.30 migrants were ..."), a code in capitals ("MAR.3/2024") or a number after
# it ("Jan.3.2")
COMPACT_MONTH_DAY = re.compile(
    rf"\b(?P<m>{ABBREVIATED_MONTHS})\.(?P<d>[0-3]?\d)(?![\d/]|\.\d)"
    rf"(?:,?\s+{YEAR.format('y')}\b|\b(?!\s+[a-z]))"
)
# "25-Jun-2008", "03-MAR-2019": a database's stamp, the month's name between dashes
DASHED_DATE = re.compile(
    rf"(?<![\w-])(?P<d>[0-3]?\d)-(?P<m>{MONTH_NAMES}|{MONTH_NAMES.upper()})-{YEAR.format('y')}(?![\w-])"
)
# "January-June 2023"
MONTH_RANGE_YEAR = re.compile(
    rf"\b{MONTH.format('m1')}{DASH}{MONTH.format('m2')},?\s+{YEAR.format('y')}\b"
)
# "mid-December", "early June 2014", "end of 2016": a part of a month or year, valued as it
PART = r"(?i:mid-|mid\s+|early\s+|late\s+|(?:end|beginning|start|middle)\s+of\s+)"
NO_DAY_AFTER = r"(?![ \t]+\d{1,2}(?:st|nd|rd|th)?\b)"  # "end of May 5, 2020" is a day's date
PART_OF_MONTH = re.compile(
    rf"(?<![\w-]){PART}{MONTH.format('m')}{NO_DAY_AFTER}(?:,?\s+{YEAR.format('y')})?\b"
)
PART_OF_YEAR = re.compile(rf"(?<![\w-]){PART}{YEAR.format('y')}(?![\w-])")
# "last year", "June last year", "February of this year": resolved against the release date
MONTH_RELATIVE_YEAR = re.compile(rf"\b(?:{MONTH.format('m')}\s+(?:of\s+)?)?{RELATIVE}\b")
# "the first quarter of this year", "the second quarter of 2023"
QUARTER = re.compile(
    rf"\bthe\s+{ORDINAL.format('q')}\s+quarter\s+of\s+(?:{RELATIVE}|{YEAR.format('y')})\b"
)
# "the second week of November"
WEEK_OF_MONTH = re.compile(
    rf"\bthe\s+{ORDINAL.format('w')}\s+week\s+of\s+{MONTH.format('m')}(?:,?\s+{YEAR.format('y')})?\b"
)
MONTH_YEAR = re.compile(rf"\b{MONTH.format('m')},?\s+{YEAR.format('y')}\b")
ISO_DATE = re.compile(
    r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?![\d/]|[.-]\d)"
)
# "2018 12 07": the year first, spaced, as a line of its own
SPACED_ISO_DATE = re.compile(
    r"(?m)^(?P<y>(?:19|20)\d\d) (?P<m>0[1-9]|1[0-2]) (?P<d>0[1-9]|[12]\d|3[01])(?=[ \t]*$)"
)
# "04/09/2020", "30/11", "21-12-2017" (with dashes only with its year: "12-15" is a range)
NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?:(?P=sep)(?P<y>(?:19|20)\d\d))?"
    r"(?![\d/])(?!\.\d)(?!-\d)"
)
# "15. 10. 2015": a day and month with a space after each dot (Czech, Slovak, German
# sites, which write the day first), only with its year
SPACED_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<a>0?[1-9]|[12]\d|3[01])\. (?P<b>0?[1-9]|1[0-2])\. (?P<y>(?:19|20)\d\d)(?!\d)"
)
BARE_YEAR = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)(?![\w-])")
YEAR_RANGE = re.compile(r"(?<![\w-])(?P<y1>(?:19|20)\d\d)[-–](?P<y2>(?:19|20)\d\d)(?![\w-])")

# a bare year counts when a preposition or bracket introduces it
YEAR_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|to|from|during|before|after|for|through|between|and|with|early|late|mid|year|end of|spring|summer|autumn|fall|winter)\s+|[(,]\s*)$",  # noqa: E501
    re.IGNORECASE,
)
# a determiner or "earlier" before a year and a common noun after it make it the year of
# what follows ("an earlier 1996 agreement"); a capitalised word after it makes a name
# ("the 2030 Agenda")
YEAR_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|an?|its|their|that|earlier|previous|former)\s+$", re.IGNORECASE
)
# ...and not when it is the first word of a name ("2030 Agenda") or a count ("2000 migrants")
NAME_AFTER_YEAR = re.compile(r"^\s+(?:[A-Z][a-z]|[a-z]+s\b|[a-z]+\b(?!\s))")
# the second "day" of a range joined by a word counts something: "June 12 to 25 countries"
COUNT_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent\b|(?!(?:in|at|on|and|or|to|the|with|for|by|from|when|where|during|"
    r"as|while|was|were|is|are|will|has|have|had|of|under|between|this|that|last|next|"
    r"respectively|inclusive|both)\b)[a-z])"
)


DAYS_BY_DASH = re.compile(r"\d\s*[-–—]\s*\d")


def counts_after(match: re.Match[str], after: str) -> bool:
    joined_by_word = not DAYS_BY_DASH.search(match.group(0))
    return joined_by_word and COUNT_AFTER.match(after) is not None


NUMERIC_CUE_BEFORE = re.compile(
    r"(?:\b(?:on|from|until|till|by|since|of|dated|and|to)\s+|\(\s*)$", re.IGNORECASE
)

PATTERNS = (
    ("date.quarter", QUARTER),
    ("date.week_of_month", WEEK_OF_MONTH),
    ("date.day_range", DAY_RANGE_MONTH_YEAR),
    ("date.month_day_range", MONTH_DAY_RANGE_YEAR),
    ("date.month_range", MONTH_RANGE_YEAR),
    ("date.part_of_month", PART_OF_MONTH),
    ("date.part_of_year", PART_OF_YEAR),
    ("date.iso", ISO_DATE),
    ("date.iso_spaced", SPACED_ISO_DATE),
    ("date.dashed", DASHED_DATE),
    ("date.day_month_year", DAY_MONTH_YEAR),
    ("date.dotted_day_month_year", DOTTED_DAY_MONTH_YEAR),
    ("date.month_day_year", MONTH_DAY_YEAR),
    ("date.compact_month_day", COMPACT_MONTH_DAY),
    ("date.month_year", MONTH_YEAR),
    ("date.relative_year", MONTH_RELATIVE_YEAR),
    ("date.year_range", YEAR_RANGE),
    ("date.numeric", NUMERIC_DATE),
    ("date.numeric_spaced", SPACED_DOTTED_DATE),
    ("date.year", BARE_YEAR),
)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    rule: str
    value: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None


def month_number(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(name.lower().rstrip("."))


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February passes
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[DateMention]:
    """Calendar expressions in ``text``, longest first, not overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for rule, regex in PATTERNS:
        for match in regex.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if not accept(rule, match, text):
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, match.group(0), rule))
    found.sort(key=lambda m: m.start)
    return found


DATELINE_CUES = ("(", "-", "–", "—", "/", ",")  # "Bern - 21. August", "(13. October)"


def accept(rule: str, match: re.Match[str], text: str) -> bool:
    before = text[max(0, match.start() - 25) : match.start()]
    after = text[match.end() : match.end() + 20]
    if rule == "date.year":
        if YEAR_DETERMINER_BEFORE.search(before) and re.match(r"^\s+[a-z]", after):
            return True  # "an earlier 1996 agreement"; not "the 2030 Agenda", a name
        if NAME_AFTER_YEAR.match(after) and not re.match(
            r"^\s+(?:and|to|or|until|till|in|when|the|all|a|an|as|was|is|has|had|marks)\b", after
        ):
            return False
        return bool(YEAR_CUE_BEFORE.search(before)) or before.rstrip().endswith("(")
    if rule == "date.part_of_year" and NAME_AFTER_YEAR.match(after):
        return False  # "by the start of 2030 Agenda"
    if rule == "date.month_day_range" and match.group("y1") and not match.group("m2"):
        return False  # "September 24, 2018 – 20 companies announced": a count, no range
    ranged = rule in ("date.day_range", "date.month_day_range")
    if ranged and match.group("y1") and not match.group("y"):
        return False  # "1 October 2023 to 13 February": two dates, the first's year known
    if rule == "date.month_day_range" and not match.group("y") and counts_after(match, after):
        return False  # "On June 12 to 25 countries signed", "between March 15 and 20 percent"
    if rule == "date.numeric":
        if match.group("sep") == "-" and not match.group("y"):
            return False
        a, b = int(match.group("a")), int(match.group("b"))
        if not (valid_day(None, b, a) or valid_day(None, a, b)):
            return False
        return bool(match.group("y")) or bool(NUMERIC_CUE_BEFORE.search(before))
    if rule == "date.dotted_day_month_year":
        cue = before.rstrip()
        if not (cue.endswith(DATELINE_CUES) or re.search(r"\bon$", cue, re.IGNORECASE)):
            return False  # "rose to 24. March 2020 saw", a list's "3. March": no dateline
        if not match.group("y") and not re.match(r"^\s*[)–—-]", after):
            return False  # "in section 3. May we": a yearless dotted day only in a dateline
    if rule in ("date.day_month_year", "date.month_day_year") and not match.group("y"):
        # "May" is also a verb: a yearless "may 5" needs a capital
        month = match.group("m")
        if month.lower() == "may" and not month[0].isupper():
            return False
    return True


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = f"{year:04d}" if year else "XXXX"
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


RELATIVE_RULES = ("date.relative_year", "date.quarter")
INVALID = ".invalid_date"  # the rule's suffix on a date the calendar lacks
YEAR_OFFSET = {"this": 0, "current": 0, "last": -1, "next": 1}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINALS |= {"4th": 4, "last": 4}


def relative_year(g: dict, release_year: int | None) -> int | None:
    """ "this year", "last year": the release's year moved by the offset, else unknown."""
    if g.get("y"):
        return int(g["y"])
    if release_year is None:
        return None
    return release_year + YEAR_OFFSET[g["rel"].lower()]


DAY_RULES = (
    "date.day_month_year",
    "date.dotted_day_month_year",
    "date.month_day_year",
    "date.compact_month_day",
    "date.iso",
    "date.iso_spaced",
    "date.dashed",
)


def parse_parts(
    mention: DateMention, release_year: int | None = None
) -> tuple[tuple, tuple | None] | None:
    """(year, month, day) of the start and, for a range, of the end."""
    regex = dict(PATTERNS)[mention.rule.removesuffix(INVALID)]
    match = regex.fullmatch(mention.text)
    if match is None:
        return None
    g = match.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if mention.rule == "date.relative_year":
        return (relative_year(g, release_year), month_number(g.get("m")), None), None
    if mention.rule == "date.quarter":
        quarter_year = relative_year(g, release_year)
        last_month = 3 * ORDINALS[g["q"].lower()]
        return (quarter_year, last_month - 2, None), (quarter_year, last_month, None)
    if mention.rule == "date.week_of_month":
        return (year, month_number(g["m"]), None), None
    if mention.rule == "date.month_range":
        return (year, month_number(g["m1"]), None), (year, month_number(g["m2"]), None)
    first_year = int(g["y1"]) if g.get("y1") else year  # "1 October 2023 to 13 February 2025"
    if mention.rule == "date.day_range":
        m2 = month_number(g["m2"])
        m1 = month_number(g.get("m1")) or m2
        return (first_year, m1, int(g["d1"])), (year, m2, int(g["d2"]))
    if mention.rule == "date.month_day_range":
        m1 = month_number(g["m1"])
        m2 = month_number(g.get("m2")) or m1
        return (first_year, m1, int(g["d1"])), (year, m2, int(g["d2"]))
    if mention.rule in DAY_RULES:
        month = month_number(g["m"]) if not g["m"].isdigit() else int(g["m"])
        return (year, month, int(g["d"])), None
    if mention.rule in ("date.month_year", "date.part_of_month"):
        return (year, month_number(g["m"]), None), None
    if mention.rule == "date.part_of_year":
        return (year, None, None), None
    if mention.rule == "date.year":
        return (year, None, None), None
    if mention.rule == "date.year_range":
        return (int(g["y1"]), None, None), (int(g["y2"]), None, None)
    if mention.rule == "date.numeric_spaced":
        return (year, int(g["b"]), int(g["a"])), None  # the day first, always
    if mention.rule == "date.numeric":
        a, b = int(g["a"]), int(g["b"])
        day, month = (a, b) if valid_day(year, b, a) else (b, a)  # day first unless impossible
        return (year, month, day), None
    return None


def to_date(parts: tuple, end: bool) -> dt.date | None:
    year, month, day = parts
    if not year:
        return None
    if month is None:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, last if end else 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalise_dates(
    mentions: list[DateMention],
    release_year: int | None = None,
    page_dated: dt.date | None = None,
    followed_by_year: frozenset[int] = frozenset(),
) -> list[DateMention]:
    """Fill ``value``, ``date_start`` and ``date_end``; yearless dates take the
    year of the nearest earlier mention that states one; "this year", "June last year"
    resolve against the release's own year (``XXXX`` without one). A release whose text
    states no year but whose page dates it (``page_dated``: "Saturday, December 21, 2024"
    above the headline) gives its year to a yearless date that then falls on or before it
    ("Santiago de Chile, Dec 21 (Prensa Latina)"), not to one followed by "last year"
    (its start in ``followed_by_year``)."""
    last_year: int | None = None
    for mention in mentions:
        parsed = parse_parts(mention, release_year)
        if parsed is None:
            continue
        first, second = parsed
        stated_year = first[0] or (second[0] if second else None)
        if mention.rule in RELATIVE_RULES:
            pass  # its year is the release's, or unknown: never a neighbour's
        elif stated_year is None and last_year is not None and first[1] is not None:
            first = (last_year, *first[1:])
            second = (last_year, *second[1:]) if second else None
        elif stated_year is None and first[1] is not None and page_dated is not None:
            dated = (page_dated.year, *first[1:])
            on = to_date(dated, end=False)
            if mention.start not in followed_by_year and on is not None and on <= page_dated:
                first = dated
                second = (page_dated.year, *second[1:]) if second else None
        elif second and first[0] is None:
            first = (second[0], *first[1:])
        if stated_year and mention.rule not in RELATIVE_RULES:
            last_year = second[0] if second and second[0] else stated_year
        if (
            second
            and first[1] is not None
            and first[1] > second[1]
            and first[0] == second[0]
            and first[0]
        ):
            first = (first[0] - 1, *first[1:])  # "28 December - 3 January 2021"
        if not possible(first, second):
            mention.rule = mention.rule.removesuffix(INVALID) + INVALID  # kept, with no value
            mention.value = mention.date_start = mention.date_end = None
            continue
        mention.value = iso(*first) if second is None else f"{iso(*first)}/{iso(*second)}"
        mention.date_start = to_date(first, end=False)
        mention.date_end = to_date(second or first, end=True)
    return mentions


def possible(first: tuple, second: tuple | None) -> bool:
    """No 29 February of a common year, no 32nd day, no range ending before it starts."""
    for year, month, day in [first] + ([second] if second else []):
        if month is not None and not 1 <= month <= 12:
            return False
        if month is not None and day is not None and not valid_day(year, month, day):
            return False
    if second and first[0] and second[0]:
        start, end = to_date(first, end=False), to_date(second, end=True)
        return start is not None and end is not None and start <= end
    if second and first[:2] == second[:2] and first[2] is not None and second[2] is not None:
        return first[2] <= second[2]  # "30-2 May": no year, the same month, ends before it starts
    return True
