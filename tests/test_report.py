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


def test_report_lists_every_agreement_and_document(seed_outputs, report_file):
    out, _ = seed_outputs
    tables = load_tables(out)
    page = report_file.read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-type="([a-z_]+)">', page)
    assert sorted(rows) == sorted(tables["agreements"]["type"])
    for doc_id in tables["documents"]["doc_id"]:
        assert f'id="doc-{doc_id}"' in page
    assert page.count('class="entities"') == len(tables["documents"])  # displaCy views
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org", "")


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


def test_report_in_a_real_browser(report_file, seed_outputs, tmp_path):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    flags = CHROME_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]
    url = report_file.as_uri()

    def dom(fragment: str) -> str:
        result = subprocess.run(
            [browser, *flags, "--dump-dom", url + fragment],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout

    shown = dom("")
    rows = re.findall(r'<tr data-type="[a-z_]+"( style="[^"]*")?>', shown)
    assert len(rows) == len(load_tables(seed_outputs[0])["agreements"])
    assert all("none" not in (style or "") for style in rows)
    assert re.search(r'id="count">\d+ shown<', shown)
    filtered = dom("#type=network")
    visible = re.findall(r'<tr data-type="([a-z_]+)"(?! style="display: none;")', filtered)
    assert visible and set(visible) == {"network"}
    shot = ROOT / "outputs" / "report-screenshot.png"
    shot.parent.mkdir(exist_ok=True)
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1200,900", url],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000
