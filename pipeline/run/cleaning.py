"""Cleaning a corpus as map → reduce → map, so one machine and a cluster run it alike.

A document's cleaning depends on one thing outside it: the lines that recur across
the corpus (``clean.recurring_lines``). Lines are counted by a 64-bit hash of their
text (``line_hash``), which a re-run keeps per document (the ``.line_hashes`` cache),
so the files that did not change need not be read again. Cleaning is three steps over
batches of documents:

1. map ``count_lines``: for a batch, in how many of its documents each line hash
   occurs, split into buckets by the hash;
2. reduce ``recurring_in``: per bucket, the hashes found in at least
   ``clean.RECURRING_MIN_DOCS`` documents; the recurring set is the union of the
   buckets', and no process holds the counts of every line of the corpus unless
   there is only one bucket;
3. map ``clean_batch``: clean each document against its own recurring lines, or keep
   the last run's cleaning when the recurring lines it contains did not change; a
   document that was not read and whose recurring lines changed is marked ``REREAD``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np

from .. import clean
from ..hashing import short_hash
from ..ingest import failure

# (doc_id, raw text or None when the file was not read, last run's key, last run's hashes)
CleanItem = tuple[str, str | None, str | None, np.ndarray | None]
REREAD = "reread"  # not read, and its recurring lines changed: read it and clean it again


@dataclass
class CleaningFailed:
    """Cleaning raised on a document: it is rejected with the reason, the others go on."""

    reason: str


# a document's cleaning: None to keep the last run's, REREAD, or CleaningFailed
CleanResult: TypeAlias = "clean.CleanedText | CleaningFailed | str | None"
Cleaned = tuple[str, CleanResult, np.ndarray]  # (recurring key, the cleaning, line hashes)
Counts = tuple[np.ndarray, np.ndarray]  # distinct hashes, and in how many documents each is
NO_HASHES = np.zeros(0, dtype=np.uint64)


def line_hash(line: str) -> int:
    """A 64-bit hash of a (normalised) line: the same in every process and every run."""
    data = line.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def hashed_lines(text: str) -> dict[str, int]:
    """The distinct lines of ``text`` that can recur (longer than one character, as
    ``clean.recurring_lines`` requires), with their hashes."""
    return {line: line_hash(line) for line in clean.line_set(text) if len(line) > 1}


def as_hashes(hashed: dict[str, int]) -> np.ndarray:
    return np.array(sorted(set(hashed.values())), dtype=np.uint64)


def line_hashes(text: str) -> np.ndarray:
    """The sorted hashes of the distinct lines of ``text`` that can recur."""
    return as_hashes(hashed_lines(text))


def item_hashes(item: CleanItem) -> np.ndarray:
    _, text, _, cached = item
    if text is None:
        return NO_HASHES if cached is None else cached
    try:
        return line_hashes(text)
    except Exception:  # counts for nothing; cleaning meets the same error and says so
        return NO_HASHES


def count_lines(hashes: Iterable[np.ndarray], buckets: int = 1) -> list[Counts]:
    """Map: per bucket, the distinct hashes of a batch of documents and in how many of
    them each occurs (each document's hashes are distinct)."""
    arrays = list(hashes)
    joined = np.concatenate(arrays) if arrays else NO_HASHES
    distinct, counts = np.unique(joined, return_counts=True)
    if buckets <= 1:
        return [(distinct, counts)]
    bucket = distinct % np.uint64(buckets)
    return [(distinct[bucket == k], counts[bucket == k]) for k in range(buckets)]


def recurring_in(parts: Iterable[Counts], min_docs: int = clean.RECURRING_MIN_DOCS) -> np.ndarray:
    """Reduce: the hashes of one bucket found in at least ``min_docs`` documents."""
    parts = list(parts)
    if not parts:
        return NO_HASHES
    distinct = np.concatenate([p[0] for p in parts])
    counts = np.concatenate([p[1] for p in parts])
    merged, inverse = np.unique(distinct, return_inverse=True)
    totals = np.bincount(inverse, weights=counts, minlength=len(merged))
    return merged[totals >= min_docs]


def union(parts: Iterable[np.ndarray]) -> np.ndarray:
    arrays = list(parts)
    return np.unique(np.concatenate(arrays)) if arrays else NO_HASHES


def recurring_key(hashes: np.ndarray, recurring: set[int]) -> str:
    """A hash of the corpus-recurring lines a document contains: its cleaning depends on
    nothing else outside the document."""
    return short_hash(",".join(str(h) for h in hashes.tolist() if h in recurring))


def clean_batch(
    items: list[CleanItem],
    recurring: np.ndarray,
    hashed: list[dict[str, int] | None] | None = None,
) -> list[Cleaned]:
    """Map: each document's recurring key, its cleaning (None where the key equals the
    last run's, whose cleaning is then kept; ``REREAD`` where the file was not read and
    must be) and its line hashes. ``hashed``: each read item's ``hashed_lines``, when
    already computed."""
    common = set(recurring.tolist())
    results: list[Cleaned] = []
    for n, item in enumerate(items):
        try:
            results.append(clean_one(item, common, hashed[n] if hashed is not None else None))
        except Exception as error:  # one document must not stop the run
            results.append(("", CleaningFailed(failure("cleaning", error)), NO_HASHES))
    return results


def clean_one(item: CleanItem, common: set[int], known: dict[str, int] | None) -> Cleaned:
    """One document's recurring key, cleaning and line hashes (see ``clean_batch``)."""
    _, text, cached_key, cached = item
    if text is None:
        hashes = NO_HASHES if cached is None else cached
        key = recurring_key(hashes, common)
        return key, None if key == cached_key else REREAD, hashes
    lines = known if known is not None else hashed_lines(text)
    hashes = as_hashes(lines)
    key = recurring_key(hashes, common)
    if key == cached_key:
        return key, None, hashes
    own = frozenset(line for line, h in lines.items() if h in common)
    return key, clean.clean_text(text, own), hashes


def safely_hashed(text: str) -> dict[str, int] | None:
    """``hashed_lines``, or None where it raises (cleaning then meets the error again and
    rejects the document)."""
    try:
        return hashed_lines(text)
    except Exception:
        return None


def clean_all(items: list[CleanItem]) -> tuple[list[Cleaned], np.ndarray]:
    """The three steps in one process (the local engine): the cleaning of every item
    and the recurring hashes; each read text's lines are hashed once."""
    hashed = [None if text is None else safely_hashed(text) for _, text, _, _ in items]
    hashes = [
        item_hashes(item) if lines is None else as_hashes(lines)
        for item, lines in zip(items, hashed, strict=True)
    ]
    recurring = recurring_in(count_lines(hashes))
    return clean_batch(items, recurring, hashed), recurring
