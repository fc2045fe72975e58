"""Corrections across runs: applied after every run (from scratch, incremental, --force),
stale when their release is gone, made with `accords correct`, checked, scored, and read
by trainers."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.corrections import gold, load
from pipeline.run import extract, summary_lines

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
EXTRA = (
    "UNHCR and the Ministry of Labour sign a memorandum on refugee employment\n"
    "Geneva — The UN Refugee Agency (UNHCR) and the Ministry of Labour and Social Policy signed a "
    "Memorandum of Understanding on 3 March 2022. The parties will jointly develop programmes "
    "for the employment of refugees.\n"
)
IOM = "International Organization for Migration"


@pytest.fixture()
def project(tmp_path, seed_outputs):
    """A corpus (the seeds), its outputs (copied) and an empty corrections folder beside it."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    shutil.copytree(seed_outputs[0], tmp_path / "outputs")
    (tmp_path / "corrections").mkdir()
    return tmp_path


def cli(project: Path, *args: str):
    result = CliRunner().invoke(main, [*args, "--outputs", str(project / "outputs"), "--by", "ana"])
    assert result.exit_code == 0, result.output
    return result.output


def tables(out: Path) -> dict[str, pd.DataFrame]:
    names = ("documents", "agreements", "accords", "commitments", "corrections")
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in names}


def agreement_of(t: dict, source_prefix: str, place: str | None = None) -> pd.Series:
    doc = t["documents"][t["documents"]["source"].str.startswith(source_prefix)]["doc_id"].iloc[0]
    rows = t["agreements"][t["agreements"]["doc_id"] == doc]
    if place is not None:
        rows = rows[rows["place"] == place]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def assert_corrected(out: Path) -> None:
    """The four corrections of the project hold in the tables at ``out``."""
    t = tables(out)
    fixed = agreement_of(t, "001_")
    assert list(fixed["parties"]) == [IOM, "Government of Ukraine"]
    assert list(fixed["corrected"])  # says which correction
    doc_004 = t["documents"][t["documents"]["source"].str.startswith("004_")]["doc_id"].iloc[0]
    assert doc_004 not in set(t["agreements"]["doc_id"])  # not an agreement: gone
    added = t["agreements"][t["agreements"]["rule_id"] == "correction"]
    assert len(added) == 1 and added.iloc[0]["type"] == "memorandum"
    assert list(added.iloc[0]["parties"]) == [
        IOM,
        "Ukrainian Parliament Commissioner for Human Rights",
    ]
    assert (
        added.iloc[0]["date"] == "2020-06-01" and str(added.iloc[0]["date_start"]) == "2020-06-01"
    )
    bishkek, pristina = agreement_of(t, "003_", "Bishkek"), agreement_of(t, "003_", "Pristina")
    assert bishkek["accord_id"] == pristina["accord_id"]  # merged: one act
    accord = t["accords"][t["accords"]["accord_id"] == bishkek["accord_id"]].iloc[0]
    assert accord["n_reports"] == 1 and len(accord["agreement_ids"]) == 2
    assert list(accord["corrected"])
    removed = t["corrections"][
        (t["corrections"]["kind"] == "not_agreement") & (t["corrections"]["table"] == "agreements")
    ]
    assert (
        json.loads(removed.iloc[0]["extracted"])["type"] == "memorandum"
    )  # what the pipeline said


def make_the_four_corrections(project: Path) -> None:
    t = tables(project / "outputs")
    cli(
        project,
        "correct",
        "agreement",
        agreement_of(t, "001_")["agreement_id"][:8],
        "--party",
        "IOM",
        "--party",
        "Government of Ukraine",
        "--corrections",
        str(project / "corrections"),
    )
    cli(
        project,
        "correct",
        "not-agreement",
        agreement_of(t, "004_")["agreement_id"],
        "--corrections",
        str(project / "corrections"),
    )
    cli(
        project,
        "correct",
        "missed",
        "000_",
        "--evidence",
        "The Agreement was signed by the Ombudsperson",
        "--type",
        "memorandum",
        "--party",
        "IOM",
        "--party",
        "Ombudsperson",
        "--date",
        "2020-06-01",
        "--corrections",
        str(project / "corrections"),
    )
    cli(
        project,
        "correct",
        "merge",
        agreement_of(t, "003_", "Bishkek")["agreement_id"],
        agreement_of(t, "003_", "Pristina")["agreement_id"],
        "--corrections",
        str(project / "corrections"),
    )


def test_corrections_hold_from_scratch_incrementally_with_force_and_go_stale(project):
    """The issue's "Done when": a party corrected, an agreement deleted, a missed one added,
    two accords merged; they hold after extract, after adding a release (incremental),
    after --force; a correction to a removed release is reported stale."""
    make_the_four_corrections(project)
    assert len(load(project / "corrections").corrections) == 4
    corpus, out = project / "corpus", project / "outputs"
    summary = extract(corpus, out)  # the corrections/ beside the corpus, by default
    assert summary.processed == 0  # nothing parsed again: the corrections apply on their own
    assert_corrected(out)
    scratch = project / "scratch"
    extract(corpus, scratch)
    assert_corrected(scratch)

    (corpus / "005_new.txt").write_text(EXTRA, encoding="utf-8")
    summary = extract(corpus, out)
    assert (summary.new, summary.processed) == (1, 1)
    assert_corrected(out)
    assert len(pd.read_parquet(out / "agreements.parquet")) == 7  # 6 - 1 removed + 1 added + 1 new

    summary = extract(corpus, out, force=True)
    assert summary.processed == 6
    assert_corrected(out)

    (corpus / "004_8e81a7fa4805dc7f.txt").unlink()  # the release the deletion names
    summary = extract(corpus, out)
    lines = summary_lines(summary)
    stale = [line for line in lines if line.startswith("stale:")]
    assert len(stale) == 1 and "not in the corpus any more" in stale[0], lines
    assert any("1 stale" in line for line in lines)
    audit = pd.read_parquet(out / "corrections.parquet")
    assert set(audit[audit["status"] == "stale"]["kind"]) == {"not_agreement"}
    check = CliRunner().invoke(main, ["corrections", "check", "--outputs", str(out)])
    assert check.exit_code == 1 and "stale:" in check.output and "not in the corpus" in check.output


def test_removing_a_correction_undoes_it_on_the_next_run(project):
    make_the_four_corrections(project)
    corpus, out = project / "corpus", project / "outputs"
    extract(corpus, out)
    (project / "corrections" / "corrections.jsonl").unlink()
    extract(corpus, out)
    pipeline_only = project / "pipeline_only"
    extract(corpus, pipeline_only)
    for name in ("agreements", "accords", "commitments", "entities", "people"):
        a, b = (
            pd.read_parquet(out / f"{name}.parquet"),
            pd.read_parquet(pipeline_only / f"{name}.parquet"),
        )
        key = [
            c
            for c in ("doc_id", "agreement_id", "commitment_id", "accord_id", "start")
            if c in a.columns
        ]
        pd.testing.assert_frame_equal(
            a.sort_values(key, ignore_index=True), b.sort_values(key, ignore_index=True), obj=name
        )
    assert pd.read_parquet(out / "corrections.parquet").empty
