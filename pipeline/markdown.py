"""Markdown releases to plain text: the markup goes, the words stay.

A release saved as Markdown (``.md``) reads as the same release saved as text: headings
lose their ``#``, emphasis its ``*`` and ``_`` (so "*Accra, 12 March 2024* – IOM ..." is
a dateline again), links keep their words, images, rules, code fences and HTML tags go,
``* item`` and ``+ item`` become ``- item``, and the lines of one paragraph, which
Markdown wraps freely, become one line. A front matter's ``title`` is the headline and
its ``date`` a date line under it.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
QUOTE = re.compile(r"^\s{0,3}>\s?")
BULLET = re.compile(r"^(?P<indent>\s*)[*+]\s+")
LIST_START = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
REFERENCE_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*]+?)(?<=\S)\*(?![\w*])")
UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(?P<text>[^_]+?)(?<=\S)_(?![\w_])")
CODE = re.compile(r"`(?P<text>[^`]+)`")
ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!|])")
PRIVATE = 0xE000  # escaped marks wait in the private use area while markup goes
ESCAPED = re.compile("[\ue000-\ue07f]")
FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
FRONT_MATTER_LINES = 40


def markdown_to_text(text: str) -> str:
    """The release without its Markdown markup, one paragraph a line."""
    lines = front_matter(text.split("\n"))
    wraps = any(not line.strip() for line in lines)  # no blank line: each line a paragraph
    out: list[str] = []
    joinable = False  # the last output line is paragraph text another line continues
    fenced = False
    for i, raw in enumerate(lines):
        if FENCE.match(raw):
            fenced = not fenced
            joinable = False
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        kind, line = convert(raw, following, fenced)
        if kind == "skip":
            continue
        if kind == "blank":
            out.append("")
            joinable = False
            continue
        if kind == "text" and joinable and out:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        hard_break = raw.endswith(("  ", "\\"))
        joinable = wraps and kind == "text" and not hard_break and not fenced
    return "\n".join(out)


def convert(raw: str, following: str, fenced: bool) -> tuple[str, str]:
    """(kind, plain line) of one Markdown line: ``text`` (may continue a paragraph),
    ``block`` (a heading, list item or table row: a line of its own), ``blank`` or
    ``skip``."""
    if fenced:
        return ("block", raw.strip()) if raw.strip() else ("blank", "")
    if not raw.strip():
        return "blank", ""
    if RULE.match(raw) or TABLE_SEPARATOR.match(raw) or REFERENCE.match(raw):
        return "skip", ""
    if SETEXT_UNDERLINE.match(raw):
        return "skip", ""
    line = raw
    while QUOTE.match(line):
        line = QUOTE.sub("", line, count=1)
    heading = HEADING.match(line)
    if heading:
        return "block", inline(heading.group("text"))
    if SETEXT_UNDERLINE.match(following) and not LIST_START.match(line):
        return "block", inline(line.strip())
    if line.lstrip().startswith("|"):
        cells = [inline(c.strip()) for c in line.strip().strip("|").split("|")]
        return "block", " | ".join(c for c in cells if c)
    if LIST_START.match(line):
        return "block", inline(BULLET.sub(lambda m: m.group("indent") + "- ", line).strip())
    plain = inline(line.strip())
    return ("text", plain) if plain else ("skip", "")


def inline(text: str) -> str:
    """A line's words without inline markup (an escaped mark stays, as the mark)."""
    text = ESCAPE.sub(lambda m: chr(PRIVATE + ord(m.group("char"))), text)
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group("text"), text)
    text = REFERENCE_LINK.sub(lambda m: m.group("text"), text)
    text = AUTOLINK.sub(lambda m: m.group("url"), text)
    text = HTML_TAG.sub("", text)
    text = CODE.sub(lambda m: m.group("text"), text)
    for pattern in (STRONG, EMPHASIS, UNDERSCORE):
        text = pattern.sub(lambda m: m.group("text"), text)
    text = ESCAPED.sub(lambda m: chr(ord(m.group(0)) - PRIVATE), text)
    return re.sub(r"[ \t]+", " ", text).strip()


def front_matter(lines: list[str]) -> list[str]:
    """A YAML front matter ("---", "title: ...", "date: ...", "---") becomes the headline
    and a date line; its other keys go."""
    if not lines or lines[0].strip() != "---":
        return lines
    end = next(
        (i for i in range(1, min(len(lines), FRONT_MATTER_LINES)) if lines[i].strip() == "---"),
        None,
    )
    if end is None:
        return lines
    keys: dict[str, str] = {}
    for line in lines[1:end]:
        match = FRONT_MATTER_KEY.match(line)
        if match:
            keys[match.group("key").casefold()] = match.group("value").strip().strip("'\"")
    rest = lines[end + 1 :]
    head = [] if any(HEADING.match(line) for line in rest) else [keys.get("title", "")]
    head.append(long_date(keys.get("date", "")))
    return [part for line in head if line for part in (line, "")] + rest


ISO_DATE = re.compile(r"^(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
MONTHS = (  # in English whatever the locale (calendar.month_name follows it)
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(value: str) -> str:
    """ "2023-03-14" -> "14 March 2023", the form a release's date line has."""
    match = ISO_DATE.match(value)
    if not match or not 1 <= int(match.group("m")) <= len(MONTHS):
        return value
    return f"{int(match.group('d'))} {MONTHS[int(match.group('m')) - 1]} {match.group('y')}"
