"""Cleaning a corpus as map → reduce → map, so one machine and a cluster run it alike.

A document's cleaning depends on one thing outside it: the lines that recur across
the corpus (``clean.recurring_lines``). So cleaning is three steps over batches of
documents:

1. map ``count_lines``: for a batch of raw texts, in how many of them each line
   occurs, split into buckets by a stable hash of the line (Python's own ``hash``
   of a string differs from process to process);
2. reduce ``recurring_in``: per bucket, the lines found in enough documents; the
   recurring set is the union of the buckets' results, and no process ever holds
   the counts of every line of the corpus unless there is only one bucket;
3. map ``clean_batch``: clean each document against the recurring set, or keep the
   last run's cleaning when the recurring lines it contains did not change.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable

from .. import clean
from ..hashing import short_hash

CleanItem = tuple[str, str, str | None]  # (doc_id, raw text, the last run's recurring key)
Cleaned = tuple[str, clean.CleanedText | None]  # (recurring key, cleaning or None: reuse)


def bucket_of(line: str, buckets: int) -> int:
    """The bucket of ``line``: the same in every process."""
    return zlib.crc32(line.encode("utf-8", "surrogatepass")) % buckets if buckets > 1 else 0


def count_lines(texts: Iterable[str], buckets: int = 1) -> list[Counter[str]]:
    """Map: per bucket, how many of ``texts`` contain each of its lines."""
    counts: list[Counter[str]] = [Counter() for _ in range(buckets)]
    for text in texts:
        for line in clean.line_set(text):
            counts[bucket_of(line, buckets)][line] += 1
    return counts


def recurring_in(
    parts: Iterable[Counter[str]], min_docs: int = clean.RECURRING_MIN_DOCS
) -> frozenset[str]:
    """Reduce: the lines of one bucket found in at least ``min_docs`` documents."""
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return frozenset(line for line, n in total.items() if n >= min_docs and len(line) > 1)


def recurring_key(lines: frozenset[str], recurring: frozenset[str]) -> str:
    """A hash of the corpus-recurring lines a document contains (``lines`` is its
    ``clean.line_set``): its cleaning depends on nothing else outside the document."""
    return short_hash("\n".join(sorted(lines & recurring)))


def clean_batch(items: list[CleanItem], recurring: frozenset[str]) -> list[Cleaned]:
    """Map: each document's recurring key and its cleaning (None where the key equals
    the last run's, whose cleaning is then kept)."""
    results: list[Cleaned] = []
    for _doc_id, raw_text, cached_key in items:
        key = recurring_key(clean.line_set(raw_text), recurring)
        results.append((key, None if key == cached_key else clean.clean_text(raw_text, recurring)))
    return results
