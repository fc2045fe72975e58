"""The HTML report, `accords show`, the example notebook and a real-browser check."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
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


def test_show_unknown_document(seed_outputs):
    result = CliRunner().invoke(
        main, ["show", "nothing-like-this", "--outputs", str(seed_outputs[0])]
    )
    assert result.exit_code == 2


def test_notebook_runs_top_to_bottom(seed_outputs):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "examples" / "explore.ipynb", as_version=4)
    os.environ["ACCORDS_OUTPUTS"] = str(seed_outputs[0])
    try:
        nbclient.NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(ROOT / "examples")}},
        ).execute()
    finally:
        os.environ.pop("ACCORDS_OUTPUTS", None)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]


def chromium() -> str | None:
    return next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )


CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def dump_dom(browser: str, flags: list[str], url: str) -> str:
    """The page's DOM after its scripts ran, as headless Chromium sees it."""
    result = subprocess.run(
        [browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


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
    assert 'class="evidence"' in opened  # the row's link opens the document at its sentence
    shot = ROOT / "outputs" / "report-screenshot.png"
    shot.parent.mkdir(exist_ok=True)
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
    iom = (
        tables["agreements"]["parties"].map(
            lambda p: "International Organization for Migration" in list(p)
        )
    ).sum()
    assert f"{iom} of {total} shown" in dom("#filter=IOM")  # an acronym finds the full name
    year = tables["agreements"]["date_start"].dropna().map(lambda d: d.year).mode()[0]
    in_year = int(tables["agreements"]["date_start"].dropna().map(lambda d: d.year == year).sum())
    faceted = dom(f"#year={year}")
    assert f"{in_year} of {total} shown" in faceted
    assert f">{year}</text>" in faceted and ">undated</text>" not in faceted  # charts follow


def test_the_party_facet_names_each_party_with_its_country():
    from pipeline.report import party_labels

    assert party_labels(["Ministry of the Interior", "IOM"], ["GH", None]) == [
        "Ministry of the Interior (GH)",
        "IOM",
    ]
