"""A signing's day named relative to the release's date: "signed yesterday", "signed on
Tuesday", "today signed"."""

from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Span, Token

from ..nlp.date_values import date_of, day_of
from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext

WEEKDAYS = [name.lower() for name in calendar.day_name]


def relative_day(ctx: DocContext, sentence: Span, release: str | None) -> Mention | None:
    """ "signed ... yesterday", "signed on Tuesday", "today signed" in a release dated
    Wednesday 5 September 2018: the day it names, counted back from the release's date (its
    own weekday, or "today": that day). Also from the next sentence when it reports the
    signing ("On Monday, the MoU was signed"); "next Tuesday" looks ahead and is no signing
    date. A release dated without its year ("Thursday, September 22") still dates
    "yesterday" and "today" ("XXXX-09-21"; the day before 1 March only its month,
    "XXXX-02"); a weekday needs the year."""
    day, found, yearless = date_of(release), day_of(release), False
    if day is None and found is not None and found[0] is None:
        day, yearless = dt.date(2000, found[1], found[2]), True  # a leap year stands in
    if day is None:
        return None
    index = ctx.sentences.index(sentence)
    following = ctx.sentences[index + 1 : index + 2]
    nearby = [sentence] + [s for s in following if any(is_signing_verb(t) for t in s)]
    for token in (t for s in nearby for t in s):
        back = days_back(ctx, token, day, yearless)
        if back is None:
            continue
        named = day - dt.timedelta(days=back)
        iso = named.isoformat() if not yearless else "XXXX" + named.isoformat()[4:]
        if yearless and named.month == 2 and day.month == 3:
            iso = "XXXX-02"  # "yesterday" of 1 March: 28 or 29 February, as the year has it
        end = token.idx + len(token.text)
        return Mention(
            token.idx,
            end,
            "DATE",
            "relative.day",
            value=iso,
            norm=iso,
            date_start=None if yearless else named,
            date_end=None if yearless else named,
        )
    return None


def days_back(ctx: DocContext, token: Token, day: dt.date, yearless: bool) -> int | None:
    """How many days before the release's ``day`` the token names: "yesterday" one,
    "today" none, a weekday (not "next Tuesday", and only with the year known) back to its
    last one; None for any other token."""
    before = ctx.doc[token.i - 1].lower_ if token.i else ""
    if token.lower_ == "yesterday":
        return 1
    if token.lower_ == "today":  # "X today signed"
        return 0
    weekday = token.lower_ in WEEKDAYS and token.text[:1].isupper() and before != "next"
    if weekday and not yearless:
        return (day.weekday() - WEEKDAYS.index(token.lower_)) % 7
    return None


def is_signing_verb(token: Token) -> bool:
    """A signing verb as the parser tagged it (headlines' title-case forms are
    ``headline.is_headline_signing``)."""
    return token.pos_ == "VERB" and token.lemma_ in words("signing_verbs")
