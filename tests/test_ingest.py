import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
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
    (tmp_path / "empty").mkdir()
    result = runner.invoke(
        main, ["extract", "--corpus", str(tmp_path / "empty"), "--out", str(tmp_path / "o")]
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


ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
# bytes of address space: reading /dev/zero without end fails fast (a read stops at
# ingest.MAX_BYTES anyway). A run's address space is about 2 GB, most of it reserved by
# pyarrow's and numpy's allocators rather than used; under a lower cap it was luck that
# spaCy's libraries were mapped before those reservations (the main process imported spaCy
# first), and now that it imports spaCy only when it parses itself, they are mapped after
MEMORY_CAP = 4_000_000_000


def capped_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def corpus_with_odd_files(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


def test_a_fifo_and_a_link_to_dev_zero_are_rejected_not_read(tmp_path):
    """Bounded: in a process of its own with a deadline and a memory cap, since reading
    either would block for ever or read without end."""
    corpus = corpus_with_odd_files(tmp_path / "corpus")
    script = (
        "import sys\nfrom pipeline.ingest import read_corpus\n"
        "docs, _ = read_corpus(sys.argv[1])\n"
        "for d in docs: print(f'{d.source}\\t{d.status}\\t{d.reason}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(corpus)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=capped_memory,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = {line.split("\t")[0]: line.split("\t")[1:] for line in done.stdout.splitlines()}
    assert found["fifo.txt"] == ["rejected", "not a regular file: a FIFO (named pipe)"]
    assert found["zero.txt"] == ["rejected", "not a regular file: a character device"]
    assert sum(status == "ok" for status, _ in found.values()) == 5


def test_a_run_with_odd_files_in_the_corpus_rejects_them_and_finishes(tmp_path):
    corpus = corpus_with_odd_files(tmp_path / "corpus")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--corpus", str(corpus), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=capped_memory,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "warning: fifo.txt: not a regular file: a FIFO (named pipe)" in done.stdout
    assert "warning: zero.txt: not a regular file: a character device" in done.stdout
    assert not (out / ".accords.lock").exists() or run_holds_nothing(out)


def run_holds_nothing(out: Path) -> bool:
    from pipeline.storage import run_under_way

    return not run_under_way(out)


def test_a_read_stops_at_the_size_limit_whatever_stat_says(tmp_path, monkeypatch):
    from pipeline import ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(PRESS_RELEASE * 100, encoding="utf-8")
    assert len(ingest.read_file(big, 1000)) == 1001  # one byte past the limit tells it
    entry = ingest.local_entry(big, tmp_path)
    entry.stat = lambda: (10, 0)  # a size the file system got wrong (or a file that grew)
    document = ingest.read_entry(entry, entry.stat(), frozenset())
    assert (document.status, document.reason) == (
        "rejected",
        "file is over the 1,000-byte limit",
    )


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


ABOVE = (
    "Friday, 5 July 2013\n\n"
    "Swiss grant for safer labour migration signed with Nepal\n\n"
    "Switzerland and Nepal signed a grant agreement for safer labour migration today in a "
    "ceremony attended by the ministers of both countries and their officials.\n"
)
OVER_A_MENU = (
    "Thursday, March 28, 2024\nHome\nNews\nWorld\n"
    "IOM and the bank sign agreement on migrant safety in the region\n\n"
    "The International Organization for Migration and the bank signed an agreement on "
    "November 10 to protect migrants and the communities that host them.\n"
)

AMONG_THE_MENU = (
    "Skip to main content\nMigration and Home Affairs\n• News article\n• 13 November 2024\n"
    "• 1 min read\n\n"
    "Commission welcomes the ministerial declaration on migration partnerships\n\n"
    "On 12 November, the ministers of 50 countries adopted a declaration on migration in "
    "Budapest, Hungary, with the European Commission and international organisations.\n"
)
IN_A_STORY_LIST = (
    "Skip to main content\nRelated Stories\n• 12 February 2024\n"
    "• Floods Displace Thousands in Sudan\n\n"
    "Kenya and Qatar sign labour agreement\n\n"
    "Nairobi - Kenya and Qatar on Tuesday signed a labour agreement on domestic workers.\n"
)
UNDER_THE_WEATHER = (
    "Nairobi 24°C\nJune 13, 2021\nRegional News Network\n\n"
    "Two states agree to expedite their labour agreement\n\n"
    "Addis Ababa, Jan. 9 - Ethiopia and the United Arab Emirates agreed to expedite the "
    "signing of an agreement on overseas labour, the ministry said.\n"
)


def test_a_date_line_right_above_the_headline_dates_the_release(tmp_path):
    import pandas as pd

    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "above.txt").write_text(ABOVE, encoding="utf-8")
    (corpus / "menu.txt").write_text(OVER_A_MENU, encoding="utf-8")
    (corpus / "among.txt").write_text(AMONG_THE_MENU, encoding="utf-8")
    (corpus / "weather.txt").write_text(UNDER_THE_WEATHER, encoding="utf-8")
    (corpus / "stories.txt").write_text(IN_A_STORY_LIST, encoding="utf-8")
    extract(corpus, tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    published = dict(
        zip(docs["source"].map(lambda s: Path(s).name), docs["published"], strict=True)
    )
    assert published["above.txt"] == "2013-07-05"
    assert pd.isna(published["menu.txt"])  # the site's date of the day, over its menu
    assert published["among.txt"] == "2024-11-13"  # the article's, among the items over it
    assert pd.isna(published["weather.txt"])  # the masthead's, under the weather
    assert pd.isna(published["stories.txt"])  # another story's, in a list of them
    agreements = pd.read_parquet(tmp_path / "out" / "agreements.parquet")
    assert "2013-07-05" in agreements["date"].tolist()


UNDER = (
    "Labour ministry and employers sign memorandum on migrant workers\n\n"
    "Posted June 06, 2024\n\n"
    "The Ministry of Labour and the Employers Federation signed a memorandum of understanding "
    "on June 6 to protect migrant workers in the construction sector.\n"
)
STAMPED = (
    "Two unions sign agreement to protect seasonal workers\n\n"
    "November 28, 2018 10:45 AM GMT+7\n\n"
    "The National Union of Farm Workers and the Federation of Agricultural Workers signed a "
    "cooperation agreement on November 27 to protect seasonal migrant workers.\n"
)


@pytest.mark.parametrize(
    "text, published",
    [(UNDER, "2024-06-06"), (STAMPED, "2018-11-28")],
    ids=["posted-line", "time-stamp"],
)
def test_a_date_line_removed_under_the_headline_dates_the_release(tmp_path, text, published):
    import pandas as pd

    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "release.txt").write_text(text, encoding="utf-8")
    extract(corpus, tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs["published"].tolist() == [published]
    agreements = pd.read_parquet(tmp_path / "out" / "agreements.parquet")
    assert agreements["date"].str.startswith(published[:4]).all() and len(agreements) == 1
