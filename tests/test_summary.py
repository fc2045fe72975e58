"""What a run prints: one line per message, whatever the file names hold."""

import shutil
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.display import printable
from pipeline.run.summary import Summary, summary_lines

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


def test_names_and_reasons_print_on_one_line_each():
    summary = Summary(
        counts=dict.fromkeys(
            ("documents", "boilerplate", "sentences", "entities", "people", "commitments"), 0
        )
        | {"agreements": 0},
        rejected=[("evil\naccords: forged.txt", "empty file\r\nmore")],
        ignored=["a\tb\x1b[31m.docx"],
        notes=["x\u2028y"],
    )
    lines = summary_lines(summary)
    assert "warning: evil\\naccords: forged.txt: empty file\\r\\nmore" in lines
    assert "ignored: a\\tb\\x1b[31m.docx (unsupported extension)" in lines
    assert "warning: x\\u2028y" in lines
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_a_file_name_holding_a_line_break_cannot_forge_a_line(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "x\naccords: 0 new.txt").write_text("   \n", encoding="utf-8")  # empty: rejected
    result = CliRunner().invoke(
        main, ["extract", "--corpus", str(corpus), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "warning: x\\naccords: 0 new.txt: empty file" in result.output.splitlines()
    assert not any(line.startswith("accords: ") for line in result.output.splitlines())


def test_printable_leaves_ordinary_text_alone():
    assert printable("Déclaration de Kyiv – 2024 “quoted”") == "Déclaration de Kyiv – 2024 “quoted”"
