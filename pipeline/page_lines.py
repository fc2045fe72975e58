"""The shapes of a page's lines that the cleaning rules read: word counts, headlines,
date lines, and the lists of a site's other stories (above a release's headline, or
closing the page under its body)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from functools import lru_cache

from .languages import stop_words
from .nlp.heads import head_index
from .nlp.places import names_a_place
from .rules.lexicon import words as words_of
from .wrapping import MENU_BULLET

WORD = re.compile(r"\w[\w’'\-]*")

HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_CHARS = 300

YEAR = re.compile(r"(19|20)\d\d")
MONTHS = frozenset(
    name.casefold() for name in (*calendar.month_name, *calendar.month_abbr, "sept") if name
)
WEEKDAYS = frozenset(name.casefold() for name in calendar.day_name)
# "... a new Refugee Coalition. They are ...": a paragraph cut short (not "Gov. Cuomo")
SENTENCE_BREAK = re.compile(r"[a-z]{4,}[.!?]\s+[A-Z]")
# a picture's credit ends its caption: "The signing in Brussels / @newschannel", "... ©UNHCR"
CAPTION_CREDIT = re.compile(r"\s[/|]\s*(@\w+|(photo|image|credit)\b.*)$|©", re.IGNORECASE)
# a photo's caption: who stands where, or people posing for it, or a file photo
# ("Heidy (left) and Glorene", "Leaders pose for a group photo. (Photo: VNA)", "File photo
# used for representation"), never a headline; a bracket only when it says where alone
CAPTION_MARK = re.compile(
    r"\((?:\d(?:st|nd|rd|th)\s+)?(?:from\s+)?(?:left|right|centre|center|front|l-r|l to r)"
    r"(?:\s+to\s+right)?\)"
    r"|\bposes?\s+for\s+a\s+(?:group\s+)?photo\b|^\s*(?:file|representational)\s+photo\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def word_count(line: str) -> int:
    return len(WORD.findall(line))


HEADLINE_MIN_ALPHA_WORDS = 2  # "Hotline: (+84) 949 594 116" is a field, not a headline
ELISION = ("..", "…")  # a headline the site cut short: "... to give 710,00.."
ELIDED_MAX_WORDS = 25  # a longer line cut short is a teaser paragraph, not a headline


def elided_title(line: str) -> bool:
    return line.endswith(ELISION) and word_count(line) <= ELIDED_MAX_WORDS


def alpha_words(line: str) -> int:
    return sum(any(c.isalpha() for c in w) for w in WORD.findall(line))


def is_headline(line: str, rule: str | None, recurring: frozenset[str]) -> bool:
    return (
        rule is None
        and line not in recurring
        and word_count(line) >= HEADLINE_MIN_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and (not line.endswith((".", ":")) or elided_title(line))
        and alpha_words(line) >= HEADLINE_MIN_ALPHA_WORDS
        and not SENTENCE_BREAK.search(line)
        and not CAPTION_CREDIT.search(line)
        and not CAPTION_MARK.search(line)
        and not MENU_BULLET.match(line)
        and not is_date_line(line)
    )


def is_date_line(line: str) -> bool:
    """A line that only dates the release ("PRESS RELEASE October 20, 2017", "Monday,
    12 June 2023"): part of the release, never its headline."""
    words = [w.casefold().rstrip(".") for w in WORD.findall(line)]
    dated = any(w in MONTHS or YEAR.fullmatch(w) for w in words)
    kicker = MONTHS | WEEKDAYS | words_of("date_line_words")
    rest = [w for w in words if w not in kicker and not w.isdigit()]
    return dated and len(rest) <= 1


def story_list(lines: list[str], rules: list[str | None], recurring, i: int) -> bool:
    """Line ``i`` is a headline dated on the next line, beside another such pair: a list
    of the site's other stories ("Trending News"), not the release's own headline."""
    dated = [
        0 <= j < len(lines) - 1 and is_headline(lines[j], rules[j], recurring)
        and is_date_line(lines[j + 1])
        for j in (i - 2, i, i + 2)
    ]  # fmt: skip
    return dated[1] and (dated[0] or dated[2])


STORIES_MIN = 3  # pairs of a headline and its date or blurb: fewer may be the body's
STORIES_REACH = 60  # lines above the page's end in which such a list may begin
TEASER_MIN_WORDS = 6
SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", ")", ":", ";")
CUT_MAX_WORDS = 15  # the last line of a page the store cut short, mid-story


def is_teaser(line: str, rule: str | None) -> bool:
    """A story's blurb cut off mid-sentence ("KATHMANDU: Chairman of the party has",
    "The area for cultivating sugarcane, an important cash crop,"): a line of some words
    that ends on a comma or a small word, no sentence's end."""
    if rule is not None or word_count(line) < TEASER_MIN_WORDS or line.endswith(SENTENCE_END):
        return False
    if not line[:1].isupper():
        return False  # a paragraph's wrapped line carries on a sentence: no blurb starts so
    found = WORD.findall(line)
    english, _ = stop_words()
    return line.endswith(",") or found[-1].casefold() in english


def closing_story_list(
    lines: list[str], rules: list[str | None], recurring, headline: int
) -> int | None:
    """Where a list of the site's other stories that closes the page begins: from a line
    under the body to the page's end, only stories (a headline beside its date line, or
    over its blurb cut off mid-sentence: "Business19:08 Nov. 29, 2016" / "Three reasons
    to invest in Poland", "No alternative to socialism: Prachanda" / "KATHMANDU: Chairman
    of Maoist Center ... has") and chrome, three stories at least, under a sentence of
    the body. Of two readings of the list, the one that takes no line of the body."""
    body = [j for j in range(headline + 1, len(lines)) if rules[j] is None and is_ended(lines[j])]
    if not body:
        return None
    first = max(body[0] + 1, len(lines) - STORIES_REACH)
    found = [s for s in range(first, len(lines)) if stories_from(lines, rules, recurring, s)]
    if not found:
        return None
    start = found[0]  # a date line is no line of the body: a list may open with one
    return start + 1 if start + 1 in found and not is_date_line(lines[start]) else start


def is_ended(line: str) -> bool:
    return line.endswith((".", "!", "?", '"', "”"))


def stories_from(lines: list[str], rules: list[str | None], recurring, start: int) -> bool:
    """``lines[start:]`` are stories and chrome only, three stories at least; the page's
    last line may be cut off, alone or in its story."""
    last, j, stories = len(lines) - 1, start, 0
    if rules[start] is not None:
        return False
    dates = [line for line in lines[start:] if is_date_line(line)]
    if len(set(dates)) < len(dates):
        return False  # one date under each line: a block of signatures, not stories
    while j <= last:
        if rules[j] is not None:
            j += 1
        elif story_at(lines, rules, recurring, j):
            stories, j = stories + 1, j + 2
        elif j == last and is_cut(lines[j]):
            j += 1
        else:
            return False
    return stories >= STORIES_MIN


def story_at(lines: list[str], rules: list[str | None], recurring, j: int) -> bool:
    """A story on lines ``j`` and ``j + 1``, or one the page's cut-off last line ends."""
    last = len(lines) - 1
    whole = j < last and rules[j + 1] is None and is_story(lines, recurring, j)
    return whole or (j + 1 == last and is_cut(lines[last]) and opens_story(lines[j], recurring))


def is_cut(line: str) -> bool:
    return not is_ended(line) and word_count(line) <= CUT_MAX_WORDS


def opens_story(line: str, recurring) -> bool:
    return is_headline(line, None, recurring) or is_date_line(line)


def is_story(lines: list[str], recurring, j: int) -> bool:
    """Lines ``j`` and ``j + 1`` are one story: a headline over its date line or its cut-off
    blurb, or a date line over its headline."""
    upper, lower = lines[j], lines[j + 1]
    if is_headline(upper, None, recurring):
        return is_date_line(lower) or is_teaser(lower, None)
    return is_date_line(upper) and is_headline(lower, None, recurring)


SITE_SUFFIX = re.compile(r"\s*(?:[-–—|»·•]|::)\s*[\w .&'’-]{2,40}")
ELIDED_TAIL = 20  # characters of a cut-short title the full headline must hold
TRAIL_PREFIX = re.compile(r".{1,80}\s(>>?|»|›)")


def frames(line: str, headline: str) -> str | None:
    """How ``line`` frames ``headline``: "suffix", the headline with the site's name after
    it ("... of refugees-Xinhua", "... | UNHCR"); "trail", at the end of a trail of links
    ("News & Updates > Fast Retailing and UNHCR Launch ..."); "elided", cut short ("... to
    oppose t..."): the page's title bar, breadcrumb or teaser above its heading; else None."""
    if word_count(headline) < HEADLINE_MIN_WORDS:
        return None
    if line.endswith(ELISION):  # "HomeNews... IOM - EIB to promote ... of affected...": cut short
        stem = line.rstrip(".… ")
        cut = len(stem) >= ELIDED_TAIL and stem[-ELIDED_TAIL:] in headline[len(stem) // 2 :]
        return "elided" if cut else None
    if len(line) <= len(headline):
        return None
    if line.startswith(headline):
        return "suffix" if SITE_SUFFIX.fullmatch(line[len(headline) :]) else None
    trail = line.endswith(headline) and TRAIL_PREFIX.fullmatch(line[: -len(headline)].rstrip())
    return "trail" if trail else None


REPEAT_WINDOW = 8  # lines searched for a headline printed twice
HEADLINE_MAX_WORDS_ABOVE = 25  # a longer sentence is body text: no headline above it


def is_sentence(line: str, rule: str | None) -> bool:
    return (
        rule is None
        and line.endswith(".")
        and not elided_title(line)
        and word_count(line) >= HEADLINE_MIN_WORDS
    )


def body_begins(line: str, rule: str | None) -> bool:
    """A long sentence that is no chrome: the body has begun, no headline stands below it."""
    return is_sentence(line, rule) and word_count(line) > HEADLINE_MAX_WORDS_ABOVE


def framed_heading(lines: list[str], rules: list[str | None], recurring, i: int) -> int | None:
    """The headline-shaped line below line ``i`` that ``i`` frames (``frames``); one the
    site's name follows only with no other headline-shaped line under it ("Embassy of
    Ghana - Official Website" over "Embassy of Ghana", then the release's headline)."""
    below = [
        j for j in heading_below(lines, rules, i) if is_headline(lines[j], rules[j], recurring)
    ]
    for n, j in enumerate(below):
        kind = frames(lines[i], lines[j])
        if kind is not None and (kind != "suffix" or n == len(below) - 1):
            return j
    return None


def heading_below(lines: list[str], rules: list[str | None], i: int) -> list[int]:
    """The lines below line ``i`` that may be the page's heading: up to the body's first
    long sentence, within the window."""
    found = []
    for j in range(i + 1, min(i + REPEAT_WINDOW, len(lines))):
        if body_begins(lines[j], rules[j]):
            break
        found.append(j)
    return found


def numbered(line: str) -> bool:
    """ "• 2017•12•26 Maastricht": digits and a word at most, a date and place under the
    heading, not the heading (menus stand at the very top, "Statement" may head a page)."""
    return any(c.isdigit() for c in line) and alpha_words(line) < HEADLINE_MIN_ALPHA_WORDS


# the line over the bodies a joint statement or an open letter lists, one per line
SIGNING_LEAD_IN = re.compile(
    r"^(signed( by)?|co-signed by|signatories|signatory (organi[sz]ations|groups)|endorsed by|"
    r"endorsing (organi[sz]ations|groups)|undersigned( organi[sz]ations)?)\s*[:,]?\s*$",
    re.IGNORECASE,
)
LIST_BULLET = re.compile(r"^[•·*\-–]\s*")
ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&.\-]{1,12}\)$")
LISTED_NAME_WORDS = 12
LIST_JOINERS = ("and", "&")  # "The Refugee Council of Australia / and / Academics for ..."
COMPANY_ENDS = ("Inc.", "Ltd.", "Co.", "Corp.")
NAME_PARTICLES = frozenset({"of", "and", "for", "the", "in", "on", "to", "&", "de", "la", "du"})
NAME_CAPITALS = 0.75  # a body's name is title case; a story's headline seldom


def listed_name(line: str) -> tuple[int, int] | None:
    """The span of the body's name a signer list's line holds (its bullet, a leading "The"
    and a trailing "(ACRONYM)" left out), if the line is shaped as a name: title case,
    short, with no sentence's end and no comma (a person's entry: "John Smith, Chair of
    ...")."""
    bullet = LIST_BULLET.match(line.lstrip())
    start = len(line) - len(line.lstrip()) + (bullet.end() if bullet else 0)
    start += 4 if line[start:].startswith("The ") else 0  # the article is no part of the name
    name = ACRONYM_AFTER.sub("", line[start:].rstrip())
    words = name.split()
    if not words or not name[0].isupper() or len(words) > LISTED_NAME_WORDS:
        return None
    if "," in name or ":" in name or name.endswith(("!", "?", ";")):
        return None
    if name.endswith(".") and not name.endswith(COMPANY_ENDS):
        return None
    content = [w for w in words if w.casefold() not in NAME_PARTICLES]
    capitalised = [w for w in content if w[0].isupper() or w[0].isdigit()]
    if len(capitalised) < NAME_CAPITALS * len(content):  # "Farmers protest over prices"
        return None
    return start, start + len(name)


def signer_lines(lines: list[str], ends: Callable[[int], bool] | None = None) -> list[int]:
    """The indices of the lines a signing line ("Signed,", "Signed by:", "Endorsing
    organisations:") lists under it, one body's name each, up to the first line that is
    not a name, a closing heading ("Notes to editors", "For more information") or a line
    ``ends`` says is chrome (blank lines and a lone "and" pass)."""
    found: list[int] = []
    in_list = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if SIGNING_LEAD_IN.match(stripped):
            in_list = True
        elif in_list and stripped and stripped.casefold() not in LIST_JOINERS:
            closing = LIST_END.match(stripped) or (ends is not None and ends(i))
            if closing or listed_name(line) is None:
                in_list = False
            else:
                found.append(i)
    return found


# the headings and links that close a list of signers: the page goes on with other matter
LIST_END = re.compile(
    r"^(notes? (to|for) editors|for (more|further) information|(media|press) contacts?|"
    r"contacts?( us)?|about( us|\s.*)?|read more|share( this)?|related\b.*|follow us\b.*|"
    r"privacy( policy)?|home|news|menu|back( to top)?)\s*:?$",
    re.IGNORECASE,
)


NAME_GLUE = ("of", "for", "the", "and", "in", "on", "to")  # lower-case words inside a name
MASTHEAD_MAX_WORDS = 6  # a longer line in capitals is a title-case headline


def is_masthead(line: str) -> bool:
    """A body's name printed over the page ("FAO Regional Office for Africa", "Government
    of Republic of Moldova", "UNHCR Regional Office"): a few words, each a capital's but
    the glue of a name, the head word a body's, and only a place after its "of" or "for"
    ("Government of Ghana Signs MoU" is a headline)."""
    found = WORD.findall(line)
    if not 2 <= len(found) <= MASTHEAD_MAX_WORDS or sentence_cased(line):
        return False
    head = head_index([w.casefold() for w in found])
    if found[head].casefold() not in words_of("org_heads"):
        return False
    return head == len(found) - 1 or names_a_place(" ".join(found[head + 2 :]))


BYLINE_MAX_WORDS = 3


def byline_over_date(lines: list[str], i: int) -> bool:
    """A name of two or three capitalised words right above a line that is a date and
    nothing else ("Kreetika Kumar" over "April 3, 2022 4:08 pm"): the author's byline, not
    a headline ("Migration Network Meeting" over "26 December 2017" is one, and "Addis
    Ababa" over "12 June 2023" the dateline's place)."""
    line = lines[i]
    found = WORD.findall(line)
    if not 2 <= len(found) <= BYLINE_MAX_WORDS or not all(w[0].isupper() for w in found):
        return False
    kinds = words_of("org_heads") | words_of("meeting_nouns")
    if "," in line or any(w.casefold() in kinds for w in found) or names_a_place(line):
        return False
    return i + 1 < len(lines) and date_only(lines[i + 1])


def sentence_cased(line: str) -> bool:
    """A word in lower case that is no glue of a name: "Fiji-UAE signs MOU", not "Home"."""
    return any(w[0].islower() and w not in NAME_GLUE for w in WORD.findall(line))


def date_only(line: str) -> bool:
    """A line that gives a date and maybe its hour, nothing else ("April 3, 2022 4:08 pm",
    "2022-04-03")."""
    dated, rest = date_words(line)
    return dated and all(w in ("am", "pm") for w in rest)


def date_words(line: str) -> tuple[bool, list[str]]:
    """Whether ``line`` names a month or a year, and its words that are no part of a date
    (month and weekday names, numbers, ISO days)."""
    found = [w.casefold().rstrip(".") for w in WORD.findall(line)]
    dated = any(w in MONTHS or YEAR.fullmatch(w) or ISO_DAY.fullmatch(w) for w in found)
    calendar_words = MONTHS | WEEKDAYS
    rest = [w for w in found if w not in calendar_words and not w.isdigit()]
    return dated, [w for w in rest if not ISO_DAY.fullmatch(w)]


ISO_DAY = re.compile(r"(19|20)\d\d-\d\d-\d\d")
