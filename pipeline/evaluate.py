"""Score output tables against hand-made gold annotations.

Gold files follow the annotation guidelines (one ``<document>.gold.json`` per
corpus document). Names match after case folding and stripping quotes,
articles and possessives; agreement parties, signatories and commitment
actors also match leniently (one name inside the other, if it covers most of
it). Reported: cleaning checks, entity P/R/F1 per label, date
normalisation, agreements (with parties, signatories, type, date, place) and
commitments (with modality and actors), and an ``overall`` mean.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import storage
from .gold import read_gold

LABELS = ("PERSON", "ORG", "PLACE", "DATE")
PUNCT_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def name_key(value) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(PUNCT_MAP).casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:'\"()[]")
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s$", "", text).strip()


def flat(value) -> str:
    return re.sub(
        r"\s+", " ", unicodedata.normalize("NFKC", str(value or "")).translate(PUNCT_MAP)
    ).strip()


STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "were",
        "will",
        "shall",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "has",
        "have",
        "had",
        "as",
        "than",
        "also",
        "both",
        "all",
        "any",
        "each",
        "such",
        "other",
        "more",
        "most",
        "new",
    ]
)


def stems(text) -> set[str]:
    return {
        w[:5] for w in re.findall(r"[a-z]+", name_key(text)) if len(w) > 2 and w not in STOP_WORDS
    }


def action_recall(pred, gold) -> float:
    """The share of the gold action's content words (5-letter stems) the predicted action
    holds: a cut-off or wrong action scores low, a whole one about 1 (not in ``overall``)."""
    wanted = stems(gold)
    return len(wanted & stems(pred)) / len(wanted) if wanted else 1.0


Forms = dict[str, set[str]]  # a canonical name -> the surface forms it was given for


def same_name(pred: str, aliases: list[str], lenient: bool, forms: Forms | None = None) -> bool:
    """Does a predicted name match one of a gold entity's names? Through ``forms`` a
    canonical "International Organization for Migration" matches a gold "IOM" when the
    document's entities gave that norm to that text."""
    p = name_key(pred)
    if not p:
        return False
    if forms:
        return any(same_name(f, aliases, lenient) for f in {pred, *forms.get(p, ())})
    for alias in map(name_key, aliases):
        if p == alias:
            return True
        if lenient and alias and (alias in p or p in alias):
            short, long_ = sorted((p, alias), key=len)
            if len(short) / len(long_) >= 0.6 or len(short.split()) >= 2:
                return True
    return False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "p": round(self.precision, 3),
            "r": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def match(preds: list[str], gold: list[list[str]], lenient: bool, forms: Forms | None = None):
    """(tp, fp, fn, false positives, missed gold entities); one hit per gold entity."""
    hit = [False] * len(gold)
    false_pos, seen = [], set()
    for pred in preds:
        key = name_key(pred)
        if not key or key in seen:
            continue
        seen.add(key)
        matched = False
        for i, aliases in enumerate(gold):
            if same_name(pred, aliases, lenient, forms):
                hit[i] = matched = True
        if not matched:
            false_pos.append(pred)
    tp = sum(hit)
    missed = [g for g, h in zip(gold, hit, strict=False) if not h]
    return tp, len(false_pos), len(gold) - tp, false_pos, missed


def as_list(value) -> list:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return list(value)


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


@dataclass
class Tally:
    """Counts over every gold document, and a note for every miss."""

    clean_ok: int = 0
    clean_n: int = 0
    ent: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    dates_ok: int = 0
    dates_n: int = 0
    agr: Counts = field(default_factory=Counts)
    parties: Counts = field(default_factory=Counts)
    signers: Counts = field(default_factory=Counts)
    type_ok: int = 0
    date_ok: int = 0
    place_ok: int = 0
    pairs: int = 0
    com: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    modality_ok: int = 0
    com_pairs: int = 0
    action_n: int = 0
    action_cover: float = 0.0
    notes: list[str] = field(default_factory=list)


def score(outputs: Path, gold_dir: Path) -> tuple[dict, list[str]]:
    gold = read_gold(gold_dir)
    tables = storage.read_dataset(outputs, ("documents", "entities", "agreements", "commitments"))
    docs, ents = tables["documents"], tables["entities"]
    agrs, coms = tables["agreements"], tables["commitments"]
    by_name = {Path(str(s)).name: d for s, d in zip(docs["source"], docs["doc_id"], strict=False)}
    tally = Tally()
    for g in gold:
        name = g["doc"]
        doc_id = by_name.get(name)
        row = docs[docs["doc_id"] == doc_id].iloc[0] if doc_id is not None else None
        if row is None:
            tally.notes.append(f"{name}: not in documents table")
        doc_ents = ents[ents["doc_id"] == doc_id]
        forms: Forms = {}
        for text, norm in zip(doc_ents["text"], doc_ents["norm"], strict=True):
            if not missing(norm):
                forms.setdefault(name_key(norm), set()).add(text)
        score_cleaning(tally, name, row, g)
        score_entities(tally, name, doc_ents, g)
        score_agreements(tally, name, agrs[agrs["doc_id"] == doc_id], g, forms)
        score_commitments(tally, name, coms[coms["doc_id"] == doc_id], g, forms)
    result = result_of(tally)
    gold_names = {g["doc"] for g in gold}
    result["coverage"] = {
        "scored": sum(1 for g in gold if g["doc"] in by_name),
        "without_gold": sorted(
            Path(str(s)).name for s in docs["source"] if Path(str(s)).name not in gold_names
        ),
    }
    return result, tally.notes


def score_cleaning(tally: Tally, name: str, row, g: dict) -> None:
    text = flat(row["text"]) if row is not None else ""
    lines = {flat(line) for line in str(row["text"] if row is not None else "").splitlines()}
    checks = [
        ("title", row is not None and flat(row["title"]) == flat(g["title"])),
        ("body_first", flat(g["body_first"]) in text),
        ("body_last", flat(g["body_last"]) in text),
    ]
    for line in g.get("boilerplate", []):
        line = flat(line)
        if line in ("", "-"):
            gone = "-" not in lines if line == "-" else True
        else:
            gone = line not in text if len(line) >= 12 else line not in lines
        checks.append((f"boilerplate {line[:30]!r}", gone))
    tally.clean_n += len(checks)
    tally.clean_ok += sum(ok for _, ok in checks)
    tally.notes += [f"{name}: cleaning failed {what}" for what, ok in checks if not ok]


def score_entities(tally: Tally, name: str, doc_ents, g: dict) -> None:
    for label in LABELS:
        items = g.get("entities", {}).get(label, [])
        aliases = [[d["text"]] for d in items] if label == "DATE" else items
        preds = list(doc_ents[doc_ents["label"] == label]["text"])
        tp, fp, fn, fps, fns = match(preds, aliases, lenient=False)
        tally.ent[label].add(tp, fp, fn)
        tally.notes += [f"{name}: {label} false positive {x!r}" for x in fps]
        tally.notes += [f"{name}: {label} missed {x[0]!r}" for x in fns]
        if label == "DATE":
            score_date_values(tally, name, doc_ents, items)


def score_date_values(tally: Tally, name: str, doc_ents, items: list[dict]) -> None:
    for d in items:
        rows = doc_ents[
            (doc_ents["label"] == "DATE") & (doc_ents["text"].map(name_key) == name_key(d["text"]))
        ]
        if len(rows):
            tally.dates_n += 1
            if str(rows.iloc[0]["norm"]) == str(d["value"]):
                tally.dates_ok += 1
            else:
                tally.notes.append(
                    f"{name}: DATE {d['text']!r} -> {rows.iloc[0]['norm']!r}, gold {d['value']!r}"
                )


def score_agreements(tally: Tally, name: str, doc_agrs, g: dict, forms: Forms) -> None:
    used: set = set()
    for ga in g.get("agreements", []):
        best, best_tp = None, -1
        for i, a in doc_agrs.iterrows():
            if i not in used:
                tp = match(as_list(a["parties"]), ga["parties"], lenient=True, forms=forms)[0]
                if tp > best_tp:
                    best, best_tp = i, tp
        if best is None:
            tally.agr.add(0, 0, 1)
            tally.parties.add(0, 0, len(ga["parties"]))
            tally.signers.add(0, 0, len(ga.get("signatories", [])))
            tally.notes.append(f"{name}: agreement missed ({ga['type']}: {ga.get('name')})")
            continue
        used.add(best)
        score_agreement_pair(tally, name, doc_agrs.loc[best], ga, forms)
    extra = len(doc_agrs) - len(used)
    if extra:
        tally.agr.add(0, extra, 0)
        tally.notes.append(f"{name}: {extra} agreement(s) not in gold")


def score_agreement_pair(tally: Tally, name: str, a, ga: dict, forms: Forms) -> None:
    tally.agr.add(1, 0, 0)
    tally.pairs += 1
    tp, fp, fn, fps, fns = match(as_list(a["parties"]), ga["parties"], lenient=True, forms=forms)
    tally.parties.add(tp, fp, fn)
    if fps or fns:
        tally.notes.append(f"{name}: parties extra {fps} missed {[x[0] for x in fns]}")
    pred_names = [s["name"] for s in as_list(a["signatories"]) if s is not None]
    gold_names = [[s["name"]] for s in ga.get("signatories", [])]
    tally.signers.add(*match(pred_names, gold_names, lenient=True)[:3])
    tally.type_ok += str(a["type"]) == ga["type"]
    tally.date_ok += str("" if missing(a["date"]) else a["date"]) == str(ga.get("date") or "")
    tally.place_ok += name_key(None if missing(a["place"]) else a["place"]) == name_key(
        ga.get("place")
    )


def score_commitments(tally: Tally, name: str, doc_coms, g: dict, forms: Forms) -> None:
    sentences = [flat(s) for s in doc_coms["sentence"]]
    used: set = set()
    for gc in g.get("commitments", []):
        key = flat(gc["sentence_contains"])
        found = [i for i, s in enumerate(sentences) if key in s and i not in used]
        if not found:
            tally.com.add(0, 0, 1)
            tally.notes.append(f"{name}: commitment missed {gc['modality']}: {key[:70]!r}")
            continue
        used.add(found[0])
        c = doc_coms.iloc[found[0]]
        tally.com.add(1, 0, 0)
        tally.com_pairs += 1
        tally.modality_ok += str(c["modality"]) == gc["modality"]
        if gc.get("action"):
            tally.action_n += 1
            tally.action_cover += action_recall(
                None if missing(c["action"]) else c["action"], gc["action"]
            )
        tp, fp, fn, fps, fns = match(as_list(c["actors"]), gc["actors"], lenient=True, forms=forms)
        tally.actors.add(tp, fp, fn)
        if str(c["modality"]) != gc["modality"] or fps or fns:
            tally.notes.append(
                f"{name}: commitment {key[:40]!r} modality {c['modality']}/{gc['modality']} "
                f"actors extra {fps} missed {[x[0] for x in fns]}"
            )
    extra = len(doc_coms) - len(used)
    if extra:
        tally.com.add(0, extra, 0)
        tally.notes += [
            f"{name}: commitment not in gold: {sentences[i][:80]!r}"
            for i in range(len(doc_coms))
            if i not in used
        ]


def ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 3) if n else None


def result_of(t: Tally) -> dict:
    all_ent = Counts()
    for label in LABELS:
        all_ent.add(t.ent[label].tp, t.ent[label].fp, t.ent[label].fn)
    cleaning = round(t.clean_ok / t.clean_n, 3) if t.clean_n else 0.0
    result = {
        "cleaning": cleaning,
        "entities": {label: t.ent[label].as_dict() for label in LABELS}
        | {"all": all_ent.as_dict()},
        "date_normalisation": ratio(t.dates_ok, t.dates_n),
        "agreements": t.agr.as_dict()
        | {
            "parties_f1": round(t.parties.f1, 3),
            "signatories_f1": round(t.signers.f1, 3),
            "type_acc": ratio(t.type_ok, t.pairs),
            "date_acc": ratio(t.date_ok, t.pairs),
            "place_acc": ratio(t.place_ok, t.pairs),
        },
        "commitments": t.com.as_dict()
        | {
            "modality_acc": ratio(t.modality_ok, t.com_pairs),
            "actors_f1": round(t.actors.f1, 3),
            "action_recall": round(t.action_cover / t.action_n, 3) if t.action_n else None,
        },
    }
    result["overall"] = round(
        (cleaning + all_ent.f1 + t.agr.f1 * t.parties.f1 + t.com.f1 * t.actors.f1) / 4, 3
    )
    return result


def format_report(result: dict) -> str:
    lines = [f"cleaning checks passed     {result['cleaning']:.3f}"]
    for label, r in result["entities"].items():
        lines.append(f"entities {label:<7} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}")
    lines.append(f"date normalisation         {result['date_normalisation']}")
    a = result["agreements"]
    lines.append(
        f"agreements     P {a['p']:.3f} R {a['r']:.3f} F1 {a['f1']:.3f}  parties F1 "
        f"{a['parties_f1']}  signatories F1 {a['signatories_f1']}  type {a['type_acc']} "
        f"date {a['date_acc']} place {a['place_acc']}"
    )
    c = result["commitments"]
    lines.append(
        f"commitments    P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}  modality "
        f"{c['modality_acc']}  actors F1 {c['actors_f1']}  action {c['action_recall']}"
    )
    lines.append(f"overall {result['overall']:.3f}")
    return "\n".join(lines)
