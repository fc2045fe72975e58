"""Bytes to text: UTF-8 first, UTF-16 and UTF-32 with or without a BOM, UTF-8 with a
few stray bytes replaced, and only then charset detection."""

from __future__ import annotations

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
