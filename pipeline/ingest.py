"""Read a corpus folder into raw documents: decode, de-duplicate, reject bad files.

A file that cannot be used (empty, binary, too large, not English ...) still
becomes a row with a ``status`` other than ``ok`` and a ``reason``, so the run
goes on and the user can see what was skipped and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .hashing import short_hash

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MAX_BYTES = 5_000_000  # a press release is a few kB; anything this big is not one
MIN_ENGLISH_STOPWORD_SHARE = 0.12

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
HTML_MARKUP = re.compile(r"<(?:html|body|div|p|head|!doctype)\b", re.IGNORECASE)
WORDS = re.compile(r"[^\W\d_]+")
# a line giving the page's address: "https://...", "Source: https://...", "URL: https://..."
URL_LINE = re.compile(
    r"^(?:(?:source|url|link|original|read more at)\s*:?\s*)?(https?://\S+)\s*$", re.I
)
URL_LINES = 5  # lines at the top and at the bottom of a text page where its address stands


class CorpusError(Exception):
    """The corpus folder cannot be read at all."""


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


def list_corpus(corpus: Path) -> tuple[list[Path], list[Path]]:
    """Return (supported files, ignored files) under ``corpus``, sorted by path."""
    if not corpus.exists():
        raise CorpusError(f"corpus folder {corpus} does not exist")
    if not corpus.is_dir():
        raise CorpusError(f"corpus path {corpus} is not a folder")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    supported = [p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES]
    ignored = [p for p in files if p.suffix.lower() not in SUPPORTED_SUFFIXES]
    if not supported:
        raise CorpusError(
            f"corpus folder {corpus} holds no releases ({', '.join(SUPPORTED_SUFFIXES)})"
        )
    return supported, ignored


def document_id(data: bytes) -> str:
    """Stable id of a document: a hash of its raw bytes."""
    return short_hash(data)


def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode raw bytes. Returns (text, encoding, problem)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        return None, None, "binary content (NUL bytes), not text"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None, None, "binary content: no text encoding fits"
    return str(best), best.encoding, None


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
    corpus: Path, known_ok: set[str] | frozenset[str] = frozenset()
) -> tuple[list[RawDocument], list[Path]]:
    """Read every supported file of ``corpus``; returns (documents, ignored files).

    Identical content under several names becomes one document listing all
    its sources. ``known_ok`` are ids of documents an earlier run of the same
    pipeline accepted: their content is the same, so they are not checked again.
    """
    paths, ignored = list_corpus(corpus)
    by_id: dict[str, RawDocument] = {}
    for path in paths:
        relative = path.relative_to(corpus).as_posix()
        size = path.stat().st_size
        if size > MAX_BYTES:
            doc_id = short_hash(f"too-large:{relative}:{size}")
            by_id[doc_id] = RawDocument(
                doc_id,
                relative,
                "",
                "rejected",
                f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit",
                None,
                [relative],
            )
            continue
        data = path.read_bytes()
        doc_id = document_id(data)
        if doc_id in by_id:
            by_id[doc_id].sources.append(relative)
            continue
        text, encoding, problem = decode(data)
        meta: dict[str, str] = {}
        if text is not None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            is_page = path.suffix.lower() in HTML_SUFFIXES
            if is_page or HTML_MARKUP.search(text[:2000]):
                extracted = html_to_text(text)
                if extracted is None:
                    problem = "HTML page: no article text found in it"
                else:
                    (text, meta), encoding = extracted, f"{encoding} (html)"
            elif (address := url_line(text)) is not None:
                meta["url"] = address
            if problem is None and doc_id not in known_ok:
                problem = check_text(text)
        status = "ok" if problem is None else "rejected"
        by_id[doc_id] = RawDocument(
            doc_id, relative, text or "", status, problem, encoding, [relative], meta
        )
    return list(by_id.values()), ignored
