"""A self-contained HTML report of an output folder, and a terminal view of one document.

The report needs no network: styles, the table's sorting and filtering script
and the charts (inline SVG) are all in the page; each document's text is
rendered with spaCy's displaCy entity view.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections import Counter
from pathlib import Path

import pandas as pd

from . import storage

MODALITY_COLOURS = {
    "agree": "#b7e4c7",
    "commit": "#a9d6e5",
    "will": "#ffe8a3",
    "aim": "#e4c1f9",
    "call": "#ffc9b9",
}
LABEL_COLOURS = {"PERSON": "#ffd6a5", "ORG": "#bde0fe", "PLACE": "#caffbf", "DATE": "#fdffb6"}
TABLES = (
    "documents",
    "boilerplate",
    "sentences",
    "entities",
    "people",
    "commitments",
    "agreements",
    "accords",
)

STYLE = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3;cursor:pointer;user-select:none}
th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
.controls{margin:.5em 0}.controls input,.controls select{padding:4px;margin-right:.5em}
.charts{display:flex;flex-wrap:wrap;gap:1.5em}.chart{flex:1 1 320px}
.doc{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1.5em 0}
.commitment{padding:3px 6px;margin:3px 0;border-radius:4px}
.tag{font-size:.75em;font-weight:bold;text-transform:uppercase;margin-right:.5em}
details{margin-top:.8em}summary{cursor:pointer;color:#555}
.removed{font-family:monospace;font-size:.85em;color:#777;white-space:pre-wrap}
"""

SCRIPT = """
const table=document.getElementById('agreements');
const body=table.tBodies[0];
function applyFilter(){
  const q=document.getElementById('filter').value.toLowerCase();
  const t=document.getElementById('type').value;
  let shown=0;
  for(const row of body.rows){
    const ok=(!q||row.innerText.toLowerCase().includes(q))&&(!t||row.dataset.type===t);
    row.style.display=ok?'':'none'; if(ok) shown++;
  }
  document.getElementById('count').textContent=shown+' shown';
}
document.getElementById('filter').addEventListener('input',applyFilter);
document.getElementById('type').addEventListener('change',applyFilter);
table.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{
  const asc=!th.classList.contains('sorted-asc');
  table.querySelectorAll('th').forEach(h=>h.classList.remove('sorted-asc','sorted-desc'));
  th.classList.add(asc?'sorted-asc':'sorted-desc');
  const rows=[...body.rows];
  rows.sort((a,b)=>{
    const key=r=>r.cells[i].dataset.sort??r.cells[i].innerText;
    const x=key(a), y=key(b);
    const nx=parseFloat(x), ny=parseFloat(y);
    const c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
    return asc?c:-c;
  });
  rows.forEach(r=>body.appendChild(r));
}));
// a link can carry a filter: report.html#filter=memorandum&type=network
const params=new URLSearchParams(location.hash.slice(1));
if(params.get('filter')) document.getElementById('filter').value=params.get('filter');
if(params.get('type')) document.getElementById('type').value=params.get('type');
applyFilter();
"""


def load_tables(outputs: Path) -> dict[str, pd.DataFrame]:
    return {name: storage.read_table(name, outputs) for name in TABLES}


def esc(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value))


def as_list(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return list(value)


def bar_chart(title: str, counts: list[tuple[str, int]], width: int = 360) -> str:
    if not counts:
        return f'<div class="chart"><h3>{esc(title)}</h3><p>none</p></div>'
    top = max(n for _, n in counts)
    row_h, label_w = 22, 150
    bars = []
    for i, (label, n) in enumerate(counts):
        w = (width - label_w - 30) * n / top
        y = i * row_h
        bars.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{esc(label[:24])}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="#4a7fb5">'
            f"<title>{esc(label)}: {n}</title></rect>"
            f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="12">{n}</text>'
        )
    height = row_h * len(counts)
    return (
        f'<div class="chart"><h3>{esc(title)}</h3><svg width="{width}" height="{height}" '
        f'role="img" aria-label="{esc(title)}">{"".join(bars)}</svg></div>'
    )


def network_chart(agreements: pd.DataFrame, size: int = 420) -> str:
    """Organisations as nodes on a circle, joined when they are parties to one agreement."""
    edges: Counter[tuple[str, str]] = Counter()
    nodes: Counter[str] = Counter()
    for parties in agreements["parties"]:
        parties = sorted(set(as_list(parties)))
        nodes.update(parties)
        for i, a in enumerate(parties):
            for b in parties[i + 1 :]:
                edges[(a, b)] += 1
    if not nodes:
        return '<div class="chart"><h3>Who signed with whom</h3><p>none</p></div>'
    names = sorted(nodes)
    r = size / 2 - 90
    pos = {
        name: (
            size / 2 + r * math.cos(2 * math.pi * i / len(names)),
            size / 2 + r * math.sin(2 * math.pi * i / len(names)),
        )
        for i, name in enumerate(names)
    }
    parts = []
    for (a, b), n in edges.items():
        (x1, y1), (x2, y2) = pos[a], pos[b]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
            f'stroke-width="{1 + n}"><title>{esc(a)} — {esc(b)}: {n}</title></line>'
        )
    for name, (x, y) in pos.items():
        anchor = "start" if x >= size / 2 else "end"
        dx = 8 if x >= size / 2 else -8
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{4 + 2 * nodes[name]}" fill="#e07a5f">'
            f"<title>{esc(name)}: {nodes[name]}</title></circle>"
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="10" text-anchor="{anchor}">'
            f"{esc(name[:28])}</text>"
        )
    return (
        f'<div class="chart"><h3>Who signed with whom</h3><svg width="{size}" height="{size}" '
        f'role="img" aria-label="network of parties">{"".join(parts)}</svg></div>'
    )


def entity_view(text: str, entities: pd.DataFrame) -> str:
    from spacy import displacy

    spans, last_end = [], -1
    for row in entities.sort_values(["start", "end"]).itertuples():
        if row.start >= last_end:  # displaCy cannot draw nested spans
            spans.append({"start": int(row.start), "end": int(row.end), "label": row.label})
            last_end = row.end
    return displacy.render(
        {"text": text, "ents": spans, "title": None},
        style="ent",
        manual=True,
        options={"colors": LABEL_COLOURS},
        page=False,
        jupyter=False,
    )


def agreements_table(t: dict[str, pd.DataFrame]) -> str:
    sources = dict(zip(t["documents"]["doc_id"], t["documents"]["source"], strict=True))
    types = sorted(set(t["agreements"]["type"]))
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "document",
            "type",
            "status",
            "date",
            "place",
            "parties",
            "signatories",
            "commitments",
            "topics",
        )
    )
    rows = []
    for a in t["agreements"].itertuples():
        signatories = "; ".join(
            ", ".join(x for x in (s["name"], s["role"], s["org"]) if x)
            for s in as_list(a.signatories)
        )
        rows.append(
            f'<tr data-type="{esc(a.type)}">'
            f'<td><a href="#doc-{esc(a.doc_id)}">{esc(sources.get(a.doc_id, a.doc_id))}</a></td>'
            f"<td>{esc(a.type)}</td><td>{esc(a.status)}</td>"
            f'<td data-sort="{esc(a.date_start) or "9999"}">{esc(a.date)}</td>'
            f"<td>{esc(a.place)}</td><td>{esc('; '.join(as_list(a.parties)))}</td>"
            f"<td>{esc(signatories)}</td><td>{int(a.n_commitments)}</td>"
            f"<td>{esc(', '.join(as_list(a.topics)))}</td></tr>"
        )
    options = "".join(f'<option value="{esc(x)}">{esc(x)}</option>' for x in types)
    return (
        '<div class="controls"><input id="filter" type="search" placeholder="filter agreements">'
        f'<select id="type"><option value="">all types</option>{options}</select>'
        '<span id="count"></span></div>'
        f'<table id="agreements"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


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
            f'<a href="#doc-{esc(d)}">{esc(sources.get(d, d))}</a>' for d in as_list(a.doc_ids)
        )
        countries = ", ".join(sorted({c for c in as_list(a.party_countries) if c}))
        rows.append(
            f"<tr><td>{esc(a.name) or esc(a.accord_id)}</td><td>{esc(a.type)}</td>"
            f'<td data-sort="{esc(a.date_start) or "9999"}">{esc(a.date) or "—"}</td>'
            f"<td>{esc(a.place) or '—'}</td><td>{esc('; '.join(as_list(a.parties)))}</td>"
            f"<td>{esc(countries) or '—'}</td><td>{int(a.n_reports)}: {reports}</td></tr>"
        )
    return (
        f'<table id="accords"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def document_section(doc, t: dict[str, pd.DataFrame]) -> str:
    doc_id = doc.doc_id
    ents = t["entities"][t["entities"]["doc_id"] == doc_id]
    coms = t["commitments"][t["commitments"]["doc_id"] == doc_id]
    agrs = t["agreements"][t["agreements"]["doc_id"] == doc_id]
    removed = t["boilerplate"][t["boilerplate"]["doc_id"] == doc_id]
    parts = [
        f'<section class="doc" id="doc-{esc(doc_id)}"><h3>{esc(doc.title)}</h3>',
        f"<p><small>{esc(doc.source)} · {esc(doc.status)} {esc(doc.reason)}</small></p>",
    ]
    for a in agrs.itertuples():
        parts.append(
            f"<p><b>{esc(a.type)}</b> ({esc(a.status)}) {esc(a.name)}: "
            f"{esc('; '.join(as_list(a.parties)))} · {esc(a.date)} · {esc(a.place)}</p>"
        )
    if doc.status == "ok":
        parts.append(entity_view(doc.text, ents))
    for c in coms.itertuples():
        colour = MODALITY_COLOURS.get(c.modality, "#eee")
        actors = ", ".join(as_list(c.actors)) or "?"
        parts.append(
            f'<div class="commitment" style="background:{colour}">'
            f'<span class="tag">{esc(c.modality)}'
            f"{' (negated)' if c.negated else ''}</span><b>{esc(actors)}</b>: {esc(c.action)}"
            f"<br><small>{esc(c.sentence)}</small></div>"
        )
    if len(removed):
        lines = "\n".join(f"{r.line_no:>4} [{r.rule}] {r.text}" for r in removed.itertuples())
        parts.append(
            f"<details><summary>{len(removed)} boilerplate lines removed</summary>"
            f'<div class="removed">{esc(lines)}</div></details>'
        )
    parts.append("</section>")
    return "".join(parts)


def build_report(t: dict[str, pd.DataFrame]) -> str:
    """The whole report page as one HTML string."""
    agreements = t["agreements"]
    years = Counter(str(d.year) if not pd.isna(d) else "unknown" for d in agreements["date_start"])
    orgs = Counter(p for parties in agreements["parties"] for p in set(as_list(parties)))
    charts = "".join(
        [
            bar_chart("Agreements per year", sorted(years.items())),
            bar_chart("Agreements per type", Counter(agreements["type"]).most_common()),
            bar_chart("Organisations with most agreements", orgs.most_common(10)),
            network_chart(agreements),
        ]
    )
    docs = "".join(document_section(d, t) for d in t["documents"].itertuples())
    n_docs, n_agr, n_com = len(t["documents"]), len(agreements), len(t["commitments"])
    n_acc = len(t["accords"])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>accords report</title><style>{STYLE}</style></head><body>"
        f"<h1>Agreements in {n_docs} press releases</h1>"
        f"<p>{n_agr} agreements ({n_acc} distinct accords across releases), "
        f"{n_com} commitments.</p>"
        f"<h2>Agreements</h2>{agreements_table(t)}"
        f"<h2>Accords across releases</h2>{accords_table(t)}"
        f'<h2>Overview</h2><div class="charts">{charts}</div>'
        f"<h2>Documents</h2>{docs}<script>{SCRIPT}</script></body></html>"
    )


def write_report(outputs: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(build_report(load_tables(outputs)), encoding="utf-8")
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
    """One document's extraction as plain text for a terminal."""
    wrap = textwrap.TextWrapper(width=width, subsequent_indent="    ")
    doc_id = doc["doc_id"]
    out = [
        wrap.fill(str(doc["title"])),
        "=" * min(width, len(str(doc["title"]))),
        f"{doc['source']}  ({doc_id}, {doc['status']})",
    ]
    agrs = t["agreements"][t["agreements"]["doc_id"] == doc_id]
    sources = dict(zip(t["documents"]["doc_id"], t["documents"]["source"], strict=True))
    out.append("")
    out.append(f"Agreements ({len(agrs)})")
    for a in agrs.itertuples():
        name = a.name if isinstance(a.name, str) else "(no name)"
        out.append(wrap.fill(f"  * {a.type}, {a.status}: {name}"))
        out.append(wrap.fill(f"    parties: {'; '.join(as_list(a.parties)) or '-'}"))
        out.append(wrap.fill(f"    date: {esc(a.date) or '-'}   place: {esc(a.place) or '-'}"))
        out += accord_lines(t, a, sources, wrap)
        for s in as_list(a.signatories):
            out.append(
                wrap.fill(f"    signed by {s['name']}, {s['role'] or '?'}, {s['org'] or '?'}")
            )
    people = t["people"][t["people"]["doc_id"] == doc_id]
    out += ["", f"People ({len(people)})"]
    for p in people.itertuples():
        role = ", ".join(x for x in (p.role, p.org) if isinstance(x, str))
        out.append(wrap.fill(f"  * {p.name}{': ' + role if role else ''}"))
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
            out.append(wrap.fill(f"    - {actors}: {neg}{c.action}"))
    return "\n".join(out)
