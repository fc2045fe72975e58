"""Accords: one row per distinct agreement across releases.

Press coverage repeats: a ministry, the UN agency and a news site report the same
signing. Agreement rows of different releases that report the same act share an
``accord_id`` and make one row of the ``accords`` table with their fields merged.

Two rows report the same act when (precision first):
- their types are compatible (the same, or agreement/memorandum, or joint statement/
  declaration), and
- they share parties (by entity id: two, or all of the smaller list), or carry the
  same specific name ("Kampala Ministerial Declaration"), and
- their dates agree: overlapping (give or take ``SLACK_DAYS``, for a report dated by its
  dateline the day after) when both are known; when a row has no date
  of its own, its release's ``published`` date stands in, which must fall within
  ``WINDOW_DAYS`` of the other's date; two rows with no day at all (a release and its
  reprint, neither dated) are one act when of the same type between the same parties
  (by id) with no differing partial date ("10 November"); one dated and one not match
  only by name;
- their places agree when both are known (the same name or the same country).

Rows of one release stay apart (the agreements stage already merged what it reports
twice). The accord id is ``acc:`` plus the agreement id of its earliest report, so it
stays put as more reports of the act arrive. Everything is recomputed over the whole
corpus on every run, from the agreement rows alone, so incremental runs equal runs
from scratch.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .rules.lexicon import words
from .schemas import empty_frame

WINDOW_DAYS = 31
SLACK_DAYS = 2  # a report dated by its own dateline the day after ("signed yesterday")
COMPATIBLE_TYPES = ({"agreement", "memorandum"}, {"joint_statement", "declaration"})
STATUS_ORDER = ("signed", "adopted", "launched", "to_be_signed")
GENERIC_NAME_WORDS = 2  # a name of this many words or fewer ("the agreement") is generic


def group_accords(agreements: pd.DataFrame, published: dict[str, Any]) -> list[str]:
    """The accord id of every agreement row, in row order."""
    rows = agreements.to_dict("records")
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidate_pairs(rows, published):
        a, b = find(i), find(j)
        if a != b and same_act(rows[i], rows[j], published):  # else joined already
            parent[max(a, b)] = min(a, b)
    return name_groups(rows, [find(i) for i in range(len(rows))], published)


def name_groups(rows: list[dict], groups: list[Any], published: dict[str, Any]) -> list[str]:
    """The accord id of every row, rows of one group (a label per row) sharing one: ``acc:``
    and the agreement id of the group's earliest report."""
    members: dict[Any, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    ids = [""] * len(rows)
    for group in members.values():
        first = min(group, key=lambda i: (sort_day(rows[i], published), rows[i]["agreement_id"]))
        for i in group:
            ids[i] = f"acc:{rows[first]['agreement_id']}"
    return ids


def candidate_pairs(rows: list[dict], published: dict[str, Any]) -> Iterable[tuple[int, int]]:
    """Pairs of rows that may report one act: sharing a party, with days within
    ``WINDOW_DAYS``, or carrying the same specific name. A pair may come more than once;
    the accords do not depend on the order the pairs are tried in (joining is transitive)."""
    by_party: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    undated: dict[tuple, list[int]] = defaultdict(list)
    by_evidence: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if (evidence := evidence_key(row)) is not None:
            by_evidence[evidence].append(i)
        for party in as_list(row["party_ids"]):
            by_party[party].append(i)
        if specific_name(row["name"]):
            by_name[str(row["name"]).casefold()].append(i)
        if effective_day(row, published) is None and as_list(row["party_ids"]):
            undated[undated_key(row)].append(i)
    for block in by_party.values():
        dated = sorted((d, i) for i in block if (d := effective_day(rows[i], published)))
        for n, (day, i) in enumerate(dated):
            for other_day, j in dated[n + 1 :]:
                if (other_day - day).days > WINDOW_DAYS:
                    break
                yield i, j
    for block in [*by_name.values(), *undated.values(), *by_evidence.values()]:
        for n, i in enumerate(block):
            for j in block[n + 1 :]:
                yield i, j


EVIDENCE_MIN_CHARS = 60  # a sentence this long, word for word in two reports, is copied
SHORT_EVIDENCE_MIN_CHARS = 16  # a shorter one ("Final Declaration:") must be read alike


def evidence_key(row: dict) -> str | None:
    """The report's evidence sentence, spacing folded, where it is long enough that two
    releases carrying it word for word copy one report (a reprint, a wire story): they
    report one act, named or not, whatever parties each reading found. A shorter one
    ("We have reached good agreements.") copies it only with the same reading of it:
    type, name, parties and date."""
    text = row.get("evidence")
    if missing(text):
        return None
    folded = " ".join(str(text).split())
    if len(folded) >= EVIDENCE_MIN_CHARS:
        return folded
    if len(folded) < SHORT_EVIDENCE_MIN_CHARS:
        return None
    reading = [row["type"], row["name"], *sorted(as_list(row["party_ids"])), row["date"]]
    return "\x1f".join([folded, *("" if missing(v) else str(v) for v in reading)])


def undated_key(row: dict) -> tuple:
    """What two reports with no day must share to be one act: type and parties."""
    return row["type"], tuple(sorted(as_list(row["party_ids"])))


def same_act(a: dict, b: dict, published: dict[str, Any]) -> bool:
    if a["doc_id"] == b["doc_id"] or not compatible_types(a["type"], b["type"]):
        return False
    if evidence_key(a) is not None and evidence_key(a) == evidence_key(b):
        return True  # one report, copied
    named = specific_name(a["name"]) and str(a["name"]).casefold() == str(b["name"]).casefold()
    if not (named or shared_parties(a, b)):
        return False
    return compatible_dates(a, b, published) and compatible_places(a, b)


def compatible_types(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_TYPES)


def shared_parties(a: dict, b: dict) -> bool:
    left, right = set(as_list(a["party_ids"])), set(as_list(b["party_ids"]))
    if not left or not right:
        return False
    return len(left & right) >= min(2, len(left), len(right))


def compatible_dates(a: dict, b: dict, published: dict[str, Any]) -> bool:
    span_a, span_b = own_span(a), own_span(b)
    if span_a and span_b:
        slack = dt.timedelta(days=SLACK_DAYS)
        return span_a[0] <= span_b[1] + slack and span_b[0] <= span_a[1] + slack
    day_a, day_b = effective_day(a, published), effective_day(b, published)
    if day_a is None and day_b is None and same_undated(a, b):
        return True
    if day_a is None or day_b is None:
        return specific_name(a["name"]) and specific_name(b["name"])
    return abs((day_a - day_b).days) <= WINDOW_DAYS


def same_undated(a: dict, b: dict) -> bool:
    """Two reports with no day of their own nor a release date (a release and its reprint)
    are one act when of the same type, between the same parties, and their partial dates
    ("10 November", no year) do not differ."""
    if undated_key(a) != undated_key(b):
        return False
    return missing(a["date"]) or missing(b["date"]) or str(a["date"]) == str(b["date"])


def compatible_places(a: dict, b: dict) -> bool:
    if missing(a["place"]) or missing(b["place"]):
        return True
    if str(a["place"]).casefold() == str(b["place"]).casefold():
        return True
    return not missing(a["country_code"]) and a["country_code"] == b["country_code"]


def own_span(row: dict) -> tuple[dt.date, dt.date] | None:
    start, end = row["date_start"], row["date_end"]
    if missing(start) or missing(end):
        return None
    return to_day(start), to_day(end)


def effective_day(row: dict, published: dict[str, Any]) -> dt.date | None:
    """The row's own date (its start), else its release's publication day."""
    span = own_span(row)
    if span:
        return span[0]
    return parse_day(published.get(row["doc_id"]))


def sort_day(row: dict, published: dict[str, Any]) -> dt.date:
    return effective_day(row, published) or dt.date.max


def parse_day(value: Any) -> dt.date | None:
    if missing(value):
        return None
    text = str(value)[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:size], fmt).date()
        except ValueError:
            continue
    return None


def to_day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def specific_name(name: Any) -> bool:
    """A name of its own ("Kampala Ministerial Declaration"), not "the agreement" or
    "Memorandum of Understanding"."""
    if missing(name):
        return False
    tokens = re.findall(r"[\w’'-]+", str(name).casefold())
    own = [t for t in tokens if t not in words("generic_name_words")]
    return len(tokens) > GENERIC_NAME_WORDS and bool(own)


def build_accords(
    agreements: pd.DataFrame, accord_ids: list[str], published: dict[str, Any]
) -> pd.DataFrame:
    """One row per accord with the fields of its reports merged."""
    if agreements.empty:
        return empty_frame("accords")
    groups: dict[str, list[dict]] = defaultdict(list)
    for accord_id, row in zip(accord_ids, agreements.to_dict("records"), strict=True):
        groups[accord_id].append(row)
    rows = [
        merged(
            accord_id, sorted(reports, key=lambda r: (sort_day(r, published), r["agreement_id"]))
        )
        for accord_id, reports in groups.items()
    ]
    return pd.DataFrame(rows).sort_values("accord_id", ignore_index=True)  # whatever the run order


def merged(accord_id: str, reports: list[dict]) -> dict[str, Any]:
    parties: dict[str, tuple[str, Any]] = {}
    signatories: dict[str, dict] = {}
    topics: list[str] = []
    for r in reports:
        for name, pid, country in zip(
            as_list(r["parties"]),
            as_list(r["party_ids"]),
            as_list(r["party_countries"]),
            strict=False,
        ):
            parties.setdefault(pid, (name, country))
        for s in as_list(r["signatories"]):
            if s and s.get("name"):
                signatories.setdefault(s["name"], dict(s))
        topics += [t for t in as_list(r["topics"]) if t not in topics]
    dated = next((r for r in reports if not missing(r["date"])), None)
    placed = next((r for r in reports if not missing(r["place"])), None)
    named = max(reports, key=lambda r: len(str(r["name"])) if specific_name(r["name"]) else 0)
    return {
        "accord_id": accord_id,
        "type": reports[0]["type"],
        "name": None if missing(named["name"]) else named["name"],
        "status": min((r["status"] for r in reports), key=status_rank),
        "parties": [name for name, _ in parties.values()],
        "party_ids": list(parties),
        "party_countries": [country for _, country in parties.values()],
        "signatories": list(signatories.values()),
        "date": dated["date"] if dated else None,
        "date_start": dated["date_start"] if dated else None,
        "date_end": dated["date_end"] if dated else None,
        "place": placed["place"] if placed else None,
        "country_code": placed["country_code"] if placed else None,
        "topics": topics,
        "n_reports": len({r["doc_id"] for r in reports}),
        "doc_ids": list(dict.fromkeys(r["doc_id"] for r in reports)),
        "agreement_ids": [r["agreement_id"] for r in reports],
        "corrected": list(dict.fromkeys(c for r in reports for c in as_list(r.get("corrected")))),
    }


def status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def as_list(value: Any) -> list:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return list(value)


def missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
