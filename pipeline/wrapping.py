"""Hard-wrapped and run-in lines, for the cleaning (``clean``).

An aggregator's date field run into the line it dates is cut off it (``leading_field``)
before the rules read the page; the kept lines of a hard-wrapped release (plain text
broken at a fixed width, every line of a paragraph but its last near that width) are
joined back into their paragraphs (``unwrap``), where a bulleted line (``MENU_BULLET``,
also a shape of menu entries) always starts a paragraph of its own. A breadcrumb trail
run into the headline ("Home / News / A memorandum ...") is cut off it too.
"""

from __future__ import annotations

import re

from .rules.constants import BULLETS

# an aggregator's date field before a line of more than a short date ("date 2019-01-25 MoU
# for Iraqi migration ..."; "date 2018-06-07 07 Jun 2018" is one line of chrome)
LEADING_DATE_FIELD = re.compile(r"^(date\s+\d{4}-\d\d-\d\d)\s+(?=\S.{40,}$)")
MENU_BULLET = re.compile(rf"^[{re.escape(BULLETS)}>]\s*")

WRAP_MIN_LINES = 5
WRAP_MIN_WIDTH = 40  # narrower texts are lists and headings, not wrapped prose
WRAP_MAX_WIDTH = 90  # wider lines are paragraphs of a page, not a wrapped text
WIDE_WRAP_MAX_WIDTH = 110  # up to this width, a text wrapped mid-sentence is wrapped too
WIDE_WRAP_BREAKS = 0.3  # share of its full lines that a wide wrap breaks mid-sentence
WRAP_FULL = 0.7  # a line at least this share of the width was broken by the wrap
WRAP_SHARE = 0.6  # share of lines that must be full for the text to count as wrapped


# a breadcrumb trail from the home page run into the headline it ends on ("Home / News /
# UAE / A memorandum of understanding ...", "Home » ECOWAS Launches ...")
BREADCRUMB_HOME = re.compile(r"^(?:home|accueil|inicio)\s*[/»›>|]", re.IGNORECASE)
BREADCRUMB_SEPARATOR = re.compile(r"\s*[/»›>|]\s+")
BREADCRUMB_TITLE_WORDS = 3  # fewer: the trail's last step, no headline


def leading_field(line: str) -> list[str]:
    """ "date 2019-01-25 MoU for Iraqi migration ...": an aggregator's date field run into
    the line it dates is a line of its own (chrome, ``iso_date_stamp``); so is a
    breadcrumb trail run into the headline ("Home / News / UAE / A memorandum ...")."""
    found = LEADING_DATE_FIELD.match(line)
    if found:
        return [found.group(1), line[found.end() :]]
    if BREADCRUMB_HOME.match(line):
        for step in BREADCRUMB_SEPARATOR.finditer(line):  # the first step of a headline's size
            following = BREADCRUMB_SEPARATOR.search(line, step.end())
            words = line[step.end() : following.start() if following else len(line)].split()
            if len(words) >= BREADCRUMB_TITLE_WORDS:
                return [line[: step.end()].rstrip(), line[step.end() :]]
    return [line]


LIST_MARK_BEFORE_TITLE = re.compile(r"^\d{1,2}\.\s+(?=[A-Z])")
# a label or a date the site sets before the headline with a spaced dash ("Press Release -
# Labor Rights Groups Launch ...", "25/03/2019 - Extension of ..."), or a stray colon
LABEL_BEFORE_TITLE = re.compile(
    r"^(?:(?:press|news|media) release|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s+[-–—|]\s+(?=[^\d\s])"
    r"|^[:|]\s+(?=\S)",
    re.IGNORECASE,
)


# a content system's buttons printed after the headline: "... Cooperation Print E-mail"
TOOLBAR_AFTER_TITLE = re.compile(r"(?:\s+(?:PDF|Print|E-?mail)){2,}\s*$", re.IGNORECASE)


def bare_title(headline: str) -> str:
    """The headline without the bullet or the number that marks its place in a list of the
    site's stories ("• Statement of ...", "2. OFID commemorates ..."), the label or date
    set before it with a dash ("Press Release - ..."), nor the buttons after it ("Print
    E-mail")."""
    bare = LIST_MARK_BEFORE_TITLE.sub("", MENU_BULLET.sub("", headline))
    bare = LABEL_BEFORE_TITLE.sub("", bare)
    bare = TOOLBAR_AFTER_TITLE.sub("", bare)
    return bare or headline


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs; other texts are returned as they are."""
    if len(lines) < WRAP_MIN_LINES:
        return lines
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WIDE_WRAP_MAX_WIDTH:
        return lines
    full = [len(line) >= WRAP_FULL * width for line in lines]
    if sum(full) < WRAP_SHARE * len(lines):
        return lines
    if width > WRAP_MAX_WIDTH and mid_sentence_breaks(lines, full) < WIDE_WRAP_BREAKS:
        return lines  # a page's short paragraphs, not a wrapped text
    joined: list[str] = []
    for line, was_full in zip(lines, [False, *full[:-1]], strict=True):
        if was_full and joined and not MENU_BULLET.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def mid_sentence_breaks(lines: list[str], full: list[bool]) -> float:
    """The share of full lines whose sentence goes on in the next line, in lower case ("...
    linking Moroccan ICT development and | labour shortages"; not a list item or heading
    without a full stop over a line that opens a sentence)."""
    breaks = [
        not line.rstrip().endswith((".", "!", "?", ":", "\u201d", '"')) and following[:1].islower()
        for line, following, was_full in zip(lines, lines[1:], full, strict=False)
        if was_full
    ]
    return sum(breaks) / len(breaks) if breaks else 0.0
