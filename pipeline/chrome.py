"""The learned chrome-line classifier: of the lines the cleaning rules keep in a body,
which are a site's chrome ("Tags: migration, labour", "Photo: IOM/2023", a reader's
comment) and which are the release's own.

The rules read the page (``clean.layout``); each body line no rule removes is described
by named features (its shape, its place between the headline and the body's end, whether
it recurs in the corpus, the rules that fired on it and its neighbours) and a linear
model trained on the gold's ``boilerplate`` lines (``training.chrome``) says whether it
is chrome. A removed line records ``model:chrome@0.91`` as its rule."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean import MENU_MAX_WORDS, CleanedText, Layout, cleaned, layout
from .languages import stop_words
from .learn import Features, LinearModel
from .nlp import places
from .nlp.learned import MODELS, learned_parts_on, models_dir
from .page_lines import WORD, body_begins, is_date_line, word_count
from .rules.lexicon import gazetteer_acronyms
from .wrapping import MENU_BULLET

MODEL_FILE = MODELS / "chrome.json"  # where `make train` ships it
RULE_PREFIX = "model:chrome"
LABEL_FIELD = re.compile(r"^[A-Z][\w'’ ]{0,24}:")  # "Tags:", "Photo credit:", "Source:"
DIGIT = re.compile(r"\d")
LEAD_SEGMENT = re.compile(r"^([^,–—(:|]+?)(?:\s+[-–—]\s|[,–—(:|]|$)")
LINK_MARKS = ("http", "www.", ".com", ".org", "@", "|", "©", "»", "›", "#")
WORD_BUCKETS = (1, 2, 3, 5, 8, 12, 20, 30)
OPEN_LINE_WORDS = 6
SIBLING_WINDOW = 3
EDGE = 2  # lines this near the headline or the body's end have a position of their own


def bucket(value: int, bounds: tuple[int, ...] = WORD_BUCKETS) -> str:
    return next((f"<={b}" for b in bounds if value <= b), f">{bounds[-1]}")


def line_features(page: Layout, i: int, seen: PageWords | None = None) -> Features:
    """What the rules and the page say of line ``i``, as named features."""
    seen = seen or PageWords.of(page)
    line = page.numbered[i][1]
    words = WORD.findall(line)
    f: dict[str, float] = {
        "rule=" + (page.rules[i] or "none"): 1.0,
        "words" + bucket(len(words)): 1.0,
        "end=" + end_mark(line): 1.0,
    }
    f.update(shape_features(line, words))
    f.update(position_features(page, i))
    if line in page.recurring:
        f["recurring"] = 1.0
    if page.counts[line] > 1:
        f["repeated_in_page"] = 1.0
    f.update(echo_features(words, seen))
    return f


@dataclass(frozen=True)
class PageWords:
    """The words of a page's headline and body, counted once for all its lines."""

    body: Counter[str]
    headline: frozenset[str]

    @classmethod
    def of(cls, page: Layout) -> PageWords:
        lines = page.lines
        body = Counter(
            w.casefold()
            for line in lines[page.headline : page.body_end]
            for w in WORD.findall(line)
        )
        return cls(body, frozenset(w.casefold() for w in WORD.findall(lines[page.headline])))


def echo_features(words: list[str], seen: PageWords) -> Features:
    """Whether the line's words (acronyms too) recur in the headline or elsewhere in the
    body: a dateline's place and a signatory's name do, a menu or a credit seldom does."""
    own = Counter(w.casefold() for w in words if len(w) > 3 or (len(w) > 1 and w.isupper()))
    if not own:
        return {"no_content_words": 1.0}
    echoed = sum(seen.body[w] > n for w, n in own.items()) / len(own)
    f: dict[str, float] = {"echoed" + bucket(round(10 * echoed), (0, 4, 9)): 1.0}
    if own.keys() & seen.headline:
        f["in_headline"] = 1.0
    return f


def end_mark(line: str) -> str:
    last = line.rstrip()[-1:]
    return last if last in ".!?:;,)”\"'" else ("digit" if last.isdigit() else "word")


def shape_features(line: str, words: list[str]) -> Features:
    f: dict[str, float] = {}
    if words:
        english, _ = stop_words()
        capitalised = sum(w[0].isupper() for w in words) / len(words)
        function = sum(w.casefold() in english for w in words) / len(words)
        f["capitalised" + bucket(round(capitalised * 10), (2, 5, 8, 10))] = 1.0
        f["function_words" + bucket(round(function * 10), (0, 1, 2, 3, 5))] = 1.0
        f["first=" + words[0].casefold()] = 1.0
        if line.isupper():
            f["all_caps"] = 1.0
        if words[0][0].islower():
            f["first_lower"] = 1.0
    digits = len(DIGIT.findall(line))
    if digits:
        f["digits" + bucket(round(10 * digits / len(line)), (1, 3, 10))] = 1.0
    if MENU_BULLET.match(line):
        f["bullet"] = 1.0
    if LABEL_FIELD.match(line):
        f["label_field"] = 1.0
    if is_date_line(line):
        f["date_line"] = 1.0
    lowered = line.casefold()
    f.update({"mark=" + mark: 1.0 for mark in LINK_MARKS if mark in lowered})
    if any(q in line for q in ("“", "”", '"')):
        f["quoted"] = 1.0
    return f


def position_features(page: Layout, i: int) -> Features:
    after_headline = i - page.headline
    before_end = page.body_end - i
    f: dict[str, float] = {}
    if after_headline <= EDGE:
        f[f"after_headline={after_headline}"] = 1.0
    if before_end <= EDGE:
        f[f"before_end={before_end}"] = 1.0
    span = max(page.body_end - page.headline - 1, 1)
    f["third=" + str(min(3 * (after_headline - 1) // span, 2))] = 1.0
    for side, j in (("previous", i - 1), ("next", i + 1)):
        if j <= page.headline:
            f[side + "=headline"] = 1.0
        elif j >= page.body_end:
            f[side + "=end"] = 1.0
        else:
            neighbour = page.numbered[j][1]
            f[side + "_rule=" + (page.rules[j] or "none")] = 1.0
            f[side + "_words" + bucket(word_count(neighbour), (3, 12))] = 1.0
    first = first_word(page.numbered[i][1])
    near = range(
        max(page.headline + 1, i - SIBLING_WINDOW), min(page.body_end, i + SIBLING_WINDOW + 1)
    )
    if first and any(j != i and first_word(page.numbered[j][1]) == first for j in near):
        f["sibling_item"] = 1.0  # "Action 1: ...", "Action 2: ...": a list, or a menu
    return f


def first_word(line: str) -> str:
    found = WORD.search(line)
    return found.group().casefold() if found else ""


def continues_sentence(page: Layout, i: int) -> bool:
    """Line ``i`` carries on a sentence the line above broke off (a hard-wrapped text)."""
    line, previous = page.numbered[i][1], page.numbered[i - 1][1]
    return (
        i - 1 > page.headline
        and line[:1].islower()
        and word_count(previous) >= OPEN_LINE_WORDS
        and end_mark(previous) in ("word", ",")
    )


def clean_text(
    raw_text: str, recurring: frozenset[str] = frozenset(), learned: bool = True
) -> CleanedText:
    """``clean.clean_text``, with the shipped classifier judging the body's lines no rule
    removes, unless ``learned`` is False or ``ACCORDS_LEARNED=off``."""
    page = layout(raw_text, recurring)
    if page is None:
        return CleanedText("", "", [])
    return cleaned(page, judged(page) if learned else {})


def candidates(page: Layout) -> list[int]:
    """The lines the model judges: the body's lines that no rule removes, but for a line
    carrying on a broken sentence, a sentence of over 25 words ending in a full stop (the
    rules' own mark of a body) and a line that opens with a known place or body (a
    dateline, "GENEVA –", "Palikir, Pohnpei – FSM Information Services"; a list of
    partners or towns) and the bodies a signing line lists ("Signed," over one per line)."""
    return [
        i
        for i in range(page.headline + 1, page.body_end)
        if page.kept_in_body(i)
        and i not in page.signers
        and not continues_sentence(page, i)
        and not body_begins(page.numbered[i][1], page.rules[i])
        and not opens_with_a_name(page.numbered[i][1])
    ]


def opens_with_a_name(line: str) -> bool:
    """The line's first segment (up to a comma, dash, bracket or colon) is a place the
    gazetteers know or a body's acronym the gazetteer knows; or the line is a short
    "Town, Country" (a dateline on a line of its own: "Nuku'alofa, Tonga", whose town
    no gazetteer spells so)."""
    found = LEAD_SEGMENT.match(line.strip(" •*·-–—"))
    lead = found.group(1).strip() if found else ""
    if lead and (lead in gazetteer_acronyms() or places.is_known_place(lead)):
        return True
    town, comma, country = line.strip().rpartition(",")
    return (
        bool(comma and town)
        and len(line.split()) <= DATELINE_WORDS
        and places.is_country(country.strip())
    )


DATELINE_WORDS = 6


MENU_BLOCK_RULE = "model:menu_block"  # decided by the model's verdicts on its neighbours


def judged(page: Layout, model: LinearModel | None = None) -> dict[int, str]:
    """Body lines the model (given, or the shipped one) finds chrome -> its rule id."""
    model = model or shipped_model()
    if model is None:
        return {}
    found: dict[int, str] = {}
    seen = PageWords.of(page)
    for i in candidates(page):
        chrome, p = model.decide(line_features(page, i, seen))
        if chrome:
            found[i] = f"{RULE_PREFIX}@{p:.2f}"
    return found | menu_blocks(page, found)


MENU_BLOCK_LINES = 4  # a shorter run of short lines may be a list of the body


def menu_blocks(page: Layout, found: dict[int, str]) -> dict[int, str]:
    """The rest of a menu the model half removed: in a run of at least four short lines with
    no blank line between ("Governor General | Prime Minister | The Cabinet | The
    Senate"), half or more of them chrome and one at least by the model's verdict, the
    lines the model judges are chrome too."""
    out: dict[int, str] = {}
    judged = set(candidates(page))  # never a line the classifier may not judge (a dateline)
    for run in short_line_runs(page):
        chrome = [i for i in run if i in found or not page.kept_in_body(i)]
        decided = any(i in found for i in run)
        if decided and len(run) >= MENU_BLOCK_LINES and 2 * len(chrome) >= len(run):
            out |= {i: MENU_BLOCK_RULE for i in run if i not in chrome and i in judged}
    return out


def short_line_runs(page: Layout) -> list[list[int]]:
    """Runs of consecutive short lines (no end stop) in the body, line numbers adjacent."""
    runs: list[list[int]] = []
    for i in range(page.headline + 1, page.body_end):
        line_no, line = page.numbered[i]
        if word_count(line) > MENU_MAX_WORDS or line.endswith((".", ":", ";", ",")):
            continue
        if runs and runs[-1][-1] == i - 1 and page.numbered[i - 1][0] == line_no - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def shipped_model() -> LinearModel | None:
    """The model in the folder of learned parts, unless ``ACCORDS_LEARNED=off``."""
    if not learned_parts_on():
        return None
    path = models_dir() / MODEL_FILE.name
    return load_model(path, path.stat().st_mtime_ns if path.exists() else None)


@lru_cache(maxsize=4)  # once per process and file version: workers clean many documents
def load_model(path: Path, version: int | None) -> LinearModel | None:
    return LinearModel.load(path) if version is not None else None
