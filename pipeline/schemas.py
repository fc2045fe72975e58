"""The one declared pyarrow schema of every output table.

Column order and types here are the contract of ``../shared/gold/OUTPUTS.md``
plus this project's own additions; ``storage.to_arrow`` checks every table
against its schema before writing it.
"""

from __future__ import annotations

import pyarrow as pa

# the tables the stages fill, a document at a time (``pipeline.tables``)
STAGE_TABLES = ("sentences", "entities", "people", "commitments", "agreements")
# the ids of the analyst's corrections that changed a row (``pipeline.corrections``)
CORRECTED = pa.field("corrected", pa.list_(pa.string()))
SIGNATORY = pa.struct([("name", pa.string()), ("role", pa.string()), ("org", pa.string())])

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source", pa.string()),
        ("sources", pa.list_(pa.string())),
        ("title", pa.string()),
        ("text", pa.string()),
        ("status", pa.string()),
        ("reason", pa.string()),
        ("encoding", pa.string()),
        ("n_chars", pa.int32()),
        ("n_boilerplate_lines", pa.int32()),
        ("published", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
    ]
)

BOILERPLATE = pa.schema(
    [
        ("doc_id", pa.string()),
        ("line_no", pa.int32()),
        ("text", pa.string()),
        ("rule", pa.string()),
    ]
)

SENTENCES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent_id", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("kind", pa.string()),
    ]
)

ENTITIES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent_id", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("norm", pa.string()),
        ("entity_id", pa.string()),
        ("source", pa.string()),
        ("office", pa.string()),
        ("country_code", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        CORRECTED,
    ]
)

PEOPLE = pa.schema(
    [
        ("doc_id", pa.string()),
        ("entity_id", pa.string()),
        ("name", pa.string()),
        ("role", pa.string()),
        ("org", pa.string()),
        ("org_entity_id", pa.string()),
        ("sent_id", pa.int32()),
        ("rule_id", pa.string()),
        CORRECTED,
    ]
)

COMMITMENTS = pa.schema(
    [
        ("commitment_id", pa.string()),
        ("doc_id", pa.string()),
        ("sent_id", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sentence", pa.string()),
        ("actors", pa.list_(pa.string())),
        ("actor_ids", pa.list_(pa.string())),
        ("actor_source", pa.string()),
        ("modality", pa.string()),
        ("action", pa.string()),
        ("addressees", pa.list_(pa.string())),
        ("negated", pa.bool_()),
        ("rule_id", pa.string()),
        ("agreement_id", pa.string()),
        CORRECTED,
    ]
)

# what an agreement is, in a report (``agreements``) and merged over reports (``accords``)
AGREEMENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("type", pa.string()),
    ("name", pa.string()),
    ("status", pa.string()),
    ("parties", pa.list_(pa.string())),
    ("party_ids", pa.list_(pa.string())),
    ("party_countries", pa.list_(pa.string())),
    ("signatories", pa.list_(SIGNATORY)),
    ("date", pa.string()),
    ("date_start", pa.date32()),
    ("date_end", pa.date32()),
    ("place", pa.string()),
    ("country_code", pa.string()),
    ("topics", pa.list_(pa.string())),
]

AGREEMENTS = pa.schema(
    [
        ("agreement_id", pa.string()),
        ("doc_id", pa.string()),
        *AGREEMENT_FIELDS,
        ("n_commitments", pa.int32()),
        ("sent_id", pa.int32()),
        ("evidence", pa.string()),
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("rule_id", pa.string()),
        ("accord_id", pa.string()),
        CORRECTED,
    ]
)

ACCORDS = pa.schema(
    [
        ("accord_id", pa.string()),
        *AGREEMENT_FIELDS,
        ("n_reports", pa.int32()),
        ("doc_ids", pa.list_(pa.string())),
        ("agreement_ids", pa.list_(pa.string())),
        CORRECTED,
    ]
)

# What the analyst's corrections did in a run (``pipeline.corrections``): a row per correction
# and row it changed (or one row saying why it changed nothing), with what the pipeline said.
CORRECTIONS = pa.schema(
    [
        ("correction_id", pa.string()),
        ("kind", pa.string()),
        ("status", pa.string()),
        ("table", pa.string()),
        ("row_id", pa.string()),
        ("doc_id", pa.string()),
        ("field", pa.string()),
        ("extracted", pa.string()),
        ("value", pa.string()),
        ("message", pa.string()),
        ("by", pa.string()),
        ("at", pa.string()),
        ("note", pa.string()),
        ("file", pa.string()),
        ("line", pa.int32()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "boilerplate": BOILERPLATE,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "people": PEOPLE,
    "commitments": COMMITMENTS,
    "agreements": AGREEMENTS,
    "accords": ACCORDS,
    "corrections": CORRECTIONS,
}


# Not part of the dataset: what re-runs reuse. The hashes of every document's distinct
# lines, so that the corpus-wide recurring lines are counted without reading the files
# that did not change (``run.cleaning``).
LINE_HASHES = pa.schema([("doc_id", pa.string()), ("hashes", pa.list_(pa.uint64()))])
# The pipeline's own rows of the documents corrections changed, which a re-run reuses (the
# tables hold the corrected rows).
CORRECTABLE = ("entities", "people", "commitments", "agreements")
UNCORRECTED = {name: f".uncorrected.{name}" for name in CORRECTABLE}
CACHES: dict[str, pa.Schema] = {".line_hashes": LINE_HASHES} | {
    cache: TABLES[name] for name, cache in UNCORRECTED.items()
}
SCHEMAS: dict[str, pa.Schema] = TABLES | CACHES


def empty_frame(name: str):
    """An empty DataFrame with the columns of table ``name``."""
    import pandas as pd

    return pd.DataFrame({field.name: pd.Series(dtype="object") for field in TABLES[name]})
