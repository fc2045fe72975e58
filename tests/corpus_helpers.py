"""Corpora for the tests: the seeds and a sixth release, and many releases made as the
benchmark makes them."""

import importlib.util
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
EXTRA = (  # a sixth release, added to the seeds by the incremental and corrections tests
    "UNHCR and the Ministry of Labour sign a memorandum on refugee employment\n"
    "Geneva — The UN Refugee Agency (UNHCR) and the Ministry of Labour and Social Policy signed a "
    "Memorandum of Understanding on 3 March 2022. The parties will jointly develop programmes "
    "for the employment of refugees.\n"
)


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


def long_release(kilobytes: int) -> str:
    """A release of about ``kilobytes`` kB: a headline, then paragraphs of about 2 kB made
    of the real releases' long lines, in turn (so not the one-long-line case)."""
    sources = sorted((ROOT / "tests" / "dev" / "corpus").glob("*.txt"))
    sources += sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
    lines = [line for p in sources for line in p.read_text(encoding="utf-8").split("\n")]
    paragraphs = [line for line in lines if len(line) > 200]
    out, buffer, n = ["IOM and the Government sign a long agreement on migration"], "", 0
    while sum(len(x) for x in out) < kilobytes * 1000:
        buffer += (" " if buffer else "") + paragraphs[n % len(paragraphs)]
        n += 1
        if len(buffer) >= 2000:
            out.append(buffer[:2000].rsplit(" ", 1)[0] + ".")
            buffer = ""
    return "\n".join(out)
