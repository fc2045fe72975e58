"""Cleaning a corpus as map → reduce → map, so one machine and a cluster run it alike.

A document's cleaning depends on one thing outside it: the lines that recur across
the corpus (``clean.recurring_lines``). Lines are counted by a 64-bit hash of their
text (``line_hash``), which a re-run keeps per document (the ``.line_hashes`` cache),
so the files that did not change need not be read again. Cleaning is three steps over
batches of documents:

0. ``duplicate_keys``: the same release reprinted on another site (its body whole, a
   few lines of that site's chrome added) is one source of lines, not two: documents
   that share most of their long lines (sentences, marked in the hash's top bit) form a
   group with one key, and a line counts once per group. Only the long lines' hashes
   travel to this step;
1. map ``count_lines``: for a batch, the distinct (line hash, document or group key)
   pairs of its documents, split into buckets by the hash;
2. reduce ``recurring_in``: per bucket, the hashes found under at least
   ``clean.RECURRING_MIN_DOCS`` keys; the recurring set is the union of the buckets',
   and no process holds the lines of the whole corpus unless there is only one bucket;
3. map ``clean_batch``: clean each document against its own recurring lines, or keep
   the last run's cleaning when the recurring lines it contains did not change; a
   document that was not read and whose recurring lines changed is marked ``REREAD``.

So a release is cleaned the same whether or not a reprint of it is in the corpus.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np

from .. import chrome, clean
from ..hashing import short_hash
from ..ingest import failure
from ..wrapping import unwrap
from .parallel import Pool

# (doc_id, raw text or None when the file was not read, last run's key, last run's hashes)
CleanItem = tuple[str, str | None, str | None, np.ndarray | None]
LINE_HASH_SCHEME = "4"  # the top bit marks a long line, the next a paragraph; "4": and
# the paragraphs of a hard-wrapped text joined back
LONG_LINE_WORDS = 12  # a line this long is a sentence of a release, not a site's chrome
LONG_BIT = 1 << 63  # set in the hash of a long line
PARAGRAPH_WORDS = 40  # a long line this long is a paragraph of a release, never a footer
PARAGRAPH_BIT = 1 << 62  # set, with ``LONG_BIT``, in the hash of a paragraph
DUPLICATE_SHARE = 0.5  # share of the shorter document's long lines a reprint repeats
MIN_SHARED_LONG = 2
MAX_LINE_DOCS = 20  # a long line in more documents is a site's footer, not a reprint's
REREAD = "reread"  # not read, and its recurring lines changed: read it and clean it again
BATCHES_PER_WORKER = 4  # the batches of ``clean_pooled``: a slow one delays little


@dataclass
class CleaningFailed:
    """Cleaning raised on a document: it is rejected with the reason, the others go on."""

    reason: str


# a document's cleaning: None to keep the last run's, REREAD, or CleaningFailed
CleanResult: TypeAlias = "clean.CleanedText | CleaningFailed | str | None"
Cleaned = tuple[str, CleanResult, np.ndarray]  # (recurring key, the cleaning, line hashes)
Pairs = tuple[np.ndarray, np.ndarray]  # line hashes and the keys of the documents holding them
NO_HASHES = np.zeros(0, dtype=np.uint64)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])")


def line_hash(line: str) -> int:
    """A 64-bit hash of a (normalised) line: the same in every process and every run;
    its top bit says whether the line is long (``LONG_LINE_WORDS``)."""
    data = line.encode("utf-8", "surrogatepass")
    value = int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
    value &= PARAGRAPH_BIT - 1
    words = clean.word_count(line)
    if words >= PARAGRAPH_WORDS:
        return value | LONG_BIT | PARAGRAPH_BIT
    return value | LONG_BIT if words >= LONG_LINE_WORDS else value


def hashed_lines(text: str) -> dict[str, int]:
    """The distinct lines of ``text`` that can recur (longer than one character, as
    ``clean.recurring_lines`` requires), with their hashes; and, for a hard-wrapped text,
    its paragraphs joined back: its lines are too short to be long lines, and a reprint
    of it would otherwise share none with it (no raw line is ever one of those)."""
    found = {line: line_hash(line) for line in clean.line_set(text) if len(line) > 1}
    lines = [line for line in map(clean.normalise_line, text.split("\n")) if line]
    joined = unwrap(lines)
    if len(joined) == len(lines):
        return found  # not hard-wrapped
    for sentence in (s for line in joined for s in SENTENCE_END.split(line)):
        if sentence not in found and clean.word_count(sentence) >= LONG_LINE_WORDS:
            found[sentence] = line_hash(sentence)  # its sentences: the same in a reprint
    return found


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


def document_key(hashes: np.ndarray) -> int:
    """A document's own key: a hash of its line hashes, the same in any batch."""
    return int.from_bytes(hashlib.blake2b(hashes.tobytes(), digest_size=8).digest(), "little")


def long_lines(hashes: np.ndarray) -> np.ndarray:
    return hashes[hashes >= np.uint64(LONG_BIT)]


def duplicate_keys(longs: list[np.ndarray], keys: list[int]) -> list[int]:
    """Per document (its long lines' hashes, its own key), the key it counts lines
    under: the first document's of its group of reprints. Two documents are reprints of
    one release when they share at least ``MIN_SHARED_LONG`` long lines, or a paragraph
    (a release of one paragraph), and ``DUPLICATE_SHARE`` of the shorter one's; a long
    line in more than ``MAX_LINE_DOCS`` documents is chrome and no evidence."""
    holders: dict[int, list[int]] = {}
    for n, found in enumerate(longs):
        for value in found.tolist():
            holders.setdefault(value, []).append(n)
    shared: Counter[tuple[int, int]] = Counter()
    paragraphs: set[tuple[int, int]] = set()  # pairs that share a whole paragraph
    for value, docs in holders.items():
        if 2 <= len(docs) <= MAX_LINE_DOCS:
            pairs = list(itertools.combinations(docs, 2))
            shared.update(pairs)
            if value & PARAGRAPH_BIT:
                paragraphs.update(pairs)
    parent = list(range(len(longs)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for (a, b), count in shared.items():
        shorter = min(len(longs[a]), len(longs[b]))
        enough = count >= MIN_SHARED_LONG or (a, b) in paragraphs  # a one-paragraph release
        if enough and count >= DUPLICATE_SHARE * shorter:
            low, high = sorted((root(a), root(b)))
            parent[high] = low
    return [keys[root(n)] for n in range(len(longs))]


def count_lines(
    hashes: Iterable[np.ndarray], buckets: int = 1, keys: Iterable[int] | None = None
) -> list[Pairs]:
    """Map: per bucket, the distinct (line hash, key) pairs of a batch of documents; a
    document's key is its group's (``duplicate_keys``), else its own."""
    arrays = list(hashes)
    owners = list(keys) if keys is not None else [document_key(a) for a in arrays]
    if not arrays:
        return [(NO_HASHES, NO_HASHES) for _ in range(max(1, buckets))]
    joined = np.concatenate(arrays)
    tags = np.concatenate(
        [np.full(len(a), k, dtype=np.uint64) for a, k in zip(arrays, owners, strict=True)]
    )
    pairs = np.unique(np.stack([joined, tags], axis=1), axis=0)
    if buckets <= 1:
        return [(pairs[:, 0], pairs[:, 1])]
    bucket = pairs[:, 0] % np.uint64(buckets)
    return [(pairs[bucket == k, 0], pairs[bucket == k, 1]) for k in range(buckets)]


def recurring_in(parts: Iterable[Pairs], min_docs: int = clean.RECURRING_MIN_DOCS) -> np.ndarray:
    """Reduce: the hashes of one bucket found under at least ``min_docs`` keys."""
    parts = list(parts)
    if not parts:
        return NO_HASHES
    pairs = np.stack(
        [np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])], axis=1
    )
    if not len(pairs):
        return NO_HASHES
    distinct = np.unique(pairs, axis=0)[:, 0]
    values, counts = np.unique(distinct, return_counts=True)
    return values[counts >= min_docs]


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
    return key, chrome.clean_text(text, own), hashes


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
    recurring = corpus_recurring(hashes)
    return clean_batch(items, recurring, hashed), recurring


def clean_pooled(items: list[CleanItem], pool: Pool) -> tuple[list[Cleaned], np.ndarray]:
    """``clean_all`` with its last step in ``pool``'s workers, a batch each in turn: the
    line hashes and the recurring lines here (a small share of the work), then every
    batch cleaned against them there. A batch whose worker fails is cleaned here."""
    hashes = [item_hashes(item) for item in items]
    recurring = corpus_recurring(hashes)
    size = max(1, -(-len(items) // (pool.workers * BATCHES_PER_WORKER)))
    batches = [items[start : start + size] for start in range(0, len(items), size)]
    try:
        futures = [pool.submit(clean_task, (batch, recurring)) for batch in batches]
    except BrokenProcessPool:  # a worker died before: a fresh pool for the chunks
        pool.restart()
        return clean_batch(items, recurring), recurring
    results: list[Cleaned] = []
    for batch, future in zip(batches, futures, strict=True):
        try:
            results += future.result()
        except Exception as error:  # the batch is cleaned here, the same way
            if isinstance(error, BrokenProcessPool):  # a fresh pool for the chunks; the
                pool.restart()  # batches still pending are cancelled, and cleaned here too
            results += clean_batch(batch, recurring)
    return results, recurring


def clean_task(_context: object, payload: tuple[list[CleanItem], np.ndarray]) -> list[Cleaned]:
    """``clean_batch`` as a pool's task (the worker's context, its pipeline, unused)."""
    items, recurring = payload
    return clean_batch(items, recurring)


def corpus_recurring(hashes: list[np.ndarray]) -> np.ndarray:
    """The hashes of the lines that recur across documents (each document's line hashes
    in ``hashes``), reprints of one release counting once: steps 0 to 2 in one process."""
    keys = duplicate_keys([long_lines(h) for h in hashes], [document_key(h) for h in hashes])
    return recurring_in(count_lines(hashes, keys=keys))
