"""Benchmark `accords extract` against bare spaCy parsing of the same raw texts.

    python benchmarks/bench.py [--real 300 3000] [--docs 200 2000] [--workers N] [--repeat N]
                               [--long 50 100 200 400]

Two kinds of corpus: ``real`` (the seeds and the development set's releases of other
sites, repeated in turn) and ``synthetic`` (copies of the seed releases with other
names, numbers and dates). No line recurs across copies of a release: every line of
the k-th copy (k >= 1) ends in a mark of that copy (`` ·k``), so cleaning cannot take a
release's own lines for site chrome because they recur in its copies (lines that
releases of one site share within a round of copies still recur, as in a real corpus),
and extract parses as much text as a corpus of distinct releases gives it. For each
size N
it builds a corpus of N distinct press releases, then measures in
separate processes, so that peak memory (max RSS) is per run:
- extract: `accords extract` from scratch;
- baseline: `nlp.pipe` with every component over the same raw texts, same
  number of processes;
- dask (real releases, when Dask is installed): `accords extract --scheduler local`,
  a LocalCluster of as many worker processes;
and, for the largest N, re-running extract after adding one document,
against extracting a corpus of that one document. ``--long`` times `accords extract` of
one long release (paragraphs of 2 kB made of the real releases' long lines) per size in
kB, against the smallest: a release's cost must grow with its length, not its square
(the goal: 400 kB in about 8 × the time of 50 kB). With ``--repeat N`` every
measurement is taken N times (extract and baseline alternating) and the
fastest counts, the usual way to keep a busy machine's noise out of a
ratio; peak memory is the largest seen. Prints a table and the ratios that
the project's goals are stated in.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # the seed releases, not the user's corpus/
DEV = ROOT / "tests" / "dev" / "corpus"  # 58 real releases of other sites
NAMES = [
    "Amina Diallo",
    "Pedro Alvarez",
    "Olena Kovalenko",
    "Ravi Sharma",
    "Grace Mwangi",
    "Lars Nilsson",
    "Fatima Rahman",
    "Chen Wei",
    "Sofia Rossi",
    "Tomas Novak",
]
DIGITS = re.compile(r"\d")
BASELINE = """
import sys, time, json, resource
from pathlib import Path
import spacy
texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
started = time.perf_counter()
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=64))
print(json.dumps({"seconds": time.perf_counter() - started, "tokens": tokens}))
"""


def marked(text: str, copy: int) -> str:
    """The ``copy``-th copy of a release: every line but the empty ones ends in the copy's
    mark (the first copy, 0, is the release as it is)."""
    if copy == 0:
        return text
    return "\n".join(f"{line} ·{copy}" if line.strip() else line for line in text.split("\n"))


def make_corpus(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(n):
        text = DIGITS.sub(lambda _: str(rng.randint(0, 9)), sources[i % len(sources)])
        for name in (
            "Anh Nguyen",
            "Ugochi Daniels",
            "Olga Abramenko",
            "Anna Rostocka",
            "Abdusattor Esoev",
        ):
            text = text.replace(name, rng.choice(NAMES))
        text += f"\nThis is release number {i} of the benchmark, issued on {rng.randint(1, 28)} May {rng.randint(2000, 2024)}."
        text = marked(text, i // len(sources))
        (folder / f"bench_{i:05d}.txt").write_text(text, encoding="utf-8")


def make_real_corpus(folder: Path, n: int) -> None:
    """``n`` releases made of the real ones (the seeds and the development set), repeated
    in turn, the k-th copy of each with every line marked (``marked``): every file is a
    distinct document and no line recurs across copies."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    sources = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(n):
        text = marked(sources[i % len(sources)], i // len(sources))
        (folder / f"real_{i:05d}.txt").write_text(text, encoding="utf-8")


def timed(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS of the child in MB, stdout)."""
    wrapper = [
        sys.executable,
        "-c",
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "w = time.perf_counter() - t\n"
        "if p.returncode: sys.stderr.write(p.stderr); sys.exit(p.returncode)\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'wall': w, 'rss': r, 'out': p.stdout}))",
        *command,
    ]
    result = subprocess.run(wrapper, capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    return data["wall"], data["rss"], data["out"]


def extract_command(corpus: Path, out: Path, workers: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        str(workers),
        *extra,
    ]


def has_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def measure(args: argparse.Namespace, model: str, kind: str, n: int) -> dict[str, float]:
    """Extract (local pool, and the Dask engine on a LocalCluster for real releases)
    against the baseline, on one corpus of ``n`` documents."""
    corpus, out = args.work / f"{kind}_{n}", args.work / f"out_{kind}_{n}"
    (make_real_corpus if kind == "real" else make_corpus)(corpus, n)
    dask = kind == "real" and has_dask()
    runs: dict[str, list[tuple[float, float, str]]] = {"extract": [], "baseline": [], "dask": []}
    for _ in range(args.repeat):  # alternate, so that a slow spell hits all alike
        shutil.rmtree(out, ignore_errors=True)
        runs["extract"].append(timed(extract_command(corpus, out, args.workers)))
        runs["baseline"].append(
            timed([sys.executable, "-c", BASELINE, str(corpus), model, str(args.workers)])
        )
        if dask:
            dask_out = args.work / f"out_{kind}_{n}_dask"
            shutil.rmtree(dask_out, ignore_errors=True)
            command = extract_command(corpus, dask_out, args.workers, "--scheduler", "local")
            runs["dask"].append(timed(command))
    result = {
        f"{name}_{what}": (min if what == "s" else max)(r[0 if what == "s" else 1] for r in found)
        for name, found in runs.items()
        if found
        for what in ("s", "rss_mb")
    }
    tokens = json.loads(runs["baseline"][0][2])["tokens"]
    line = (
        f"{kind:>9} {n:>5} docs  extract {result['extract_s']:7.1f}s {n / result['extract_s']:6.1f} docs/s "
        f"{tokens / result['extract_s']:8.0f} tok/s  peak {result['extract_rss_mb']:6.0f} MB | baseline "
        f"{result['baseline_s']:7.1f}s peak {result['baseline_rss_mb']:6.0f} MB | ratio "
        f"{result['extract_s'] / result['baseline_s']:.2f}"
    )
    if dask:
        line += (
            f" | dask LocalCluster {result['dask_s']:7.1f}s, "
            f"{result['dask_s'] / result['extract_s']:.2f} x local pool"
        )
    print(line, flush=True)
    return result


def incremental(args: argparse.Namespace, kind: str, n: int) -> tuple[float, float, str]:
    """Re-running extract after adding one document to the extracted corpus of ``n``,
    against extracting a corpus of that one document: (seconds, seconds, summary)."""
    corpus, out = args.work / f"{kind}_{n}", args.work / f"out_{kind}_{n}"
    extra = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8") + "\nOne more line, new.\n"
    grown = args.work / f"{kind}_{n}_plus_1"
    shutil.rmtree(grown, ignore_errors=True)
    shutil.copytree(corpus, grown)  # copies keep their mtimes, as a synced archive does
    (grown / "zz_added.txt").write_text(extra, encoding="utf-8")
    rerun = args.work / f"out_{kind}_{n}_plus_1"
    add_runs = []
    for _ in range(args.repeat):
        shutil.rmtree(rerun, ignore_errors=True)
        shutil.copytree(out, rerun)  # the extracted corpus, before the new document
        add_runs.append(timed(extract_command(grown, rerun, args.workers)))
    add_wall, _, add_out = min(add_runs, key=lambda run: run[0])
    single = args.work / "corpus_1"
    shutil.rmtree(single, ignore_errors=True)
    single.mkdir(parents=True)
    (single / "zz_added.txt").write_text(extra, encoding="utf-8")
    one_runs = []
    for _ in range(args.repeat):
        shutil.rmtree(args.work / "out_1", ignore_errors=True)
        one_runs.append(timed(extract_command(single, args.work / "out_1", args.workers)))
    one_wall = min(run[0] for run in one_runs)
    print(
        f"re-run after adding 1 document to {n} ({kind}): {add_wall:.1f}s "
        f"({add_out.splitlines()[0]}); extracting a 1-document corpus: {one_wall:.1f}s; "
        f"ratio {add_wall / one_wall:.2f}",
        flush=True,
    )
    return add_wall, one_wall, add_out


def long_releases(args: argparse.Namespace, sizes: list[int]) -> None:
    """`accords extract` of a corpus of one long release, per size: seconds and the
    ratio to the smallest."""
    sys.path.insert(0, str(ROOT / "tests"))
    from corpus_helpers import long_release

    seconds = {}
    for kb in sizes:
        corpus = args.work / f"long-{kb}"
        if corpus.exists():
            shutil.rmtree(corpus)
        corpus.mkdir(parents=True)
        (corpus / "long.txt").write_text(long_release(kb), encoding="utf-8")
        runs = []
        for _ in range(args.repeat):
            out = args.work / f"long-{kb}-out"
            shutil.rmtree(out, ignore_errors=True)
            runs.append(timed(extract_command(corpus, out, 1, "--max-seconds-per-doc", "3600"))[0])
        seconds[kb] = min(runs)
        print(f"long release {kb} kB: {seconds[kb]:.1f} s", flush=True)
    small = min(sizes)
    ratios = ", ".join(f"{kb}: {seconds[kb] / seconds[small]:.2f}" for kb in sizes)
    print(f"long releases, time / the {small} kB one's: {ratios}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=int, nargs="*", default=[300, 3000])
    parser.add_argument("--docs", type=int, nargs="*", default=[200, 2000], help="synthetic")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each measurement; the fastest counts"
    )
    parser.add_argument(
        "--long", type=int, nargs="*", default=[50, 400], help="one long release, kB"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp.model import resolve_model_name

    model = resolve_model_name(args.model)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"model {model}, workers {args.workers}, fastest of {args.repeat} run(s)",
        flush=True,
    )
    for kind, sizes in (("real", args.real), ("synthetic", args.docs)):
        if not sizes:
            continue
        results = {n: measure(args, model, kind, n) for n in sizes}
        small, big = min(sizes), max(sizes)
        add_wall, one_wall, _ = incremental(args, kind, big)
        ratios = ", ".join(
            f"{n}: {r['extract_s'] / r['baseline_s']:.2f}" for n, r in results.items()
        )
        print(
            f"{kind}: extract/baseline {ratios}; peak memory {big}/{small}: "
            f"{results[big]['extract_rss_mb'] / results[small]['extract_rss_mb']:.2f}; "
            f"incremental/1-doc: {add_wall / one_wall:.2f}",
            flush=True,
        )
    if args.long:
        long_releases(args, args.long)


if __name__ == "__main__":
    main()
