"""A signing's day named relative to the release's date: "signed yesterday", "signed on
Tuesday", "today signed"."""

from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Span, Token

from ..nlp.date_values import date_of
from ..nlp.payloads import Mention
from ..rules.lexicon import words
from .context import DocContext

WEEKDAYS = [name.lower() for name in calendar.day_name]


def relative_day(ctx: DocContext, sentence: Span, release: str | None) -> Mention | None:
    """ "signed ... yesterday", "signed on Tuesday", "today signed" in a release dated
    Wednesday 5 September 2018: the day it names, counted back from the release's date (its
    own weekday, or "today": that day). Also from the next sentence when it reports the
    signing ("On Monday, the MoU was signed"); "next Tuesday" looks ahead and is no signing
    date."""
    day = date_of(release)
    if day is None:
        return None
    index = ctx.sentences.index(sentence)
    following = ctx.sentences[index + 1 : index + 2]
    nearby = [sentence] + [s for s in following if any(is_signing_verb(t) for t in s)]
    for token in (t for s in nearby for t in s):
        before = ctx.doc[token.i - 1].lower_ if token.i else ""
        if token.lower_ == "yesterday":
            back = 1
        elif token.lower_ == "today":  # "X today signed"
            back = 0
        elif token.lower_ in WEEKDAYS and token.text[:1].isupper() and before != "next":
            back = (day.weekday() - WEEKDAYS.index(token.lower_)) % 7
        else:
            continue
        named = day - dt.timedelta(days=back)
        iso = named.isoformat()
        end = token.idx + len(token.text)
        return Mention(
            token.idx,
            end,
            "DATE",
            "relative.day",
            value=iso,
            norm=iso,
            date_start=named,
            date_end=named,
        )
    return None


def is_signing_verb(token: Token) -> bool:
    """A signing verb as the parser tagged it (headlines' title-case forms are
    ``headline.is_headline_signing``)."""
    return token.pos_ == "VERB" and token.lemma_ in words("signing_verbs")
