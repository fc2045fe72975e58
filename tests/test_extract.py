"""End to end: the whole pipeline on the seed corpus."""

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.evaluate import score
from pipeline.schemas import TABLES

GOLD = Path(__file__).parent / "gold_seeds"  # hand-made annotations of the seed corpus
SNAPSHOT = Path(__file__).parent / "snapshots" / "seed_agreements.json"  # frozen output
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # never the user's corpus/
SEED_TEXT = (ROOT / "tests" / "fixtures" / "seeds" / "001_b51f69d1ad4ad5d3.txt").read_text(
    encoding="utf-8"
)


def test_every_table_is_written_with_its_schema(seed_outputs):
    out, summary = seed_outputs
    for name, schema in TABLES.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
        assert table.num_rows > 0 or name == "corrections", name  # the seeds have none
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
    assert result["overall"] >= 0.98  # the issue: seeds stay at 0.98 or above


def test_agreements_match_the_snapshot(seed_outputs):
    import pandas as pd

    out, _ = seed_outputs
    frame = pd.read_parquet(out / "agreements.parquet")
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["source"]
    assert snapshot_rows(frame, docs) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def snapshot_rows(frame, docs) -> list:
    """The agreements as comparable rows; rewrite the snapshot from these on purpose only."""

    def text(value):
        return value if isinstance(value, str) else None

    return sorted(
        [docs[r.doc_id], r.type, r.status, list(r.parties), text(r.date), text(r.place)]
        for r in frame.itertuples()
    )


@pytest.mark.parametrize("chunk_docs", [2, 16])
def test_two_workers_give_the_same_tables(seed_outputs, tmp_path, monkeypatch, chunk_docs):
    """The worker pool really runs (no small-job shortcut), over chunks spread across
    both workers, and the tables equal the single-process ones."""
    import pandas as pd

    from pipeline.run import extract, runner

    out, _ = seed_outputs
    monkeypatch.setattr(runner, "MIN_DOCS_PER_WORKER", 1)
    monkeypatch.setattr(runner, "CHUNK_DOCS", chunk_docs)
    started = []
    real_map = runner.ordered_map

    def spy(*args, **kwargs):
        started.append((args[4], args[7] is not None))  # the worker count, a warm pool
        return real_map(*args, **kwargs)

    monkeypatch.setattr(runner, "ordered_map", spy)
    parallel = tmp_path / "parallel"
    extract(SEEDS, parallel, workers=2)
    from pipeline import forkserver

    # the pool started before cleaning and warmed up, or the fork server its workers are
    # forked from, with the model loaded and warmed up (the pool is made after cleaning)
    assert started == [(2, not forkserver.usable())]
    for name in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / f"{name}.parquet"),
            pd.read_parquet(parallel / f"{name}.parquet"),
            obj=name,
        )


def test_a_chunk_leaves_no_strings_behind_and_can_run_again(nlp):
    from pipeline.components import load_nlp
    from pipeline.run.runner import process_chunk

    worker_nlp = load_nlp(None)
    text = (SEED_TEXT + "\nThe Zorblaxian Agency will fund the programme.").strip()
    before = len(worker_nlp.vocab.strings)
    first = process_chunk(worker_nlp, [(text, "doc-a", None)])
    assert "Zorblaxian" not in worker_nlp.vocab.strings
    assert len(worker_nlp.vocab.strings) == before
    second = process_chunk(worker_nlp, [(text, "doc-a", None)])
    assert first.failures == second.failures == []
    for name, table in first.tables.items():
        assert table.equals(second.tables[name]), name
    assert first.tables["commitments"].num_rows > 0


@pytest.mark.parametrize("stage", ["parse_lines", "accords_agreements"])
def test_a_document_that_breaks_a_stage_is_rejected_and_the_run_goes_on(
    tmp_path, monkeypatch, stage
):
    import pandas as pd

    from pipeline.agreements import AgreementFinder
    from pipeline.run import extract, runner
    from pipeline.tables import STAGE_TABLES

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "zz_bad.txt").write_text(
        "IOM and UNHCR sign an agreement\nIOM and UNHCR signed an agreement. TRIGGER-FAULT\n",
        encoding="utf-8",
    )
    owner, attribute = (
        (runner, "parse_lines") if stage == "parse_lines" else (AgreementFinder, "__call__")
    )
    real = getattr(owner, attribute)

    def faulty(*args, **kwargs):
        texts = [item[0] for item in args[1]] if stage == "parse_lines" else [args[1].text]
        if any("TRIGGER-FAULT" in text for text in texts):
            raise ValueError("boom")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, attribute, faulty)
    out = tmp_path / "out"
    summary = extract(corpus, out)
    reasons = dict(summary.rejected)
    assert reasons["zz_bad.txt"].endswith("ValueError: boom")
    docs = pd.read_parquet(out / "documents.parquet").set_index("source")
    assert docs.loc["zz_bad.txt", "status"] == "rejected"
    bad_id = docs.loc["zz_bad.txt", "doc_id"]
    for name in STAGE_TABLES:
        assert bad_id not in set(pd.read_parquet(out / f"{name}.parquet")["doc_id"]), name
    assert pd.read_parquet(out / "sentences.parquet")["doc_id"].nunique() == 5
    monkeypatch.setattr(owner, attribute, real)
    again = extract(corpus, out)  # fixed: the document is tried again
    assert (again.processed, again.unchanged, again.rejected) == (1, 5, [])


def test_a_model_that_fails_in_the_workers_is_an_error_not_a_hang(
    seed_outputs, tmp_path, monkeypatch
):
    from pipeline.nlp.model import ModelError
    from pipeline.run import extract, runner

    monkeypatch.setattr(runner, "MIN_DOCS_PER_WORKER", 1)
    out = tmp_path / "out"
    shutil.copytree(seed_outputs[0], out)

    def results():  # the lock file records who ran last; the results must not change
        return {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".accords.lock"}

    before = results()
    with pytest.raises(ModelError, match="no_such_model"):
        extract(SEEDS, out, model="no_such_model", workers=2)
    assert results() == before  # earlier results intact


def test_a_document_past_its_time_budget_is_rejected_and_the_run_goes_on(tmp_path, monkeypatch):
    import time

    from pipeline.agreements import AgreementFinder
    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "zz_slow.txt").write_text(
        "IOM and UNHCR sign an agreement\nIOM and UNHCR signed an agreement. SLOW-DOC\n",
        encoding="utf-8",
    )
    real = AgreementFinder.__call__

    def slow(self, doc):
        if "SLOW-DOC" in doc.text:
            time.sleep(5)
        return real(self, doc)

    monkeypatch.setattr(AgreementFinder, "__call__", slow)
    summary = extract(corpus, tmp_path / "out", max_seconds_per_doc=1)
    assert dict(summary.rejected)["zz_slow.txt"].endswith("took longer than 1 s")
    assert summary.counts["documents"] == 6 and len(summary.rejected) == 1


def test_a_one_line_page_is_parsed_in_parts(parse):
    text = "A page saved without line breaks\n" + "IOM and UNHCR met in Geneva. " * 1500
    doc = parse(text)
    assert doc.text == text


def test_a_page_kept_on_one_line_is_a_body_without_headline_a_headline_alone_is_rejected(
    tmp_path,
):
    import pandas as pd

    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sentence = "The trade unions and the employers of the region met in Manila to discuss labour "
    (corpus / "one_line.txt").write_text(
        "Joint Statement of the unions and employers" + sentence * 6 + "migration and the", "utf-8"
    )
    (corpus / "headline_only.txt").write_text("IOM and UNHCR sign an agreement\n", "utf-8")
    summary = extract(corpus, tmp_path / "out")
    assert dict(summary.rejected) == {
        "headline_only.txt": "no body text after removing site chrome"
    }
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source")
    assert docs.loc["one_line.txt", "status"] == "ok"
    assert docs.loc["one_line.txt", "title"] == ""
