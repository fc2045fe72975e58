"""The report's round trip in headless Chromium: an analyst corrects a row's parties and
date and marks another row wrong in the page, the edits survive a reload, are downloaded
as a corrections file, and the next run applies it."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from browser import Browser, chromium, wait_for_file
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import load_tables, report_data
from pipeline.run import extract

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
IOM = "International Organization for Migration"


def row_index(page: Browser, source_prefix: str) -> int:
    return page.evaluate(f"D.agreements.findIndex((a) => a.src.startsWith('{source_prefix}'))")


@pytest.mark.slow
def test_edits_in_the_report_are_downloaded_and_applied_by_the_next_run(tmp_path, seed_outputs):
    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`); .ci/run installs it")
    corpus, out = tmp_path / "corpus", tmp_path / "outputs"
    shutil.copytree(SEEDS, corpus)
    shutil.copytree(seed_outputs[0], out)
    report = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--outputs", str(out), "--to", str(report)])
    assert result.exit_code == 0, result.output
    downloads = tmp_path / "downloads"
    page = Browser(browser, tmp_path / "profile", downloads)
    try:
        page.open(report.as_uri(), "document.body && document.body.dataset.readyMs")
        edited, wrong = row_index(page, "001_"), row_index(page, "004_")
        page.evaluate(f"document.querySelector('button.edit[data-i=\"{edited}\"]').click()")
        assert page.evaluate("!document.getElementById('editor').hidden")
        page.evaluate(
            "document.getElementById('ed-parties').value = 'IOM\\nGovernment of Ukraine';"
            "document.getElementById('ed-date').value = '2020-12-10';"
            "document.getElementById('analyst').value = 'ana';"
            "document.getElementById('ed-save').click()"
        )
        page.evaluate(f"document.querySelector('button.wrong[data-i=\"{wrong}\"]').click()")
        assert page.evaluate("document.getElementById('n-pending').textContent").startswith("3 ")
        assert page.evaluate("document.querySelectorAll('td.edited').length") == 2
        page.reload("document.body && document.body.dataset.readyMs")  # kept in the page
        assert page.evaluate("document.getElementById('n-pending').textContent").startswith("3 ")
        page.evaluate("document.getElementById('download-corrections').click()")
        saved = wait_for_file(downloads, "corrections-*.jsonl")
        assert (
            page.evaluate("document.getElementById('n-pending').textContent")
            == "no corrections yet"
        )
    finally:
        page.close()
    records = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["kind"] for r in records) == ["agreement", "agreement", "not_agreement"]
    assert {r["by"] for r in records} == {"ana"}
    (tmp_path / "corrections").mkdir()
    shutil.move(saved, tmp_path / "corrections" / saved.name)  # dropped beside the corpus
    summary = extract(corpus, out)
    assert "3 applied" in summary.corrections[0], summary.corrections
    agreements = pd.read_parquet(out / "agreements.parquet")
    documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["source"]
    sources = agreements["doc_id"].map(documents)
    fixed = agreements[sources.str.startswith("001_")].iloc[0]
    assert list(fixed["parties"]) == [IOM, "Government of Ukraine"]
    assert (fixed["date"], str(fixed["date_start"])) == ("2020-12-10", "2020-12-10")
    assert not sources.str.startswith("004_").any()
    records = report_data(load_tables(out))["agreements"]
    marked = next(r for r in records if r["src"].startswith("001_"))["corr"]
    assert set(marked) == {"parties", "date"}  # the next report marks the corrected cells
    assert marked["parties"][2] == [IOM, "Ministry of the Interior"]  # what the pipeline said
