"""Which line of a page is the release's headline (``find_headline``): one printed twice at
the top, else the first headline-shaped line above the body that is no story of a list
and no masthead, the one that echoes the body's lead first; else a short line near the
body that is no byline."""

from __future__ import annotations

from .languages import stop_words
from .page_lines import (
    CAPTION_MARK,
    REPEAT_WINDOW,
    WORD,
    body_begins,
    byline_over_date,
    framed_heading,
    is_date_line,
    is_headline,
    is_masthead,
    is_sentence,
    numbered,
    sentence_cased,
    story_list,
    word_count,
)


def repeated_headline(lines: list[str], rules: list[str | None], recurring) -> int | None:
    """A headline-shaped line the page prints twice near its top (the page's title and
    its heading), or twice in a row anywhere above the body: the headline, whatever
    short lines stand above it."""
    sentence_seen = False  # below a sentence, a line twice is the body's or a sidebar's
    headline_seen = False
    for i, line in enumerate(lines):
        if body_begins(line, rules[i]) or (i >= REPEAT_WINDOW and sentence_seen):
            return None
        sentence_seen = sentence_seen or is_sentence(line, rules[i])
        if not is_headline(line, rules[i], recurring):
            continue
        if i < REPEAT_WINDOW and line in lines[i + 1 : i + REPEAT_WINDOW]:
            return i
        if i < REPEAT_WINDOW and not headline_seen:  # the page's title bar, then its heading
            framed = framed_heading(lines, rules, recurring, i)
            if framed is not None:
                return framed
        headline_seen = True
        after = next((j for j in range(i + 1, len(lines)) if not patterned(rules[j])), None)
        if not sentence_seen and after is not None and lines[after] == line:
            return i  # printed twice in a row below a long menu (a date stamp, a byline
            # between: "UFW signs pact ... | Date 08/04/19/14:01 | UFW signs pact ...")
    return None


def patterned(rule: str | None) -> bool:
    """A chrome pattern took the line (a date stamp, a byline), not a guess of shape."""
    return rule is not None and rule.startswith("pattern:")


def find_headline(lines: list[str], rules: list[str | None], recurring) -> int:
    """The headline: one printed twice at the top, else the first headline-shaped line above
    the body's first long sentence, else the first line of some words above it that is no
    sentence or date, else the short line nearest above it (a page headed "Statement"),
    else the first line no rule took."""
    repeated = repeated_headline(lines, rules, recurring)
    if repeated is not None:
        return repeated
    start = next((i for i, line in enumerate(lines) if body_begins(line, rules[i])), len(lines))
    above = range(start)

    def aside(i: int) -> bool:  # a sentence, a date line or a photo's caption
        line = lines[i]
        return line.endswith(".") or is_date_line(line) or bool(CAPTION_MARK.search(line))

    headlines = [i for i in above if is_headline(lines[i], rules[i], recurring)]
    if headlines:  # a line of a list of dated stories is the last choice, a masthead next
        own = [i for i in headlines if not story_list(lines, rules, recurring, i)]
        named = [i for i in own if not is_masthead(lines[i])] or own
        lead = " ".join(lines[start : start + LEAD_LINES])
        echoes = [echoing_lead(lines, named, lead), echoing_lead(lines, headlines, lead)]
        return next((i for i in echoes if i is not None), (named or headlines)[0])
    preferences = (
        (above, lambda i: rules[i] is None and word_count(lines[i]) > 1 and not aside(i)),
        (
            reversed(above),
            lambda i: (
                rules[i] == "menu_item"
                and not numbered(lines[i])
                and not (i and byline_over_date(lines, i) and sentence_cased(lines[i - 1]))
            ),
        ),
    )
    for order, preferred in preferences:
        found = next((i for i in order if preferred(i)), None)
        if found is not None:
            return found
    return next((i for i, rule in enumerate(rules) if rule is None), 0)


LEAD_LINES = 2  # the body's first lines, that a headline sums up
ECHO_MIN_WORDS = 2
STEM_CHARS = 4


def content_words(text: str) -> set[str]:
    english, _ = stop_words()
    found = {w.casefold() for w in WORD.findall(text) if len(w) > 2} - english
    return {w[:STEM_CHARS] for w in found}  # "sign" and "signed" are one word here


def echoing_lead(lines: list[str], candidates: list[int], lead: str) -> int | None:
    """Of several headline-shaped lines above the body, the first that shares words with the
    body's lead (a site's name, a banner or a disclaimer above the headline shares none; a
    deck under it would share more); None where none does."""
    lead_words = content_words(lead)
    return next(
        (i for i in candidates if len(content_words(lines[i]) & lead_words) >= ECHO_MIN_WORDS),
        None,
    )
