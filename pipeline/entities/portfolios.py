"""Portfolios: the field of a role ("Minister of [Labour, Social Security and Migration]",
"[Expatriates' Welfare and Overseas Employment] Adviser"), which the model takes for a
body or a person."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..rules.lexicon import words
from . import places

PORTFOLIO_GAP = 5  # title-case words the model may leave between a portfolio and its role


def portfolio_of_role(span: Span) -> bool:
    """The span follows "<role word> for/of", maybe after other portfolios and "and" or a
    comma: "Director General for [Operations]", "Minister of Labor and [Vocational
    Training]", "Minister of Labour, [Social Security] and Migration, X"."""
    doc, i = span.doc, span.start
    listed = i >= 2 and doc[i - 1].text == "," and list_goes_on(span)
    if i >= 2 and (doc[i - 1].lower_ in ("and", "&") or listed):
        i = item_start(doc, i - 2, i)
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


def leading_country(span: Span) -> Span | None:
    """The country a portfolio opens with ("Bangladesh", "Saudi"), if any."""
    for n in (3, 2, 1):
        head = span[:n]
        if n < len(span) and places.is_known_place(head.text):
            return head
    return None
