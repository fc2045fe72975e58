"""tools/build_gazetteer.py is the source of patterns/organisations.jsonl."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "tools" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_reproduces_the_committed_gazetteer():
    tool = load_tool()
    committed = (ROOT / "pipeline" / "patterns" / "organisations.jsonl").read_text(encoding="utf-8")
    assert tool.render(tool.patterns()) == committed


def test_every_gazetteer_body_has_one_canonical_name():
    tool = load_tool()
    canonical = {}
    for row in tool.patterns():
        if row["label"] == "ORG":
            assert canonical.setdefault(row["entity"], row["canonical"]) == row["canonical"]
