"""Arguments checked before work starts: a bad one is one line and exit code 2, and
nothing is created, started or waited for."""

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import extract
from pipeline.run.options import OptionError, cores

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def run(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


def assert_refused(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("accords: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


@pytest.mark.parametrize("seconds", ["nan", "inf", "-inf", "1e308", "0.5", "0"])
def test_a_time_budget_that_is_no_budget_is_refused(tmp_path, seconds):
    out = tmp_path / "out"
    result = run("--corpus", str(SEEDS), "--out", str(out), "--max-seconds-per-doc", seconds)
    assert_refused(result, f"--max-seconds-per-doc {float(seconds):g}: give a number")
    assert not out.exists()


@pytest.mark.parametrize(
    "address, says",
    [
        ("not a url", "is not a Dask scheduler's address"),
        ("http://127.0.0.1:8787", "a web address"),
        ("https://scheduler.example:8786/status", "a web address"),
        ("tcp://127.0.0.1", "is not a Dask scheduler's address"),
        ("tcp://127.0.0.1:99999", "is not a Dask scheduler's address"),
        ("foo://127.0.0.1:8786", "is not a Dask scheduler's address"),
    ],
)
def test_an_address_that_is_no_scheduler_is_refused_at_once(tmp_path, address, says):
    out = tmp_path / "out"
    result = run("--corpus", str(SEEDS), "--out", str(out), "--scheduler", address)
    assert_refused(result, says)
    assert not out.exists()


def test_an_unreachable_scheduler_is_said_in_seconds_and_creates_nothing(tmp_path):
    out = tmp_path / "out"
    started = time.monotonic()
    result = run("--corpus", str(SEEDS), "--out", str(out), "--scheduler", "tcp://127.0.0.1:9")
    assert_refused(result, "cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert time.monotonic() - started < 10  # a refused connection is known at once
    assert not out.exists()


def test_a_missing_model_creates_nothing(tmp_path):
    out = tmp_path / "out"
    result = run("--corpus", str(SEEDS), "--out", str(out), "--model", "no_such_model")
    assert_refused(result, "cannot load spaCy model 'no_such_model'")
    assert not out.exists()


@pytest.mark.parametrize("where", ["foo://bar", "nosuchprotocol://x/y"])
def test_an_outputs_url_of_an_unknown_protocol_is_refused(tmp_path, where):
    assert_refused(run("--corpus", str(SEEDS), "--out", where), "--out", "unknown protocol")


def test_outputs_in_the_corpus_or_at_the_root_are_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text((SEEDS / "000_e656d4048769cf47.txt").read_text())
    for out in [
        corpus,
        corpus / "outputs",
        corpus / "a" / "b",
        tmp_path / "corpus" / ".." / "corpus",
    ]:
        assert_refused(run("--corpus", str(corpus), "--out", str(out)), "inside the corpus")
    os.symlink(corpus, tmp_path / "link")
    assert_refused(run("--corpus", str(corpus), "--out", str(tmp_path / "link" / "o")), "inside")
    assert_refused(run("--corpus", str(corpus), "--out", "/"), "the root folder")
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


def test_more_workers_than_cores_are_capped_and_said(tmp_path):
    summary = extract(SEEDS, tmp_path / "out", workers=1000)
    assert summary.workers[0] == cores()
    note = f"--workers 1000 is more than the {cores()} cores here: using {cores()}"
    assert note in summary.notes


def test_the_library_checks_as_the_cli_does(tmp_path):
    with pytest.raises(OptionError, match="max-seconds-per-doc"):
        extract(SEEDS, tmp_path / "out", max_seconds_per_doc=float("nan"))
    with pytest.raises(OptionError, match="--workers"):
        extract(SEEDS, tmp_path / "out", workers=0)
    assert not (tmp_path / "out").exists()
