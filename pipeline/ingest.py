"""Read a corpus folder into raw documents: decode, de-duplicate, reject bad files.

A file that cannot be used (empty, binary, too large, not English ...) still
becomes a row with a ``status`` other than ``ok`` and a ``reason``, so the run
goes on and the user can see what was skipped and why.
"""

from __future__ import annotations

import os
import re
import stat as stat_mode
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decoding import decode
from .hashing import short_hash
from .languages import stop_words
from .locations import is_remote, local_path
from .markdown import markdown_to_text

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MAX_BYTES = 5_000_000  # a press release is a few kB; anything this big is not one
MIN_ENGLISH_STOPWORD_SHARE = 0.12

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype html|html)\b", re.IGNORECASE)
HTML_CLOSERS = re.compile(r"</(?:p|div|body|html|head|li|td|span|a)>", re.IGNORECASE)
WORDS = re.compile(r"[^\W\d_]+")
# a line giving the page's address: "https://...", "Source: https://...", "URL: https://..."
URL_LINE = re.compile(
    r"^(?:(?:source|url|link|original|read more at)\s*:?\s*)?(https?://\S+)\s*$", re.I
)
URL_LINES = 5  # lines at the top and at the bottom of a text page where its address stands


class CorpusError(Exception):
    """The corpus folder cannot be read at all."""


Stat = tuple[int, int]  # (size in bytes, modification time in ns; -1 when unknown)
# a file of the last run by its name: (size, mtime, its document's id, its encoding)
Known = dict[str, tuple[int, int, str, "str | None"]]


@dataclass
class RawDocument:
    doc_id: str
    source: str
    raw_text: str
    status: str = "ok"
    reason: str | None = None
    encoding: str | None = None
    sources: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # "published", "url" of an HTML page
    stats: list[Stat] = field(default_factory=list)  # (size, mtime in ns) of each source
    read: bool = True  # False: unchanged since the last run, so not read (``raw_text`` empty)


@dataclass
class Entry:
    """One file of a corpus: its name relative to the corpus, and how to read it."""

    name: str
    suffix: str
    stat: Callable[[], Stat]
    read: Callable[[], bytes]


@dataclass
class Listing:
    """What a corpus holds: releases, ignored files and folders it cannot read (the
    last two by name relative to the corpus)."""

    files: list[Entry]
    ignored: list[str]
    unreadable: list[str] = field(default_factory=list)
    by_name: dict[str, Entry] = field(default_factory=dict, repr=False)

    def entry(self, name: str) -> Entry:
        if not self.by_name:
            self.by_name = {entry.name: entry for entry in self.files}
        return self.by_name[name]


def list_corpus(corpus: str | Path) -> Listing:
    """Every file under ``corpus`` (a folder, or a URL fsspec can reach: ``s3://``,
    ``gs://``, ``memory://``), sorted by path; see ``list_folder``."""
    if is_remote(corpus):
        return list_url(str(corpus))
    return list_folder(local_path(corpus))


def list_folder(corpus: Path) -> Listing:
    """Every file under a local folder, sorted by path, symlinked folders followed once
    (a link back up the tree is not followed again); folders that cannot be read are
    reported, not skipped silently."""
    if not corpus.exists():
        raise CorpusError(f"corpus folder {corpus} does not exist")
    if not corpus.is_dir():
        raise CorpusError(f"corpus path {corpus} is not a folder")
    unreadable: list[Path] = []
    seen: set[str] = set()
    files: list[Path] = []

    def note(error: OSError) -> None:
        unreadable.append(Path(error.filename))

    for folder, subfolders, names in os.walk(corpus, onerror=note, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        files += [Path(folder) / n for n in names if not n.startswith(".")]
    files.sort()
    supported = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
    ignored = [p for p in files if p.suffix.lower() not in SUPPORTED_SUFFIXES]
    if not supported and not unreadable:
        raise CorpusError(
            f"corpus folder {corpus} holds no releases ({', '.join(SUPPORTED_SUFFIXES)})"
        )
    return Listing(
        [local_entry(path, corpus) for path in supported],
        [display_name(path, corpus) for path in ignored],
        [display_name(path, corpus) for path in sorted(unreadable)],
    )


def local_entry(path: Path, corpus: Path) -> Entry:
    def stat() -> Stat:
        found = path.stat()
        if not stat_mode.S_ISREG(found.st_mode):
            raise NotAFile(kind_of(found.st_mode))
        return found.st_size, found.st_mtime_ns

    return Entry(display_name(path, corpus), path.suffix.lower(), stat, lambda: read_file(path))


class NotAFile(Exception):
    """A corpus entry that is not a regular file (a FIFO, a device, a socket)."""


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, kind in (
        (stat_mode.S_ISFIFO, "a FIFO (named pipe)"),
        (stat_mode.S_ISCHR, "a character device"),
        (stat_mode.S_ISBLK, "a block device"),
        (stat_mode.S_ISSOCK, "a socket"),
        (stat_mode.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` + 1 of them (one more than the limit
    tells a file that grew past it). Opened without blocking and checked on the open
    handle, so a FIFO or a device put in its place is refused, never waited on or read
    without end."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(handle).st_mode
        if not stat_mode.S_ISREG(mode):
            raise NotAFile(kind_of(mode))
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def list_url(corpus: str) -> Listing:
    """Every file under a URL, through fsspec (hidden files and folders left out)."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(corpus)
        found = fs.find(root, detail=True)
    except (ImportError, ValueError) as error:
        raise CorpusError(f"cannot read corpus {corpus}: {error}") from error
    except OSError as error:
        raise CorpusError(f"cannot list corpus {corpus}: {error.strerror or error}") from error
    base = root.rstrip("/") + "/"
    entries: list[Entry] = []
    ignored: list[str] = []
    for path in sorted(found):
        name = path.removeprefix(base) if path.startswith(base) else path.rsplit("/", 1)[-1]
        if any(part.startswith(".") for part in name.split("/")):
            continue
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in SUPPORTED_SUFFIXES:
            ignored.append(name)
            continue
        entries.append(url_entry(fs, path, name, suffix, int(found[path].get("size") or 0)))
    if not entries:
        raise CorpusError(f"corpus {corpus} holds no releases ({', '.join(SUPPORTED_SUFFIXES)})")
    return Listing(entries, ignored)


def url_entry(fs: Any, path: str, name: str, suffix: str, size: int) -> Entry:
    def read() -> bytes:
        with fs.open(path, "rb") as stream:
            return bytes(stream.read(MAX_BYTES + 1))

    return Entry(name, suffix, lambda: (size, -1), read)  # no mtime: always read


def display_name(path: Path, corpus: Path) -> str:
    """The path relative to the corpus, readable whatever bytes the file system gave
    (an undecodable byte becomes U+FFFD)."""
    relative = path.relative_to(corpus).as_posix()
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def document_id(data: bytes) -> str:
    """Stable id of a document: a hash of its raw bytes."""
    return short_hash(data)


def looks_like_html(text: str) -> bool:
    """A page's structure, not one tag: it opens as HTML, or is full of closing tags (a
    release quoting "<p>" in its text is no page)."""
    return bool(HTML_START.match(text)) or len(HTML_CLOSERS.findall(text[:20000])) >= 10


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    return bool(sample) and len(CONTROL_CHARS.findall(sample)) / len(sample) > 0.01


def looks_english(text: str) -> bool:
    words = WORDS.findall(text[:20000].lower())
    if len(words) < 20:
        return True  # too short to tell; let the later stages try
    english = stop_words()[0]
    share = sum(word in english for word in words) / len(words)
    return share >= MIN_ENGLISH_STOPWORD_SHARE


def check_text(text: str) -> str | None:
    """The reason a decoded text cannot be processed, or None."""
    if not text.strip():
        return "empty file"
    if looks_binary(text):
        return "binary content, not text"
    if not looks_english(text):
        return "not English"
    return None


def html_to_text(html: str) -> tuple[str, dict[str, str]] | None:
    """The headline and main text of an HTML page (trafilatura) and its metadata
    (``published``: the page's date, ``url``: its canonical address), or None."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = str(getattr(result, "text", None) or "")
    if not text.strip():
        return None
    body = text.strip()
    title = str(getattr(result, "title", None) or "").strip()
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    meta = {}
    for key, attribute in (("published", "date"), ("url", "url")):
        value = getattr(result, attribute, None)
        if value:
            meta[key] = str(value)
    return body, meta


def url_line(text: str) -> str | None:
    """The address a text page gives for itself on a line of its own, top or bottom."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:URL_LINES] + lines[-URL_LINES:]:
        match = URL_LINE.match(line)
        if match:
            return match.group(1).rstrip(".,)")
    return None


def read_corpus(
    corpus: str | Path,
    known_ok: set[str] | frozenset[str] = frozenset(),
    unchanged: Known | None = None,
) -> tuple[list[RawDocument], Listing]:
    """Read every supported file of ``corpus``; returns (documents, the listing).

    Identical content under several names becomes one document listing all
    its sources. ``known_ok`` are ids of documents an earlier run of the same
    pipeline accepted: their content is the same, so they are not checked again.
    ``unchanged`` are the last run's files by name: one with the same size and
    modification time is not read again (its document is marked ``read=False``;
    ``reread`` reads it when needed). A file that cannot be read (permissions, gone
    during the run) is a rejected document with the reason; the run goes on.
    """
    listing = list_corpus(corpus)
    unchanged = unchanged or {}
    by_id: dict[str, RawDocument] = {}
    for entry in listing.files:
        try:
            stat = entry.stat()
            known = unchanged.get(entry.name)
            if known and stat[1] >= 0 and known[:2] == stat and known[2] in known_ok:
                document = RawDocument(
                    known[2], entry.name, "", encoding=known[3], sources=[entry.name], read=False
                )
            else:
                document = read_entry(entry, stat, known_ok)
            document.stats = [stat]
        except (OSError, NotAFile) as error:
            document = unreadable(entry.name, error)
        except Exception as error:  # one file must not stop the run
            document = unreadable(entry.name, error, "reading")
        if document.doc_id in by_id:
            by_id[document.doc_id].sources += document.sources
            by_id[document.doc_id].stats += document.stats
        else:
            by_id[document.doc_id] = document
    return list(by_id.values()), listing


def reread(listing: Listing, document: RawDocument) -> RawDocument:
    """A document that ``read_corpus`` did not read, read now (from its first source)."""
    entry = listing.entry(document.sources[0])
    try:
        found = read_entry(entry, entry.stat(), frozenset({document.doc_id}))
    except (OSError, NotAFile) as error:
        found = unreadable(entry.name, error)
    except Exception as error:  # one file must not stop the run
        found = unreadable(entry.name, error, "reading")
    found.sources, found.stats = document.sources, document.stats
    return found


def unreadable(name: str, error: Exception, step: str | None = None) -> RawDocument:
    """A file that could not be read, as a rejected document saying why."""
    if isinstance(error, NotAFile):
        reason = f"not a regular file: {error}"
    elif isinstance(error, OSError):
        reason = f"cannot read the file: {error.strerror or error}"
    else:
        reason = failure(step or "reading", error)
    return RawDocument(short_hash(f"unreadable:{name}"), name, "", "rejected", reason, None, [name])


def failure(step: str, error: BaseException) -> str:
    """The reason a document is rejected when ``step`` raised ``error`` on it."""
    return f"{step} failed: {type(error).__name__}: {error}"


def too_large(name: str, size: int) -> RawDocument:
    """A file past the size limit (``size``: what the file system says, or what was read:
    one byte past the limit)."""
    said = f"{size:,} bytes, " if size > MAX_BYTES + 1 else ""
    reason = f"file is {said}over the {MAX_BYTES:,}-byte limit"
    doc_id = short_hash(f"too-large:{name}:{size}")
    return RawDocument(doc_id, name, "", "rejected", reason, None, [name])


def read_entry(entry: Entry, stat: Stat, known_ok: set[str] | frozenset[str]) -> RawDocument:
    """Read, decode and check one file (raises ``OSError`` when it cannot be read). The
    read is capped at the size limit, whatever the size the file system gave."""
    if stat[0] > MAX_BYTES:
        return too_large(entry.name, stat[0])
    data = entry.read()
    if len(data) > MAX_BYTES:  # grew since it was listed, or a size the listing did not give
        return too_large(entry.name, MAX_BYTES + 1)
    doc_id = document_id(data)
    try:
        return decoded(entry, data, doc_id, known_ok)
    except Exception as error:  # one file must not stop the run
        reason = failure("decoding", error)
        return RawDocument(doc_id, entry.name, "", "rejected", reason, None, [entry.name])


def decoded(
    entry: Entry, data: bytes, doc_id: str, known_ok: set[str] | frozenset[str]
) -> RawDocument:
    """Decode and check one file's bytes (the text of an HTML page is its article)."""
    relative = entry.name
    text, encoding, problem = decode(data)
    if problem is not None or text is None:
        return RawDocument(doc_id, relative, "", "rejected", problem, encoding, [relative])
    return release(doc_id, relative, text, entry.suffix, encoding, check=doc_id not in known_ok)


def release(
    doc_id: str,
    name: str,
    text: str,
    suffix: str = ".txt",
    encoding: str | None = None,
    check: bool = True,
) -> RawDocument:
    """A decoded release as a run reads it: an HTML page (by its ``suffix`` or its
    shape) reduced to its article, with its date and address; a text with the address
    it gives for itself; checked (``check_text``) unless ``check`` is False."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    problem = None
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        extracted = html_to_text(text)
        if extracted is None:
            problem = "HTML page: no article text found in it"
        else:
            (text, meta), encoding = extracted, f"{encoding} (html)"
    else:
        if (address := url_line(text)) is not None:
            meta["url"] = address
        if suffix in MARKDOWN_SUFFIXES:
            text = markdown_to_text(text)
    if problem is None and check:
        problem = check_text(text)
    status = "ok" if problem is None else "rejected"
    return RawDocument(doc_id, name, text, status, problem, encoding, [name], meta)
