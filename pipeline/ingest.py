"""Read a corpus folder into raw documents: decode, de-duplicate, reject bad files.

A file that cannot be used (empty, binary, too large, not English ...) still
becomes a row with a ``status`` other than ``ok`` and a ``reason``, so the run
goes on and the user can see what was skipped and why.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .hashing import short_hash
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
        return found.st_size, found.st_mtime_ns

    return Entry(display_name(path, corpus), path.suffix.lower(), stat, lambda: path.read_bytes())


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
        return bytes(fs.cat_file(path))

    return Entry(name, suffix, lambda: (size, -1), read)  # no mtime: always read


def display_name(path: Path, corpus: Path) -> str:
    """The path relative to the corpus, readable whatever bytes the file system gave
    (an undecodable byte becomes U+FFFD)."""
    relative = path.relative_to(corpus).as_posix()
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def document_id(data: bytes) -> str:
    """Stable id of a document: a hash of its raw bytes."""
    return short_hash(data)


MAX_REPLACED_SHARE = 0.001  # UTF-8 but for a stray byte or two: decode it as UTF-8 anyway
MAX_REPLACED_BYTES = 3
LATIN_CODEPAGES = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "cp775",
    "cp850",
    "cp852",
    "mac_latin2",
    "mac_roman",
    "iso8859_2",
    "iso8859_4",
    "iso8859_9",
)


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode raw bytes. Returns (text, encoding, problem).

    UTF-8 first (with or without a BOM); UTF-16 and UTF-32 by their BOM or, without one,
    by where their NUL bytes fall; a text that is UTF-8 but for a few bytes is read as
    UTF-8 with those bytes replaced (the encoding says how many); only a text that is
    not UTF-8 at all goes to charset detection, where Windows-1252 wins among the Latin
    code pages (the one press offices use)."""
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, None
    wide = wide_encoding(data)  # before UTF-8: NUL bytes are valid UTF-8 too
    if wide is not None:
        return data.decode(wide, errors="replace"), f"{wide} (no BOM)", None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= max(MAX_REPLACED_BYTES, MAX_REPLACED_SHARE * len(data)):
        return replaced, f"utf-8 ({bad} invalid byte(s) replaced)", None
    if b"\x00" in data[:4096]:
        return None, None, "binary content (NUL bytes), not text"
    return detected(data)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by the NUL bytes of ASCII characters."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    for name, size, offset in (
        ("utf-32-le", 4, 1),
        ("utf-32-be", 4, 0),
        ("utf-16-le", 2, 1),
        ("utf-16-be", 2, 0),
    ):
        if len(sample) % size:
            sample = sample[: len(sample) - len(sample) % size]
        units = len(sample) // size
        # ASCII text in a wide encoding: the high bytes of every unit are NUL
        zeros = sample[offset::size].count(0)
        if units and zeros > 0.9 * units and wide_text_ok(data, name):
            return name
    return None


def wide_text_ok(data: bytes, name: str) -> bool:
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return False
    return bool(text) and sum(c.isprintable() or c.isspace() for c in text) > 0.95 * len(text)


def detected(data: bytes) -> tuple[str | None, str | None, str | None]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, None, "binary content: no text encoding fits"
    encoding = best.encoding
    if encoding in LATIN_CODEPAGES and encoding != "cp1252":
        try:
            return data.decode("cp1252"), "cp1252 (detected)", None
        except UnicodeDecodeError:
            pass
    confidence = max(0.0, 1.0 - best.chaos)
    return str(best), f"{encoding} (detected, confidence {confidence:.2f})", None


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
    share = sum(word in STOP_WORDS for word in words) / len(words)
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
        except OSError as error:
            document = unreadable(entry.name, error)
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
    except OSError as error:
        found = unreadable(entry.name, error)
    found.sources, found.stats = document.sources, document.stats
    return found


def unreadable(name: str, error: OSError) -> RawDocument:
    reason = f"cannot read the file: {error.strerror or error}"
    return RawDocument(short_hash(f"unreadable:{name}"), name, "", "rejected", reason, None, [name])


def read_entry(entry: Entry, stat: Stat, known_ok: set[str] | frozenset[str]) -> RawDocument:
    """Read, decode and check one file (raises ``OSError`` when it cannot be read)."""
    relative, size = entry.name, stat[0]
    if size > MAX_BYTES:
        return RawDocument(
            short_hash(f"too-large:{relative}:{size}"),
            relative,
            "",
            "rejected",
            f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit",
            None,
            [relative],
        )
    data = entry.read()
    doc_id = document_id(data)
    text, encoding, problem = decode(data)
    meta: dict[str, str] = {}
    if text is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        is_page = entry.suffix in HTML_SUFFIXES
        if is_page or looks_like_html(text):
            extracted = html_to_text(text)
            if extracted is None:
                problem = "HTML page: no article text found in it"
            else:
                (text, meta), encoding = extracted, f"{encoding} (html)"
        else:
            if (address := url_line(text)) is not None:
                meta["url"] = address
            if entry.suffix in MARKDOWN_SUFFIXES:
                text = markdown_to_text(text)
        if problem is None and doc_id not in known_ok:
            problem = check_text(text)
    status = "ok" if problem is None else "rejected"
    return RawDocument(doc_id, relative, text or "", status, problem, encoding, [relative], meta)
