"""The Dask engine: the same tables as the local pool, row for row, on a 2-process
LocalCluster; a worker that dies mid-chunk costs a retry of that chunk, not the run."""

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import dask_engine, extract, runner
from pipeline.schemas import TABLES

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "tests" / "fixtures" / "seeds", ROOT / "tests" / "dev" / "corpus"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "corpus"
    folder.mkdir()
    for source in SOURCES:
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dask") / "local"
    extract(corpus, out, workers=1)
    return out


def assert_same_tables(left: Path, right: Path) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(left / f"{name}.parquet"),
            pd.read_parquet(right / f"{name}.parquet"),
            obj=name,
        )


@pytest.fixture
def small_tasks(monkeypatch):
    """Many chunks and cleaning batches, so both workers and several buckets get work."""
    monkeypatch.setattr(runner, "CHUNK_DOCS", 3)
    monkeypatch.setattr(dask_engine, "CLEAN_BATCH_DOCS", 5)


@pytest.mark.slow
def test_a_local_cluster_writes_the_same_tables(corpus, local_run, tmp_path, small_tasks):
    out = tmp_path / "dask"
    summary = extract(corpus, out, workers=2, scheduler="local")
    assert summary.engine.startswith("a local Dask cluster") and summary.workers[1] == 2
    assert_same_tables(local_run, out)


@pytest.mark.slow
def test_a_worker_killed_mid_chunk_costs_a_retry_not_the_run(
    corpus, local_run, tmp_path, small_tasks, monkeypatch
):
    marker = tmp_path / "died"
    monkeypatch.setenv(dask_engine.DIE_ONCE_ENV, str(marker))
    out = tmp_path / "dask"
    summary = extract(corpus, out, workers=2, scheduler="local")
    assert marker.exists()  # one worker process did exit in the middle of a chunk
    assert not summary.rejected
    assert_same_tables(local_run, out)


@pytest.mark.slow
def test_a_chunk_that_hangs_is_rejected_its_worker_restarted_and_the_run_goes_on(
    corpus, local_run, tmp_path, small_tasks, monkeypatch
):
    marker = tmp_path / "hung"
    monkeypatch.setenv(dask_engine.HANG_ONCE_ENV, str(marker))
    monkeypatch.setattr(runner, "WORKER_START_SECONDS", 25)  # a chunk's budget: 25 + 1 s a doc
    out = tmp_path / "dask"
    summary = extract(corpus, out, workers=2, scheduler="local", max_seconds_per_doc=1)
    assert marker.exists()
    assert len(summary.rejected) == runner.CHUNK_DOCS
    for _, reason in summary.rejected:  # 25 s to start a worker (or more, as measured) + 3 × 1 s
        assert reason.startswith("processing took longer than ") and "the chunk's budget" in reason
        assert int(reason.split()[4]) >= 28
    ok = pd.read_parquet(out / "documents.parquet").query("status == 'ok'")["doc_id"]
    expected = pd.read_parquet(local_run / "entities.parquet")
    pd.testing.assert_frame_equal(
        pd.read_parquet(out / "entities.parquet"),
        expected[expected["doc_id"].isin(set(ok))].reset_index(drop=True),
    )


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(
        main,
        ["extract", "--corpus", str(SOURCES[0]), "--out", str(tmp_path / "o")]
        + ["--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_a_scheduler_without_workers_is_a_one_line_error(monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 2.0)
    with (
        LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty,
        pytest.raises(dask_engine.EngineError, match="has no workers"),
    ):
        dask_engine.DaskEngine.connect(empty.scheduler_address, 2)


def test_a_nanny_started_worker_gets_the_usual_malloc_thresholds_back(monkeypatch):
    monkeypatch.delenv(dask_engine.TRIM_ENV, raising=False)
    assert dask_engine.usual_malloc() is False  # nothing to undo
    monkeypatch.setenv(dask_engine.TRIM_ENV, "65536")
    import platform

    expected = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert dask_engine.usual_malloc() is expected


def test_the_first_chunk_takes_over_the_pipeline_preloaded_in_the_background(monkeypatch):
    loads = []

    def load(model, seconds):
        loads.append(model)
        if model == "broken":
            raise OSError("no such model")
        return object()

    monkeypatch.setattr(dask_engine, "load_worker", load)
    monkeypatch.setattr(dask_engine, "warm_up", lambda nlp, item: None)
    monkeypatch.setattr(dask_engine, "_models", {})
    dask_engine.preload("m", 1.0)
    dask_engine.preload("m", 1.0)  # asked twice (two runs on one worker): loaded once
    nlp = dask_engine.worker_nlp("m", 1.0)
    assert dask_engine.worker_nlp("m", 1.0) is nlp and loads == ["m"]
    assert not dask_engine._preloads  # taken over by this thread
    dask_engine.preload("m", 1.0)  # the next run on this worker: already held
    assert not dask_engine._preloads and loads == ["m"]
    dask_engine.preload("broken", 1.0)
    with pytest.raises(OSError, match="no such model"):  # raised in the task, as a load would be
        dask_engine.worker_nlp("broken", 1.0)


def test_prepare_starts_a_preload_pinned_to_every_worker_and_never_fails_the_run():
    calls = []

    class Client:
        def nthreads(self):
            return {"tcp://a:1": 1, "tcp://b:1": 1}

        def submit(self, function, *args, workers, pure):
            calls.append((function, args, workers))
            return object()

    engine = dask_engine.DaskEngine(Client())
    engine.prepare("m", 2, 1.0, 10)
    assert calls == [
        (dask_engine.preload, ("m", 1.0), ["tcp://a:1"]),
        (dask_engine.preload, ("m", 1.0), ["tcp://b:1"]),
    ]
    assert len(engine.preloads) == 2  # held, so that Dask does not drop the tasks

    class Gone:
        def nthreads(self):
            raise OSError("scheduler gone")

    dask_engine.DaskEngine(Gone()).prepare("m", 2, 1.0, 10)  # cleaning will say so


UNGUARDED_SCRIPT = """
import sys
import pipeline as accords

with open(sys.argv[3], "a") as runs:
    runs.write("ran\\\\n")
summary = accords.extract(sys.argv[1], sys.argv[2], workers=2, scheduler="local")
print(summary.workers[1], summary.counts["agreements"], len(summary.rejected))
"""


@pytest.mark.slow
def test_a_local_cluster_from_a_script_without_a_main_guard(tmp_path):
    """The nannies spawn their workers without running the caller's script again."""
    import subprocess
    import sys

    script, runs = tmp_path / "script.py", tmp_path / "runs"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(SOURCES[0]), str(tmp_path / "out"), str(runs)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["2", "6", "0"]
    assert runs.read_text().count("ran") == 1


class _SlowNanny:
    def __init__(self, error):
        self.error = error

    async def close(self, timeout):
        raise self.error


def test_a_worker_slow_to_go_on_a_busy_machine_does_not_fail_the_run():
    import asyncio

    from pipeline.run.dask_engine import stop_now

    asyncio.run(stop_now([_SlowNanny(TimeoutError()), _SlowNanny(asyncio.TimeoutError())]))
    with pytest.raises(RuntimeError, match="broken"):
        asyncio.run(stop_now([_SlowNanny(TimeoutError()), _SlowNanny(RuntimeError("broken"))]))


def test_a_worker_slow_to_die_at_the_end_does_not_fail_the_finished_run():
    import asyncio

    closed = []

    class Nanny:
        def __init__(self, slow):
            self.slow = slow

        async def close(self, timeout):
            closed.append(timeout)
            if self.slow:  # killed, not yet reaped within the timeout on a loaded machine
                raise TimeoutError

    asyncio.run(dask_engine.stop_now([Nanny(True), Nanny(False)]))
    assert closed == [dask_engine.STOP_SECONDS] * 2


@pytest.fixture
def cpu_hog():
    """Two busy processes per core (a load of about 4 on 2 cores), stopped after the test
    (and ending by themselves if the test process dies)."""
    from pipeline.run.options import cores

    spin = "import os\nparent = os.getppid()\nwhile os.getppid() == parent: pass"
    hogs = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2 * cores())]
    try:
        yield hogs
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


@pytest.fixture(scope="module")
def hundred(tmp_path_factory) -> tuple[Path, Path]:
    """100 real releases, and their tables from the local pool (made before any hog)."""
    from corpus_helpers import make_real_corpus

    base = tmp_path_factory.mktemp("hundred")
    make_real_corpus(base / "corpus", 100)
    extract(base / "corpus", base / "local", workers=2)
    return base / "corpus", base / "local"


@pytest.mark.slow
def test_a_busy_machine_is_slow_never_wrong(
    corpus, local_run, hundred, tmp_path, monkeypatch, cpu_hog
):
    """Beside a CPU hog: a LocalCluster run of 100 releases writes the local pool's
    tables; a worker killed mid-chunk costs a retry; a chunk that hangs costs its
    documents alone, with a message that names its budget. Each bounded in time."""
    assert all(hog.poll() is None for hog in cpu_hog)
    with runner.time_limit(900):
        out = tmp_path / "hundred"
        assert not extract(hundred[0], out, workers=2, scheduler="local").rejected
        assert_same_tables(hundred[1], out)
    monkeypatch.setattr(runner, "CHUNK_DOCS", 3)
    monkeypatch.setattr(dask_engine, "CLEAN_BATCH_DOCS", 5)
    with runner.time_limit(900):
        monkeypatch.setenv(dask_engine.DIE_ONCE_ENV, str(tmp_path / "died-marker"))
        out = tmp_path / "killed"
        assert not extract(corpus, out, workers=2, scheduler="local").rejected
        assert (tmp_path / "died-marker").exists()
        assert_same_tables(local_run, out)
    monkeypatch.delenv(dask_engine.DIE_ONCE_ENV)
    monkeypatch.setattr(runner, "WORKER_START_SECONDS", 10)
    with runner.time_limit(900):
        monkeypatch.setenv(dask_engine.HANG_ONCE_ENV, str(tmp_path / "hung-marker"))
        out = tmp_path / "hung"
        summary = extract(corpus, out, workers=2, scheduler="local", max_seconds_per_doc=1)
        assert (tmp_path / "hung-marker").exists()
        assert len(summary.rejected) == runner.CHUNK_DOCS, summary.rejected
        assert all("the chunk's budget" in reason for _, reason in summary.rejected)
        ok = pd.read_parquet(out / "documents.parquet").query("status == 'ok'")["doc_id"]
        expected = pd.read_parquet(local_run / "entities.parquet")
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / "entities.parquet"),
            expected[expected["doc_id"].isin(set(ok))].reset_index(drop=True),
        )
    assert all(hog.poll() is None for hog in cpu_hog)  # busy all along


def test_a_chunks_budget_grows_with_what_the_run_measured(monkeypatch):
    from pipeline.run.dask_budget import Budget

    monkeypatch.setattr(runner, "WORKER_START_SECONDS", 120)
    budget = Budget()
    assert budget.seconds(16, 60) == 120 + 16 * 60  # nothing measured yet: the floor
    budget.started(10.0)  # an idle machine: the floor still
    assert budget.seconds(16, 1) == 120 + 16
    budget.started(50.0)  # a busy one: four times its start
    budget.first_chunk(20.0)
    assert budget.seconds(16, 1) == 200 + 16
    budget.first_chunk(80.0)
    assert budget.seconds(3, 1) == 320 + 3
    reason = budget.hit(3, 1)
    assert reason.startswith("processing took longer than 323 s (the chunk's budget: 1 s a")
    assert "the cluster's start: 50.0 s; the first chunk: 80.0 s" in reason


def test_closing_a_local_cluster_never_fails_the_run():
    class Broken:
        workers = {}

        def close(self, timeout=None):
            raise TimeoutError("busy")

        def sync(self, *args):
            raise TimeoutError("busy")

    dask_engine.DaskEngine(Broken(), Broken()).close()  # the results are in: no error
