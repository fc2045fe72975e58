from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import read_corpus

PRESS_RELEASE = (
    "IOM and the Ministry sign a cooperation agreement in the capital\n"
    "The International Organization for Migration and the Ministry of Labour signed an agreement "
    "on labour migration, and they will work together on the protection of migrant workers.\n"
)


def test_bad_inputs_are_recorded_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02\x03binary")
    (tmp_path / "bom.txt").write_bytes(
        "\ufeff".encode() + PRESS_RELEASE.replace("\n", "\r\n").encode()[:-2] + b" ok"
    )
    (tmp_path / "cyr.txt").write_bytes(
        PRESS_RELEASE.replace("capital", "Київ").encode("cp1251", "replace")
    )
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    docs, listing = read_corpus(tmp_path)
    ignored = listing.ignored
    status = {d.source: (d.status, d.reason) for d in docs}
    assert status["empty.txt"] == ("rejected", "empty file")
    assert status["scan.txt"][0] == "rejected"
    assert status["bom.txt"][0] == "ok"
    assert [d.sources for d in docs if d.source == "copy.txt"] == [["copy.txt", "good.txt"]]
    bom = next(d for d in docs if d.source == "bom.txt")
    assert "\r" not in bom.raw_text and not bom.raw_text.startswith("\ufeff")
    assert ignored == ["notes.docx"]


def test_missing_or_empty_corpus_exits_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        main, ["extract", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(
        main, ["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "holds no releases" in result.output


PAGE = """<!doctype html>
<html><head><title>UNHCR and Chad sign host agreement</title>
<link rel="canonical" href="https://www.example.org/news/unhcr-chad-agreement">
<meta property="article:published_time" content="2022-03-15">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>UNHCR and Chad sign host agreement</h1>
<p>UNHCR and the Government of Chad signed a host country agreement in N'Djamena on
Tuesday to strengthen the protection of refugees in the east of the country.</p>
<p>The agreement sets out how the two sides will work together on registration, asylum
procedures and access to education for refugee children last year and this year.</p>
</article><footer>Copyright 2022</footer></body></html>
"""


def test_html_pages_are_read_with_their_metadata_and_ignored_files_named(tmp_path):
    from pipeline.run import extract, summary_lines

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.html").write_text(PAGE, encoding="utf-8")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    summary = extract(corpus, out)
    assert "ignored: notes.docx (unsupported extension)" in summary_lines(summary)
    import pandas as pd

    (doc,) = pd.read_parquet(out / "documents.parquet").to_dict("records")
    assert doc["status"] == "ok" and doc["encoding"].endswith("(html)")
    assert doc["url"] == "https://www.example.org/news/unhcr-chad-agreement"
    assert doc["site"] == "example.org"
    assert doc["published"] == "2022-03-15"
    assert "Home" not in doc["text"]
    dates = pd.read_parquet(out / "entities.parquet").query("label == 'DATE'")
    assert set(dates["norm"]) >= {"2021", "2022"}  # last year, this year


def test_a_text_page_gives_its_address_on_a_line_of_its_own(tmp_path):
    from pipeline.ingest import url_line

    assert (
        url_line("Headline\nBody text.\nSource: https://example.org/a/b.")
        == "https://example.org/a/b"
    )
    assert url_line("Headline\nSee https://example.org in the text.") is None


def test_one_line_errors_for_what_an_operator_meets(tmp_path):
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "IOM and UNHCR sign agreement\nIOM and UNHCR signed an agreement today in Geneva.\n",
        encoding="utf-8",
    )
    a_file = tmp_path / "a_file"
    a_file.write_text("x", encoding="utf-8")
    cases = [
        (["extract", "--corpus", str(corpus), "--out", str(a_file)], "cannot write"),
        (
            ["extract", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--model", "spacy"],
            "cannot load spaCy model 'spacy'",
        ),
        (
            ["evaluate", "--gold", str(corpus), "--outputs", str(corpus)],
            "holds no <document>.gold.json files",
        ),
    ]
    for args, message in cases:
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_a_page_of_menu_lines_only_is_rejected(tmp_path):
    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "menu.txt").write_text("Home\nAbout\nNews\nContact\n", encoding="utf-8")
    (corpus / "ok.txt").write_text(
        "IOM and UNHCR sign agreement\nIOM and UNHCR signed an agreement today in Geneva.\n",
        encoding="utf-8",
    )
    summary = extract(corpus, tmp_path / "out")
    assert "menu.txt" in dict(summary.rejected)


MARKDOWN = """---
title: Moldova and IOM sign agreement on labour migration
date: 2023-03-14
---

*Chișinău, 14 March 2023* – The **International Organization for Migration** (IOM) and
the Ministry of Labour of the Republic of Moldova signed a
[Memorandum of Understanding](https://example.org/mou) to protect migrant workers.
"""


def test_a_markdown_release_loses_its_markup_and_keeps_its_dateline(tmp_path):
    import pandas as pd

    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "moldova.md").write_text(MARKDOWN, encoding="utf-8")
    extract(corpus, tmp_path / "out")
    (doc,) = pd.read_parquet(tmp_path / "out" / "documents.parquet").to_dict("records")
    assert doc["title"] == "Moldova and IOM sign agreement on labour migration"
    assert not any(mark in doc["text"] for mark in ("*", "#", "](", "---"))
    assert "protect migrant workers." in doc["text"].splitlines()[-1]  # one paragraph, one line
    assert doc["published"] == "2023-03-14"
    (agreement,) = pd.read_parquet(tmp_path / "out" / "agreements.parquet").to_dict("records")
    assert (agreement["place"], agreement["date"]) == ("Chișinău", "2023-03-14")
