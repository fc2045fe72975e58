"""The learned party scorer's candidates and decisions, on releases written for them."""

import pytest

from pipeline.agreements.party_scoring import PartyScorer, candidates
from pipeline.learn import LinearModel
from pipeline.nlp.extensions import agreements

IOM = "International Organization for Migration"
RELEASE = (
    "Kenya and IOM sign agreement on labour migration\n"
    "Nairobi, 3 May 2023 – The Government of Kenya and the International Organization for "
    "Migration (IOM) signed a cooperation agreement on labour migration.\n"
    "The World Bank welcomed the agreement."
)


@pytest.fixture(scope="module")
def doc(parse):
    return parse(RELEASE)


def by_name(doc):
    (a,) = agreements(doc)
    return {m.norm: f for m, f in candidates(doc, a)}


def test_the_rules_parties_and_the_bodies_around_the_agreement_are_candidates(doc):
    found = by_name(doc)
    assert found[IOM]["in=rules"] == found[IOM]["in=sentence"] == 1.0
    assert found["World Bank"]["in=next"] == 1.0 and "in=rules" not in found["World Bank"]
    assert found["Government of Kenya"]["in=rules"] == found[IOM]["in=title"] == 1.0
    assert found[IOM]["label=ORG"] == 1.0 and found[IOM]["side=before"] == 1.0


def test_without_a_model_the_rules_parties_stand(doc):
    (a,) = agreements(doc)
    before = [m.norm for m in a.parties]
    PartyScorer(None)(doc)
    assert [m.norm for m in a.parties] == before and "model" not in a.rule_id


def test_a_model_decides_and_the_row_says_so(parse):
    doc = parse(RELEASE)
    model = LinearModel({"in=next": 6.0, "in=rules": -6.0}, bias=-1.0, threshold=0.5)
    PartyScorer(model)(doc)
    (a,) = agreements(doc)
    assert [m.norm for m in a.parties] == ["World Bank"]
    assert "+model:parties@0.99" in a.rule_id


def test_a_model_that_keeps_no_candidate_leaves_the_rules_parties(parse):
    doc = parse(RELEASE)
    (a,) = agreements(doc)
    before = [m.norm for m in a.parties]
    PartyScorer(LinearModel({}, bias=-5.0))(doc)
    assert [m.norm for m in a.parties] == before
