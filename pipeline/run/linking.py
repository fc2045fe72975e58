"""Accords across releases, with one release's agreement rows unable to stop the rest:
if linking raises, the documents at fault are found, rejected and left out. The
analyst's merges and splits of accords (``corrections``) are applied to the result."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import corrections, storage
from ..accords import build_accords, group_accords
from ..ingest import failure
from .runner import Failure

Writers = dict[str, storage.TableWriter]


def link_accords(
    writers: Writers, documents: pd.DataFrame, step: corrections.Step | None = None
) -> tuple[pd.DataFrame, list[Failure]]:
    """Give every agreement row its accord (across the whole corpus, with the analyst's
    merges and splits in ``step``) and build the ``accords`` table; the agreement rows
    are rewritten with their ``accord_id``. A document whose rows make linking fail is
    rejected (returned with the reason) and its rows are removed from every stage table."""
    published = dict(zip(documents["doc_id"], documents["published"], strict=True))
    table = writers["agreements"].read_back()
    frame = table.drop(["accord_id"]).to_pandas()
    failures: list[Failure] = []
    try:
        ids, accords = linked(frame, published)
    except Exception:
        faults = culprits(frame, published)
        failures = [(doc_id, failure("linking accords", e)) for doc_id, e in faults.items()]
        drop_documents(writers, set(faults))
        table = writers["agreements"].read_back()
        frame = table.drop(["accord_id"]).to_pandas()
        ids, accords = linked(frame, published)
    if step is not None:
        table, accords, ids = regrouped(step, table, frame, (ids, accords), published)
    column = table.schema.get_field_index("accord_id")
    writers["agreements"].replace(table.set_column(column, "accord_id", pa.array(ids, pa.string())))
    return accords, failures


def regrouped(
    step: corrections.Step,
    table: pa.Table,
    frame: pd.DataFrame,
    grouped: tuple[list[str], pd.DataFrame],
    published: dict[str, Any],
) -> tuple[pa.Table, pd.DataFrame, list[str]]:
    """The agreement rows, accords and accord ids after the analyst's merges and splits
    (the rows' ``corrected`` column names the rows they moved)."""
    ids, accords = grouped
    new_ids, moved = corrections.regroup_accords(step, frame, ids, published)
    if moved is None and new_ids == ids:
        return table, accords, ids
    if moved is not None:
        frame["corrected"] = moved
        column = table.schema.get_field_index("corrected")
        table = table.set_column(column, "corrected", pa.array(moved, pa.list_(pa.string())))
    return table, build_accords(frame, new_ids, published), new_ids


def linked(frame: pd.DataFrame, published: dict[str, Any]) -> tuple[list[str], pd.DataFrame]:
    """The accord ids of ``frame``'s rows and the accords table (checked against its
    schema)."""
    ids = group_accords(frame, published)
    accords = build_accords(frame, ids, published)
    storage.to_arrow(accords, "accords")
    return ids, accords


def culprits(frame: pd.DataFrame, published: dict[str, Any]) -> dict[str, Exception]:
    """The documents whose agreement rows make linking raise, with the error: each
    document's rows alone first; if the others still fail together, documents are added
    one by one and each that makes them fail is left out."""
    faults: dict[str, Exception] = {}
    order = list(dict.fromkeys(frame["doc_id"]))
    for doc_id in order:
        try:
            linked(rows_of(frame, [doc_id]), published)
        except Exception as error:
            faults[doc_id] = error
    kept = [doc_id for doc_id in order if doc_id not in faults]
    try:
        linked(rows_of(frame, kept), published)
        return faults
    except Exception:  # a fault of documents together: found by adding them in turn
        together: list[str] = []
        for doc_id in kept:
            try:
                linked(rows_of(frame, [*together, doc_id]), published)
                together.append(doc_id)
            except Exception as error:
                faults[doc_id] = error
    return faults


def rows_of(frame: pd.DataFrame, doc_ids: list[str]) -> pd.DataFrame:
    return frame[frame["doc_id"].isin(set(doc_ids))].reset_index(drop=True)


def drop_documents(writers: Writers, doc_ids: set[str]) -> None:
    """Remove the rows of ``doc_ids`` from every (closed) stage table."""
    unwanted = pa.array(sorted(doc_ids), pa.string())
    for writer in writers.values():
        table = writer.read_back()
        writer.replace(table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=unwanted))))
