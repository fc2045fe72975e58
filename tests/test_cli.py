"""The command line says what the README says."""

import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.schemas import TABLES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_extract_help_lists_every_table_and_format():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for name in TABLES:
        assert re.search(rf"\b{name}\b", text), name
        assert f"**{name}**:" in README, name  # in the data dictionary
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in text, suffix
        assert f"`{suffix}`" in README, suffix
    assert "manifest.json" in text


def test_export_help_lists_every_format_and_child_table():
    from pipeline.export import FORMATS
    from pipeline.export.sqlite import CHILDREN

    result = CliRunner().invoke(main, ["export", "--help"])
    text = " ".join(result.output.split())
    for suffix in FORMATS:
        assert suffix in text, suffix
    for child in [*CHILDREN, "agreement_signatories"]:
        assert child in text and child in README, child
    assert "--excel" in text
