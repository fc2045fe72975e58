"""The outputs folder: readers never take two runs' tables for one dataset, a commit is
all or nothing (a full disk, `ulimit -f`), report and export replace their files whole,
and the clean-up removes only the run's own temporary files."""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import pipeline as accords
from pipeline import storage
from pipeline.cli import main
from pipeline.run import extract
from pipeline.schemas import TABLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
EXTRA = (
    "Freedonia and IOM sign agreement on labour mobility\n"
    "MARSEILLE, 3 March 2025 – The Ministry of Labour of Freedonia and the International "
    "Organization for Migration (IOM) signed a Memorandum of Understanding on Monday.\n"
)


def run_cli(*args: str, env: dict | None = None, file_limit: int | None = None):
    """``accords ARGS`` in a process of its own, with files capped at ``file_limit`` bytes
    (``ulimit -f``)."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limit,
    )


def extract_args(corpus: Path, out: Path) -> list[str]:
    return ["extract", "--corpus", str(corpus), "--out", str(out), "--workers", "1"]


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """The dataset's files, byte for byte."""
    names = [f"{n}.parquet" for n in TABLES] + ["manifest.json"]
    return {name: (out / name).read_bytes() for name in names}


def run_ids(out: Path) -> set[str | None]:
    return {storage.table_run_id(name, out) for name in TABLES} | {
        json.loads((out / "manifest.json").read_text())["run_id"]
    }


# Readers: one run's tables, or one line.


@pytest.fixture
def mixed(corpus, seed_outputs, tmp_path) -> Path:
    """Outputs of a run killed between its tables and its manifest, with a new release
    in between: new agreements, old documents."""
    out = tmp_path / "out"
    shutil.copytree(seed_outputs[0], out)
    (corpus / "zz_new.txt").write_text(EXTRA, encoding="utf-8")
    env = dict(os.environ, ACCORDS_FAIL_AFTER="agreements")
    assert run_cli(*extract_args(corpus, out), env=env).returncode != 0
    assert len(run_ids(out)) == 2
    return out


@pytest.mark.parametrize(
    "command",
    [
        ["report"],
        ["export", "--to", "{tmp}/x.csv"],
        ["show", "000"],
        ["evaluate", "--gold", str(ROOT / "tests" / "gold_seeds")],
    ],
)
def test_a_reader_refuses_the_tables_of_two_runs_in_one_line(mixed, tmp_path, command):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(main, [args[0], "--outputs", str(mixed), *args[1:]])
    assert result.exit_code == 2
    assert result.output == f"accords: {mixed}: {storage.MIXED}\n"
    assert not list(tmp_path.glob("x*.csv"))


def test_load_refuses_the_tables_of_two_runs(mixed):
    with pytest.raises(storage.MixedOutputs, match="mid-run or damaged"):
        accords.load(mixed)


def hold_lock(out: Path):
    """Hold the outputs' lock as a run does (another open file: flock is per open file)."""
    import fcntl

    handle = open(out / storage.LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def test_a_reader_meeting_a_commit_waits_for_it_and_reads_the_new_dataset(corpus, tmp_path):
    old, new, out = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    extract(corpus, old)
    (corpus / "zz_new.txt").write_text(EXTRA, encoding="utf-8")
    extract(corpus, new)
    shutil.copytree(old, out)
    names = [f"{n}.parquet" for n in TABLES]
    for name in names[:4]:  # half way through the commit's renames
        shutil.copy(new / name, out / name)
    lock = hold_lock(out)

    def finish_commit() -> None:
        time.sleep(0.5)
        for name in [*names[4:], "manifest.json"]:
            shutil.copy(new / name, out / f".{name}.part")
            os.replace(out / f".{name}.part", out / name)
        lock.close()

    committer = threading.Thread(target=finish_commit)
    committer.start()
    try:
        loaded = accords.load(out)
    finally:
        committer.join()
    expected = accords.load(new)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(expected, name), obj=name)


def test_a_reader_gives_up_on_a_run_that_does_not_commit(mixed, monkeypatch):
    monkeypatch.setattr(storage.files, "COMMIT_WAIT_SECONDS", 0.5)
    lock = hold_lock(mixed)  # a run under way (parsing), on tables a killed run mixed
    try:
        started = time.monotonic()
        with pytest.raises(storage.MixedOutputs):
            accords.load(mixed)
        assert time.monotonic() - started < 5
    finally:
        lock.close()


def consistent(tables) -> bool:
    """The tables of one run: every row's document is listed, and every accepted
    document has its sentences."""
    listed = set(tables.documents["doc_id"])
    ok = set(tables.documents.loc[tables.documents["status"] == "ok", "doc_id"])
    stage = ("sentences", "entities", "commitments", "agreements", "boilerplate")
    return all(set(getattr(tables, n)["doc_id"]) <= listed for n in stage) and ok == set(
        tables.sentences["doc_id"]
    )


@pytest.mark.slow
def test_loads_beside_runs_that_commit_never_read_a_mix(corpus, tmp_path):
    """Runs alternate between two corpora (with and without a release) while this
    process loads the tables as fast as it can: every load is one run's dataset."""
    out = tmp_path / "out"
    extract(corpus, out, workers=1)
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    (other / "zz_new.txt").write_text(EXTRA, encoding="utf-8")
    script = (
        "import sys\nfrom pipeline.run import extract\n"
        "for n in range(int(sys.argv[3])):\n"
        "    extract(sys.argv[1 + n % 2], sys.argv[4], workers=1)\n"
    )
    runs = subprocess.Popen([sys.executable, "-c", script, str(other), str(corpus), "6", str(out)])
    loads = mixes = 0
    try:
        while runs.poll() is None:
            tables = accords.load(out)
            loads += 1
            mixes += not consistent(tables)
    finally:
        runs.kill()
        runs.wait()
    assert runs.returncode == 0 and loads > 20
    assert mixes == 0


# The commit: all or nothing.


def chrome_heavy_release(lines: int) -> str:
    """A release under a long menu of unique items: its removed lines make the
    boilerplate table (written at the commit) the largest file of the run."""
    import random

    pick = random.Random(lines)
    letters = "abcdefghijklmnopqrstuvwxyz"
    menu = "\n".join(
        f"For the {''.join(pick.choice(letters) for _ in range(10))}" for _ in range(lines)
    )  # English enough (two stop words in three), and not compressible to nothing
    return f"{menu}\n{EXTRA}"


def test_a_commit_past_the_file_size_limit_leaves_the_old_dataset_whole(corpus, tmp_path):
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    assert run_cli(*extract_args(corpus, out)).returncode == 0
    before = snapshot(out)
    (corpus / "zz_menu.txt").write_text(chrome_heavy_release(20_000), encoding="utf-8")
    assert run_cli(*extract_args(corpus, scratch)).returncode == 0
    sizes = {p.name: p.stat().st_size for p in scratch.iterdir() if p.is_file()}
    written_early = max(sizes[f"{n}.parquet"] for n in ("sentences", "entities", "people"))
    limit = (written_early + sizes["boilerplate.parquet"]) // 2
    assert written_early < limit < sizes["boilerplate.parquet"]
    failed = run_cli(*extract_args(corpus, out), file_limit=limit)
    assert failed.returncode == 2
    assert failed.stderr == f"accords: cannot write {out}/boilerplate.parquet: File too large\n"
    assert snapshot(out) == before  # the old dataset, whole: no table of the new run
    assert not list(out.glob(".*.tmp"))


def mount_tmpfs(folder: Path, size: int) -> None:
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")


def test_a_commit_on_a_filling_disk_leaves_the_old_dataset_whole(corpus, tmp_path):
    scratch = tmp_path / "scratch"
    assert run_cli(*extract_args(corpus, scratch)).returncode == 0
    used = sum(p.stat().st_size for p in scratch.iterdir())
    (corpus / "zz_menu.txt").write_text(chrome_heavy_release(20_000), encoding="utf-8")
    bigger = tmp_path / "bigger"
    assert run_cli(*extract_args(corpus, bigger)).returncode == 0
    boilerplate = (bigger / "boilerplate.parquet").stat().st_size
    disk = tmp_path / "disk"
    mount_tmpfs(disk, 2 * used + boilerplate // 2)  # the old dataset, then room for half
    try:
        out = disk / "out"
        shutil.copytree(scratch, out)
        before = snapshot(out)
        failed = run_cli(*extract_args(corpus, out))
        assert failed.returncode == 2
        assert failed.stderr.startswith(f"accords: cannot write {out}/")
        assert failed.stderr.endswith(": No space left on device\n")
        assert snapshot(out) == before
        assert not list(out.glob(".*.tmp"))
    finally:
        subprocess.run(["umount", str(disk)], check=True)


# Report and export: the old file or the new one, never a truncated one.


@pytest.mark.parametrize("target", ["x.sqlite", "x.csv", "x.jsonl", "x.xlsx", "report.html"])
def test_a_report_or_export_past_the_file_size_limit_keeps_the_old_file(
    seed_outputs, tmp_path, target
):
    out = seed_outputs[0]
    path = tmp_path / target
    command = ["report"] if target == "report.html" else ["export"]
    args = [*command, "--outputs", str(out), "--to", str(path)]
    assert run_cli(*args).returncode == 0
    files = sorted(tmp_path.iterdir())
    before = {p.name: p.read_bytes() for p in files}
    biggest = max(files, key=lambda p: p.stat().st_size)
    failed = run_cli(*args, file_limit=biggest.stat().st_size // 2)
    assert failed.returncode == 2
    assert failed.stderr.startswith(f"accords: cannot write {tmp_path}/x.") or (
        failed.stderr.startswith(f"accords: cannot write {path}:")
    )
    assert "None" not in failed.stderr and failed.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir())} == before


def test_a_full_disk_is_named_with_the_file(seed_outputs, tmp_path, monkeypatch):
    import sqlite3

    from pipeline.export import sqlite as export_sqlite

    def filling(db, tables):
        db.execute("create table half (a)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(export_sqlite, "fill", filling)
    target = tmp_path / "x.sqlite"
    target.write_bytes(b"the old export")
    result = CliRunner().invoke(
        main, ["export", "--outputs", str(seed_outputs[0]), "--to", str(target)]
    )
    assert result.exit_code == 2
    assert result.output == f"accords: cannot write {target}: database or disk is full\n"
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sqlite"]


# Leftovers: only the run's own.


def test_the_clean_up_removes_only_the_runs_own_temporary_files(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mine = [".accords-sentences.k2j3h4g5.tmp", ".documents.ab12cd34.tmp"]  # now, and before
    theirs = [".notes.tmp", ".draft.tmp", ".sentences.tmp"]
    for name in mine + theirs:
        (out / name).write_bytes(b"x")
    extract(corpus, out, workers=1)
    assert sorted(p.name for p in out.glob(".*.tmp")) == sorted(theirs)


@pytest.mark.parametrize("at", [1, 3, 5])
def test_ctrl_c_while_the_run_makes_its_files_leaves_none(corpus, tmp_path, monkeypatch, at):
    """The interrupt lands between a temporary file's creation and its writer's."""
    made = []
    real = storage.tables.pq.ParquetWriter

    def writer(*args, **kwargs):
        made.append(args[0])
        if len(made) == at:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(storage.tables.pq, "ParquetWriter", writer)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        extract(corpus, out, workers=1)
    assert len(made) == at and not list(out.glob(".accords-*.tmp"))
    assert not storage.run_under_way(out)


def test_sigterm_stops_a_run_as_ctrl_c_does(corpus, tmp_path):
    out = tmp_path / "out"
    for n in range(30):  # enough to be caught parsing
        (corpus / f"zz_{n:02d}.txt").write_text(EXTRA.replace("Monday", f"day {n}"), "utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *extract_args(corpus, out)[0:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob(".accords-*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)  # its temporary tables: it is parsing
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 1 and err.strip().endswith("Aborted!")
    assert not list(out.glob(".accords-*.tmp"))  # cleaned up as after Ctrl-C
    assert not storage.run_under_way(out)


def test_rows_go_to_arrow_as_through_a_dataframe():
    import datetime as dt

    import numpy as np

    rows = [
        {"doc_id": "d", "sent_id": 0, "start": 0, "end": 4, "text": "Kyiv", "label": "PLACE"},
        {
            "doc_id": "d",
            "sent_id": None,
            "start": 5,
            "end": 15,
            "text": "1 May 2024",
            "label": "DATE",
            "norm": "2024-05-01",
            "date_start": dt.date(2024, 5, 1),
            "date_end": float("nan"),
            "country_code": np.nan,
            "office": pd.NA,
        },
    ]
    for field in TABLES["entities"]:
        rows[0].setdefault(field.name, None)
    direct = storage.rows_to_arrow(rows, "entities")
    assert direct.equals(storage.to_arrow(pd.DataFrame(rows), "entities"))
    assert direct.column("sent_id").to_pylist() == [0, None]
    assert storage.rows_to_arrow([], "entities").equals(
        storage.to_arrow(pd.DataFrame(columns=TABLES["entities"].names), "entities")
    )
    with pytest.raises(storage.SchemaError, match="undeclared"):
        storage.rows_to_arrow([{**rows[0], "extra": 1}], "entities")
    with pytest.raises(storage.SchemaError, match="lacks"):
        storage.rows_to_arrow([{"doc_id": "d"}], "entities")
    with pytest.raises(storage.SchemaError, match="does not fit"):
        storage.rows_to_arrow([{**rows[0], "start": "four"}], "entities")
