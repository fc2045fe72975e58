"""Names and messages as one printable line."""

from __future__ import annotations

import re

# C0 and C1 controls, and the line and paragraph separators
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with its control characters escaped (``\\n``, ``\\x1b``), so a file name
    holding a line break prints on one line, not as a forged second one."""
    return UNPRINTABLE.sub(escape, str(text))


def escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in ESCAPES:
        return ESCAPES[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
