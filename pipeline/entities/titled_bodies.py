"""Bodies named by capitalised words ending in a body's head word, that neither the model
nor a rule found: "the Refugee Rights Action Network", "the Tent Partnership for
Refugees", "Catholic Legal Immigration Network". The words before the head are the
name; an "of", "for" or "on" and more capitalised words after it belong to it too. A
headline written in title case names nothing this way, nor do generic words alone ("a
New Strategic Partnership").
"""

from __future__ import annotations

from array import array

from spacy.tokens import Doc, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..nlp.text import overlaps
from ..rules.constants import CALENDAR_WORDS
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet
from .portfolios import with_portfolio_list

SOURCE = "generic.titled_body"
REGION_SOURCE = "generic.region_body"
TAIL_LINKS = ("of", "for", "on")
TAIL_JOINS = ("and", "of", "for")  # inside a tail: "Research and Promotion of Alternatives"
MAX_TAIL_WORDS = 8
MAX_NAME_WORDS = 6  # before the head word
TITLE_LINE_SHARE = 0.7  # a line whose words are mostly capitalised is a headline
TITLE_LINE_WORDS = 4
NAME_POS = ("PROPN", "ADJ", "NOUN")


def add_titled_bodies(found: MentionSet) -> None:
    names = candidate_names(found)
    if not names:
        return
    owner = mention_owners(found)  # of the mentions as they stand: decide first, then add
    taken: list[tuple[int, int]] = []
    for start, end in names:
        if clear_of_model(found, owner, start, end) and not overlaps(start, end, taken):
            taken.append((start, end))
    for start, end in taken:
        found.replace_overlapped(
            Mention(start, end, "ORG", SOURCE), lambda m: m.source.startswith("model.")
        )


def add_region_bodies(found: MentionSet) -> None:
    """A region's name with a body's head word after it is that body's name: "the Pacific
    Islands Forum (Secretariat)", "the West Africa Council for ...", not "West Africa's
    council", "Southeast Asia Programme" (``not_organ_heads``) nor another body's office
    ("UNHCR's Southern Africa Bureau")."""
    heads = words("org_heads") - words("not_organ_heads")
    starts = {m.start for m in found.mentions}
    doc = found.doc
    for region in found.regions:
        at = region.end
        while at < len(doc) and body_head(doc[at], heads):
            at += 1
        if at == region.end or "\n" in doc[region.end - 1].whitespace_:
            continue
        before = doc[region.start - 1] if region.start else None
        if before is not None and (name_word(before) or any(c.isdigit() for c in before.text)):
            continue  # "the Arab Maghreb Union", "the G5 Sahel Secretariat": a longer name
        if before is not None and before.tag_ == "POS":
            continue  # "UNHCR's Southern Africa Bureau": an office of the body before
        if at < len(doc) and doc[at].is_title and not doc[at].is_sent_start:
            continue  # "the West Africa Police Chiefs Committee": a name no head ends here
        end = name_end(doc, doc[at - 1], starts)
        last = doc[end - 1]
        body = Mention(region.start_char, last.idx + len(last), "ORG", REGION_SOURCE)
        found.replace_overlapped(body, lambda m: m.source.startswith(("model.", "region.")))


def body_head(token: Token, heads: frozenset[str]) -> bool:
    """A capitalised head word of a body's name on the same line ("Forum", "Bank")."""
    return token.is_title and token.lower_ in heads and "\n" not in token.whitespace_


def candidate_names(found: MentionSet) -> list[tuple[int, int]]:
    heads = words("titled_body_heads")
    starts = {m.start for m in found.mentions}  # where another name begins
    names = []
    for token in found.doc:  # few tokens are head words: only their lines are read
        if token.lower_ not in heads or not token.is_title:
            continue
        start = name_start(found.doc, token)
        if start is None:
            continue
        end = name_end(found.doc, token, starts)
        end = with_portfolio_list(found.doc[start:end]).end  # "on Migration | , Development"
        last = found.doc[end - 1]
        first = found.doc[start]
        name = found.text[first.idx : last.idx + len(last)]
        if not title_line(found.text, first.idx) and not places.is_known_place(name):
            names.append((first.idx, last.idx + len(last)))
    return names


def name_start(doc: Doc, head: Token) -> int | None:
    """Where the capitalised words before ``head`` begin; None when there are none, or
    only generic ones ("New Strategic Partnership")."""
    start = head.i
    while start > 0 and head.i - start < MAX_NAME_WORDS:
        if name_word(doc[start - 1]):
            start -= 1
        elif start > 1 and hyphened(doc[start - 2], doc[start - 1]):  # "Non-Resident"
            start -= 2
        else:
            break
    while start < head.i and doc[start].is_sent_start and doc[start].pos_ not in NAME_POS:
        start += 1  # "Welcoming Network partners, she ...": a verb opening the sentence
    before = [t.lower_ for t in doc[start : head.i]]
    if not before or all(word in words("generic_body_modifiers") for word in before):
        return None
    return start


def name_word(token: Token) -> bool:
    text = token.text
    capital = token.is_title or (text.isupper() and text.isalpha() and len(text) > 1)
    return (
        capital
        and not token.is_stop
        and "\n" not in token.whitespace_
        and token.lower_ not in CALENDAR_WORDS
        and token.lower_ not in words("role_heads")
        and token.lower_ not in agreement_nouns()
    )


def hyphened(word: Token, hyphen: Token) -> bool:
    return hyphen.text == "-" and not word.whitespace_ and not hyphen.whitespace_ and word.is_title


def name_end(doc: Doc, head: Token, starts: set[int]) -> int:
    """The token after the name: the head, or the capitalised words of its "of", "for"
    or "on" ("Partnership for Refugees", "Alliance for Just Immigration"), joined by
    "and", "of" or "for" ("Institute for Public Policy and International Affairs")."""
    at = head.i + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in TAIL_LINKS or "\n" in head.whitespace_:
        return at
    tail = at + 1 + (doc[at + 1].lower_ == "the")
    end = tail
    while end < len(doc) and end - tail < MAX_TAIL_WORDS and "\n" not in doc[end - 1].whitespace_:
        if tail_word(doc[end]):
            end += 1
        elif end > tail and doc[end].lower_ in TAIL_JOINS and joined_word(doc, end + 1, starts):
            end += 2
        else:
            break
        if end + 1 < len(doc) and hyphened(doc[end - 1], doc[end]) and doc[end + 1].is_title:
            end += 2  # "At-Risk"
    return end if end > tail else at


def joined_word(doc: Doc, at: int, starts: set[int]) -> bool:
    """A word after a tail's "and" that goes on with the name: capitalised, not an
    acronym ("... for Europe and UNHCR"), no other name's start ("... and Migrante
    International", "... and Syed Hussan"), no country ("... and Nepal's Department")."""
    if at >= len(doc):
        return False
    word = doc[at]
    possessive = at + 1 < len(doc) and doc[at + 1].text in ("'s", "’s")
    return (
        word.is_title
        and tail_word(word)
        and word.idx not in starts
        and not possessive
        and not places.is_known_place(word.text)
    )


def tail_word(token: Token) -> bool:
    """A capitalised word of a name's tail; a capitalised stop word too ("Just")."""
    if token.is_stop and token.is_title and not token.is_sent_start:
        return token.lower_ not in words("tail_pronouns") and "\n" not in token.whitespace_
    return name_word(token)


def mention_owners(found: MentionSet) -> array[int]:
    """Per character, 1 + the index of the mention standing there (0: none)."""
    owner = array("i", bytes(4 * (len(found.text) + 1)))
    for i, m in enumerate(found.mentions):
        if not m.nested:
            owner[m.start : m.end] = array("i", [i + 1]) * (m.end - m.start)
    return owner


def clear_of_model(found: MentionSet, owner: array[int], start: int, end: int) -> bool:
    """No rule's mention and no person overlaps the name, and no mention of the model's
    crosses its edges (the model's others inside it give way)."""
    inside = [found.mentions[i - 1] for i in set(owner[start:end]) if i]
    if any(not m.source.startswith("model.") or m.label == "PERSON" for m in inside):
        return False
    crossing = (start > 0 and owner[start - 1] and owner[start - 1] == owner[start]) or (
        owner[end] and owner[end - 1] == owner[end]
    )
    return not crossing


def title_line(text: str, at: int) -> bool:
    """A line of capitalised words with no sentence's end: a headline."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    if line.endswith((".", "!", "?")):
        return False
    line_words = [w for w in line.split() if w.isalpha()]
    if len(line_words) < TITLE_LINE_WORDS:
        return False
    capitals = sum(w[0].isupper() for w in line_words)
    return capitals >= TITLE_LINE_SHARE * len(line_words)
