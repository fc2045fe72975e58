"""The benchmark's corpora (benchmarks/bench.py): distinct releases, no line recurring
across copies of one release."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lines_of(path: Path) -> set[str]:
    return {" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()} - {""}


@pytest.mark.parametrize("kind", ["real", "synthetic"])
def test_no_line_recurs_across_copies_of_a_release(bench, tmp_path, kind):
    sources = len(list(bench.SEEDS.glob("*.txt")))
    if kind == "real":
        sources += len(list(bench.DEV.glob("*.txt")))
    make = bench.make_real_corpus if kind == "real" else bench.make_corpus
    make(tmp_path, 3 * sources)
    files = sorted(tmp_path.glob("*.txt"))
    assert len({f.read_bytes() for f in files}) == len(files)  # distinct documents
    for first in range(sources):
        copies = [lines_of(files[first + k * sources]) for k in range(3)]
        for k in range(3):
            for j in range(k + 1, 3):
                assert not copies[k] & copies[j], (kind, first, k, j)
