"""Where a corpus or an outputs folder is: a local path, or a URL fsspec reaches."""

from __future__ import annotations

from pathlib import Path

LOCAL_PROTOCOLS = ("", "file", "local")


def is_remote(location: str | Path) -> bool:
    """``location`` names a file system other than the local one (``s3://``, ``memory://``)."""
    protocol, _, rest = str(location).partition("://")
    return bool(rest) and protocol not in LOCAL_PROTOCOLS


def local_path(location: str | Path) -> Path:
    """A local location as a path (a ``file://`` prefix dropped)."""
    text = str(location)
    return Path(text.removeprefix("file://")) if text.startswith("file://") else Path(location)
