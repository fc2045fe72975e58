"""tools/check_gold.py, the blind annotators' checker, on gold files written for it."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Ghana and Togo sign MoU\nAccra, 3 May 2024 - Ghana and Togo signed an MoU.\n"


def load_tool():
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "tools" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold(**changes):
    row = {
        "doc": "a.txt",
        "source": "https://example.org/a",
        "title": "Ghana and Togo sign MoU",
        "boilerplate": [],
        "body_first": "Accra, 3 May 2024 - Ghana and Togo signed an MoU.",
        "body_last": "Ghana and Togo signed",
        "entities": {
            "PERSON": [],
            "ORG": [],
            "PLACE": [["Ghana"], ["Togo"], ["Accra"]],
            "DATE": [{"text": "3 May 2024", "value": "2024-05-03"}],
        },
        "agreements": [
            {
                "type": "memorandum",
                "name": "MoU",
                "parties": [["Ghana"], ["Togo"]],
                "signatories": [],
                "date": "2024-05-03",
                "place": "Accra",
            }
        ],
        "commitments": [],
    }
    return row | changes


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({}, None),
        ({"title": "Ghana and Togo  sign\nMoU"}, None),  # whitespace does not matter
        ({"title": "Ghana signs MoU"}, "title not in text"),
        ({"entities": {"PERSON": [], "ORG": [], "PLACE": ["Ghana"], "DATE": []}}, "PLACE entry"),
        (
            {"commitments": [{"sentence_contains": "signed", "actors": [], "modality": "may"}]},
            "commitment keys",
        ),
    ],
)
def test_problems_are_named(tmp_path, changes, problem):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "a.txt.gold.json"
    path.write_text(json.dumps(gold(**changes)), encoding="utf-8")
    found = load_tool().check(tmp_path / "a.txt", path)
    if problem is None:
        assert found == []
    else:
        assert found and problem in found[0]
