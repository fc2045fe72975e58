"""The Excel workbook: one sheet per table, which Excel opens without a complaint.

- characters a workbook cannot hold (control characters, such as a stray BEL) are
  dropped;
- a text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as text, with Excel's
  quote prefix, never as a formula: a release's text must not run in a spreadsheet;
- a text over Excel's 32,767 characters a cell is cut and ends with a visible mark
  (``CUT_MARK``); the notes name those cells, and a sheet cut at Excel's row limit;
- the header row is frozen and carries an autofilter.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import re
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from ..cells import looks_like_formula
from . import flat
from .files import ExportError, atomic

CELL_CHARS = 32_767
SHEET_ROWS = 1_048_575  # under the header row
CUT_MARK = " … [cut: {n:,} more characters]"
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl refuses them in a cell
SHOWN_CUTS = 5


def write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> list[str]:
    """Write one sheet per table to ``target``; returns notes on what was cut."""
    try:
        import openpyxl
    except ImportError as error:
        raise ExportError(
            "xlsx export needs openpyxl: pip install -e '.[export]' in the accords checkout"
        ) from error
    book, workbook, failure = io.BytesIO(), None, None
    hook, sys.unraisablehook = sys.unraisablehook, lambda _: None
    try:  # a write-only workbook writes its sheets to temporary files as rows come
        workbook = openpyxl.Workbook(write_only=True)
        notes: list[str] = []
        for name, frame in tables.items():
            notes += write_sheet(workbook.create_sheet(name), name, flat(frame))
        workbook.save(book)
    except Exception as error:  # lxml's own, for a full disk or a file size limit: "IO_EFBIG"
        code = next((c for c in (errno.EFBIG, errno.ENOSPC) if errno.errorcode[c] in str(error)), 0)
        lxml = type(error).__module__.startswith("lxml")
        reason = os.strerror(code) if code else str(error)
        failure = OSError(code or None, reason) if code or lxml else error
    finally:
        workbook = None
        gc.collect()  # lxml's half-written sheets complain as they go: not on the console
        sys.unraisablehook = hook
    if failure is not None:
        raise failure
    with atomic(target) as temporary:
        temporary.write_bytes(book.getvalue())
    return notes


def write_sheet(sheet: Any, name: str, frame: pd.DataFrame) -> list[str]:
    from openpyxl.utils import get_column_letter

    columns = [str(c) for c in frame.columns]
    sheet.freeze_panes = "A2"
    sheet.append(columns)
    shown = frame.head(SHEET_ROWS)
    cut: list[str] = []
    for row in shown.itertuples(index=False, name=None):
        cells = []
        for column, value in zip(columns, row, strict=True):
            content, was_cut = cell(sheet, value)
            if was_cut:
                cut.append(f"{column} of {row[0]}")
            cells.append(content)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(columns)))}{len(shown) + 1}"
    notes = []
    if cut:
        listed = ", ".join(cut[:SHOWN_CUTS]) + (", …" if len(cut) > SHOWN_CUTS else "")
        notes.append(
            f"sheet {name}: {len(cut)} cell(s) over Excel's {CELL_CHARS:,} characters cut, "
            f"each ending with '… [cut: N more characters]' ({listed})"
        )
    if len(frame) > len(shown):
        notes.append(
            f"sheet {name}: only the first {len(shown):,} of {len(frame):,} rows "
            "(Excel's limit); the CSV and SQLite exports hold them all"
        )
    return notes


def cell(sheet: Any, value: Any) -> tuple[Any, bool]:
    """What goes into one cell, and whether its text was cut to fit."""
    if not isinstance(value, str):
        return (None if pd.isna(value) else value), False
    text, was_cut = ILLEGAL.sub("", value), False
    if len(text) > CELL_CHARS:
        keep = CELL_CHARS - len(CUT_MARK.format(n=len(text)))  # room for the longest mark
        text, was_cut = text[:keep] + CUT_MARK.format(n=len(text) - keep), True
    if not looks_like_formula(text):
        return text, was_cut
    from openpyxl.cell import WriteOnlyCell

    content = WriteOnlyCell(sheet, value=text)
    content.data_type = "s"  # openpyxl took the "=" for a formula
    content.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return content, was_cut
