"""Corrections across runs: applied after every run (from scratch, incremental, --force),
stale when their release is gone, made with `accords correct`, checked, scored, and read
by trainers."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from corpus_helpers import EXTRA, SEEDS

from pipeline.cli import main
from pipeline.corrections import gold, load
from pipeline.run import extract, summary_lines

IOM = "International Organization for Migration"


@pytest.fixture()
def project(tmp_path, seed_outputs):
    """A corpus (the seeds), its outputs (copied) and an empty corrections folder beside it."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    shutil.copytree(seed_outputs[0], tmp_path / "outputs")
    (tmp_path / "corrections").mkdir()
    manifest = tmp_path / "outputs" / "manifest.json"  # as if extracted from this corpus
    state = json.loads(manifest.read_text()) | {"corrections_at": str(tmp_path / "corrections")}
    manifest.write_text(json.dumps(state))
    return tmp_path


def cli(project: Path, *args: str):
    who = ["--by", "ana"] if args[0] == "correct" else []
    result = CliRunner().invoke(main, [*args, "--outputs", str(project / "outputs"), *who])
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
    assert not list(out.glob(".uncorrected.*"))  # no corrected document: no cache of them
    assert extract(corpus, out).processed == 0  # and the next run still trusts the tables


def test_a_malformed_file_applies_not_at_all_and_the_others_still_do(project):
    make_the_four_corrections(project)
    bad = project / "corrections" / "more.jsonl"
    good_line = (project / "corrections" / "corrections.jsonl").read_text().splitlines()[0]
    record = json.loads(good_line) | {"id": "c-more", "value": ["UNHCR"]}
    bad.write_text(json.dumps(record) + "\n" + '{"kind": "agreement", "by": "ana"}\n')
    summary = extract(project / "corpus", project / "outputs")
    errors = [line for line in summary_lines(summary) if line.startswith("error:")]
    assert errors == [
        f'error: {bad} line 2: "at" (who and when) is required; '
        f"none of the corrections of {bad} applied"
    ]
    assert_corrected(project / "outputs")  # c-more (line 1 of the bad file) is not applied
    check = CliRunner().invoke(
        main, ["corrections", "check", "--outputs", str(project / "outputs")]
    )
    assert check.exit_code == 1 and "more.jsonl line 2" in check.output


def test_the_later_of_two_corrections_wins_and_the_summary_says_so(project):
    t = tables(project / "outputs")
    ref = agreement_of(t, "001_")["agreement_id"]
    for place in ("Kiev", "Kyiv city"):
        cli(
            project,
            "correct",
            "agreement",
            ref,
            "--place",
            place,
            "--corrections",
            str(project / "corrections"),
        )
    summary = extract(project / "corpus", project / "outputs")
    assert agreement_of(tables(project / "outputs"), "001_")["place"] == "Kyiv city"
    notes = [line for line in summary.corrections if "overrides" in line]
    assert len(notes) == 1 and "(the later wins)" in notes[0]
    assert "1 overridden" in summary.corrections[0]


def test_correcting_writes_the_corrections_file_only_and_a_dry_run_nothing(project):
    out = project / "outputs"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    ref = agreement_of(tables(out), "001_")["agreement_id"]
    shown = cli(project, "correct", "agreement", ref, "--type", "memorandum", "--dry-run")
    assert "agreements eb2a5f2bca39f462" in shown or f"agreements {ref}" in shown
    assert "type: 'agreement' -> 'memorandum'" in shown and "dry run" in shown
    assert not list((project / "corrections").iterdir())
    cli(
        project,
        "correct",
        "agreement",
        ref,
        "--type",
        "memorandum",
        "--corrections",
        str(project / "corrections"),
    )
    cli(project, "corrections", "check", "--corrections", str(project / "corrections"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # outputs untouched
    (line,) = (project / "corrections" / "corrections.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert record["target"]["doc"] == agreement_of(tables(out), "001_")["doc_id"]  # content hash
    assert record["target"]["evidence"].startswith("Kyiv — The International Organization")
    assert record["by"] == "ana" and record["at"].startswith("20")
    assert (record["was"], record["value"]) == ("agreement", "memorandum")  # wrong, right


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["agreement", "ffffffff", "--type", "memorandum"],
            "no agreements row(s) with an id starting 'ffffffff'",
        ),
        (["agreement", "eb2a"], "say what is right"),
        (
            ["missed", "001_", "--evidence", "no such words", "--type", "memorandum"],
            "no sentence of",
        ),
        (["person", "001_", "Nobody Known", "--role", "Minister"], "names no row"),
        (["entity", "Atlantis Trade Office", "--label", "none"], "names no row"),
    ],
)
def test_a_correction_that_names_no_row_is_refused(project, args, message):
    result = CliRunner().invoke(main, ["correct", *args, "--outputs", str(project / "outputs")])
    assert result.exit_code == 2 and message in result.output
    assert not list((project / "corrections").iterdir())


def test_show_marks_corrected_fields_and_removed_rows(project):
    make_the_four_corrections(project)
    extract(project / "corpus", project / "outputs")
    shown = cli(project, "show", "001_")
    assert "    parties*: International Organization for Migration; Government of Ukraine" in shown
    said = "the pipeline said: International Organization for Migration; Ministry of the Interior"
    assert said in " ".join(shown.split())
    assert "* corrected by the analyst" in shown
    assert "added by" in cli(project, "show", "000_")
    assert "Removed by corrections (1)" in cli(project, "show", "004_")
    assert "*" not in cli(project, "show", "002_").replace("  * ", "")


def test_evaluate_scores_the_pipeline_on_the_corrected_fields(project):
    make_the_four_corrections(project)
    corrections = project / "corrections"
    cli(
        project,
        "correct",
        "agreement",
        agreement_of(tables(project / "outputs"), "001_")["agreement_id"],
        "--place",
        "Kyiv",
        "--corrections",
        str(corrections),
    )  # the pipeline says so already
    extract(project / "corpus", project / "outputs")
    result = CliRunner().invoke(
        main,
        ["evaluate", "--gold", str(corrections), "--outputs", str(project / "outputs"), "--json"],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["by_kind"] == {
        "agreement.parties": {"n": 1, "right": 0, "accuracy": 0.0},
        "agreement.place": {"n": 1, "right": 1, "accuracy": 1.0},
        "merge_accords": {"n": 1, "right": 0, "accuracy": 0.0},
        "missed_agreement": {"n": 1, "right": 0, "accuracy": 0.0},
        "not_agreement": {"n": 1, "right": 0, "accuracy": 0.0},
    }
    assert (scores["scored"], scores["pipeline_right"], scores["accuracy"]) == (5, 1, 0.2)
    text = CliRunner().invoke(
        main, ["evaluate", "--gold", str(corrections), "--outputs", str(project / "outputs")]
    )
    assert "the pipeline already gives the corrected value of 1: 0.2" in text.output


def test_corrections_become_gold_annotations_for_training(project):
    make_the_four_corrections(project)
    cli(
        project,
        "correct",
        "not-commitment",
        pd.read_parquet(project / "outputs" / "commitments.parquet").iloc[0]["commitment_id"],
        "--corrections",
        str(project / "corrections"),
    )
    annotations = gold.gold_from_corrections(project / "corrections", project / "outputs")
    by_doc = {a["doc"][:4]: a for a in annotations}
    assert set(by_doc) == {"000_", "001_", "003_", "004_"} and all(
        a["partial"] for a in annotations
    )
    (fixed,) = by_doc["001_"]["agreements"]
    assert fixed["parties"] == [[IOM], ["Government of Ukraine"]] and fixed["fields"] == ["parties"]
    (added,) = by_doc["000_"]["agreements"]
    assert (
        added["type"] == "memorandum" and added["date"] == "2020-06-01" and "*" in added["fields"]
    )
    (rejected,) = by_doc["004_"]["rejected"]["agreements"]
    assert rejected["type"] == "memorandum" and rejected["evidence"].startswith("As a result")
    assert sum(len(a["rejected"]["commitments"]) for a in annotations) == 1
    assert len(by_doc["003_"]["agreements"]) == 2  # the merged rows, confirmed
    assert json.dumps(annotations)  # plain JSON, as the gold files


def test_a_run_killed_between_tables_with_corrections_recovers(project):
    import os
    import subprocess
    import sys

    make_the_four_corrections(project)
    env = dict(os.environ, ACCORDS_FAIL_AFTER="agreements")
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        "--corpus",
        str(project / "corpus"),
        "--out",
        str(project / "outputs"),
        "--workers",
        "1",
    ]
    (project / "corpus" / "005_new.txt").write_text(EXTRA, encoding="utf-8")
    assert subprocess.run(command, env=env, capture_output=True).returncode != 0
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert_corrected(project / "outputs")


def test_a_corrections_path_that_does_not_exist_is_a_one_line_error(project):
    result = CliRunner().invoke(
        main,
        ["extract", "--corpus", str(project / "corpus"), "--out", str(project / "outputs"),
         "--corrections", str(project / "nowhere")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"accords: {project / 'nowhere'}: no such corrections file or folder"
    )


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["entity", "IOM", "--name", "IOM UN Migration"],
            "norm: 'International Organization for Migration' -> 'IOM UN Migration'",
        ),
        (["entity", "Ukraine", "--doc", "000_", "--label", "ORG"], "label: 'PLACE' -> 'ORG'"),
        (
            ["person", "001_", "Ihor Klymenko", "--org", "Government of Ukraine"],
            "signatories: [Ugochi Daniels",
        ),
        (["commitment", "fba864be", "--modality", "agree"], "modality: 'commit' -> 'agree'"),
        (
            ["not-commitment", "fba864be"],
            "commitments fba864be22e09706 (001_b51f69d1ad4ad5d3.txt): removed",
        ),
        (["split", "b88ae9b0"], None),  # already an accord of its own: no change
    ],
)
def test_each_kind_can_be_made_from_the_command_line(project, args, expected):
    shown = cli(project, "correct", *args, "--dry-run")
    if expected is None:
        assert "(no row changes: the tables already say so)" in shown
    else:
        assert expected in shown, shown


def test_corrections_go_where_the_last_run_read_them(project):
    ref = agreement_of(tables(project / "outputs"), "004_")["agreement_id"]
    cli(project, "correct", "not-agreement", ref)
    (line,) = (project / "corrections" / "corrections.jsonl").read_text().splitlines()
    assert json.loads(line)["was"]["type"] == "memorandum"
