from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import read_corpus

PRESS_RELEASE = (
    "IOM and the Ministry sign a cooperation agreement in the capital\n"
    "The International Organization for Migration and the Ministry of Labour signed an agreement "
    "on labour migration, and they will work together on the protection of migrant workers.\n"
)


def test_bad_inputs_are_recorded_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(PRESS_RELEASE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02\x03binary")
    (tmp_path / "bom.txt").write_bytes(
        "\ufeff".encode() + PRESS_RELEASE.replace("\n", "\r\n").encode()[:-2] + b" ok"
    )
    (tmp_path / "cyr.txt").write_bytes(
        PRESS_RELEASE.replace("capital", "Київ").encode("cp1251", "replace")
    )
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    docs, ignored = read_corpus(tmp_path)
    status = {d.source: (d.status, d.reason) for d in docs}
    assert status["empty.txt"] == ("rejected", "empty file")
    assert status["scan.txt"][0] == "rejected"
    assert status["bom.txt"][0] == "ok"
    assert [d.sources for d in docs if d.source == "copy.txt"] == [["copy.txt", "good.txt"]]
    bom = next(d for d in docs if d.source == "bom.txt")
    assert "\r" not in bom.raw_text and not bom.raw_text.startswith("\ufeff")
    assert [p.name for p in ignored] == ["notes.docx"]


def test_missing_or_empty_corpus_exits_2(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        main, ["extract", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(
        main, ["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "holds no releases" in result.output
