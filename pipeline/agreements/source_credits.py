"""News sources credited in a release ("(Eagle News) —", "KIGALI (ILO News) –", "...,
Radio Pakistan reported"), for ``parties``: a source credited is no party.
"""

from __future__ import annotations

import re

from ..nlp.payloads import Mention
from .context import DocContext

CREDIT_OPENING = re.compile(r"^\s*(?:\([^()]{1,12}\))?\s*:")  # "Afghan Voice Agency (AVA):"
CREDIT_DASH = re.compile(r"^\s+[–—-]\s+[A-Z]")  # "Egypt Daily News – The meeting ..."
DASH = re.compile(r"\s[–—-]\s")
SITE_SUFFIX = re.compile(r"\S(?:\s+\S+){3,}\s+[-–|]\s+$")  # "Bauchi signs MoU ... - Daily Trust"
REPORTING_LEMMAS = ("report", "cite", "quote", "learn")  # "..., BelTA has learned"
WIRE_MAX_CHARS = 6


def is_source_credit(ctx: DocContext, mention: Mention) -> bool:
    """A news source credited at the start of a line ("(Eagle News) —", "NUR-SULTAN.
    KAZINFORM The Ministry ...", "KIGALI (ILO News) –", "Afghan Voice Agency (AVA): ...",
    "Egypt Daily News – The ..."), at the end of a headline ("... - Daily Trust"),
    a wire's acronym on a line of its own ("BSS", "(IANS)"), or named after the report it
    credits ("..., Radio Pakistan reported", "..., BelTA has learned"): not a party."""
    before, rest, (starts, ends) = line_around(ctx.text, mention)
    after = rest[:3]
    bracketed = before.rstrip().endswith("(") and after.startswith(")")
    shouting = ctx.text[mention.start : mention.end].isupper() and len(before.split()) <= 3
    alone = starts and ends and not before.strip("( ") and not rest.strip(") ")
    if alone and shouting and mention.end - mention.start <= WIRE_MAX_CHARS:
        return True  # "BSS", "(IANS)": a wire's credit on a line of its own
    if starts and not before.strip() and (CREDIT_OPENING.match(rest) or dashed(ctx, mention, rest)):
        return True
    if starts and ends and not rest.strip() and SITE_SUFFIX.search(before):
        return True  # a headline that ends with its site's name
    root = ctx.span(mention).root
    if root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_LEMMAS:
        reported = [c for c in root.head.children if c.dep_ == "ccomp"]
        if reported and reported[0].i < root.i:  # the report first, then its source
            return True
    return (
        starts and len(before) <= 40 and (bracketed or (shouting and before.rstrip().endswith(".")))
    )


def dashed(ctx: DocContext, mention: Mention, rest: str) -> bool:
    """ "Egypt Independent – The meeting ...": a name the gazetteer does not know, named
    nowhere else, before a dash that opens a sentence; not "UNICEF – The agency signed",
    "UNHCR – the UN Refugee Agency –" or "EU – Morocco: ..." (two sides)."""
    if not CREDIT_DASH.match(rest) or DASH.search(rest, 3):
        return False
    if mention.label != "ORG" or mention.entity_key is not None:
        return False
    after = rest.lstrip(" –—-")
    next_name = any(m.start == mention.end + len(rest) - len(after) for m in ctx.mentions)
    name = ctx.text[mention.start : mention.end]
    return not next_name and ctx.text.count(name) == 1


CREDIT_REACH = 80  # characters looked at on either side of a mention for a credit's shape


def line_around(text: str, mention: Mention) -> tuple[str, str, tuple[bool, bool]]:
    """The text of the mention's line before and after it, each at most ``CREDIT_REACH``
    characters, and whether the line's start and its end were reached within that."""
    low = max(0, mention.start - CREDIT_REACH)
    start = text.rfind("\n", low, mention.start)
    high = min(len(text), mention.end + CREDIT_REACH)
    end = text.find("\n", mention.end, high)
    starts = start >= 0 or low == 0
    ends = end >= 0 or high == len(text)
    before = text[(start + 1 if start >= 0 else low) : mention.start]
    rest = text[mention.end : end if end >= 0 else high]
    return before, rest, (starts, ends)
