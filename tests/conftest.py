"""Shared fixtures: one loaded spaCy pipeline, a parser of test texts (parsed and run\nthrough every accords component), the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.components import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SEED_CORPUS = ROOT / "tests" / "fixtures" / "seeds"  # never the user's corpus/
GOLD = ROOT / "tests" / "gold_seeds"


@pytest.fixture(scope="session")
def nlp():
    """The rules alone: the sentence tables pin what each rule does; the shipped learned
    parts are tested in their own modules and by the corpus runs."""
    return load_nlp(learned=False)


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a cleaned text (headline on the first line) as the pipeline does."""

    from pipeline.components import annotate
    from pipeline.nlp.model import parse_lines
    from pipeline.run.plan import release_metadata

    def _parse(text: str, doc_id: str = "test"):
        (doc,) = list(parse_lines(nlp, [(text, doc_id)]))
        doc._.accords_published = release_metadata(text, {})["published"]  # as the runner does
        return annotate(nlp, doc)

    _parse.nlp = nlp
    return _parse


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory):
    """The pipeline's tables for the seed corpus, extracted once per test session."""
    from pipeline.run import extract

    out = tmp_path_factory.mktemp("outputs")
    summary = extract(SEED_CORPUS, out)
    return out, summary


@pytest.fixture(scope="session")
def act_parties(parse):
    """The sorted parties of each agreement the pipeline finds in a test text."""
    from pipeline.tables import doc_tables

    def _parties(text: str) -> list[list[str]]:
        rows = doc_tables([parse(text)])["agreements"].to_dict("records")
        return [sorted(r["parties"]) for r in rows]

    return _parties
