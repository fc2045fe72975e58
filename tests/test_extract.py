"""End to end: the whole pipeline on the seed corpus."""

import json
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.evaluate import score
from pipeline.schemas import TABLES

GOLD = Path(__file__).parent / "gold"
GOLDEN = Path(__file__).parent / "golden" / "agreements.json"


def test_every_table_is_written_with_its_schema(seed_outputs):
    out, summary = seed_outputs
    for name, schema in TABLES.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
        assert table.num_rows > 0, name
    assert (out / "manifest.json").exists()
    assert summary.counts["documents"] == 5 and not summary.rejected


def test_known_rows(seed_outputs):
    import pandas as pd

    out, _ = seed_outputs
    docs = pd.read_parquet(out / "documents.parquet")
    assert "IPA CIS, IOM, WHO Joint Statement on Migration during COVID-19" in set(docs["title"])
    entities = pd.read_parquet(out / "entities.parquet")
    row = entities[entities["text"] == "25-26 November 2021"].iloc[0]
    assert (row["label"], row["norm"]) == ("DATE", "2021-11-25/2021-11-26")
    commitments = pd.read_parquet(out / "commitments.parquet")
    agreements = pd.read_parquet(out / "agreements.parquet")
    linked = set(commitments["agreement_id"].dropna())
    assert linked <= set(agreements["agreement_id"])
    orgs = entities[entities["label"] == "ORG"]
    for row in agreements.itertuples():
        assert set(row.parties) <= set(orgs[orgs["doc_id"] == row.doc_id]["norm"])


def test_scores_on_the_seed_gold_do_not_regress(seed_outputs):
    out, _ = seed_outputs
    result, _ = score(out, GOLD)
    assert result["cleaning"] >= 0.98
    assert result["entities"]["all"]["f1"] >= 0.90
    assert result["date_normalisation"] >= 0.95
    assert result["agreements"]["f1"] == 1.0
    assert result["agreements"]["parties_f1"] >= 0.9
    assert result["agreements"]["signatories_f1"] >= 0.9
    assert result["commitments"]["f1"] >= 0.85
    assert result["commitments"]["modality_acc"] >= 0.9
    assert result["commitments"]["actors_f1"] >= 0.85
    assert result["overall"] >= 0.9


def test_agreements_match_the_golden_file(seed_outputs):
    import pandas as pd

    out, _ = seed_outputs
    frame = pd.read_parquet(out / "agreements.parquet")
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["source"]
    assert golden_rows(frame, docs) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def golden_rows(frame, docs) -> list:
    """The agreements as comparable rows; rewrite the golden file from these on purpose only."""

    def text(value):
        return value if isinstance(value, str) else None

    return sorted(
        [docs[r.doc_id], r.type, r.status, list(r.parties), text(r.date), text(r.place)]
        for r in frame.itertuples()
    )


def test_two_workers_give_the_same_tables(seed_outputs, tmp_path):
    import pandas as pd

    from pipeline.extract import extract

    out, _ = seed_outputs
    parallel = tmp_path / "parallel"
    extract(Path(__file__).resolve().parents[1] / "corpus", parallel, workers=2)
    for name in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / f"{name}.parquet"),
            pd.read_parquet(parallel / f"{name}.parquet"),
            obj=name,
        )
