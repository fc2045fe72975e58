"""The worker pool: results in order, a dead or stuck worker costs a chunk, not the run,
and workers die with their parent."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from parallel_helpers import failed, setup, task, task_warmed, warm

from pipeline import forkserver
from pipeline.run.parallel import ONE_THREAD_ENV, ordered_map, warm_pool


def test_results_come_back_in_order():
    items = [str(i) for i in range(9)]
    assert list(ordered_map(setup, ("w",), task, items, 2)) == [f"w:{i}" for i in items]


def test_a_worker_that_dies_is_retried_then_its_item_fails_and_the_run_goes_on():
    items = ["a", "b", "die", "c", "d"]
    results = list(ordered_map(setup, ("w",), task, items, 2, on_failure=failed))
    assert results[:2] == ["w:a", "w:b"] and results[3:] == ["w:c", "w:d"]
    assert results[2].startswith("failed:die:the worker process died")


def test_a_stuck_item_times_out():
    items = ["a", "hang", "b"]

    def timeout(item):  # the others' budgets allow for a busy machine's slow spawns
        return 3.0 if item == "hang" else 120.0

    results = list(ordered_map(setup, ("w",), task, items, 2, timeout=timeout, on_failure=failed))
    assert results[0] == "w:a" and results[2] == "w:b"
    assert results[1].startswith("failed:hang:processing took longer than 3 s")


def test_a_warm_pool_started_early_runs_the_job():
    pool = warm_pool(setup, ("w",), 2, warm)
    processes = pool.executor
    items = [str(i) for i in range(6)]
    results = list(ordered_map(setup, ("w",), task_warmed, items, 2, pool=pool))
    assert [r.rsplit(":", 1)[0] for r in results] == [f"w:{i}" for i in items]
    assert sum(int(r.rsplit(":", 1)[1]) for r in results) >= 1  # a warm-up ran before
    assert pool.executor is processes  # the same processes, not a fresh pool


def test_workers_are_started_early_only_for_a_job_that_uses_them():
    from pipeline.run import runner

    assert runner.start_workers("any_model", 2, n_docs=3) is None  # runs in this process
    assert runner.start_workers("any_model", 1, n_docs=10_000) is None


THREADS_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from parallel_helpers import setup, thread_env
from pipeline.run.parallel import ordered_map

names = ["OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"]
print(list(ordered_map(setup, ("w",), thread_env, names, 2)))
"""


def test_workers_multiply_on_one_thread_each_unless_told_otherwise():
    """In a fresh process, as a run is: the workers (and the fork server they come from,
    which this test process may have started with other settings) read the settings."""
    env = {k: v for k, v in os.environ.items() if k not in ONE_THREAD_ENV}
    env["OMP_NUM_THREADS"] = "3"  # the user's own setting is kept
    script = THREADS_SCRIPT.format(tests=str(Path(__file__).parent))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['1', '1', '3']"


UNGUARDED = """
import sys
sys.path.insert(0, {tests!r})
from parallel_helpers import setup, task
from pipeline.run.parallel import ordered_map

with open({runs!r}, "a") as runs:  # every run of this script, in the parent or a worker
    runs.write("ran\\n")
print(list(ordered_map(setup, ("w",), task, ["a", "b", "c"], 2)))
"""


def test_a_script_without_a_main_guard_runs_once_and_its_workers_work(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    runs = tmp_path / "runs"
    script = tmp_path / "script.py"
    tests = str(Path(__file__).parent)
    script.write_text(UNGUARDED.format(tests=tests, runs=str(runs)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['w:a', 'w:b', 'w:c']"
    assert runs.read_text().count("ran") == 1  # the workers did not run the script again


POOL_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
from parallel_helpers import setup, warm
from pipeline.run.parallel import warm_pool
pool = warm_pool(setup, ("w",), 2, warm)
for future in [pool.submit(warm, None) for _ in range(2)]:
    future.result()
print("ready", flush=True)
time.sleep(600)
"""


def is_worker(process, run: int) -> bool:
    """A spawned worker, or one forked by the fork server (the server's child)."""
    try:
        command = " ".join(process.cmdline())
        return "spawn_main" in command or ("forkserver" in command and process.ppid() != run)
    except Exception:  # gone meanwhile
        return False


def alive(process) -> bool:
    import psutil

    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def left_behind(children, seconds: float = 15.0) -> list:
    """Those of ``children`` still running after ``seconds``."""
    import time

    deadline = time.monotonic() + seconds
    while any(alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [c for c in children if alive(c)]


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_workers_and_their_resource_tracker_die_with_their_parent(signal_name):
    import psutil

    parent = subprocess.Popen(
        [sys.executable, "-c", POOL_SCRIPT.format(tests=str(Path(__file__).parent))],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout.readline().strip() == "ready"
        children = psutil.Process(parent.pid).children(recursive=True)
        assert len(children) >= 3  # two workers and multiprocessing's resource tracker
        parent.send_signal(getattr(signal, signal_name))
        parent.wait(timeout=30)
        assert left_behind(children) == []
    finally:
        parent.kill()
        parent.wait()


def test_a_killed_run_leaves_no_worker_behind(tmp_path):
    """`kill -9` of `accords extract` in the middle of a run of 100 releases (two
    workers): its workers and the resource tracker go too."""
    import psutil
    from corpus_helpers import make_real_corpus

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    make_real_corpus(corpus, 100)
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", "--corpus", str(corpus), "--out", str(out)]
        + ["--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        workers: list = []
        while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
            found = psutil.Process(run.pid).children(recursive=True)
            workers = [c for c in found if is_worker(c, run.pid)]
        assert len(workers) >= 2, "the run never started its workers"
        if forkserver.available():  # forked from the server the command started first
            assert all(w.ppid() != run.pid for w in workers)
        children = psutil.Process(run.pid).children(recursive=True)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
        assert left_behind(children) == []
    finally:
        run.kill()
        run.wait()


def test_a_worker_takes_the_model_its_fork_server_preloaded(monkeypatch):
    from pipeline.run import runner

    preloaded = object()
    monkeypatch.setattr(runner, "_preloaded", {"some_model": preloaded})
    monkeypatch.setattr(runner, "load_nlp", lambda model: f"loaded {model}")
    assert runner.load_worker("some_model", 60.0) is preloaded
    assert runner.load_worker("other_model", 60.0) == "loaded other_model"


def test_a_model_the_server_cannot_load_is_left_to_the_workers(monkeypatch):
    from pipeline.run import runner

    monkeypatch.setattr(runner, "_preloaded", {})
    runner.preload("no_such_model_anywhere")  # no error here: each worker reports it
    assert runner._preloaded == {}
