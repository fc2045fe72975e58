"""The Python API, as an analyst uses it."""

import pandas as pd
import pytest

import pipeline as accords

RELEASE = (
    "Home\nNews\n"
    "UNHCR and Chad sign host country agreement\n"
    "N'Djamena, 4 June 2021 – UNHCR and the Government of Chad signed a host country "
    "agreement to protect refugees in the east of the country.\n"
    "The two parties will open four registration centres this year.\n"
)


def test_load_gives_typed_tables_and_ready_joins(seed_outputs):
    t = accords.load(seed_outputs[0])
    assert pd.api.types.is_datetime64_any_dtype(t.agreements["date_start"])
    assert isinstance(t.agreements.loc[0, "parties"], list)
    assert isinstance(t.agreements["type"].dtype, pd.CategoricalDtype)
    assert "source" in t.agreements_with_source.columns
    joined = t.commitments_with_agreement
    assert "agreement_type" in joined.columns and "sent_id" in joined.columns


def test_extract_text_gives_the_rows_of_one_release_without_disk():
    rows = accords.extract_text(RELEASE, doc_id="chad")
    (agreement,) = rows["agreements"].to_dict("records")
    assert agreement["type"] == "agreement" and agreement["accord_id"].startswith("acc:")
    assert list(agreement["party_countries"]) == [None, "TD"]
    assert rows["documents"].loc[0, "published"] == "2021-06-04"
    assert len(rows["commitments"]) >= 1 and len(rows["accords"]) == 1


def test_extract_runs_as_the_cli_does(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.txt").write_text(RELEASE, encoding="utf-8")
    summary = accords.extract(corpus, tmp_path / "out")
    assert summary.counts["agreements"] == 1


UNGUARDED_SCRIPT = """
import sys
import pipeline as accords
import pipeline.run.runner as runner

runner.MIN_DOCS_PER_WORKER = 1  # a small corpus still goes to the two workers
with open(sys.argv[3], "a") as runs:
    runs.write("ran\\n")
summary = accords.extract(sys.argv[1], sys.argv[2], workers=2)
print(summary.workers, summary.counts["agreements"], len(summary.rejected))
"""


def test_extract_from_a_script_without_a_main_guard(tmp_path):
    """The README's snippet pasted into a script as it is: the workers must not run the
    script again (each would start a run of its own and die of it)."""
    import subprocess
    import sys

    from conftest import SEED_CORPUS

    script, runs = tmp_path / "script.py", tmp_path / "runs"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(SEED_CORPUS), str(tmp_path / "out"), str(runs)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["(2,", "2)", "6", "0"]  # two workers, no rejections
    assert runs.read_text().count("ran") == 1


def test_extract_uses_as_many_workers_as_the_cli_by_default(tmp_path, monkeypatch):
    import os

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.txt").write_text(RELEASE, encoding="utf-8")
    monkeypatch.setattr(os, "cpu_count", lambda: 3)  # a machine of 3 cores, all ours
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    summary = accords.extract(corpus, tmp_path / "out")
    assert summary.workers[0] == 3


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>UNHCR and Chad sign host country agreement | UNHCR</title>
<link rel="canonical" href="https://www.unhcr.org/news/chad-host-country-agreement">
<meta property="article:published_time" content="2021-06-04">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/donate">Donate</a></li></ul></nav>
<main><article>
<h1>UNHCR and Chad sign host country agreement</h1>
<p>N'Djamena, 4 June 2021 – UNHCR and the Government of Chad signed a host country
agreement to protect refugees in the east of the country.</p>
<p>The two parties will open four registration centres this year, said <strong>Jean Dupont</strong>,
the representative of UNHCR in Chad, who signed the agreement with the Minister of Foreign Affairs.</p>
</article></main>
<footer><p>© UNHCR 2021. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

MARKDOWN = """# UNHCR and Chad sign host country agreement

**N'Djamena, 4 June 2021** – UNHCR and the Government of Chad signed a host country
agreement to protect refugees in the east of the country.

The two parties will open four registration centres this year.

Source: https://www.unhcr.org/news/chad-host-country-agreement
"""


@pytest.mark.parametrize(
    ("content", "suffix", "form"),
    [(PAGE, ".html", "html"), (PAGE, ".txt", None), (MARKDOWN, ".md", "markdown")],
)
def test_extract_text_reads_a_release_as_the_cli_reads_its_file(tmp_path, content, suffix, form):
    from pipeline import storage

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"release{suffix}").write_text(content, encoding="utf-8")
    accords.extract(corpus, tmp_path / "out", workers=1)
    doc_id = accords.load(tmp_path / "out").documents.loc[0, "doc_id"]
    rows = accords.extract_text(content, doc_id=doc_id, format=form)
    (document,) = storage.to_arrow(rows["documents"], "documents").to_pylist()
    (expected,) = storage.read_arrow("documents", tmp_path / "out").to_pylist()
    for column in ("title", "text", "published", "url", "status"):
        assert document[column] == expected[column], column
    assert "<" not in " ".join(rows["sentences"]["text"])  # no markup became a sentence
    for name in ("sentences", "entities", "people", "agreements", "commitments"):
        got = storage.to_arrow(rows[name], name).to_pylist()
        assert got == storage.read_arrow(name, tmp_path / "out").to_pylist(), name


def test_extract_text_names_an_unknown_format():
    with pytest.raises(ValueError, match="format 'pdf': use one of text, markdown, html"):
        accords.extract_text(RELEASE, format="pdf")


@pytest.mark.parametrize("text", [None, 123, b"bytes are no text", ["a list"]])
def test_extract_text_says_what_it_expects(text):
    with pytest.raises(TypeError, match="expects the release's text as a str, not"):
        accords.extract_text(text)


def test_extract_text_has_the_runs_size_limit_and_time_budget(monkeypatch):
    import time

    from pipeline.agreements import AgreementFinder

    huge = RELEASE + "The two parties will meet again.\n" * 200_000  # over 5 MB
    rows = accords.extract_text(huge)
    assert rows["documents"].loc[0, "status"] == "rejected"
    assert rows["documents"].loc[0, "reason"].endswith("over the 5,000,000-byte limit")
    assert all(len(rows[name]) == 0 for name in ("sentences", "agreements", "accords"))
    real = AgreementFinder.__call__

    def slow(self, doc):
        time.sleep(3)
        return real(self, doc)

    monkeypatch.setattr(AgreementFinder, "__call__", slow)
    started = time.monotonic()
    rows = accords.extract_text(RELEASE, max_seconds=1)
    assert time.monotonic() - started < 3
    assert (
        rows["documents"].loc[0, "reason"] == "extraction failed: processing took longer than 1 s"
    )
    assert len(rows["agreements"]) == 0 and len(rows["accords"]) == 0


def test_extract_goes_where_the_cli_goes(tmp_path, monkeypatch):
    import fsspec

    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.txt").write_text(RELEASE, encoding="utf-8")
    summary = accords.extract(corpus, "memory://api-out/o")
    assert summary.counts["agreements"] == 1
    fs = fsspec.filesystem("memory")
    try:
        assert fs.exists("/api-out/o/manifest.json")
        assert not (tmp_path / "memory:").exists()  # not a local folder named after the URL
    finally:
        fs.rm("/api-out", recursive=True)
