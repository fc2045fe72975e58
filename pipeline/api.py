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
    """The tables ``accords extract`` wrote to ``outputs``."""
    out = Path(outputs)
    return Tables(**{name: typed(storage.read_table(name, out), name) for name in TABLES})


def extract(corpus: str | Path = "corpus", out: str | Path = "outputs", **options: Any) -> Any:
    """The same run as ``accords extract`` (options: ``model``, ``workers``, ``force``,
    ``max_seconds_per_doc``, ``corrections``: a corrections folder or file, by default
    ``corrections/`` beside the corpus); returns its summary."""
    from .run import extract as run_extract

    if "corrections" in options:
        options["corrections_at"] = options.pop("corrections")
    return run_extract(Path(corpus), Path(out), **options)


@cache
def _nlp(model: str | None) -> Any:
    from .components import load_nlp

    return load_nlp(model)


def extract_text(
    text: str, doc_id: str = "text", model: str | None = None
) -> dict[str, pd.DataFrame]:
    """The rows of one release (raw text, site chrome and all) without touching disk:
    ``documents``, ``sentences``, ``entities``, ``people``, ``commitments``,
    ``agreements`` and ``accords``, as the run would write them."""
    from .accords import build_accords, group_accords
    from .components import parse
    from .ingest import RawDocument
    from .run.plan import build_documents
    from .schemas import empty_frame
    from .tables import doc_tables

    raw = RawDocument(doc_id, doc_id, text.replace("\r\n", "\n"), sources=[doc_id])
    documents, boilerplate = build_documents([raw])
    frames: dict[str, pd.DataFrame] = {"documents": documents, "boilerplate": boilerplate}
    cleaned = str(documents.loc[0, "text"])
    if documents.loc[0, "status"] == "ok":
        (doc,) = parse(_nlp(model), [(cleaned, doc_id)])
        frames |= doc_tables([doc])
    else:
        frames |= {name: empty_frame(name) for name in TABLES if name not in frames}
    published = {doc_id: documents.loc[0, "published"]}
    agreements = frames["agreements"]
    ids = group_accords(agreements, published) if len(agreements) else []
    frames["agreements"] = agreements.assign(accord_id=ids) if len(agreements) else agreements
    frames["accords"] = build_accords(agreements, ids, published)
    frames["corrections"] = empty_frame("corrections")  # a text alone has no corrections
    return frames
