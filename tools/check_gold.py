"""Check a blind batch's gold files against their texts, for the annotators of
tests/dev/BLIND_BRIEF.md: python tools/check_gold.py CORPUS_DIR GOLD_DIR.

Reports JSON shape problems and quoted strings that do not occur in the text
(whitespace-normalised). It reads no pipeline output, so annotators may run it.
"""

import json
import re
import sys
from pathlib import Path

TYPES = {
    "agreement",
    "memorandum",
    "joint_statement",
    "declaration",
    "network",
    "partnership",
    "other",
}
MODALITIES = {"agree", "commit", "will", "aim", "call"}
KEYS = {
    "doc",
    "source",
    "title",
    "boilerplate",
    "body_first",
    "body_last",
    "entities",
    "agreements",
    "commitments",
}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def check(text_path: Path, gold_path: Path) -> list[str]:
    problems = []
    text = norm(text_path.read_text(encoding="utf-8"))
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"not JSON: {e}"]
    if set(g) != KEYS:
        problems.append(f"keys {sorted(g)} != {sorted(KEYS)}")
        return problems

    def occurs(s, what):
        if s and norm(s) not in text:
            problems.append(f"{what} not in text: {s[:80]!r}")

    if g["doc"] != text_path.name:
        problems.append(f"doc {g['doc']!r} != file name {text_path.name!r}")
    occurs(g["title"], "title")
    for b in g["boilerplate"]:
        occurs(b, "boilerplate line")
    occurs(g["body_first"], "body_first")
    occurs(g["body_last"], "body_last")
    ents = g["entities"]
    if set(ents) != {"PERSON", "ORG", "PLACE", "DATE"}:
        problems.append(f"entity labels {sorted(ents)}")
    for label in ("PERSON", "ORG", "PLACE"):
        for group in ents.get(label, []):
            if not isinstance(group, list) or not group:
                problems.append(f"{label} entry must be a non-empty list of names: {group!r}")
                continue
            for name in group:
                occurs(name, f"{label} name")
    for d in ents.get("DATE", []):
        if not isinstance(d, dict) or set(d) != {"text", "value"}:
            problems.append(f"DATE entry must be {{text, value}}: {d!r}")
            continue
        occurs(d["text"], "DATE text")
    for a in g["agreements"]:
        if set(a) != {"type", "name", "parties", "signatories", "date", "place"}:
            problems.append(f"agreement keys {sorted(a)}")
            continue
        if a["type"] not in TYPES:
            problems.append(f"agreement type {a['type']!r}")
        for p in a["parties"]:
            if not isinstance(p, list) or not p:
                problems.append(f"party must be a non-empty list of names: {p!r}")
        for s in a["signatories"]:
            if set(s) != {"name", "role", "org"}:
                problems.append(f"signatory keys {sorted(s)}")
            else:
                occurs(s["name"], "signatory name")
    for c in g["commitments"]:
        if set(c) != {"sentence_contains", "actors", "modality", "action"}:
            problems.append(f"commitment keys {sorted(c)}")
            continue
        occurs(c["sentence_contains"], "sentence_contains")
        if c["modality"] not in MODALITIES:
            problems.append(f"modality {c['modality']!r}")
    return problems


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: python tools/check_gold.py CORPUS_DIR GOLD_DIR")
    corpus, gold = Path(sys.argv[1]), Path(sys.argv[2])
    bad = 0
    for text_path in sorted(corpus.glob("*.txt")):
        gold_path = gold / (text_path.name + ".gold.json")
        if not gold_path.exists():
            print(f"{text_path.name}: no gold file")
            bad += 1
            continue
        for p in check(text_path, gold_path):
            print(f"{text_path.name}: {p}")
            bad += 1
    print("OK" if not bad else f"{bad} problem(s)")


if __name__ == "__main__":
    main()
