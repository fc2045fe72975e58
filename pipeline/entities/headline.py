"""Title-case headlines fool the statistical NER and the generic patterns; the body
decides what a headline mention may be."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..nlp.text import has_headline
from ..rules.lexicon import words
from .mentions import MentionSet
from .portfolios import leading_country


def drop_unattested_headline_guesses(found: MentionSet) -> None:
    """Title-case headlines fool the statistical NER ("Nigeria Sign Memorandum" as a
    person): keep a model mention of the headline only if the body names it too, as an
    entity of the same kind, or it is a known place ("Document signed in Britain"). A
    page that kept no headline (``has_headline``) has none to doubt."""
    title_end = headline_end(found.text)
    if title_end < 0:
        return
    body = {(m.label, found.surface(m)) for m in found.mentions if m.start > title_end}
    body_text = found.text[title_end:]
    kept: list[Mention] = []
    dropped: list[Mention] = []
    for m in found.mentions:
        attested = (
            m.start > title_end
            or not m.source.startswith("model.")
            or (m.label, found.surface(m)) in body
            or (m.label == "PLACE" and found.surface(m) in body_text)  # seldom wrong
            or (m.label == "PLACE" and places.is_known_place(found.surface(m)))
        )
        (kept if attested else dropped).append(m)
    found.mentions = kept
    found.add_all(  # "[Togo] on Exchange of Workers": the country stays
        [
            Mention(s.start_char, s.end_char, label, source)
            for m in dropped
            for s, label, source in opening_country(found.span(m), m.source)
        ]
    )


def headline_end(text: str) -> int:
    """Where the headline's line ends; -1 for a text whose first line is no headline."""
    return text.find("\n") if has_headline(text) else -1


def opening_country(span: Span, source: str | None = None) -> list[tuple[Span, str, str]]:
    """The country a name the model made up opens with, before a word in lower case or a
    headline's signing verb ("[Ghana] Signs MoU", "[Togo] on Exchange of Workers")."""
    head = leading_country(
        span, places.is_country, lambda token: token.is_lower or is_headline_verb(token)
    )
    source = source or f"model.{span.label_}"
    return [(head, "PLACE", source + ".country")] if head is not None else []


def trim_headline_orgs(found: MentionSet) -> None:
    """Title-case headlines make generic patterns run on ("Ministry of Interior Boost
    Cooperation"): cut a headline mention to a name the body attests."""
    title_end = headline_end(found.text)
    if title_end < 0:
        return
    body_orgs = [
        found.words_of(m) for m in found.mentions if m.label == "ORG" and m.start > title_end
    ]
    for mention in found.mentions:
        if mention.label != "ORG" or mention.start > title_end or mention.entity_key:
            continue
        tokens = found.words_of(mention)
        best = 0
        for body in body_orgs:
            if len(body) < len(tokens) and tokens[: len(body)] == body:
                best = max(best, len(body))
        if best:
            span = found.span(mention)
            kept = [t for t in span if t.lower_ != "the"][:best]
            mention.end = kept[-1].idx + len(kept[-1].text)
        span = found.span(mention)
        if len(span) > 1 and is_headline_verb(span[-1]):  # "Government of Egypt Sign"
            mention.end = span[-2].idx + len(span[-2].text)


def is_headline_verb(token: Token) -> bool:
    """A title-case or capitalised verb of signing run into a name ("Sign", "SIGNS",
    "Inks", "Concluded"; not "Signe", a first name)."""
    lowered = token.lower_
    forms = {
        lowered,
        *(lowered.removesuffix(end) for end in ("s", "ed", "d") if lowered.endswith(end)),
    }
    return (token.is_title or token.is_upper) and bool(forms & words("signing_verbs"))
