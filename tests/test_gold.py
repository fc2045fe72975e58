"""Gold files are checked before scoring: a broken one is one line naming it and what it
lacks, never a traceback."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.gold import GoldError, read_gold

GOLD = Path(__file__).resolve().parent / "gold_seeds"
ONE = GOLD / "002_2eb97f7267d64089.txt.gold.json"


def broken(tmp_path: Path, change) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    g = json.loads(ONE.read_text(encoding="utf-8"))
    change(g)
    (folder / ONE.name).write_text(json.dumps(g), encoding="utf-8")
    return folder


CHANGES = {
    "no title": (lambda g: g.pop("title"), 'no "title" text'),
    "no body_last": (lambda g: g.pop("body_last"), 'no "body_last" text'),
    "an agreement without parties": (
        lambda g: g["agreements"][0].pop("parties"),
        'agreements[0] lacks "parties"',
    ),
    "an agreement without a type": (
        lambda g: g["agreements"][0].pop("type"),
        'agreements[0] lacks "type"',
    ),
    "a commitment without actors": (
        lambda g: g["commitments"][1].pop("actors"),
        'commitments[1] lacks "actors"',
    ),
    "a date without a value": (
        lambda g: g["entities"]["DATE"][0].pop("value"),
        'entities.DATE[0] lacks "text" or "value"',
    ),
    "a signatory without a name": (
        lambda g: g["agreements"][0].__setitem__("signatories", [{"role": "Minister"}]),
        'agreements[0].signatories: each needs a "name"',
    ),
}


@pytest.mark.parametrize("case", CHANGES)
def test_a_gold_file_with_missing_fields_is_named_with_what_it_lacks(tmp_path, case, seed_outputs):
    change, says = CHANGES[case]
    folder = broken(tmp_path, change)
    with pytest.raises(GoldError, match="gold"):
        read_gold(folder)
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(folder), "--outputs", str(seed_outputs[0])]
    )
    assert result.exit_code == 2
    assert result.output == f"accords: {folder / ONE.name}: {says}\n"


def test_the_project_gold_files_pass_the_check():
    assert len(read_gold(GOLD)) == 5
    dev = GOLD.parent / "dev" / "gold"
    assert len(read_gold(dev)) == len(list(dev.glob("*.gold.json"))) >= 142


def test_a_null_title_is_a_page_with_no_headline(tmp_path):
    folder = broken(tmp_path, lambda g: g.__setitem__("title", None))
    (g,) = read_gold(folder)
    assert g["title"] == ""
