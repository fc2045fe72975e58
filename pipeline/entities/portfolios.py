"""Portfolios: the field of a role ("Minister of [Labour, Social Security and Migration]",
"[Expatriates' Welfare and Overseas Employment] Adviser"), which the model takes for a
body or a person."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..nlp import places
from ..rules.lexicon import words
from .spans import bracketed_after

PORTFOLIO_GAP = 5  # title-case words the model may leave between a portfolio and its role


def portfolio_of_role(span: Span) -> bool:
    """The span follows "<role word> for/of", maybe after other portfolios and "and" or a
    comma, or "the" for a span with no body's head word: "Director General for
    [Operations]", "Minister of the [Interior of Ukraine]", "Minister of Labor and
    [Vocational Training]", "Minister of Labour, [Social Security] and Migration, X"."""
    doc, i = span.doc, span.start
    listed = i >= 2 and doc[i - 1].text == "," and list_goes_on(span)
    if i >= 2 and (doc[i - 1].lower_ in ("and", "&") or listed):
        i = item_start(doc, i - 2, i)
    bodyless = not any(t.lower_ in words("org_heads") for t in span)
    if i >= 3 and doc[i - 1].lower_ == "the" and bodyless:  # "Minister of the [Interior]"
        i -= 1  # but "Director of the [National Agency for Employment]" is a body
    return (
        i >= 2
        and doc[i - 1].lower_ in ("for", "of")
        and (doc[i - 2].lower_ in words("role_heads") or doc[i - 2].lower_ in words("role_words"))
    )


def item_start(doc: Doc, j: int, i: int) -> int:
    """The first word of the list item that ends at token ``j`` (``i``: the next item)."""
    while j > 0 and doc[j].is_title and doc[j].lower_ not in words("role_heads"):
        j -= 1
    return j + 1 if j < i - 2 else i


def list_goes_on(span: Span) -> bool:
    """ "..., [Social Security] and Migration, ...": "and" and a capitalised portfolio
    follow, then a comma or the end of the line: a list of portfolios, not a name."""
    doc, k = span.doc, span.end
    if k >= len(doc) or doc[k].lower_ not in ("and", "&"):
        return False
    k += 1
    start = k
    while k < len(doc) and doc[k].is_title and k - start < 4:
        k += 1
    return k > start and (k >= len(doc) or doc[k].text in (",", ".", ";") or doc[k].is_space)


def is_portfolio(span: Span) -> bool:
    """A portfolio, not a body: no body's head word in it (but "Affairs"), and a role
    right after it or before its "of" ("Foreign Affairs Secretary", "Minister of Home
    Affairs")."""
    heads = words("org_heads") - {"affairs"}
    if any(t.lower_ in heads for t in span) or places.is_known_place(span.text):
        return False  # "Trinidad and Tobago, Minister X": a country before its minister
    return role_follows(span) or portfolio_of_role(span)


def role_follows(span: Span) -> bool:
    """A role word right after ``span``, or after a few more capitalised words of the
    portfolio the model cut off ("[Bangladesh Expatriates Welfare and Overseas]
    Employment Adviser"), or after the rest of its list and a comma ("[Saudi Human
    Resources] and Social Development, Minister")."""
    doc, heads = span.doc, words("org_heads")
    # "Human Resources and Social Development, Minister X": a list, then its role
    listed = any(t.lower_ in ("and", "&") for t in span)
    for k in range(span.end, min(len(doc), span.end + PORTFOLIO_GAP + 1)):
        token = doc[k]
        if token.lower_ in words("role_heads"):
            return True
        if token.lower_ in ("and", "&"):
            listed = True
            continue
        if token.text == "," and listed and k + 1 < len(doc):
            return doc[k + 1].lower_ in words("role_heads")
        if not token.is_title or not token.is_alpha or token.lower_ in heads:
            return False
    return False


def leading_country(
    span: Span,
    known: Callable[[str], bool] = places.is_known_place,
    then: Callable[[Token], bool] | None = None,
) -> Span | None:
    """The place a span opens with, of three words at most, before the rest of it: a
    portfolio's country ("[Bangladesh] Expatriates' Welfare ...", "Saudi"), or, with
    ``known`` and ``then``, a country before a word in lower case ("[Togo] on Exchange
    of Workers")."""
    for n in (3, 2, 1):
        head = span[:n]
        if n < len(span) and known(head.text) and (then is None or then(span[n])):
            return head
    return None


LIST_ITEM_WORDS = 3  # title-case words of one portfolio in a list
NAMED_TYPES = ("PERSON", "GPE", "FAC")  # the model's names that end a list of portfolios


def with_portfolio_list(span: Span) -> Span:
    """A body's name that runs on in a list of portfolios after a comma: "Bureau of
    Manpower | , Employment and Training (BMET)", "Ministry of Health | , Labour and Social
    Protection", "Commission for Refugees | , Migrants, and Internally Displaced Persons",
    "Alliance on Migration | , Development and Human Rights". The list must end in "and"
    and a short title-case item, then a mark, a bracket, a lower-case word or the line's
    end (not a name: "... and Social Development Betty Amongi" stays as the model had
    it)."""
    doc = span.doc
    if (
        span.end + 2 >= len(doc)
        or doc[span.end].text != ","
        or not {"of", "for", "on"} & {t.lower_ for t in span}
    ):
        return span
    if span[-1].ent_type_ in NAMED_TYPES or places.is_known_place(span[-1].text):
        return span  # "... Social Security of Nepal": the name ends on its country
    k, last_and = span.end, None
    while k < len(doc) and k - span.end < 4 * LIST_ITEM_WORDS:
        token = doc[k]
        if token.text == "," or token.lower_ in ("and", "&"):
            last_and = k if token.lower_ in ("and", "&") else last_and
            k += 1
            continue
        run = k
        while k < len(doc) and doc[k].is_title and doc[k].is_alpha:
            k += 1
        if k == run or k - run > LIST_ITEM_WORDS:
            return span
        if last_and is not None and last_and == run - 1:
            # "... and Save | the Children": a name goes on after "the", no field does
            ends = k >= len(doc) or (not doc[k].is_title and doc[k].lower_ != "the")
            ends = ends or doc[k].is_space
            added = doc[span.end : k]
            named = any(t.ent_type_ in NAMED_TYPES for t in added)  # ", and Tahir Andrabi"
            # "Forum on Migration | , Caritas Internationalis and World Vision": another
            # body's name starts in the list: a list of bodies, not of fields
            # (a name only the model found there is a field when the whole name's acronym
            # follows it: "... for Refugees, Migrants, and Internally Displaced Persons
            # (NCFRMI)")
            bodies = any(t.ent_iob_ == "B" and t.ent_id_ for t in added) or (
                any(t.ent_iob_ == "B" for t in added)
                and bracketed_after(doc[span.start : k]) is None
            )
            return doc[span.start : k] if ends and not named and not bodies else span
    return span


def opens_a_role(span: Span) -> bool:
    """The name starts with a role word, or with one after a modifier ("Presidential
    Commissioner for Humanitarian Issues")."""
    first = span[0].lower_
    if first in words("role_openers"):
        return True
    return (
        len(span) > 2
        and first in words("role_modifiers")
        and span[1].lower_ in words("role_openers")
    )
