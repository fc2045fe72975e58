"""Corpora of many releases for the tests, made as the benchmark makes them."""

import importlib.util
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@cache
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_real_corpus(folder: Path, n: int) -> Path:
    """``n`` real releases (the seeds and the development set, in turn, each with a line
    of its own)."""
    bench().make_real_corpus(folder, n)
    return folder
