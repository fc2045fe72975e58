"""``accords export``: files that open anywhere (Excel, a CSV reader, SQLite, Datasette)."""

import json
import shutil
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline import storage
from pipeline.cli import main
from pipeline.export import export
from pipeline.export.xlsx import CELL_CHARS

openpyxl = pytest.importorskip("openpyxl")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx", ".sqlite"])
def test_every_format_writes_every_table(seed_outputs, tmp_path, suffix):
    exported = export(seed_outputs[0], tmp_path / f"data{suffix}")
    assert exported.files and all(p.exists() for p in exported.files)
    assert not exported.notes
    assert not list(tmp_path.glob(".*.tmp"))
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


LONG = "word " * 8000  # 40,000 characters: over a cell's 32,767
RISKY = {  # the agreement's name a release could carry, and what a spreadsheet must show
    '=HYPERLINK("http://x","click")': '=HYPERLINK("http://x","click")',
    "+1 555 0100": "+1 555 0100",
    "-2": "-2",
    "@SUM(A1:A3)": "@SUM(A1:A3)",
    "Memorandum\x07 of Understanding": "Memorandum of Understanding",
}


@pytest.fixture()
def awkward_outputs(seed_outputs, tmp_path):
    """The seed outputs with a control character, formula-looking names, a text over a
    cell's limit and an accented name."""
    out = tmp_path / "awkward"
    shutil.copytree(seed_outputs[0], out)
    run_id = storage.read_json("manifest", out)["run_id"]  # the tables stay the run's
    agreements = storage.read_table("agreements", out)
    for row, name in enumerate(RISKY):
        agreements.loc[row, "name"] = name
    agreements.at[0, "parties"] = ["António Vitorino", "IOM"]
    storage.stage_table(agreements, "agreements", out, run_id).commit()
    documents = storage.read_table("documents", out)
    documents.loc[1, "text"] = LONG
    storage.stage_table(documents, "documents", out, run_id).commit()
    return out, documents.loc[1, "doc_id"]


def test_the_workbook_opens_with_control_characters_formulas_and_long_texts(
    awkward_outputs, tmp_path
):
    out, long_doc = awkward_outputs
    target = tmp_path / "data.xlsx"
    result = CliRunner().invoke(main, ["export", "--outputs", str(out), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "note: sheet documents: 1 cell(s) over Excel's 32,767 characters cut" in result.output
    assert f"text of {long_doc}" in result.output
    book = openpyxl.load_workbook(target)
    sheet = book["agreements"]
    header = [c.value for c in sheet[1]]
    names = [sheet.cell(row=r + 2, column=header.index("name") + 1) for r in range(len(RISKY))]
    assert [c.value for c in names] == list(RISKY.values())
    assert all(c.data_type == "s" for c in names)  # text, never a formula
    assert [c.quotePrefix for c in names[:4]] == [True] * 4
    assert sheet.cell(row=2, column=header.index("parties") + 1).value == "António Vitorino; IOM"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    documents = book["documents"]
    text = documents.cell(row=3, column=[c.value for c in documents[1]].index("text") + 1).value
    assert len(text) <= CELL_CHARS and text.endswith("more characters]")
    assert text.startswith(LONG[:1000]) and "[cut: " in text


def test_a_failed_workbook_leaves_the_last_one_whole(awkward_outputs, tmp_path, monkeypatch):
    from pipeline.export import xlsx

    target = tmp_path / "data.xlsx"
    target.write_bytes(b"the last export")

    def broken(*args):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(xlsx, "write_sheet", broken)
    with pytest.raises(RuntimeError):
        export(awkward_outputs[0], target)
    assert target.read_bytes() == b"the last export"
    assert not list(tmp_path.glob(".*.tmp"))


def test_csv_for_excel_has_a_byte_order_mark_and_no_formulas(awkward_outputs, tmp_path):
    out, _ = awkward_outputs
    target = tmp_path / "data.csv"
    result = CliRunner().invoke(
        main, ["export", "--outputs", str(out), "--to", str(target), "--excel"]
    )
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "data.agreements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "António".encode() in raw
    frame = pd.read_csv(tmp_path / "data.agreements.csv", encoding="utf-8-sig")
    assert list(frame["name"][:4]) == [f"'{n}" for n in list(RISKY)[:4]]
    plain = export(out, tmp_path / "plain.csv")  # the default: the text as it is, no mark
    assert not plain.files[0].read_bytes().startswith(b"\xef\xbb\xbf")


def test_sqlite_has_keys_indexes_and_child_tables(seed_outputs, tmp_path):
    export(seed_outputs[0], tmp_path / "data.sqlite")
    db = sqlite3.connect(tmp_path / "data.sqlite")

    def key(table):
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        return [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]

    def indexed(table):
        names = [row[1] for row in db.execute(f'PRAGMA index_list("{table}")')]
        return {db.execute(f'PRAGMA index_info("{n}")').fetchone()[2] for n in names}

    assert key("documents") == ["doc_id"] and key("agreements") == ["agreement_id"]
    assert key("accords") == ["accord_id"] and key("commitments") == ["commitment_id"]
    assert key("accord_parties") == ["accord_id", "position"]
    assert {"doc_id", "accord_id"} <= indexed("agreements")
    assert {"doc_id", "agreement_id"} <= indexed("commitments")
    assert {"doc_id", "entity_id"} <= indexed("entities")
    assert "party_id" in indexed("accord_parties") and "actor_id" in indexed("commitment_actors")
    tables = {n: storage.read_table(n, seed_outputs[0]) for n in ("accords", "commitments")}
    parties = db.execute("select count(*) from accord_parties").fetchone()[0]
    assert parties == sum(len(p) for p in tables["accords"]["parties"]) > 0
    actors = db.execute("select count(*) from commitment_actors").fetchone()[0]
    assert actors == sum(len(a) for a in tables["commitments"]["actors"]) > 0
    joined = db.execute(
        "select count(*) from commitment_actors join commitments using (commitment_id)"
    ).fetchone()[0]
    assert joined == actors


def test_xlsx_without_openpyxl_says_how_to_install_it_from_the_checkout(
    seed_outputs, tmp_path, monkeypatch
):
    import builtins

    real = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl":
            raise ImportError("No module named 'openpyxl'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    result = CliRunner().invoke(
        main, ["export", "--outputs", str(seed_outputs[0]), "--to", str(tmp_path / "d.xlsx")]
    )
    assert result.exit_code == 2
    assert "pip install -e '.[export]'" in result.output
