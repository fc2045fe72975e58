"""One release never stops the others: every step that touches one document is made to
raise for one release of a corpus (fault injection), and the run must reject that release
naming the step while the other releases' rows equal a clean run's."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import extract
from pipeline.schemas import TABLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
VICTIM = "zz_victim.txt"
MARK = "Freedonia"  # only the victim's text holds it
VICTIM_TEXT = (
    "Freedonia and IOM sign agreement on labour mobility\n"
    "MARSEILLE, 3 March 2025 – The Ministry of Labour of Freedonia and the International "
    "Organization for Migration (IOM) signed a Memorandum of Understanding on Monday to "
    "protect seasonal workers.\n"
    "Both parties will open two advice centres for returning workers in Freedonia.\n"
)
COMPONENTS = (
    "accords_retag",
    "accords_sentences",
    "accords_entities",
    "accords_people",
    "accords_commitments",
    "accords_agreements",
    "accords_link",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("isolation") / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / VICTIM).write_text(VICTIM_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("isolation") / "clean"
    summary = extract(corpus, out, workers=1)
    assert not summary.rejected
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}
    assert len(tables["agreements"].query(f"evidence.str.contains('{MARK}')")) >= 1
    return tables


def raising_for_victim(real, holds_mark):
    """``real`` that raises for the victim (``holds_mark(args)`` says whether a call is
    about it)."""

    def faulty(*args, **kwargs):
        if holds_mark(*args, **kwargs):
            raise RuntimeError("injected fault")
        return real(*args, **kwargs)

    return faulty


def inject(step: str, monkeypatch) -> None:
    """Make ``step`` raise for the victim only."""
    from pipeline import accords, chrome, components, ingest, tables
    from pipeline.run import plan, runner

    def has_mark(value) -> bool:
        return MARK in (value if isinstance(value, str) else str(value))

    patches = {
        "reading": (ingest, "read_file", lambda path, *a: path.name == VICTIM),
        "decoding": (ingest, "decode", lambda data: MARK.encode() in data),
        "cleaning": (chrome, "clean_text", lambda text, *a: has_mark(text)),
        "release metadata": (plan, "release_date", lambda text, *a: has_mark(text)),
        "parsing": (runner, "parse_lines", lambda nlp, pairs, *a: has_mark(pairs)),
        "building rows": (tables, "agreement_rows", lambda doc: has_mark(doc.text)),
        "linking accords": (
            accords,
            "merged",
            lambda accord_id, reports: any(has_mark(r["evidence"]) for r in reports),
        ),
    }
    if step in patches:
        owner, name, holds_mark = patches[step]
        monkeypatch.setattr(owner, name, raising_for_victim(getattr(owner, name), holds_mark))
        return
    component = step.removeprefix("extraction in ")
    real_list = components.document_components

    def listed(nlp):
        return [
            (
                name,
                raising_for_victim(c, lambda doc: has_mark(doc.text)) if name == component else c,
            )
            for name, c in real_list(nlp)
        ]

    monkeypatch.setattr(components, "document_components", listed)


def others(frame: pd.DataFrame, victim_ids: set[str]) -> pd.DataFrame:
    if "doc_id" in frame.columns:
        kept = ~frame["doc_id"].isin(victim_ids)
    else:  # accords: those no victim reports
        kept = [not set(ids) & victim_ids for ids in frame["doc_ids"]]
    return frame[kept].reset_index(drop=True)


STEPS = [
    "reading",
    "decoding",
    "cleaning",
    "release metadata",
    "parsing",
    *(f"extraction in {name}" for name in COMPONENTS),
    "building rows",
    "linking accords",
]


@pytest.mark.parametrize("step", STEPS)
def test_a_step_that_raises_for_one_release_rejects_it_alone(
    step, corpus, clean_run, tmp_path, monkeypatch
):
    inject(step, monkeypatch)
    out = tmp_path / "out"
    summary = extract(corpus, out, workers=1)
    assert [source for source, _ in summary.rejected] == [VICTIM]
    assert dict(summary.rejected)[VICTIM] == f"{step} failed: RuntimeError: injected fault"
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}
    docs = tables["documents"].set_index("source")
    assert docs.loc[VICTIM, "status"] == "rejected"
    victim_ids = {
        docs.loc[VICTIM, "doc_id"],
        *clean_run["documents"].query("source == @VICTIM")["doc_id"],
    }
    for name in TABLES:
        if name != "documents" and name != "accords":
            assert not set(tables[name]["doc_id"]) & victim_ids or name == "boilerplate", name
        pd.testing.assert_frame_equal(
            others(tables[name], victim_ids), others(clean_run[name], victim_ids), obj=name
        )
    monkeypatch.undo()  # fixed: the next run takes the release again
    again = extract(corpus, out, workers=1)
    assert not again.rejected and again.processed == 1


@pytest.mark.parametrize(
    "text",
    [
        "Geneva, 29 February 2023 - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, 31 June 2021 - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, 32 January 2022 - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, February 30, 2022 - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, 30-2 May - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, 2024-13-45 - IOM and UNHCR signed an agreement on refugee protection.",
        "Geneva, 29/02/2021 - IOM and UNHCR signed an agreement on refugee protection.",
    ],
)
def test_a_dateline_the_calendar_lacks_dates_nothing_and_stops_nothing(text, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "x.txt").write_text(f"IOM and UNHCR sign agreement\n\n{text}\n", encoding="utf-8")
    summary = extract(corpus, tmp_path / "out", workers=1)
    assert not summary.rejected and summary.counts["documents"] == 6
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source")
    assert pd.isna(docs.loc["x.txt", "published"])
    entities = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    mine = entities[entities["doc_id"] == docs.loc["x.txt", "doc_id"]]
    dates = mine[mine["label"] == "DATE"]
    assert len(dates) >= (0 if "2024-13-45" in text else 1)
    assert dates["norm"].isna().all() and dates["date_start"].isna().all()
