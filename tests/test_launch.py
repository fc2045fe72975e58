"""The `accords` entry point starts `extract`'s fork server before its own imports, only
for a run that will use local workers; the server's environment is set for it alone."""

import os

import pytest

from pipeline import forkserver, launch


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["extract"], ("", [])),
        (["extract", "--corpus", "c", "--workers", "4"], ("", [])),
        (["extract", "--model", "my_model"], ("my_model", [])),
        (["extract", "--model=my_model", "--workers=2"], ("my_model", [])),
        (["extract", "--workers", "1"], None),
        (["extract", "--workers=1"], None),
        (["extract", "--scheduler", "local"], ("", ["distributed"])),
        (["extract", "--scheduler", "local", "--workers", "1"], ("", ["distributed"])),
        (["extract", "--scheduler", "tcp://host:8786"], None),
        (["extract", "--help"], None),
        (["report", "--outputs", "o"], None),
        ([], None),
    ],
)
def test_only_an_extract_with_local_workers_starts_the_server_early(args, expected, monkeypatch):
    monkeypatch.delenv("ACCORDS_SCHEDULER", raising=False)
    monkeypatch.setattr(forkserver, "cores", lambda: 2)
    assert launch.early_start(args) == expected


def test_no_early_server_on_one_core_or_for_a_remote_dask_scheduler(monkeypatch):
    monkeypatch.setattr(forkserver, "cores", lambda: 1)
    assert launch.early_start(["extract"]) is None
    assert launch.early_start(["extract", "--workers", "2"]) == ("", [])  # the run caps it
    monkeypatch.setattr(forkserver, "cores", lambda: 2)
    monkeypatch.setenv("ACCORDS_SCHEDULER", "tcp://host:8786")
    assert launch.early_start(["extract"]) is None
    monkeypatch.setenv("ACCORDS_SCHEDULER", "local")
    assert launch.early_start(["extract"]) == ("", ["distributed"])


def test_the_servers_environment_is_set_for_it_alone(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # the user's own setting is kept
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    env = forkserver.server_env("my_model")
    assert env["OMP_NUM_THREADS"] == "3" and env["MKL_NUM_THREADS"] == "1"
    assert env[forkserver.PRELOAD_MODEL] == "my_model"
    with forkserver.environment(env):
        assert os.environ["MKL_NUM_THREADS"] == "1"
    assert "MKL_NUM_THREADS" not in os.environ and os.environ["OMP_NUM_THREADS"] == "3"


def test_workers_are_forked_only_in_the_environment_the_server_started_in(monkeypatch):
    monkeypatch.setattr(forkserver, "server_pid", lambda: 4242)
    started = {
        "pid": 4242,
        "env": forkserver.comparable(os.environ),
        "files": forkserver.package_files(),
    }
    monkeypatch.setattr(forkserver, "_server", started)
    assert forkserver.usable()
    monkeypatch.setenv(forkserver.PRELOAD_MODEL, "other")  # set for the server alone
    assert forkserver.usable()
    monkeypatch.setenv("ACCORDS_LEARNED", "off")  # changed since: spawned workers see it
    assert not forkserver.usable()
    monkeypatch.delenv("ACCORDS_LEARNED")
    assert forkserver.usable()
    files = started["files"]
    monkeypatch.setitem(started, "files", files[:-1])  # a file changed since (make train)
    assert not forkserver.usable()
    monkeypatch.setitem(started, "files", files)
    monkeypatch.setattr(forkserver, "server_pid", lambda: 4343)  # not the server we started
    assert not forkserver.usable()


def test_a_server_another_part_of_the_program_started_is_not_used(monkeypatch):
    from multiprocessing import forkserver as stdlib_forkserver

    monkeypatch.setattr(forkserver, "_server", {})
    monkeypatch.setattr(forkserver, "server_pid", lambda: 5151)  # running before, not ours
    monkeypatch.setattr(stdlib_forkserver, "ensure_running", lambda: None)
    assert forkserver.start("some_model")
    assert forkserver._server == {} and not forkserver.usable()


@pytest.mark.parametrize(("code", "expected"), [(None, 0), (0, 0), (2, 2), ("Error: no corpus", 1)])
def test_a_quick_exit_keeps_the_command_s_exit_status(code, expected, capsys):
    assert launch.exit_code(SystemExit(code)) == expected
    if isinstance(code, str):
        assert capsys.readouterr().err.strip() == code


def test_an_extract_with_workers_ends_with_its_status_and_its_tables(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))[0]
    (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    run = [sys.executable, "-m", "pipeline", "extract", "--workers", "2"]
    done = subprocess.run(
        [*run, "--corpus", str(corpus), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout  # the summary is flushed before the quick exit
    assert (tmp_path / "out" / "agreements.parquet").exists()
    assert (tmp_path / "out" / "manifest.json").exists()
    missing = subprocess.run(
        [*run, "--corpus", str(tmp_path / "none"), "--out", str(tmp_path / "out2")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode != 0 and "none" in missing.stderr
