"""The Python API and the exports, as an analyst uses them."""

import json
import sqlite3

import pandas as pd
import pytest

import pipeline as accords

RELEASE = (
    "Home\nNews\n"
    "UNHCR and Chad sign host country agreement\n"
    "N'Djamena, 4 June 2021 – UNHCR and the Government of Chad signed a host country "
    "agreement to protect refugees in the east of the country.\n"
    "The two parties will open four registration centres this year.\n"
)


def test_load_gives_typed_tables_and_ready_joins(seed_outputs):
    t = accords.load(seed_outputs[0])
    assert pd.api.types.is_datetime64_any_dtype(t.agreements["date_start"])
    assert isinstance(t.agreements.loc[0, "parties"], list)
    assert isinstance(t.agreements["type"].dtype, pd.CategoricalDtype)
    assert "source" in t.agreements_with_source.columns
    joined = t.commitments_with_agreement
    assert "agreement_type" in joined.columns and "sent_id" in joined.columns


def test_extract_text_gives_the_rows_of_one_release_without_disk():
    rows = accords.extract_text(RELEASE, doc_id="chad")
    (agreement,) = rows["agreements"].to_dict("records")
    assert agreement["type"] == "agreement" and agreement["accord_id"].startswith("acc:")
    assert list(agreement["party_countries"]) == [None, "TD"]
    assert rows["documents"].loc[0, "published"] == "2021-06-04"
    assert len(rows["commitments"]) >= 1 and len(rows["accords"]) == 1


def test_extract_runs_as_the_cli_does(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.txt").write_text(RELEASE, encoding="utf-8")
    summary = accords.extract(corpus, tmp_path / "out")
    assert summary.counts["agreements"] == 1


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx", ".sqlite"])
def test_exports(seed_outputs, tmp_path, suffix):
    from pipeline.export import export

    written = export(seed_outputs[0], tmp_path / f"data{suffix}")
    assert written and all(p.exists() for p in written)
    if suffix == ".csv":
        frame = pd.read_csv(tmp_path / "data.agreements.csv")
        assert "\n" not in "".join(frame["parties"].astype(str))
        assert "International Organization for Migration; " in " ".join(frame["parties"])
        assert " (Deputy Director General, IOM)" in " ".join(frame["signatories"].fillna(""))
    if suffix == ".jsonl":
        first = json.loads((tmp_path / "data.agreements.jsonl").read_text().splitlines()[0])
        assert isinstance(first["parties"], list)
    if suffix == ".xlsx":
        assert "agreements" in pd.ExcelFile(tmp_path / "data.xlsx").sheet_names
    if suffix == ".sqlite":
        db = sqlite3.connect(tmp_path / "data.sqlite")
        parties = db.execute("select count(*) from agreement_parties").fetchone()[0]
        assert parties >= 6
        assert json.loads(db.execute("select parties from agreements").fetchone()[0])


@pytest.mark.parametrize("text", [None, 123, b"bytes are no text", ["a list"]])
def test_extract_text_says_what_it_expects(text):
    with pytest.raises(TypeError, match="expects the release's text as a str, not"):
        accords.extract_text(text)


def test_extract_text_has_the_runs_size_limit_and_time_budget(monkeypatch):
    import time

    from pipeline.agreements import AgreementFinder

    huge = RELEASE + "The two parties will meet again.\n" * 200_000  # over 5 MB
    rows = accords.extract_text(huge)
    assert rows["documents"].loc[0, "status"] == "rejected"
    assert rows["documents"].loc[0, "reason"].endswith("over the 5,000,000-byte limit")
    assert all(len(rows[name]) == 0 for name in ("sentences", "agreements", "accords"))
    real = AgreementFinder.__call__

    def slow(self, doc):
        time.sleep(3)
        return real(self, doc)

    monkeypatch.setattr(AgreementFinder, "__call__", slow)
    started = time.monotonic()
    rows = accords.extract_text(RELEASE, max_seconds=1)
    assert time.monotonic() - started < 3
    assert (
        rows["documents"].loc[0, "reason"] == "extraction failed: processing took longer than 1 s"
    )
    assert len(rows["agreements"]) == 0 and len(rows["accords"]) == 0


def test_extract_goes_where_the_cli_goes(tmp_path, monkeypatch):
    import fsspec

    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chad.txt").write_text(RELEASE, encoding="utf-8")
    summary = accords.extract(corpus, "memory://api-out/o")
    assert summary.counts["agreements"] == 1
    fs = fsspec.filesystem("memory")
    try:
        assert fs.exists("/api-out/o/manifest.json")
        assert not (tmp_path / "memory:").exists()  # not a local folder named after the URL
    finally:
        fs.rm("/api-out", recursive=True)
