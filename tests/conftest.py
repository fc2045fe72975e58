"""Shared fixtures: one loaded spaCy pipeline, a parser of test texts, the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SEED_CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a cleaned text (headline on the first line) as the pipeline does."""

    from pipeline.nlp import parse_lines

    def _parse(text: str, doc_id: str = "test"):
        ((doc, _),) = list(parse_lines(nlp, [(text, doc_id)]))
        doc.user_data["doc_id"] = doc_id
        return doc

    return _parse


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory):
    """The pipeline's tables for the seed corpus, extracted once per test session."""
    from pipeline.extract import extract

    out = tmp_path_factory.mktemp("outputs")
    summary = extract(SEED_CORPUS, out)
    return out, summary
