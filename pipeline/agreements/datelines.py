"""The dateline of a release, for the agreements' dates and places (``when_where``):
its places and the dates in it or just after it on its line, found once per document,
and its places as written.
"""

from __future__ import annotations

import datetime as dt

from ..nlp.date_values import day_of
from ..nlp.payloads import Agreement, Mention
from ..nlp.text import find_dateline
from ..rules.constants import DATE_LINE_SOURCE
from .context import DocContext

DATELINE_DATE_CHARS = 40  # how far after the dateline's place its date may stand


def dateline(ctx: DocContext) -> tuple[list[Mention], list[Mention]]:
    """The dateline's places and dates: dates inside it ("29 July 2024, Nairobi –") or
    just after its places on its line ("Kyiv — On 26 November, ..."); without one, the
    places the entities found on the release's date line. Found once per document."""
    if ctx.dateline_mentions is None:
        ctx.dateline_mentions = find_dateline_mentions(ctx)
    return ctx.dateline_mentions


def find_dateline_mentions(ctx: DocContext) -> tuple[list[Mention], list[Mention]]:
    found = find_dateline(ctx.text)
    if found is None:  # the places of a standalone date line ("DPI, Guyana, May 13, 2019")
        return [m for m in ctx.mentions if m.source.endswith(DATE_LINE_SOURCE)], []
    places = [m for m in ctx.mentions if m.source == "dateline"]
    line_end = ctx.text.find("\n", found.start)
    line_end = len(ctx.text) if line_end < 0 else line_end
    window_end = min(line_end, max(found.end, found.places[1] + DATELINE_DATE_CHARS))
    dates = [m for m in ctx.mentions if m.label == "DATE" and found.start <= m.start < window_end]
    inside = [m for m in dates if m.end <= found.end]
    return places, inside or dates


def dateline_text(ctx: DocContext) -> str | None:
    """The places of a dateline as written, in the case of a name ("NAY PYI TAW" as
    "Nay Pyi Taw")."""
    found = find_dateline(ctx.text)
    if found is None:
        return None
    text = ctx.text[found.places[0] : found.places[1]]
    return text.title() if text.isupper() else text


def dated_another_month(
    ctx: DocContext, agreement: Agreement, dateline_dates: list[Mention]
) -> bool:
    """The act's own day lies more than a month from the dateline's (else the release's):
    the dateline is where the report was filed, not where the act was signed ("Taipei,
    April 20 (CNA) - A deal signed on 16 December 2022 came into force ..."); a report
    filed the day after ("Tashkent, May 1 - ... signed on 30 April") places the act.
    Ranges, years alone and unknown years on both sides decide nothing."""
    own = day_of(agreement.date.value if agreement.date is not None else None)
    reference = dateline_dates[0].value if dateline_dates else ctx.doc._.accords_published
    filed = day_of(reference)
    if own is None or filed is None or agreement.date in dateline_dates:
        return False
    year = own[0] or filed[0]
    if year is None:
        return False
    try:
        signed = dt.date(year, own[1], own[2])
        days = (signed - dt.date(filed[0] or year, filed[1], filed[2])).days
    except ValueError:  # 29 February of a year that has none
        return False
    return abs(days) > MONTH_DAYS


MONTH_DAYS = 31
