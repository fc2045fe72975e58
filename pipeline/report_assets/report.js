// The report page: everything is drawn from DATA, so the facets drive table and charts.
const D = DATA;
const $ = (id) => document.getElementById(id);
const DASH = "—";
const state = { q: "", type: "", year: "", country: "", party: "", sort: null, asc: true };
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const show = (v) => (v === null || v === undefined || v === "" ? DASH : esc(v));

const FILTERS = ["type", "year", "country", "party"];
const EVIDENCE_CHARS = 90;
const LABEL_CHARS = 26;

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const k of ["q", "type", "year", "country", "party"]) state[k] = p.get(k === "q" ? "filter" : k) || "";
  return p;
}

function matches(a) {
  if (state.type && a.type !== state.type) return false;
  if (state.year && String(a.year || "undated") !== state.year) return false;
  if (state.country && !a.countries.includes(state.country)) return false;
  if (state.party && !a.party_labels.includes(state.party)) return false;
  return !state.q || a.search.includes(state.q.toLowerCase());
}

function options(select, values, label) {
  const current = select.value;
  select.innerHTML = `<option value="">${label}</option>` + values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("");
  select.value = current;
}

const COLUMNS = [
  ["document", (a) => a.src], ["agreement", (a) => a.name], ["evidence", (a) => a.evidence],
  ["type", (a) => a.type], ["status", (a) => a.status],
  ["date", (a) => a.start], ["place", (a) => a.place], ["parties", (a) => a.parties.join("; ")],
  ["countries", (a) => a.countries.join(", ")], ["signatories", (a) => a.signatories],
  ["commitments", (a) => a.n_commit], ["accord", (a) => a.n_reports],
];

function sorted(rows) {
  if (state.sort === null) return rows;
  const key = COLUMNS[state.sort][1];
  return [...rows].sort((x, y) => {
    const a = key(x), b = key(y);
    const emptyA = a === null || a === "" || a === undefined, emptyB = b === null || b === "" || b === undefined;
    if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1; // missing last, either order
    const c = typeof a === "number" ? a - b : String(a).localeCompare(String(b));
    return state.asc ? c : -c;
  });
}

// the page's address: the active filter and facets, and the document open, if any
function hashFor(extra) {
  const p = new URLSearchParams();
  if (state.q) p.set("filter", state.q);
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return "#" + p.toString();
}

function cut(text, n) {
  return text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text;
}

function cell(a, field, html) {
  const fix = a.corr[field], edited = a.edited.has(field);
  if (!fix && !edited) return `<td>${html}</td>`;
  const title = edited ? "edited here, not downloaded yet" : `corrected (${fix[0]} by ${fix[1]}); the pipeline said: ${fix[2] === null ? DASH : JSON.stringify(fix[2])}`;
  return `<td class="${edited ? "edited" : "corrected"}" title="${esc(title)}">${html}</td>`;
}

function renderTable(rows) {
  $("rows").innerHTML = sorted(rows).map((row) => {
    const a = shown(row), wrong = a.wrong ? ' class="wrong"' : "";
    return `<tr data-type="${esc(a.type)}">` +
    cell(a, "*", `<a class="open" href="${esc(hashFor({ doc: a.doc, s: a.ev[0] + "-" + a.ev[1] }))}">${esc(a.src)}</a>`) +
    cell(a, "name", show(a.name)) + `<td class="evidence" title="${esc(a.evidence)}">${esc(cut(a.evidence, EVIDENCE_CHARS))}</td>` +
    cell(a, "type", esc(a.type)) + `<td>${esc(a.status)}</td>` + cell(a, "date", show(a.date)) + cell(a, "place", show(a.place)) +
    cell(a, "parties", show(a.parties.join("; "))) + `<td>${show(a.countries.filter(Boolean).join(", "))}</td>` +
    cell(a, "signatories", show(a.signatories)) + `<td>${a.n_commit}</td>` +
    `<td title="${esc(a.accord_label)}">${a.n_reports > 1 ? a.n_reports + " reports" : "1 report"}</td>` +
    `<td${wrong}><button class="edit" data-i="${a.i}" title="correct this row">edit</button> ` +
    `<button class="wrong" data-i="${a.i}" title="not an agreement (again: undo)">${a.wrong ? "undo" : "wrong"}</button></td></tr>`;
  }).join("");
  $("count").textContent = `${rows.length} of ${D.agreements.length} shown`;
}

function bars(title, counts) {
  if (!counts.length) return `<div class="chart"><h3>${esc(title)}</h3><p class="muted">none</p></div>`;
  const top = Math.max(...counts.map((c) => c[1])), rowH = 22, labelW = 170, width = 380;
  const body = counts.map(([label, n], i) => {
    const w = ((width - labelW - 40) * n) / top, y = i * rowH;
    const short = shortLabel(label); // the full name in the tooltip
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" font-size="12"><title>${esc(label)}</title>${esc(short)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#4a7fb5"><title>${esc(label)}: ${n}</title></rect>` +
      `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 15}" font-size="12">${n}</text>`;
  }).join("");
  return `<div class="chart"><h3>${esc(title)}</h3><svg viewBox="0 0 ${width} ${rowH * counts.length}" width="${width}" role="img" aria-label="${esc(title)}">${body}</svg></div>`;
}

function count(values) {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) || 0) + 1);
  return [...m.entries()];
}

// a body's acronym where its releases give one ("IOM"), else its name, cut: never made up
function shortLabel(name) {
  if (name.length <= LABEL_CHARS) return name;
  return D.acronyms[name] || cut(name, LABEL_CHARS);
}

function network(rows) {
  const nodes = new Map(), edges = new Map();
  for (const a of rows) {
    const ps = [...new Set(a.parties)].sort();
    ps.forEach((p) => nodes.set(p, (nodes.get(p) || 0) + 1));
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
      const k = ps[i] + "\u0000" + ps[j]; edges.set(k, (edges.get(k) || 0) + 1);
    }
  }
  const top = [...nodes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  if (!top.length) return `<div class="chart"><h3>Who signed with whom</h3><p class="muted">none</p></div>`;
  const size = 440, r = size / 2 - 70, keep = new Set(top.map((n) => n[0]));
  const labelled = new Set(top.slice(0, 12).map((n) => n[0]));
  const pos = new Map(top.map(([name], i) => [name, [size / 2 + r * Math.cos((2 * Math.PI * i) / top.length), size / 2 + r * Math.sin((2 * Math.PI * i) / top.length)]]));
  let svg = "";
  for (const [k, n] of edges) {
    const [a, b] = k.split("\u0000");
    if (!keep.has(a) || !keep.has(b)) continue;
    const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b);
    svg += `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#999" stroke-width="${Math.min(1 + Math.sqrt(n), 6).toFixed(1)}"><title>${esc(a)} — ${esc(b)}: ${n}</title></line>`;
  }
  for (const [name, n] of top) {
    const [x, y] = pos.get(name), right = x >= size / 2;
    const radius = Math.min(4 + 3 * Math.sqrt(n), 22);
    svg += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="#e07a5f" fill-opacity=".85"><title>${esc(name)}: ${n}</title></circle>`;
    if (labelled.has(name)) svg += `<text x="${(x + (right ? radius + 3 : -radius - 3)).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="11" text-anchor="${right ? "start" : "end"}"><title>${esc(name)}</title>${esc(shortLabel(name))}</text>`;
  }
  return `<div class="chart"><h3>Who signed with whom</h3><svg viewBox="-60 -20 ${size + 120} ${size + 40}" width="${size}" role="img" aria-label="network of parties">${svg}</svg></div>`;
}

function renderCharts(rows) {
  const years = count(rows.map((a) => String(a.year || "undated"))).sort((a, b) => a[0].localeCompare(b[0]));
  const types = count(rows.map((a) => a.type)).sort((a, b) => b[1] - a[1]);
  const orgs = count(rows.flatMap((a) => [...new Set(a.parties)])).sort((a, b) => b[1] - a[1]).slice(0, 10);
  $("charts").innerHTML = bars("Agreements per year", years) + bars("Agreements per type", types) + bars("Organisations with most agreements", orgs) + network(rows);
}

function render() {
  const rows = D.agreements.filter(matches);
  renderTable(rows);
  renderCharts(rows);
  return rows;
}

// as `accords export --excel` writes its CSV: a byte order mark, lists joined with
// D.sep, signatories as "name (role, org)", a formula-looking cell after an apostrophe
function csv(rows) {
  const text = (v) => { const s = String(v ?? ""); return /^[=+\-@\t\r]/.test(s) ? "'" + s : s; };
  const cell = (v) => `"${text(v).replace(/"/g, '""')}"`;
  const head = ["source", "name", "type", "status", "date", "place", "parties", "party_countries", "signatories", "n_commitments", "evidence", "accord_id"];
  const lines = rows.map((a) => [a.src, a.name, a.type, a.status, a.date, a.place, a.parties.join(D.sep), a.countries.map((c) => c ?? "").join(D.sep), a.signatories, a.n_commit, a.evidence, a.accord].map(cell).join(","));
  return "\ufeff" + [head.join(","), ...lines].join("\n");
}

function showDoc(docId, span) {
  const d = D.docs[docId];
  if (!d) return;
  const marks = [];
  for (const [s, e, label] of d.ents) marks.push([s, e, `<span class="ent ent-${label}">`, `<b>${label}</b></span>`]);
  if (span) marks.push([span[0], span[1], '<mark class="evidence" id="evidence">', "</mark>"]);
  const opens = new Map(), closes = new Map();
  for (const [s, e, o, c] of marks) {
    if (!opens.has(s)) opens.set(s, []); opens.get(s).push([e, o]);
    if (!closes.has(e)) closes.set(e, []); closes.get(e).push(c);
  }
  let out = "", stack = [];
  for (let i = 0; i <= d.text.length; i++) {
    if (closes.has(i)) while (stack.length && stack[stack.length - 1][0] <= i) out += stack.pop()[1];
    if (opens.has(i)) for (const [e, o] of opens.get(i).sort((a, b) => b[0] - a[0])) {
      if (stack.length && e > stack[stack.length - 1][0]) continue; // crossing spans: keep the outer one
      const c = marks.find((m) => m[0] === i && m[1] === e && m[2] === o)[3];
      out += o; stack.push([e, c]);
    }
    if (i < d.text.length) out += esc(d.text[i]);
  }
  while (stack.length) out += stack.pop()[1];
  const coms = d.coms.map(([m, actors, action]) => `<div class="commitment m-${m}"><b>${m}</b> ${esc(actors || "?")}: ${esc(action)}</div>`).join("");
  $("doc").hidden = false;
  $("doc").innerHTML = `<h3>${esc(d.title)}</h3><p class="muted">${esc(d.source)}${d.published ? " · " + esc(d.published) : ""}</p><div class="text">${out}</div><h4>Commitments</h4>${coms || '<p class="muted">none</p>'}`;
  const target = $("evidence") || $("doc");
  target.scrollIntoView({ block: "center" });
}

function route() {
  const p = readHash();
  $("filter").value = state.q; $("type").value = state.type; $("year").value = state.year;
  $("country").value = state.country; $("party").value = state.party;
  render();
  if (p.get("doc")) {
    const s = (p.get("s") || "").split("-").map(Number);
    showDoc(p.get("doc"), s.length === 2 ? s : null);
  }
}

function setHash() {
  history.replaceState(null, "", hashFor());
  render();
}

// Corrections made in the page: kept in the browser (localStorage) until downloaded as a
// corrections file, which the next `accords extract` applies once it is in corrections/.
const ISO_DATE = /^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?(\/(\d{4}|XXXX)(-\d{2}(-\d{2})?)?)?$/;
const FIELDS = ["type", "date", "place", "parties", "signatories"];
let pending = [], editing = null;

function loadPending() {
  try { pending = JSON.parse(localStorage.getItem(D.store) || "[]"); } catch (e) { pending = []; }
  $("analyst").value = localStorage.getItem("accords-analyst") || "";
}

function storePending() {
  localStorage.setItem(D.store, JSON.stringify(pending));
  const n = pending.length;
  $("n-pending").textContent = n ? `${n} correction${n > 1 ? "s" : ""} not downloaded yet` : "no corrections yet";
  $("download-corrections").disabled = $("discard").disabled = !n;
}

const sameKey = (x, y) => JSON.stringify(x) === JSON.stringify(y);
const sigText = (sigs) => sigs.map((s) => s.filter(Boolean).join(", ")).join("; ");

function shown(a) { // the row as the analyst's pending corrections leave it
  const out = { ...a, edited: new Set() };
  for (const c of pending) {
    if (!sameKey(c.target, a.key)) continue;
    if (c.kind === "not_agreement") { out.wrong = true; continue; }
    out.edited.add(c.field);
    if (c.field === "signatories") { out.sigs = c.value.map((s) => [s.name, s.role, s.org]); out.signatories = sigText(out.sigs); }
    else out[c.field] = c.value;
  }
  return out;
}

function correction(a, kind, field, value, was) {
  const c = { id: "r-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7), kind, target: a.key };
  if (field) Object.assign(c, { field, value, was });
  const note = $("ed-note").value.trim();
  return Object.assign(c, { by: $("analyst").value.trim() || "report", at: new Date().toISOString() }, note && field ? { note } : {});
}

function openEditor(i) {
  const a = shown(D.agreements[i]);
  editing = i;
  $("ed-what").textContent = `${a.type} in ${a.src}`;
  $("ed-evidence").textContent = a.key.evidence;
  $("ed-type").innerHTML = D.types.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join("");
  $("ed-type").value = a.type;
  $("ed-date").value = a.date || ""; $("ed-place").value = a.place || ""; $("ed-note").value = "";
  $("ed-parties").value = a.parties.join("\n");
  $("ed-signatories").value = a.sigs.map((s) => s.map((x) => x || "").join(" | ")).join("\n");
  $("ed-error").textContent = "";
  $("editor").hidden = false;
  $("editor").scrollIntoView({ block: "center" });
}

function edits() { // the editor's values, by field
  const lines = (id) => $(id).value.split("\n").map((l) => l.trim()).filter(Boolean);
  const sigs = lines("ed-signatories").map((l) => { const [name, role, org] = l.split("|").map((x) => (x || "").trim()); return { name, role: role || null, org: org || null }; });
  return { type: $("ed-type").value, date: $("ed-date").value.trim() || null, place: $("ed-place").value.trim() || null, parties: lines("ed-parties"), signatories: sigs };
}

function saveEditor() {
  const a = D.agreements[editing], now = shown(a), values = edits();
  if (values.date && !ISO_DATE.test(values.date)) { $("ed-error").textContent = "date: an ISO value such as 2021-11-26, 2014-06 or 2014-06-02/2014-06-03"; return; }
  const table = { type: a.type, date: a.date, place: a.place, parties: a.parties, signatories: a.sigs.map(([name, role, org]) => ({ name, role, org })) };
  const current = { ...table, type: now.type, date: now.date, place: now.place, parties: now.parties, signatories: now.sigs.map(([name, role, org]) => ({ name, role, org })) };
  for (const f of FIELDS) {
    if (JSON.stringify(values[f]) === JSON.stringify(current[f])) continue;
    pending = pending.filter((c) => !(sameKey(c.target, a.key) && c.field === f));
    if (JSON.stringify(values[f]) !== JSON.stringify(table[f])) pending.push(correction(a, "agreement", f, values[f], table[f]));
  }
  $("editor").hidden = true; editing = null;
  storePending(); render();
}

function toggleWrong(i) {
  const a = D.agreements[i];
  const before = pending.length;
  pending = pending.filter((c) => !(sameKey(c.target, a.key) && c.kind === "not_agreement"));
  if (pending.length === before) pending.push(correction(a, "not_agreement"));
  storePending(); render();
}

function downloadCorrections() {
  const lines = pending.map((c) => JSON.stringify(c)).join("\n") + "\n";
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([lines], { type: "application/x-ndjson" }));
  a.download = `corrections-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}.jsonl`;
  document.body.appendChild(a); a.click(); a.remove();
  pending = []; storePending(); render();
}

const started = performance.now();
D.agreements.forEach((a, i) => { a.i = i; });
loadPending(); storePending();
$("rows").addEventListener("click", (e) => {
  const i = e.target.dataset && e.target.dataset.i;
  if (i === undefined) return;
  if (e.target.classList.contains("edit")) openEditor(Number(i));
  if (e.target.classList.contains("wrong")) toggleWrong(Number(i));
});
$("ed-save").addEventListener("click", saveEditor);
$("ed-cancel").addEventListener("click", () => { $("editor").hidden = true; editing = null; });
$("download-corrections").addEventListener("click", downloadCorrections);
$("discard").addEventListener("click", () => { pending = []; storePending(); render(); });
$("analyst").addEventListener("change", (e) => localStorage.setItem("accords-analyst", e.target.value.trim()));
options($("type"), [...new Set(D.agreements.map((a) => a.type))].sort(), "all types");
options($("year"), [...new Set(D.agreements.map((a) => String(a.year || "undated")))].sort(), "all years");
options($("country"), [...new Set(D.agreements.flatMap((a) => a.countries).filter(Boolean))].sort(), "all countries");
options($("party"), count(D.agreements.flatMap((a) => [...new Set(a.party_labels)])).sort((a, b) => b[1] - a[1]).slice(0, 300).map((c) => c[0]), "all parties");
$("filter").addEventListener("input", (e) => { state.q = e.target.value; setHash(); });
for (const k of FILTERS) $(k).addEventListener("change", (e) => { state[k] = e.target.value; setHash(); });
document.querySelectorAll("#agreements th").forEach((th, i) => th.addEventListener("click", () => {
  if (!COLUMNS[i]) return; // the "correct" column holds buttons: nothing to sort by
  state.asc = state.sort === i ? !state.asc : true; state.sort = i;
  document.querySelectorAll("#agreements th").forEach((h) => h.classList.remove("sorted-asc", "sorted-desc"));
  th.classList.add(state.asc ? "sorted-asc" : "sorted-desc");
  renderTable(D.agreements.filter(matches));
}));
$("download").addEventListener("click", () => {
  const blob = new Blob([csv(D.agreements.filter(matches))], { type: "text/csv" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = "agreements.csv"; a.click();
});
window.addEventListener("hashchange", route);
route();
document.body.dataset.readyMs = Math.round(performance.now() - started + performance.timing.responseEnd - performance.timing.navigationStart);
