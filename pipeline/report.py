"""A self-contained HTML report of an output folder, and a terminal view of one document.

The report needs no network: styles, the table's sorting and filtering script
and the charts (inline SVG) are all in the page; each document's text is
rendered with spaCy's displaCy entity view.
"""

from __future__ import annotations

import html
import json
import math
import re
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from . import schemas, storage
from .cells import LIST_SEPARATOR, signatory_text
from .corrections.ledger import jsonable
from .corrections.marks import corrected_fields, correction_lines, marked, removed_lines
from .corrections.model import STATUSES, TYPES
from .corrections.targets import agreement_key

MODALITY_COLOURS = {
    "agree": "#b7e4c7",
    "commit": "#a9d6e5",
    "will": "#ffe8a3",
    "aim": "#e4c1f9",
    "call": "#ffc9b9",
}
TABLES = tuple(schemas.TABLES)  # the dataset, not the caches


def load_tables(outputs: Path) -> dict[str, pd.DataFrame]:
    """The dataset, every table the run's its manifest names (``storage.read_dataset``)."""
    return storage.read_dataset(outputs, TABLES)


DASH = "—"


def esc(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value))


def as_list(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


ASSETS = Path(__file__).parent / "report_assets"
MODALITIES = ("agree", "commit", "will", "aim", "call")


def report_data(t: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """What the page draws, as JSON: one record per agreement (with the names, aliases
    and acronyms its parties go by, for the filter) and each document's text and marks."""
    docs = t["documents"].set_index("doc_id")
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in t["entities"][t["entities"]["label"] == "ORG"].itertuples():
        if isinstance(row.norm, str):
            aliases[row.norm].add(str(row.text))
    reports = (
        t["accords"].set_index("accord_id")["n_reports"].to_dict() if len(t["accords"]) else {}
    )
    labels = {a.accord_id: accord_label(a) for a in t["accords"].itertuples()}
    agreements = [
        agreement_record(a, docs, aliases, reports) | {"accord_label": labels.get(a.accord_id)}
        for a in t["agreements"].itertuples()
    ]
    add_corrections(agreements, t)
    return {
        "agreements": agreements,
        "acronyms": known_acronyms(aliases),
        "sep": LIST_SEPARATOR,
        "docs": {doc_id: doc_record(doc_id, docs.loc[doc_id], t) for doc_id in docs.index},
        "types": list(TYPES),
        "statuses": list(STATUSES),
    }


def known_acronyms(aliases: dict[str, set[str]]) -> dict[str, str]:
    """The acronym a release gives a body ("IOM" for the International Organization for
    Migration): its shortest all-capital alias; none is made up."""
    acronyms = {}
    for norm, forms in aliases.items():
        short = [f for f in forms if f.isupper() and 1 < len(f) <= 8 < len(norm)]
        if short:
            acronyms[norm] = min(short, key=lambda f: (len(f), f))
    return acronyms


def accord_label(a: Any) -> str:
    """An accord as a reader knows it: its name, else its type and parties."""
    if isinstance(a.name, str) and a.name:
        return a.name
    parties = LIST_SEPARATOR.join(as_list(a.parties))
    return f"{a.type} ({parties})" if parties else str(a.type)


def add_corrections(records: list[dict[str, Any]], t: dict[str, pd.DataFrame]) -> None:
    """Each agreement record's target (how a correction names it) and the fields the
    analyst's corrections changed (``corr``)."""
    corrected = corrected_fields(t, "agreements")
    rows = [{k: jsonable(v) for k, v in r.items()} for r in t["agreements"].to_dict("records")]
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc_id"]].append(row)
    for record, row in zip(records, rows, strict=True):
        fields = corrected.get(row["agreement_id"], {})
        skip = frozenset(fields)
        record["key"] = agreement_key(row, by_doc[row["doc_id"]], record["src"], skip)
        record["corr"] = fields
        record["name"] = row["name"]


def agreement_record(a: Any, docs: pd.DataFrame, aliases: dict, reports: dict) -> dict[str, Any]:
    parties = as_list(a.parties)
    names = parties + [alias for p in parties for alias in sorted(aliases.get(p, ()))]
    start = None if pd.isna(a.date_start) else str(a.date_start)[:10]
    signatories = LIST_SEPARATOR.join(signatory_text(s) for s in as_list(a.signatories))
    source = str(docs.loc[a.doc_id, "source"]) if a.doc_id in docs.index else a.doc_id
    countries = [c if isinstance(c, str) else None for c in as_list(a.party_countries)]
    return {
        "doc": a.doc_id,
        "src": source,
        "name": a.name if isinstance(a.name, str) else None,
        "type": a.type,
        "status": a.status,
        "date": None if pd.isna(a.date) else a.date,
        "start": start,
        "year": int(start[:4]) if start else None,
        "place": None if pd.isna(a.place) else a.place,
        "parties": parties,
        "countries": countries,
        # the party facet: two countries' ministries of the interior stay apart
        "party_labels": party_labels(parties, countries),
        "signatories": signatories,
        "sigs": [[s["name"], s["role"], s["org"]] for s in as_list(a.signatories)],
        "id": a.agreement_id,
        "n_commit": int(a.n_commitments),
        "accord": a.accord_id,
        "n_reports": int(reports.get(a.accord_id, 1)),
        "evidence": a.evidence if isinstance(a.evidence, str) else "",
        "ev": [int(a.evidence_start), int(a.evidence_end)],
        "search": " ".join([source, str(a.name or ""), *names]).lower(),
    }


def party_labels(parties: list[str], countries: list[str | None]) -> list[str]:
    """ "Ministry of the Interior (GH)": a party with its country, when it has one."""
    padded = countries + [None] * (len(parties) - len(countries))
    return [f"{p} ({c})" if c else p for p, c in zip(parties, padded, strict=False)]


def doc_record(doc_id: str, doc: pd.Series, t: dict[str, pd.DataFrame]) -> dict[str, Any]:
    ents = t["entities"][t["entities"]["doc_id"] == doc_id]
    coms = t["commitments"][t["commitments"]["doc_id"] == doc_id]
    return {
        "title": doc["title"],
        "source": doc["source"],
        "published": None if pd.isna(doc.get("published")) else doc.get("published"),
        "text": doc["text"],
        "ents": [[int(e.start), int(e.end), e.label] for e in ents.itertuples()],
        "coms": [[c.modality, ", ".join(as_list(c.actors)), c.action] for c in coms.itertuples()],
    }


def accords_table(t: dict[str, pd.DataFrame]) -> str:
    """One row per distinct agreement, with the releases that report it."""
    sources = dict(zip(t["documents"]["doc_id"], t["documents"]["source"], strict=True))
    head = "".join(
        f"<th>{h}</th>"
        for h in ("accord", "type", "date", "place", "parties", "countries", "reports")
    )
    rows = []
    for a in t["accords"].itertuples():
        reports = ", ".join(
            f'<a href="#doc={esc(d)}">{esc(sources.get(d, d))}</a>' for d in as_list(a.doc_ids)
        )
        countries = ", ".join(sorted({c for c in as_list(a.party_countries) if c}))
        rows.append(
            f"<tr><td>{esc(accord_label(a))}</td><td>{esc(a.type)}</td>"
            f"<td>{esc(a.date) or DASH}</td><td>{esc(a.place) or DASH}</td>"
            f"<td>{esc('; '.join(as_list(a.parties))) or DASH}</td>"
            f"<td>{esc(countries) or DASH}</td><td>{int(a.n_reports)}: {reports}</td></tr>"
        )
    return (
        f'<div class="scroll"><table id="accords"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# In a <script>, "</script", "<!--" and "<script" in the data would end the script or put
# the parser in a state where "</script>" no longer ends it: every "<" (and ">", "&")
# is written as a JSON escape, which the script reads back as the same character.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(value: Any) -> str:
    """``value`` as JSON that can stand inside a ``<script>`` element whatever its strings
    hold."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return SCRIPT_UNSAFE.sub(lambda m: SCRIPT_ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)


EDITOR = (
    '<section id="editor" hidden><h3>Correct <span id="ed-what"></span></h3>'
    '<p class="muted" id="ed-evidence"></p><div class="fields">'
    '<label>type <select id="ed-type"></select></label>'
    '<label>date <input id="ed-date" placeholder="2021-11-26 or 2014-06-02/2014-06-03"></label>'
    '<label>place <input id="ed-place"></label>'
    '<label>parties, one a line <textarea id="ed-parties" rows="4"></textarea></label>'
    "<label>signatories, one a line: name | role | organisation "
    '<textarea id="ed-signatories" rows="3"></textarea></label>'
    '<label>note <input id="ed-note"></label></div>'
    '<p id="ed-error" class="error"></p>'
    '<button id="ed-save">keep these corrections</button> <button id="ed-cancel">cancel</button>'
    "</section>"
)


def build_report(t: dict[str, pd.DataFrame], store: str = "accords-corrections") -> str:
    """The whole report page as one self-contained HTML string; ``store``: where the page
    keeps the analyst's corrections until they are downloaded (a localStorage key)."""
    data = script_json(report_data(t) | {"store": store})
    legend = "".join(f'<span class="m-{m}">{m}</span>' for m in MODALITIES)
    n_docs, n_agr, n_com = len(t["documents"]), len(t["agreements"]), len(t["commitments"])
    heads = "".join(
        f"<th>{h}</th>"
        for h in (
            "document",
            "agreement",
            "evidence",
            "type",
            "status",
            "date",
            "place",
            "parties",
            "countries",
            "signatories",
            "commitments",
            "accord",
            "correct",
        )
    )
    controls = (
        '<div class="controls"><input id="filter" type="search" '
        'placeholder="filter: names, aliases, acronyms">'
        '<select id="type"></select><select id="year"></select><select id="country"></select>'
        '<select id="party"></select><button id="download">download CSV</button>'
        '<span id="count"></span></div>'
    )
    pending = (
        '<div class="controls" id="pending"><span id="n-pending">no corrections yet</span>'
        '<input id="analyst" placeholder="your name" size="12">'
        '<button id="download-corrections" disabled>download corrections</button>'
        '<button id="discard" disabled>discard</button>'
        '<span class="muted">save the file in corrections/ beside the corpus; '
        "the next <code>accords extract</code> applies it</span></div>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>accords report</title><style>{(ASSETS / 'report.css').read_text()}</style>"
        "</head><body>"
        f"<h1>Agreements in {n_docs} press releases</h1>"
        f"<p>{n_agr} agreements ({len(t['accords'])} distinct accords across releases), "
        f"{n_com} commitments.</p>"
        f"<h2>Agreements</h2>{controls}{pending}{EDITOR}"
        '<section id="doc" hidden></section>'
        f'<div class="scroll"><table id="agreements"><thead><tr>{heads}</tr></thead>'
        '<tbody id="rows"></tbody></table></div>'
        f'<p class="legend">Commitments: {legend}</p>'
        '<h2>Overview</h2><div class="charts" id="charts"></div>'
        f"<h2>Accords across releases</h2>{accords_table(t)}"
        f"<script>const DATA = {data};\n{(ASSETS / 'report.js').read_text()}</script>"
        "</body></html>"
    )


def write_report(outputs: Path, target: Path) -> Path:
    """Write the report of ``outputs`` to ``target``, under a temporary name first: a
    write that fails (a full disk) leaves the old report as it was."""
    page = build_report(load_tables(outputs), f"accords-corrections:{outputs.resolve()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.replacing(target) as temporary:
        temporary.write_text(page, encoding="utf-8")
    return target


def find_document(documents: pd.DataFrame, key: str) -> pd.Series | None:
    """A document by doc_id prefix or by (part of) its file name."""
    hits = candidates(documents, key)
    return hits.iloc[0] if len(hits) == 1 else None


def candidates(documents: pd.DataFrame, key: str) -> pd.DataFrame:
    """The documents ``key`` may name: by doc_id prefix, file name prefix, then part."""
    for column in ("doc_id", "source"):
        hits = documents[documents[column].astype(str).str.startswith(key)]
        if len(hits) == 1:
            return hits
    prefix = documents[
        documents["doc_id"].astype(str).str.startswith(key)
        | documents["source"].astype(str).str.startswith(key)
    ]
    if len(prefix):
        return prefix
    return documents[documents["source"].astype(str).str.contains(key, regex=False)]


def accord_lines(t: dict[str, pd.DataFrame], a, sources: dict, wrap) -> list[str]:
    """The accord an agreement row belongs to, and the other releases that report it."""
    if not isinstance(a.accord_id, str):
        return []
    others = t["agreements"][
        (t["agreements"]["accord_id"] == a.accord_id) & (t["agreements"]["doc_id"] != a.doc_id)
    ]
    line = f"    accord: {a.accord_id}"
    if len(others):
        names = sorted({sources.get(d, d) for d in others["doc_id"]})
        line += f", also reported by {', '.join(names)}"
    return [wrap.fill(line)]


def show_document(t: dict[str, pd.DataFrame], doc: pd.Series, width: int = 80) -> str:
    """One document's extraction as plain text for a terminal; ids in brackets (what
    `accords correct` takes), fields the analyst corrected starred."""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="    ")
    doc_id = doc["doc_id"]
    out = [
        wrap.fill(str(doc["title"])),
        "=" * min(width, len(str(doc["title"]))),
        f"{doc['source']}  ({doc_id}, {doc['status']})",
    ]
    agrs = t["agreements"][t["agreements"]["doc_id"] == doc_id]
    sources = dict(zip(t["documents"]["doc_id"], t["documents"]["source"], strict=True))
    fixes = corrected_fields(t, "agreements")
    stars = 0
    out.append("")
    out.append(f"Agreements ({len(agrs)})")
    for a in agrs.itertuples():
        f = fixes.get(a.agreement_id, {})
        name = a.name if isinstance(a.name, str) else "(no name)"
        kind = marked(f, str(a.type), "type")
        out.append(wrap.fill(f"  * [{a.agreement_id[:8]}] {kind}, {a.status}: {name}"))
        out.append(wrap.fill(f"    {marked(f, 'parties')}: {'; '.join(as_list(a.parties)) or '-'}"))
        when = f"{marked(f, 'date')}: {esc(a.date) or '-'}"
        out.append(wrap.fill(f"    {when}   {marked(f, 'place')}: {esc(a.place) or '-'}"))
        out += accord_lines(t, a, sources, wrap)
        signed = marked(f, "signed", "signatories")
        for s in as_list(a.signatories):
            out.append(
                wrap.fill(f"    {signed} by {s['name']}, {s['role'] or '?'}, {s['org'] or '?'}")
            )
        out += correction_lines(f, wrap)
        stars += bool(f)
    people = t["people"][t["people"]["doc_id"] == doc_id]
    out += ["", f"People ({len(people)})"]
    for p in people.itertuples():
        role = ", ".join(x for x in (p.role, p.org) if isinstance(x, str))
        star = "*" if len(as_list(p.corrected)) else ""
        stars += bool(star)
        out.append(wrap.fill(f"  * {p.name}{star}{': ' + role if role else ''}"))
    coms = t["commitments"][t["commitments"]["doc_id"] == doc_id]
    out += ["", f"Commitments ({len(coms)})"]
    for modality in ("agree", "commit", "will", "aim", "call"):
        rows = coms[coms["modality"] == modality]
        if not len(rows):
            continue
        out.append(f"  {modality}")
        for c in rows.itertuples():
            actors = ", ".join(as_list(c.actors)) or "?"
            neg = "NOT " if c.negated else ""
            star = "*" if len(as_list(c.corrected)) else ""
            stars += bool(star)
            out.append(wrap.fill(f"    - [{c.commitment_id[:8]}]{star} {actors}: {neg}{c.action}"))
    out += removed_lines(t, doc_id, wrap)
    if stars:
        out += [
            "",
            "* corrected by the analyst (`accords corrections check` lists the corrections)",
        ]
    return "\n".join(out)
