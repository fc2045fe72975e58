"""How a value of the tables reads as one text cell, the same in the CSV and Excel
exports and in the report's CSV download.

- a list: its items joined with ``"; "`` (a missing item as nothing);
- a signatory: ``"name (role, org)"``, or the name alone; several joined with ``"; "``;
- for a spreadsheet, a text that starts with ``=``, ``+``, ``-`` or ``@`` is a formula
  to Excel: it is kept as text (``spreadsheet_text``), so a release's text never runs.
"""

from __future__ import annotations

from typing import Any

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel reads as a formula's start


def missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def as_list(value: Any) -> list:
    if missing(value):
        return []
    return list(value.tolist() if hasattr(value, "tolist") else value)


def signatory_text(signatory: dict) -> str:
    details = ", ".join(str(x) for x in (signatory.get("role"), signatory.get("org")) if x)
    name = str(signatory.get("name"))
    return f"{name} ({details})" if details else name


def list_text(value: Any) -> str:
    return LIST_SEPARATOR.join("" if missing(v) else str(v) for v in as_list(value))


def text_cell(value: Any, column: str) -> Any:
    """A list or struct value as one readable string; scalars as they are."""
    if column == "signatories":
        return LIST_SEPARATOR.join(signatory_text(s) for s in as_list(value))
    if isinstance(value, (list, tuple)) or (
        hasattr(value, "tolist") and not isinstance(value, str)
    ):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, (list, tuple)):
            return list_text(items)
    return value


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def spreadsheet_text(value: Any) -> Any:
    """A text cell for a CSV that Excel opens: one that Excel would read as a formula
    gets a leading apostrophe, which Excel shows as text."""
    return f"'{value}" if looks_like_formula(value) else value
