"""Regenerate pipeline/patterns/demonyms.jsonl: each country's nationality adjective
("British", "Dutch", "Swiss", "Filipino", "Emirati") and its ISO 3166-1 code, from the
country data of the ``countryinfo`` package (MIT licence; every country and territory,
each with its demonym). A word several territories share goes to the most populous
("French": France, not Réunion); "Antiguan,Barbudan" gives both words.

Run: pip install countryinfo==1.0.1 && python tools/build_demonyms.py
"""

import json
import re
from pathlib import Path

import countryinfo

DATA = Path(countryinfo.__file__).parent / "data"
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "demonyms.jsonl"


def demonyms() -> dict[str, tuple[str, int]]:
    best: dict[str, tuple[str, int]] = {}
    for path in sorted(DATA.glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        code = (row.get("ISO") or {}).get("alpha2")
        if not code or not row.get("demonym"):
            continue
        population = int(row.get("population") or 0)
        for word in re.split(r"[,/]", row["demonym"]):
            word = word.strip()
            if word and (word not in best or population > best[word][1]):
                best[word] = (code, population)
    return best


def main() -> None:
    lines = [
        json.dumps(
            {
                "id": f"demonym.{code.lower()}.{word.lower().replace(' ', '_')}",
                "word": word,
                "country_code": code,
            },
            ensure_ascii=False,
        )
        for word, (code, _) in sorted(demonyms().items())
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} demonyms -> {OUT}")


if __name__ == "__main__":
    main()
