"""Corpus and outputs anywhere fsspec reaches: here the ``memory://`` and ``file://``
file systems stand in for ``s3://`` and ``gs://``."""

import importlib
import uuid
from pathlib import Path

import fsspec
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import CorpusError, read_corpus
from pipeline.locations import is_remote
from pipeline.run import extract
from pipeline.schemas import TABLES

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


@pytest.fixture
def memory():
    """A fresh ``memory://`` root holding the seed releases under ``corpus/``."""
    fs = fsspec.filesystem("memory")
    root = f"/accords-{uuid.uuid4().hex[:8]}"
    for path in sorted(SEEDS.glob("*.txt")):
        fs.pipe(f"{root}/corpus/{path.name}", path.read_bytes())
    fs.pipe(f"{root}/corpus/scans/notes.pdf", b"%PDF")
    fs.pipe(f"{root}/corpus/.cache/old.txt", b"hidden")
    yield fs, root
    fs.rm(root, recursive=True)


def remote_table(fs, path: str) -> pd.DataFrame:
    return pq.read_table(pa.BufferReader(fs.cat_file(path))).to_pandas()


def test_a_memory_corpus_is_listed_and_read_through_fsspec(memory):
    fs, root = memory
    docs, listing = read_corpus(f"memory://{root}/corpus")
    assert sorted(d.source for d in docs) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert listing.ignored == ["scans/notes.pdf"]
    assert all(d.status == "ok" for d in docs)


def test_memory_outputs_equal_a_local_run_and_a_rerun_reuses_them(memory, seed_outputs):
    fs, root = memory
    local, _ = seed_outputs
    summary = extract(f"memory://{root}/corpus", f"memory://{root}/out", workers=1)
    assert summary.processed == 5
    names = {p.rsplit("/", 1)[-1] for p in fs.ls(f"{root}/out", detail=False)}
    assert names == {f"{name}.parquet" for name in TABLES} | {
        "manifest.json",
        ".line_hashes.parquet",
    }
    for name in TABLES:
        pd.testing.assert_frame_equal(
            remote_table(fs, f"{root}/out/{name}.parquet"),
            pd.read_parquet(local / f"{name}.parquet"),
            obj=name,
        )
    again = extract(f"memory://{root}/corpus", f"memory://{root}/out", workers=1)
    assert (again.processed, again.unchanged) == (0, 5)


def test_a_run_that_fails_after_writing_its_tables_publishes_nothing(memory, monkeypatch):
    recipe = importlib.import_module("pipeline.run.extract")  # the module, not the function
    fs, root = memory
    extract(f"memory://{root}/corpus", f"memory://{root}/out", workers=1)
    before = {p: fs.cat_file(p) for p in fs.find(f"{root}/out")}
    first = sorted(SEEDS.glob("*.txt"))[0]
    fs.pipe(f"{root}/corpus/new.txt", first.read_bytes() + b"\nOne more line.")

    def broken(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(recipe, "link_accords", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        extract(f"memory://{root}/corpus", f"memory://{root}/out", workers=1)
    assert {p: fs.cat_file(p) for p in fs.find(f"{root}/out")} == before


def test_a_file_url_is_the_local_folder(tmp_path):
    result = CliRunner().invoke(
        main, ["extract", "--corpus", f"file://{SEEDS}", "--out", f"file://{tmp_path}/o"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "manifest.json").exists()


def test_an_empty_or_missing_url_corpus_is_a_one_line_error(memory):
    fs, root = memory
    with pytest.raises(CorpusError, match="holds no releases"):
        read_corpus(f"memory://{root}/nothing-here")
    result = CliRunner().invoke(
        main, ["extract", "--corpus", f"memory://{root}/nothing", "--out", f"memory://{root}/o"]
    )
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert not fs.exists(f"{root}/o/manifest.json")


@pytest.mark.parametrize(
    ("location", "remote"),
    [("s3://bucket/out", True), ("memory://x", True), ("file:///tmp/x", False), ("out", False)],
)
def test_which_locations_are_remote(location, remote):
    assert is_remote(location) is remote
