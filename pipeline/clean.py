"""Strip web-page chrome from press releases saved as text.

General rules, no site-specific lists: everything before the headline is site
chrome (menus, blurbs); inside and after the body only lines that have the
shape of chrome are removed. Each removed line is reported with the rule that
removed it, for the ``boilerplate`` table.

Rules:
- ``lone_dash``: a line of dashes or bullets only.
- ``foreign_script``: a line written mostly in a non-Latin script (Cyrillic, Arabic,
  CJK ...) in an English release: a menu or a "related" heading of another
  language version of the site.
- ``foreign_language``: a line in another Latin-script language, by its function words
  (spaCy's stop words of 26 languages): a filter, menu or credit of the site.
- a crawler's date field run into a line ("date 2019-01-25 MoU for ...") is cut off it
  and removed as a line of its own (``pattern:iso_date_stamp``).
- ``metadata_value``: the short line under a metadata field's name ("Date published on
  source:" and then "25 June 2015").
- ``pattern:<id>``: a footer, share or cookie line from ``patterns/boilerplate.jsonl``.
- ``glued_heading``: a menu heading glued to the blurb under it ("WHO WE AREThe ...").
- ``doubled``: a menu item printed twice in a row.
- ``recurring``: a line found verbatim in several documents of the corpus.
- ``menu_item``: a short title-case line without sentence punctuation.
- ``byline_name``: an author's name right under the headline, over the release's date line
  ("Ama Owusu" over "April 3, 2022 4:08 pm"; ``page_lines.byline_over_date``).
- ``before_headline``: anything else above the headline.
- ``story_list``: a list of the site's other stories closing the page, each a headline
  beside its date or its blurb cut off mid-sentence (``page_lines.closing_story_list``).
- ``after_body``: anything after a heading of links to other pages ("Related
  news", a rule marked ``ends_body``) or in the run of chrome closing the page.

Kept lines of a hard-wrapped release (plain text broken at a fixed width, every
line of a paragraph but its last near that width) are joined back into their
paragraphs (``wrapping.unwrap``), so a sentence is never cut at a line break.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .headlines import find_headline
from .languages import is_foreign_language, is_foreign_script
from .nlp.text import has_headline
from .page_lines import (
    body_begins,
    byline_over_date,
    closing_story_list,
    signer_lines,
    word_count,
)
from .rules.constants import BULLETS, QUOTES_OPEN
from .rules.files import load_regex_rules, read_jsonl
from .wrapping import MENU_BULLET, bare_title, leading_field, unwrap

LONE_DASH = re.compile(rf"^[{re.escape(BULLETS)}|_=#~]+$")
# "WHO WE AREThe International ..." : an all-caps heading run into a capitalised word.
GLUED_CAPS_HEADING = re.compile(r"^((?:[A-Z][A-Z’'&\-]*\s+)+[A-Z’'&\-]*[A-Z])([A-Z](?!s\b)[a-z])")
# "Our WorkAs the leading ...": a title-case heading run into a capitalised word.
GLUED_TITLE_HEADING = re.compile(r"^((?:[A-Z][a-z]+\s+){1,4}[A-Z][a-z]{2,})([A-Z][a-z])")
SENTENCE_PUNCTUATION = re.compile(r"[.!?:;,\"“”]")

MENU_MAX_WORDS = 4
BULLET_MENU_MAX_WORDS = 5
RECURRING_MAX_WORDS = 8
RECURRING_MIN_DOCS = 2
PROSE_MIN_WORDS = 12
PROSE_END = re.compile(r"[.!?][\"”’)]?$")
INLINE_BOX_REACH = 3  # lines below a related-links heading where the article may go on
GOING_ON_WORDS = frozenset(("he", "she", "they", "it", "we", "this", "these", "his", "her"))
SAID = re.compile(r"\b(said|says|told|added|reported|stated|noted)\b")
METADATA_VALUE_MAX_WORDS = 8  # "Date published on source:" + "25 June 2015"


@dataclass
class CleanedText:
    title: str
    text: str
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # (line_no, text, rule)
    over_headline: str = ""  # the few lines above the headline that only the layout removed
    under_headline: str = ""  # the removed lines among the few under it ("Posted June 6, 2024")


MAX_PATTERN_LINE = 500  # footer, share and cookie lines are short


@lru_cache(maxsize=1)
def any_boilerplate_pattern() -> re.Pattern[str]:
    """All boilerplate patterns in one regex: a quick first test for every line."""
    rules = load_regex_rules("boilerplate.jsonl")
    return re.compile("|".join(f"(?:{regex.pattern})" for _, regex in rules), re.IGNORECASE)


@lru_cache(maxsize=1)
def body_end_rules() -> frozenset[str]:
    """The rules of boilerplate patterns marked ``"ends_body": true`` ("Related news")."""
    return frozenset(
        f"pattern:{row['id']}"
        for row in read_jsonl("boilerplate.jsonl", ("id", "regex"))
        if row.get("ends_body")
    )


def normalise_line(line: str) -> str:
    return " ".join(line.split())


def line_set(text: str) -> frozenset[str]:
    """The distinct non-empty lines of ``text``, white space normalised as ``clean_text`` does."""
    return frozenset(normalise_line(line) for line in text.split("\n")) - {""}


def recurring_lines(
    texts: Iterable[str | frozenset[str]], min_docs: int = RECURRING_MIN_DOCS
) -> frozenset[str]:
    """Lines that occur verbatim in at least ``min_docs`` of ``texts`` (texts, or their
    ``line_set``s).

    The signal is computed from the whole corpus of a run, so a document's
    cleaning does not depend on the order in which documents are processed.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(line_set(text) if isinstance(text, str) else text)
    return frozenset(line for line, n in counts.items() if n >= min_docs and len(line) > 1)


# "HomeImmigration NewsIOM ...": the breadcrumb's root run into a section, and a second
# junction of a lower-case letter and a capital further on (not "HomeNet South Asia ...")
GLUED_BREADCRUMB = re.compile(r"^(?:Home|HOME|Homepage)[A-Z][a-z]+.*?[a-z][A-Z]")


def is_menu_shaped(line: str) -> bool:
    """Short, capitalised, no sentence punctuation: how menu entries look."""
    bullet = MENU_BULLET.match(line)
    body = line[bullet.end() :] if bullet else line
    limit = BULLET_MENU_MAX_WORDS if bullet else MENU_MAX_WORDS
    if not body or word_count(body) > limit or len(body) > 40:
        return False
    if SENTENCE_PUNCTUATION.search(body):
        return False
    return body[0].isupper() or body[0].isdigit()


def glued_heading(line: str, short_lines: set[str]) -> bool:
    if GLUED_BREADCRUMB.match(line):
        return True  # "HomeImmigration NewsIOM Commends ...": a breadcrumb run into the title
    caps = GLUED_CAPS_HEADING.match(line)
    if caps and word_count(caps.group(1)) >= 2:
        return True
    title = GLUED_TITLE_HEADING.match(line)
    if title:
        heading = title.group(1)
        return heading.casefold() in short_lines or word_count(heading) >= 2
    # a short line of the page run into the next text: "Our Work" + "As the leading ..."
    for i in range(3, min(len(line), 41)):
        if line[i].isupper() and line[:i].casefold() in short_lines:
            return True
    return False


def chrome_rule(
    line: str,
    previous: str | None,
    following: str | None,
    short_lines: set[str],
    recurring: frozenset[str],
) -> str | None:
    """The chrome rule that ``line`` falls under, wherever it stands, or None."""
    if LONE_DASH.match(line):
        return "lone_dash"
    if is_foreign_script(line):
        return "foreign_script"
    if is_foreign_language(line):
        return "foreign_language"
    lowered = line.casefold()
    if len(lowered) <= MAX_PATTERN_LINE and any_boilerplate_pattern().search(lowered):
        for rule_id, regex in load_regex_rules("boilerplate.jsonl"):
            if regex.search(lowered):
                return f"pattern:{rule_id}"
    if glued_heading(line, short_lines):
        return "glued_heading"
    menu = is_menu_shaped(line)
    if menu and line in (previous, following):
        return "doubled"
    if line in recurring and (word_count(line) <= RECURRING_MAX_WORDS or menu):
        return "recurring"
    if menu:
        return "menu_item"
    return None


LIST_SHAPED = ("menu_item", "doubled")  # what a list's short lines look like

# rules that remove a line wherever it stands; the others only act outside the body
REMOVE_IN_BODY = (
    "lone_dash",
    "foreign_script",
    "foreign_language",
    "pattern:",
    "glued_heading",
    "metadata_value",
    "byline_name",
    "inline_link",
)


@dataclass
class Layout:
    """A page's lines as the rules read them: each line's chrome rule, the headline and
    where the body ends (``body_end``: the first line of the chrome closing the page)."""

    numbered: list[tuple[int, str]]  # (raw line number, normalised line)
    rules: list[str | None]
    headline: int
    body_end: int
    recurring: frozenset[str]
    signers: frozenset[int] = frozenset()  # the lines a signing line lists: body, never judged

    @cached_property
    def lines(self) -> list[str]:
        return [line for _, line in self.numbered]

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each line stands on the page."""
        return Counter(self.lines)

    def kept_in_body(self, i: int) -> bool:
        """Line ``i`` stands in the body and no rule removes it there."""
        rule = self.rules[i]
        return self.headline < i < self.body_end and not (
            rule is not None and rule.startswith(REMOVE_IN_BODY)
        )


def is_prose_line(line: str) -> bool:
    """A sentence of the article: long enough, and ending as sentences end (not a teaser
    cut short with "...")."""
    long = word_count(line) >= PROSE_MIN_WORDS and PROSE_END.search(line) is not None
    return long and not line.rstrip('”"’) ').endswith(("...", "…"))


def goes_on(line: str) -> bool:
    """A line that continues an article rather than opening a story of its own: a quote,
    a pronoun for someone named before, or a report of what was said ("She said there
    needed to be ...", "The website reported ...")."""
    first = line.split(maxsplit=1)[0].casefold() if line.strip() else ""
    return line[:1] in QUOTES_OPEN or first in GOING_ON_WORDS or SAID.search(line) is not None


def inline_link_boxes(lines: list[str], rules: list[str | None], headline: int) -> set[int]:
    """Headings of related links set inside the article ("RELATED:" over one linked
    headline) with the article going on below: two of the next three lines are its
    sentences, after a link or going on from what it told. The lines between such a
    heading and the prose are links, not body (the rules mark them ``inline_link``); the
    heading ends no body."""
    boxes = set()
    for i in range(headline + 1, len(lines)):
        if rules[i] != "pattern:related_links":
            continue
        after = range(i + 1, min(i + 1 + INLINE_BOX_REACH, len(lines)))
        prose = [j for j in after if rules[j] is None and is_prose_line(lines[j])]
        if len(prose) < 2 or not (prose[0] > i + 1 or goes_on(lines[prose[0]])):
            continue  # "Related news" over teasers of other stories: the body is over
        boxes.add(i)
        for j in range(i + 1, prose[0]):
            rules[j] = rules[j] or "inline_link"
    return boxes


def layout(raw_text: str, recurring: frozenset[str] = frozenset()) -> Layout | None:
    """The rules' reading of ``raw_text``; None for a text with no line."""
    raw_lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(no, normalise_line(line)) for no, line in enumerate(raw_lines, start=1)]
    numbered = [(no, part) for no, line in numbered for part in leading_field(line) if part]
    if not numbered:
        return None
    lines = [line for _, line in numbered]
    short_lines = {line.casefold() for line in lines if word_count(line) <= MENU_MAX_WORDS}
    rules: list[str | None] = []
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        following = lines[i + 1] if i + 1 < len(lines) else None
        rule = chrome_rule(line, previous, following, short_lines, recurring)
        if rule in (None, "menu_item") and i and rules[i - 1] == "pattern:metadata_label":
            rule = "metadata_value" if word_count(line) <= METADATA_VALUE_MAX_WORDS else None
        rules.append(rule)

    signers = frozenset(signer_lines(lines, lambda i: rules[i] not in (None, *LIST_SHAPED)))
    for i in signers:  # "Signed," over one body per line: the release's, however menu-shaped
        rules[i] = None
    headline = find_headline(lines, rules, recurring)
    below = headline + 1  # "Ama Owusu" under the headline, over "April 3, 2022 4:08 pm"
    if (
        below < len(lines)
        and rules[below] in (None, "menu_item")
        and byline_over_date(lines, below)
    ):
        rules[below] = "byline_name"

    # a heading of links to other pages ends the body; so do trailing lines of chrome
    inline = inline_link_boxes(lines, rules, headline)
    body_end = next(
        (
            i
            for i in range(headline + 1, len(lines))
            if rules[i] in body_end_rules() and i not in inline and None in rules[headline + 1 : i]
        ),
        len(lines),
    )  # a closing line ends a body that has begun, not the page under its headline
    stories = closing_story_list(lines, rules, recurring, headline)
    if stories is not None and stories < body_end and stories not in signers:
        rules[stories:] = [rule or "story_list" for rule in rules[stories:]]
        body_end = stories
    while body_end - 1 > headline and rules[body_end - 1] is not None:
        body_end -= 1
    return Layout(numbered, rules, headline, body_end, recurring, signers)


def clean_text(raw_text: str, recurring: frozenset[str] = frozenset()) -> CleanedText:
    """Split ``raw_text`` into headline, body text and removed chrome lines, by the rules
    alone (``chrome.clean_text`` adds the learned chrome-line classifier)."""
    page = layout(raw_text, recurring)
    return CleanedText("", "", []) if page is None else cleaned(page, {})


def cleaned(page: Layout, judged: dict[int, str]) -> CleanedText:
    """The page cut as ``page`` reads it; ``judged``: body lines a model found chrome
    (line index -> the model's rule id)."""
    removed: list[tuple[int, str, str]] = []
    kept: list[str] = []
    for i, ((line_no, line), rule) in enumerate(zip(page.numbered, page.rules, strict=True)):
        if i < page.headline:
            removed.append((line_no, line, rule or "before_headline"))
        elif i == page.headline:
            kept.append(bare_title(line))  # the title is the text's first line
        elif i in judged:
            removed.append((line_no, line, judged[i]))
        elif not page.kept_in_body(i):
            removed.append((line_no, line, rule or "after_body"))
        else:
            kept.append(line)
    first = page.numbered[page.headline][1]
    # a page that opens on its body's first paragraph has no headline to give
    opens_body = body_begins(first, page.rules[page.headline]) or not has_headline(first)
    title = "" if opens_body else kept[0]  # not has_headline: a page kept on one line
    over = "\n".join(  # nearest first: "• News article | • 13 November 2024 | • 1 min read"
        page.numbered[i][1]
        for i in range(page.headline - 1, max(-1, page.headline - 1 - OVER_LINES), -1)
        if page.rules[i] in (None, "menu_item") and not masthead(page, i)
    )
    under = "\n".join(
        page.numbered[i][1]
        for i in range(page.headline + 1, min(page.headline + 1 + UNDER_LINES, len(page.numbered)))
        if i in judged or not page.kept_in_body(i)
    )
    return CleanedText(title, "\n".join(kept[:1] + unwrap(kept[1:])), removed, over, under)


def masthead(page: Layout, i: int) -> bool:
    """Line ``i`` over the headline dates something else than the release: the page's
    masthead, printed on the day the page was read (the page's first line, unless the
    headline follows it, or a line by the weather: "Nairobi 24°C", "72 F | June 13, 2021"),
    or a list of other stories ("Related Stories", "Most Read", "Previous article" above)."""
    if i == 0:
        return page.headline > 1
    if any(TEMPERATURE.search(page.numbered[j][1]) for j in range(max(0, i - 2), i + 1)):
        return True
    return any(
        page.rules[j] in STORY_LISTS for j in range(max(0, i - STORY_LIST_REACH), page.headline)
    )


TEMPERATURE = re.compile(r"-?\d+(?:[.,]\d+)?\s*°\s*[CF]\b|^\s*-?\d+(?:[.,]\d+)?\s*[CF]\b")
STORY_LISTS = ("pattern:related_links", "pattern:pagination", "pattern:post_navigation")
STORY_LIST_REACH = 4  # lines over a date line where a list of stories may be headed
OVER_LINES = 3  # lines over a headline where a page prints its date above menu items
UNDER_LINES = 3  # lines under a headline where a page prints its date ("Posted ...", a time stamp)
