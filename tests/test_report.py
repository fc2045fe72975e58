"""The HTML report, `accords show`, the example notebook and a real-browser check."""

import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from browser import HEADLESS_FLAGS as CHROME_FLAGS
from browser import chromium
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import build_report, load_tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report_file(seed_outputs, tmp_path_factory):
    out, _ = seed_outputs
    target = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(main, ["report", "--outputs", str(out), "--to", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_report_carries_every_agreement_and_document(seed_outputs, report_file):
    from pipeline.report import report_data

    out, _ = seed_outputs
    tables = load_tables(out)
    data = report_data(tables)
    assert sorted(a["type"] for a in data["agreements"]) == sorted(tables["agreements"]["type"])
    assert set(data["docs"]) == set(tables["documents"]["doc_id"])
    iom = next(
        a for a in data["agreements"] if "International Organization for Migration" in a["parties"]
    )
    assert " iom" in " " + iom["search"]  # the filter finds a body by its acronym too
    page = report_file.read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org", "")


def test_report_without_agreements(seed_outputs):
    tables = load_tables(seed_outputs[0])
    tables["agreements"] = tables["agreements"].iloc[0:0]
    assert "0 agreements" in build_report(tables)


@pytest.mark.parametrize("key", ["000_e656", "001_b51f69d1ad4ad5d3.txt", "002", "003_22b", "004"])
def test_show_every_seed_document_in_80_columns(seed_outputs, key):
    out, _ = seed_outputs
    result = CliRunner().invoke(main, ["show", key, "--outputs", str(out)])
    assert result.exit_code == 0, result.output
    assert "Agreements (" in result.output and "Commitments (" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_an_accord_without_a_name_shows_its_type_and_parties(seed_outputs):
    from pipeline.report import accords_table

    tables = load_tables(seed_outputs[0])
    tables["accords"].loc[:, "name"] = None
    page = accords_table(tables) + build_report(tables)
    assert not re.search(r">acc:[0-9a-f]+<", page) and 'title="acc:' not in page
    joint = tables["accords"].query("type == 'joint_statement'").iloc[0]
    label = f"joint_statement ({'; '.join(joint.parties)})"
    assert f"<td>{label}</td>" in page


def test_the_table_carries_each_agreement_s_name_and_evidence(seed_outputs):
    from pipeline.report import report_data

    tables = load_tables(seed_outputs[0])
    records = report_data(tables)["agreements"]
    assert [r["name"] for r in records] == list(tables["agreements"]["name"])
    assert [r["evidence"] for r in records] == list(tables["agreements"]["evidence"])
    assert all(r["accord_label"] for r in records)


def test_chart_labels_are_known_acronyms_never_made_up(seed_outputs):
    from pipeline.report import report_data

    acronyms = report_data(load_tables(seed_outputs[0]))["acronyms"]
    assert acronyms["International Organization for Migration"] == "IOM"
    assert "Ukrainian Parliament Commissioner for Human Rights" not in acronyms  # no "UPCHR"
    script = (ROOT / "pipeline" / "report_assets" / "report.js").read_text()
    assert "w[0]" not in script  # no initials taken from a name's words


def test_show_unknown_document(seed_outputs):
    result = CliRunner().invoke(
        main, ["show", "nothing-like-this", "--outputs", str(seed_outputs[0])]
    )
    assert result.exit_code == 2


def test_the_notebook_runs_headless_as_the_readme_says(seed_outputs, tmp_path):
    """`jupyter execute examples/explore.ipynb`, from the checkout, on the seed tables."""
    import sys

    nbformat = pytest.importorskip("nbformat")
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.exists():
        pytest.skip("jupyter is not installed beside this Python (make install installs it)")
    env = dict(os.environ, ACCORDS_OUTPUTS=str(seed_outputs[0]))
    command = [str(jupyter), "execute", "examples/explore.ipynb", "--output", str(tmp_path / "run")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    notebook = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "accords.load(" in code and "read_parquet" not in code
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    accords = len(load_tables(seed_outputs[0])["accords"])
    assert f"'accords (distinct acts)': {accords}" in outputs[0]["data"]["text/plain"]


def dump_dom(browser: str, flags: list[str], url: str) -> str:
    """The page's DOM after its scripts ran, as headless Chromium sees it."""
    result = subprocess.run(
        [browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_report_in_a_real_browser(report_file, seed_outputs, tmp_path):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    flags = CHROME_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]

    def dom(fragment: str) -> str:
        return dump_dom(browser, flags, report_file.as_uri() + fragment)

    shown = dom("")
    rows = re.findall(r'<tr data-type="([a-z_]+)">', shown)
    assert len(rows) == len(load_tables(seed_outputs[0])["agreements"])
    assert re.search(r'id="count">\d+ of \d+ shown<', shown)
    assert "<svg" in shown and 'class="legend"' in shown
    filtered = dom("#type=network")
    visible = re.findall(r'<tr data-type="([a-z_]+)">', filtered)
    assert visible and set(visible) == {"network"}
    agreement = load_tables(seed_outputs[0])["agreements"].iloc[1]
    opened = dom(f"#doc={agreement.doc_id}&s={agreement.evidence_start}-{agreement.evidence_end}")
    shown = opened.split('<section id="doc"', 1)[1].split("</section>", 1)[0]
    assert '<mark class="evidence"' in shown  # the row's link opens the document at its sentence
    shot = tmp_path / "report-screenshot.png"  # never into the user's outputs/
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1200,900", report_file.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000


@pytest.fixture(scope="module")
def big_report(tmp_path_factory):
    """A report of 2,000 releases, built the way the benchmark builds its corpora."""
    import importlib.util

    from pipeline.run import extract

    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    base = tmp_path_factory.mktemp("big")
    bench.make_corpus(base / "corpus", 2000)
    extract(base / "corpus", base / "out", workers=2)
    target = base / "report.html"
    result = CliRunner().invoke(
        main, ["report", "--outputs", str(base / "out"), "--to", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target, load_tables(base / "out")


@pytest.mark.slow
def test_a_report_of_2000_releases_loads_fast_and_filters(big_report, tmp_path):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    target, tables = big_report
    flags = CHROME_FLAGS + [
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=10000",
    ]

    def dom(fragment: str) -> str:
        return dump_dom(browser, flags, target.as_uri() + fragment)

    page = dom("")
    ready = int(re.search(r'data-ready-ms="(\d+)"', page).group(1))
    assert ready < 3000, f"ready after {ready} ms"
    total = len(tables["agreements"])
    assert f"{total} of {total} shown" in page
    networks = int((tables["agreements"]["type"] == "network").sum())
    assert f"{networks} of {total} shown" in dom("#type=network")
    sources = tables["documents"].set_index("doc_id")["source"]
    agreements = tables["agreements"]

    def says_iom(a) -> bool:  # the filter reads the file, the act's name and its parties
        named = " ".join([sources.get(a.doc_id, ""), str(a.name or ""), *a.parties]).lower()
        return "iom" in named or "International Organization for Migration" in list(a.parties)

    iom = sum(says_iom(a) for a in agreements.itertuples())
    assert iom > sum("iom" in " ".join(a.parties).lower() for a in agreements.itertuples())
    assert f"{iom} of {total} shown" in dom("#filter=IOM")  # an acronym finds the full name
    year = tables["agreements"]["date_start"].dropna().map(lambda d: d.year).mode()[0]
    in_year = int(tables["agreements"]["date_start"].dropna().map(lambda d: d.year == year).sum())
    faceted = dom(f"#year={year}")
    assert f"{in_year} of {total} shown" in faceted
    assert f">{year}</text>" in faceted and ">undated</text>" not in faceted  # charts follow


def run_in_page(report: Path, script: str, target: Path) -> Path:
    """A copy of the report with ``script`` run after the page's own, as a reader's
    clicks would run."""
    page = report.read_text(encoding="utf-8")
    target.write_text(page.replace("</body>", f"<script>{script}</script></body>"), "utf-8")
    return target


@pytest.mark.slow
def test_opening_a_row_s_evidence_keeps_the_filter_and_facets(report_file, tmp_path):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    flags = CHROME_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000"]
    click = (
        'window.addEventListener("load", () => {'
        '  document.querySelector("#rows a").click();'
        "  setTimeout(() => { document.body.dataset.after = location.hash;"
        '    document.body.dataset.type = document.getElementById("type").value; }, 500);'
        "});"
    )
    page = run_in_page(report_file, click, tmp_path / "click.html")
    dom = dump_dom(browser, flags, page.as_uri() + "#type=network&filter=united")
    opened = dom.split('<section id="doc"', 1)[1].split("</section>", 1)[0]
    assert '<mark class="evidence" id="evidence">' in opened  # open at its sentence
    rows = re.findall(r'<tr data-type="([a-z_]+)">', dom)
    assert rows and set(rows) == {"network"}  # the table still shows the filtered rows
    after = re.search(r'data-after="([^"]*)"', dom).group(1)
    assert "type=network" in after and "filter=united" in after and "doc=" in after
    assert 'data-type="network"' in dom.split("<body", 1)[1].split(">", 1)[0]
    table = dom.split('<tbody id="rows">', 1)[1].split("</tbody>", 1)[0]
    cells = re.findall(r'<td class="evidence" title="([^"]*)">([^<]*)</td>', table)
    assert len(cells) == len(rows)  # each row's evidence sentence, whole on hover
    assert all(whole.startswith(shown.rstrip("…")) for whole, shown in cells)
    assert any(shown.endswith("…") and len(shown) < len(whole) for whole, shown in cells)


@pytest.mark.slow
def test_chart_labels_and_the_csv_download_in_a_real_browser(seed_outputs, report_file, tmp_path):
    import csv
    import html as markup
    import io

    from pipeline.export import flat
    from pipeline.report import report_data

    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    flags = CHROME_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]
    show_csv = (
        'window.addEventListener("load", () => { const pre = document.createElement("pre");'
        '  pre.id = "csv"; pre.textContent = csv(D.agreements); document.body.append(pre); });'
    )
    page = run_in_page(report_file, show_csv, tmp_path / "csv.html")
    dom = dump_dom(browser, flags, page.as_uri())
    tables = load_tables(seed_outputs[0])
    acronyms = report_data(tables)["acronyms"]
    charts = dom.split('id="charts"', 1)[1].split("<h2>", 1)[0]
    labels = re.findall(r"<text [^>]*><title>([^<]*)</title>([^<]*)</text>", charts)
    assert labels
    for full, short in ((markup.unescape(f), markup.unescape(s)) for f, s in labels):
        cut = short.endswith("…") and full.startswith(short[:-1])
        assert short == full or cut or acronyms.get(full) == short, (full, short)
    text = markup.unescape(re.search(r'<pre id="csv">(.*?)</pre>', dom, re.S).group(1))
    assert text.startswith("\ufeff")
    downloaded = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    exported = flat(tables["agreements"])
    for column in ("parties", "party_countries", "signatories", "name", "evidence"):
        assert [row[column] for row in downloaded] == [
            "" if v is None else str(v) for v in exported[column]
        ], column


SCRIPT_BREAKERS = [
    "<!--<script>",
    "<!--",
    "<script>",
    "</script>",
    "<SCRIPT type='x'>",
    "</ScRiPt >",
    "<!-- <script></script> -->",
    "-->",
]


def test_report_data_escapes_every_script_breaking_sequence(seed_outputs):
    from pipeline.report import script_json

    for sequence in SCRIPT_BREAKERS:
        data = script_json({"text": f"before {sequence} after"})
        assert "<" not in data and ">" not in data, sequence
        assert json.loads(data) == {"text": f"before {sequence} after"}


@pytest.mark.slow
@pytest.mark.parametrize("sequence", SCRIPT_BREAKERS)
def test_a_release_holding_script_markup_leaves_the_report_whole(seed_outputs, tmp_path, sequence):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    tables = load_tables(seed_outputs[0])
    docs = tables["documents"]
    doc_id = tables["agreements"]["doc_id"].iloc[0]
    row = docs.index[docs["doc_id"] == doc_id][0]
    docs.loc[row, "text"] = f"{docs.loc[row, 'text']}\nA quoted page: {sequence} end."
    docs.loc[row, "title"] = f"{docs.loc[row, 'title']} {sequence}"
    page = tmp_path / "report.html"
    page.write_text(build_report(tables), encoding="utf-8")
    flags = CHROME_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]
    shown = dump_dom(browser, flags, page.as_uri())
    assert len(re.findall(r'<tr data-type="[a-z_]+">', shown)) == len(tables["agreements"])
    assert "<svg" in shown and re.search(r'id="count">\d+ of \d+ shown<', shown)
    assert len(re.findall(r"<option", shown)) > 4  # the facets are filled
    opened = dump_dom(browser, flags, page.as_uri() + f"#doc={doc_id}")
    assert html.escape(f"A quoted page: {sequence} end.", quote=False) in opened


def test_the_party_facet_names_each_party_with_its_country():
    from pipeline.report import party_labels

    assert party_labels(["Ministry of the Interior", "IOM"], ["GH", None]) == [
        "Ministry of the Interior (GH)",
        "IOM",
    ]
