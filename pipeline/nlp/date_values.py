"""Normalised date values ("2022", "2022-12", "2022-12-16", "XXXX-04-20"), read back:
their year, their day."""

from __future__ import annotations

import datetime as dt
import re

DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


def year_of(value: str | None) -> str | None:
    """The year of a normalised value ("2022", "2022-12", "2022-12-16"), if it has one."""
    return value[:4] if value and value[:4].isdigit() else None


def day_of(value: str | None) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a one-day value ("2022-12-16", "XXXX-04-20")."""
    found = DAY_VALUE.fullmatch(value or "")
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        dt.date(2000, int(month), int(day))  # a leap year: "XXXX-02-29" is a day
    except ValueError:
        return None
    return (None if year == "XXXX" else int(year)), int(month), int(day)


def date_of(value: str | None) -> dt.date | None:
    """The calendar day of a full normalised value ("2022-12-16"), else None."""
    found = day_of(value)
    if found is None or found[0] is None:
        return None
    try:
        return dt.date(*found)  # type: ignore[arg-type]
    except ValueError:
        return None  # "2023-02-29"
