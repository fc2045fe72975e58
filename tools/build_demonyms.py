"""Regenerate pipeline/patterns/demonyms.jsonl: each country's nationality adjective
("British", "Dutch", "Swiss", "Filipino", "Emirati") and its ISO 3166-1 code, from the
country data of the ``countryinfo`` package (MIT licence; every country and territory,
each with its demonym). Only one-word adjectives of current ISO 3166-1 codes (pycountry;
not "Serbian/Montenegrin" of the withdrawn CS), no word that is a country's or a
territory's own name ("Djibouti"), and no word several territories share ("American",
"French", "Congolese": the prefix rule of ``places.demonym_country`` decides those);
"Antiguan,Barbudan" gives both words.

Run: pip install countryinfo==1.0.1 && python tools/build_demonyms.py
"""

import json
import re
from pathlib import Path

import countryinfo

DATA = Path(countryinfo.__file__).parent / "data"
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "demonyms.jsonl"


def demonyms() -> dict[str, str]:
    import pycountry

    current = {c.alpha_2 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    names: set[str] = set()
    for path in sorted(DATA.glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        names.add((row.get("name") or "").casefold())
        code = (row.get("ISO") or {}).get("alpha2")
        if not code or not row.get("demonym"):
            continue
        for word in re.split(r"[,/]", row["demonym"]):
            word = word.strip()
            if word.isalpha():
                found.setdefault(word, set()).add(code)
    return {
        word: next(iter(codes))
        for word, codes in found.items()
        if len(codes) == 1 and codes <= current and word.casefold() not in names
    }


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
        for word, code in sorted(demonyms().items())
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} demonyms -> {OUT}")


if __name__ == "__main__":
    main()
