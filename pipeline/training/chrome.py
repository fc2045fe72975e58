"""The learned chrome-line classifier: labels, training, and its leave-site-out measure.

Every body line the cleaning rules keep is a candidate; it is chrome where the gold lists
it (or most of it) among the release's ``boilerplate`` lines, and never where it holds the
gold's first or last body words. Held-out sites are measured by ``score.py``'s cleaning
checks, the pages cut again with the model's choices."""

from __future__ import annotations

from pathlib import Path

from .. import chrome
from ..clean import Layout, cleaned, layout
from ..evaluate import Tally, flat, score_cleaning
from ..learn import LinearModel, fit, gains
from .data import folds

CONFIG: dict[str, float] = {"l2": 2.0, "epochs": 400, "rate": 0.5, "min_count": 2}
THRESHOLD = 0.6  # a body line lost costs more than a line of chrome kept
MARGIN = 0.005  # cleaning checks held out: about eight more of some 1,500
GLUED_SHARE = 0.5  # a boilerplate string this share of a line names the line


def recurring_of(corpus: Path) -> dict[str, frozenset[str]]:
    """Each release's recurring lines, as a run over ``corpus`` finds them."""
    from ..run.cleaning import as_hashes, corpus_recurring, hashed_lines

    paths = sorted(corpus.glob("*.txt"))
    hashed = {p.name: hashed_lines(p.read_text(encoding="utf-8")) for p in paths}
    found = set(corpus_recurring([as_hashes(lines) for lines in hashed.values()]).tolist())
    return {
        name: frozenset(line for line, h in lines.items() if h in found)
        for name, lines in hashed.items()
    }


def release_rows(name: str, text: str, recurring: frozenset[str], gold: dict) -> list[dict]:
    page = layout(text, recurring)
    if page is None:
        return []
    seen = chrome.PageWords.of(page)
    return [
        {
            "doc": name,
            "line": i,
            "text": page.numbered[i][1],
            "features": chrome.line_features(page, i, seen),
            "label": int(is_chrome(page.numbered[i][1], gold)),
        }
        for i in chrome.candidates(page)
    ]


def is_chrome(line: str, gold: dict) -> bool:
    """The gold lists ``line`` (or most of it) as boilerplate, and it holds no body end."""
    text = flat(line)
    if any(flat(gold[key]) in text for key in ("body_first", "body_last") if gold.get(key)):
        return False
    for b in map(flat, gold.get("boilerplate", [])):
        if b == text or (len(b) >= 12 and b in text and len(b) >= GLUED_SHARE * len(text)):
            return True
    return False


def train(rows: list[dict], _releases: dict | None = None) -> LinearModel:
    model = fit(((r["features"], r["label"]) for r in rows), **CONFIG)  # type: ignore[arg-type]
    model.threshold = THRESHOLD
    return model


def page_of(release: dict) -> Layout | None:
    text = Path(release["path"]).read_text(encoding="utf-8")
    return layout(text, frozenset(release.get("recurring", ())))


def scores(releases: dict[str, dict], model: LinearModel | None) -> dict:
    """score.py's cleaning checks over the releases, cut with the model's choices (the
    rules' where ``model`` is None), and how many candidate lines each side removes."""
    tally = Tally()
    removed = {"chrome": 0, "body": 0}
    for name, release in releases.items():
        page = page_of(release)
        if page is None:
            continue
        judged = chrome.judged(page, model) if model is not None else {}
        for i in judged:
            key = "chrome" if is_chrome(page.numbered[i][1], release["gold"]) else "body"
            removed[key] += 1
        result = cleaned(page, judged)
        score_cleaning(tally, name, {"title": result.title, "text": result.text}, release["gold"])
    return {
        "cleaning": round(tally.clean_ok / tally.clean_n, 4) if tally.clean_n else 0.0,
        "checks": tally.clean_n,
        "passed": tally.clean_ok,
        "removed_chrome": removed["chrome"],
        "removed_body": removed["body"],
    }


def pooled(parts: list[dict]) -> dict:
    total = {key: sum(p[key] for p in parts) for key in parts[0] if key != "cleaning"}
    return {"cleaning": round(total["passed"] / max(total["checks"], 1), 4)} | total


def crossval(rows: list[dict], releases: dict[str, dict], k: int) -> dict:
    """Rules alone and rules + the model on the same held-out sites, fold by fold and
    pooled over every fold's held-out releases."""
    table: list[dict] = []
    for n, held in enumerate(folds(releases, k)):
        test = {name: r for name, r in releases.items() if r["site"] in held}
        model = train([r for r in rows if r["site"] not in held])
        table.append(
            {
                "fold": n,
                "sites": len(held),
                "releases": len(test),
                "rules": scores(test, None),
                "model": scores(test, model),
            }
        )
    both = {side: pooled([row[side] for row in table]) for side in ("rules", "model")}
    return {"part": "chrome", "folds": table, "pooled": both}


def beats_rules(pooled: dict) -> bool:
    """More cleaning checks pass on held-out sites, by ``MARGIN``."""
    return gains(pooled["model"]["cleaning"], pooled["rules"]["cleaning"], MARGIN)
