"""The Python API: the same run as the CLI, the tables as typed DataFrames, and the rows
of one release without touching disk.

    import pipeline as accords
    accords.extract("corpus", "outputs")
    t = accords.load("outputs")
    t.agreements_with_source.head()
    rows = accords.extract_text(open("release.txt").read())
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import storage
from .schemas import TABLES

DATE_COLUMNS = ("date_start", "date_end")
CATEGORIES = {
    "agreements": ("type", "status"),
    "accords": ("type", "status"),
    "commitments": ("modality", "actor_source"),
    "entities": ("label",),
    "documents": ("status",),
    "sentences": ("kind",),
}


@dataclass
class Tables:
    """Every output table as a DataFrame: dates as ``datetime64``, list columns as
    Python lists, categorical ``type``/``status``/``modality``."""

    documents: pd.DataFrame
    boilerplate: pd.DataFrame
    sentences: pd.DataFrame
    entities: pd.DataFrame
    people: pd.DataFrame
    commitments: pd.DataFrame
    agreements: pd.DataFrame
    accords: pd.DataFrame
    corrections: pd.DataFrame

    @property
    def agreements_with_source(self) -> pd.DataFrame:
        """Agreements with their release's ``source``, ``title``, ``published`` and ``url``."""
        release = self.documents[["doc_id", "source", "title", "published", "url"]]
        return self.agreements.merge(release, on="doc_id", how="left")

    @property
    def commitments_with_agreement(self) -> pd.DataFrame:
        """Commitments with the agreement each belongs to (its columns prefixed
        ``agreement_``)."""
        agreements = self.agreements.drop(columns=["doc_id"]).add_prefix("agreement_")
        return self.commitments.merge(
            agreements, left_on="agreement_id", right_on="agreement_agreement_id", how="left"
        ).drop(columns=["agreement_agreement_id"])


def typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    frame = frame.copy()
    for column in DATE_COLUMNS:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    for column, field in zip(frame.columns, TABLES[name], strict=True):
        if str(field.type).startswith("list"):
            frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    for column in CATEGORIES.get(name, ()):
        frame[column] = frame[column].astype("category")
    return frame


def load(outputs: str | Path = "outputs") -> Tables:
    """The tables ``accords extract`` wrote to ``outputs``, all of the run its manifest
    names (``storage.MixedOutputs`` if they are not: a run killed before its manifest)."""
    tables = storage.read_dataset(Path(outputs), tuple(TABLES))
    return Tables(**{name: typed(frame, name) for name, frame in tables.items()})


def extract(corpus: str | Path = "corpus", out: str | Path = "outputs", **options: Any) -> Any:
    """The same run as ``accords extract`` (options: ``model``, ``workers`` (default: the
    number of cores, as on the command line), ``force``, ``max_seconds_per_doc``,
    ``scheduler``, ``corrections``: a corrections folder or file, by default
    ``corrections/`` beside the corpus); returns its summary. ``corpus`` and ``out`` are
    folders or URLs, as on the command line. Safe to call from a script without an
    ``if __name__ == "__main__":`` guard: the workers do not run the script again."""
    from .run import extract as run_extract

    if "corrections" in options:
        options["corrections_at"] = options.pop("corrections")
    return run_extract(corpus, out, **options)


@cache
def _nlp(model: str | None) -> Any:
    from .components import load_nlp

    return load_nlp(model)


FORMATS = {"text": ".txt", "markdown": ".md", "html": ".html"}  # as the run reads each suffix


def extract_text(
    text: str,
    doc_id: str = "text",
    model: str | None = None,
    format: str | None = None,
    max_seconds: float = 60.0,
) -> dict[str, pd.DataFrame]:
    """The rows of one release without touching disk, read as ``accords extract`` reads
    a file: ``format`` is ``"text"``, ``"markdown"`` or ``"html"`` (a page reduced to its
    article, with its date and address); by default an HTML page is told by its shape.
    Returns ``documents`` (one row: the cleaned ``text``, ``title``, ``published``, ``url``,
    ``status`` and ``reason``), ``boilerplate``, ``sentences``, ``entities``, ``people``,
    ``commitments``, ``agreements``, ``accords`` and ``corrections`` (empty: a text alone
    has none), as the run would write them. As in a
    run, a text over the size limit (5 MB) or past its time budget (``max_seconds``, the
    run's ``--max-seconds-per-doc``) is a rejected document with the reason."""
    from .accords import build_accords, group_accords
    from .ingest import MAX_BYTES, RawDocument, release
    from .run.options import check_seconds
    from .run.plan import build_documents
    from .schemas import empty_frame

    if not isinstance(text, str):
        raise TypeError(
            f"extract_text expects the release's text as a str, not {type(text).__name__}"
        )
    if format is not None and format not in FORMATS:
        raise ValueError(f"format {format!r}: use one of {', '.join(FORMATS)}")
    check_seconds(max_seconds)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        reason = f"text is {size:,} bytes, over the {MAX_BYTES:,}-byte limit"
        raw = RawDocument(doc_id, doc_id, "", "rejected", reason, None, [doc_id])
    else:
        raw = release(doc_id, doc_id, text, FORMATS.get(format or "text", ".txt"))
    documents, boilerplate = build_documents([raw])
    frames: dict[str, pd.DataFrame] = {"documents": documents, "boilerplate": boilerplate}
    frames |= document_tables(documents, doc_id, model, max_seconds)
    published = {doc_id: documents.loc[0, "published"]}
    agreements = frames["agreements"]

    ids = group_accords(agreements, published) if len(agreements) else []
    frames["agreements"] = agreements.assign(accord_id=ids) if len(agreements) else agreements
    frames["accords"] = build_accords(agreements, ids, published)
    frames["corrections"] = empty_frame("corrections")
    return frames


def document_tables(
    documents: pd.DataFrame, doc_id: str, model: str | None, max_seconds: float
) -> dict[str, pd.DataFrame]:
    """The stage tables of the one document of ``documents``, parsed and annotated as a
    run does it (its time budget, a failure rejecting it, naming the step); a document
    rejected on the way is marked so in ``documents`` and gets empty tables."""
    from .run.runner import annotate_checked, parse_chunk, set_budget
    from .tables import STAGE_TABLES, frames

    rows: dict[str, list] = {name: [] for name in STAGE_TABLES}
    if documents.loc[0, "status"] == "ok":
        nlp = _nlp(model)
        set_budget(max_seconds)
        docs, failures = parse_chunk(nlp, [(str(documents.loc[0, "text"]), doc_id)])
        published = documents.loc[0, "published"]  # as the runner gives it: "last year"
        for doc in docs:  # is read against the release's date
            doc._.accords_published = None if pd.isna(published) else str(published)
        found, more = annotate_checked(nlp, docs)
        if failures or more:
            documents.loc[0, ["status", "reason"]] = ["rejected", (failures + more)[0][1]]
        for _, own in found:
            rows = {name: rows[name] + own[name] for name in STAGE_TABLES}
    return frames(rows)
