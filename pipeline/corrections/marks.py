"""What the analyst's corrections changed, as the report and ``accords show`` mark it: read
from the ``corrections`` table (the audit a run writes)."""

from __future__ import annotations

import json
import textwrap
from collections import defaultdict
from typing import Any

import pandas as pd


def corrected_fields(t: dict[str, pd.DataFrame], table: str) -> dict[str, dict[str, Any]]:
    """Row id -> {field: [correction id, who, what the pipeline said]} of the corrections
    that changed rows of ``table``."""
    audit = t.get("corrections")
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    if audit is None or audit.empty:
        return found
    rows = audit[(audit["table"] == table) & (audit["status"] == "applied")]
    for r in rows.itertuples():
        extracted = json.loads(r.extracted) if isinstance(r.extracted, str) else None
        found[str(r.row_id)][r.field if isinstance(r.field, str) else "*"] = [
            r.correction_id,
            r.by,
            extracted,
        ]
    return found


def marked(fields: dict[str, Any], name: str, field: str | None = None) -> str:
    """``name`` with a star when a correction changed that field (``field``, by default
    ``name``) of the row."""
    return f"{name}*" if (field or name) in fields else name


def correction_lines(fields: dict[str, Any], wrap: textwrap.TextWrapper) -> list[str]:
    """What each correction of a row changed, and what the pipeline said."""
    out = []
    for name, (cid, by, extracted) in sorted(fields.items()):
        if name in ("accord_id", "n_commitments", "agreement_id"):
            continue
        if name == "*":
            out.append(wrap.fill(f"    * added by {cid} ({by}): the pipeline missed it"))
            continue
        said = "; ".join(map(str, extracted)) if isinstance(extracted, list) else extracted
        if name == "signatories" and isinstance(extracted, list):
            said = "; ".join(str(s.get("name")) for s in extracted if isinstance(s, dict))
        out.append(
            wrap.fill(f"    * {name} corrected by {cid} ({by}); the pipeline said: {said or '-'}")
        )
    return out


def removed_lines(t: dict[str, pd.DataFrame], doc_id: str, wrap: textwrap.TextWrapper) -> list[str]:
    """The rows of a document corrections removed (not an agreement, not a commitment)."""
    audit = t.get("corrections")
    if audit is None or audit.empty:
        return []
    rows = audit[
        (audit["doc_id"] == doc_id)
        & (audit["status"] == "applied")
        & audit["field"].isna()
        & audit["kind"].isin(["not_agreement", "not_commitment"])
    ]
    out = []
    for r in rows.itertuples():
        row = json.loads(r.extracted)
        what = row.get("type") or row.get("modality")
        text = row.get("evidence") or row.get("sentence") or ""
        out.append(wrap.fill(f"  * {what}, removed by {r.correction_id} ({r.by}): {text[:100]}"))
    return ["", f"Removed by corrections ({len(out)})", *out] if out else []
