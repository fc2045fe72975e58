"""The one short-hash helper: document ids, row ids and version stamps are prefixes of
a SHA-256 digest."""

from __future__ import annotations

import hashlib

ID_CHARS = 16


def short_hash(data: str | bytes, chars: int = ID_CHARS) -> str:
    """The first ``chars`` hex digits of the SHA-256 of ``data`` (text as UTF-8)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:chars]
