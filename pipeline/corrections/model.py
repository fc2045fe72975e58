"""What a correction is: its kinds, the key of what it fixes, and how one record of a
corrections file becomes one (checked, or a ``CorrectionError`` naming what is wrong).

A record is one JSON object:

    {"id": "c-1f2e3d4c", "kind": "agreement", "field": "parties",
     "target": {"doc": "<doc_id>", "evidence": "<the evidence sentence>"},
     "value": ["International Organization for Migration", "Government of Malawi"],
     "was": ["International Organization for Migration"],
     "by": "ana", "at": "2026-11-27T10:02:00+00:00", "note": "the Government signed too"}

Targets name documents by their content hash (``doc_id``) and rows by the text of their
sentence, never by a row number, so they survive re-runs; ``source`` (the file name) only
makes the record readable, and ``match`` / ``row`` tell apart two rows of one sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from ..hashing import short_hash

AGREEMENT_FIELDS = ("parties", "signatories", "type", "status", "date", "place", "name")
FIELDS: dict[str, tuple[str, ...]] = {
    "agreement": AGREEMENT_FIELDS,
    "not_agreement": (),
    "missed_agreement": (),
    "merge_accords": (),
    "split_accord": (),
    "entity": ("label", "name"),
    "commitment": ("actors", "modality", "action"),
    "not_commitment": (),
    "person": ("role", "org"),
}
KINDS = tuple(FIELDS)
TYPES: tuple[str, ...] = ("agreement", "memorandum", "joint_statement", "declaration")
TYPES += ("network", "partnership", "other")
STATUSES = ("signed", "to_be_signed", "adopted", "launched")
MODALITIES = ("agree", "commit", "will", "aim", "call")
LABELS = ("PERSON", "ORG", "PLACE", "DATE")
ISO_DATE = re.compile(r"(\d{4}|XXXX)(-\d{2}(-\d{2})?)?(/(\d{4}|XXXX)(-\d{2}(-\d{2})?)?)?")
RECORD_KEYS = {"id", "kind", "target", "field", "value", "was", "by", "at", "note"}
TARGET_KEYS = {
    "agreement": ({"doc", "evidence"}, {"source", "match", "row"}),
    "commitment": ({"doc", "sentence"}, {"source", "match", "row"}),
    "person": ({"doc", "name"}, {"source"}),
    "entity": (set(), {"text", "doc", "label", "source"}),
    "accord": ({"agreements"}, set()),
}
TARGET_OF = {
    "agreement": "agreement",
    "not_agreement": "agreement",
    "missed_agreement": "agreement",
    "merge_accords": "accord",
    "split_accord": "accord",
    "entity": "entity",
    "commitment": "commitment",
    "not_commitment": "commitment",
    "person": "person",
}
MATCH_KEYS = {"agreement": ("type", "name", "place", "date"), "commitment": ("modality", "action")}


class CorrectionError(ValueError):
    """A record that is not a correction; the message says what is wrong with it."""


@dataclass(frozen=True)
class Correction:
    """One checked correction, with where it was read (``file``, ``line``) and its place
    in the reading order (``order``: the tie-breaker of two corrections made at once)."""

    id: str
    kind: str
    target: dict[str, Any]
    field: str | None
    value: Any
    was: Any
    by: str
    at: str
    note: str | None
    file: str = ""
    line: int = 0
    order: int = 0

    @property
    def when(self) -> tuple[dt.datetime, int]:
        """The sort key of "later": the time it was made, then the reading order."""
        return parse_time(self.at), self.order

    def record(self) -> dict[str, Any]:
        """The correction as the JSON object of its line."""
        out = {"id": self.id, "kind": self.kind, "target": self.target}
        if self.field is not None:
            out["field"] = self.field
        if self.value is not None or self.field is not None:
            out["value"] = self.value
        if self.was is not None:
            out["was"] = self.was
        return out | {"by": self.by, "at": self.at} | ({"note": self.note} if self.note else {})

    def describe(self) -> str:
        """A few words a person recognises the correction by."""
        where = self.target.get("source") or str(self.target.get("doc", ""))[:8]
        what = self.kind.replace("_", " ") + (f" {self.field}" if self.field else "")
        return f"{self.id} ({what}{' in ' + where if where else ''})"


def parse_time(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def new_id(record: dict[str, Any]) -> str:
    """An id from the record's content (a hand-written line may leave it out)."""
    content = {k: v for k, v in record.items() if k != "id"}
    return "c-" + short_hash(json.dumps(content, sort_keys=True, ensure_ascii=False), 8)


def parse(record: Any, file: str = "", line: int = 0, order: int = 0) -> Correction:
    """Check one record and make it a ``Correction``; raises ``CorrectionError``."""
    if not isinstance(record, dict):
        raise CorrectionError("expected a JSON object")
    unknown = sorted(set(record) - RECORD_KEYS)
    if unknown:
        raise CorrectionError(f"unknown key(s) {unknown}; a correction has {sorted(RECORD_KEYS)}")
    kind = record.get("kind")
    if kind not in FIELDS:
        raise CorrectionError(f"kind {kind!r} is not one of {list(KINDS)}")
    for key in ("by", "at"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise CorrectionError(f'"{key}" (who and when) is required')
    try:
        parse_time(record["at"])
    except ValueError:
        raise CorrectionError(f'"at" {record["at"]!r} is not an ISO 8601 time') from None
    field = record.get("field")
    if FIELDS[kind] and field not in FIELDS[kind]:
        raise CorrectionError(f'"field" of a {kind} correction must be one of {list(FIELDS[kind])}')
    if not FIELDS[kind] and field is not None:
        raise CorrectionError(f'a {kind} correction has no "field"')
    target = check_target(kind, record.get("target"))
    value = check_value(kind, field, record)
    note = record.get("note")
    if note is not None and not isinstance(note, str):
        raise CorrectionError('"note" must be text')
    ident = record.get("id") or new_id(record)
    if not isinstance(ident, str):
        raise CorrectionError('"id" must be text')
    return Correction(
        ident,
        kind,
        target,
        field,
        value,
        record.get("was"),
        record["by"],
        record["at"],
        note,
        file,
        line,
        order,
    )


def check_target(kind: str, target: Any) -> dict[str, Any]:
    shape = TARGET_OF[kind]
    required, optional = TARGET_KEYS[shape]
    if not isinstance(target, dict):
        raise CorrectionError('"target" must be an object')
    missing = sorted(required - set(target))
    unknown = sorted(set(target) - required - optional)
    if missing or unknown:
        raise CorrectionError(
            f'"target" of a {kind} correction needs {sorted(required)}'
            + (f" and may have {sorted(optional)}" if optional else "")
            + f"; got {sorted(target)}"
        )
    if shape == "accord":
        keys = target["agreements"]
        least = 2 if kind == "merge_accords" else 1
        if not isinstance(keys, list) or len(keys) < least:
            raise CorrectionError(f'"target.agreements" must list at least {least} agreement(s)')
        return {"agreements": [check_target("agreement", key) for key in keys]}
    if shape == "entity" and not target.get("text"):
        raise CorrectionError('"target" of an entity correction needs "text" (the name)')
    for key, value in target.items():
        if key == "match":
            check_match(shape, value)
        elif not isinstance(value, str) or not value.strip():
            raise CorrectionError(f'"target.{key}" must be non-empty text')
    if shape == "entity" and target.get("label", "ORG") not in LABELS:
        raise CorrectionError(f'"target.label" must be one of {list(LABELS)}')
    return dict(target)


def check_match(shape: str, match: Any) -> None:
    allowed = MATCH_KEYS.get(shape, ())
    if not isinstance(match, dict) or set(match) - set(allowed):
        raise CorrectionError(f'"target.match" may hold {list(allowed)}')


def check_value(kind: str, field: str | None, record: dict[str, Any]) -> Any:
    if kind == "missed_agreement":
        return check_missed(record.get("value"))
    if field is None:
        if record.get("value") is not None:
            raise CorrectionError(f'a {kind} correction has no "value"')
        return None
    if "value" not in record:
        raise CorrectionError('"value" (what is right) is required')
    return check_field(kind, field, record["value"])


def check_missed(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or value.get("type") not in TYPES:
        raise CorrectionError(
            f'"value" of a missed agreement is an object of its fields with a "type" of {TYPES}'
        )
    unknown = sorted(set(value) - set(AGREEMENT_FIELDS))
    if unknown:
        raise CorrectionError(f"unknown agreement field(s) {unknown}")
    return {key: check_field("agreement", key, item) for key, item in value.items()}


def check_field(kind: str, field: str, value: Any) -> Any:
    """The value of ``field``, checked (a ``None`` clears a field that may be empty)."""
    if field in ("parties", "actors"):
        return text_list(field, value)
    if field == "signatories":
        return signatories(value)
    choices = {
        "type": TYPES,
        "status": STATUSES,
        "modality": MODALITIES,
        "label": (*LABELS, None),
    }.get(field)
    if choices is not None:
        if value not in choices:
            raise CorrectionError(f'"value" of {field} must be one of {list(choices)}')
        return value
    if field == "date" and value is not None and not ISO_DATE.fullmatch(str(value)):
        raise CorrectionError(
            f'"value" of date must be an ISO date ("2021-11-26", "2014-06", '
            f'"2014-06-02/2014-06-03", "XXXX-12-18"), not {value!r}'
        )
    required = field in ("action",) or (kind == "entity" and field == "name")
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f'"value" of {field} must be non-empty text')
    return value.strip()


def text_list(field: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorrectionError(f'"value" of {field} must be a list of names')
    return [v.strip() for v in value]


def signatories(value: Any) -> list[dict[str, str | None]]:
    if not isinstance(value, list):
        raise CorrectionError('"value" of signatories must be a list of {"name", "role", "org"}')
    out = []
    for item in value:
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise CorrectionError('each signatory is an object with a "name" (and "role", "org")')
        if set(item) - {"name", "role", "org"}:
            raise CorrectionError('a signatory has only "name", "role" and "org"')
        out.append(
            {k: (str(item[k]).strip() if item.get(k) else None) for k in ("name", "role", "org")}
        )
    return out
