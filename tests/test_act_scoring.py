"""The learned act detector's candidates and decisions, on releases written for them."""

import pytest

from pipeline.agreements.act_scoring import ActScorer, act_of, candidates
from pipeline.agreements.context import DocContext
from pipeline.learn import LinearModel
from pipeline.nlp.extensions import agreements

# bodies that "have partnered": no agreement noun is governed by a verb of signing
STATEMENT = (
    "UNICEF and IOM partner on a tool for migrant workers\n"
    "Hong Kong, 3 May 2023 – UNICEF and the International Organization for Migration (IOM) "
    "have partnered to protect migrant workers. The Partnership of the two bodies will help "
    "recruiters.\nThe partnership agreement between them was praised by the Director of "
    "Partnerships of the ILO."
)
SIGNED = (
    "Kenya and IOM sign agreement\n"
    "Nairobi, 3 May 2023 – The Government of Kenya and the International Organization for "
    "Migration (IOM) signed a cooperation agreement on labour migration."
)


@pytest.fixture(scope="module")
def statement(parse):
    return parse(STATEMENT)


def found(parse, doc):
    matcher = ActScorer(parse.nlp, None).matcher
    ctx = DocContext(doc)
    return ctx, candidates(ctx, matcher)


def test_the_rules_find_no_act_in_a_statement_printed_whole(statement):
    assert agreements(statement) == []


@pytest.mark.parametrize(
    ("noun", "features"),
    [
        ("Partnership", {"where=body1", "type=partnership", "capitalised", "prep=of"}),
        ("agreement", {"where=body2", "type=agreement", "det=the", "prep=between"}),
    ],
)
def test_every_agreement_noun_is_a_candidate_with_its_features(parse, statement, noun, features):
    ctx, found_ = found(parse, statement)
    nouns = {ctx.sentences[i][s:e].text.split()[-1]: f for (i, _, s, e), f in found_}
    assert features <= set(nouns[noun])


def test_a_longer_nouns_part_and_a_roles_portfolio_are_no_candidates(parse, statement):
    ctx, found_ = found(parse, statement)
    texts = [ctx.sentences[i][s:e].text for (i, _, s, e), _ in found_]
    assert not any(t.endswith(("partnership", "Partnerships")) for t in texts)


def test_a_candidate_read_as_an_act_takes_its_parties_from_its_phrase(parse, statement):
    ctx, found_ = found(parse, statement)
    first = next(c for c, f in found_ if "where=body1" in f)
    act = act_of(ctx, first, "model:acts")
    assert act.type == "partnership" and act.status == "launched"
    assert {m.norm for m in act.parties} == {
        "United Nations Children's Fund",
        "International Organization for Migration",
    }


def test_without_a_model_nothing_changes(parse):
    doc = parse(STATEMENT)
    ActScorer(parse.nlp, None)(doc)
    assert agreements(doc) == [] and doc._.accords_act_candidates is None


def test_a_model_adds_the_best_candidate_and_the_row_says_so(parse):
    doc = parse(STATEMENT)
    model = LinearModel({"where=body1": 6.0}, bias=-1.0, threshold=0.5)
    ActScorer(parse.nlp, model)(doc)
    (act,) = agreements(doc)
    assert act.type == "partnership" and act.rule_id.endswith("+model:acts@0.99")


@pytest.mark.parametrize(
    "text, chosen, opening, sides",
    [
        pytest.param(
            "Parliament ratifies labour agreement\n"
            "ACCRA, 28 May 2019 - MPs ratified on Tuesday a Ghana-Togo agreement governing the "
            "employment of seasonal workers. The agreement is meant to help farms in the north.",
            "where=body1",
            "The agreement is meant",
            ["Ghana", "Togo"],
            id="the-agreement-takes-the-sides-its-earlier-mention-names",
        ),
        pytest.param(
            "Parliament debates labour agreement\n"
            "ACCRA, 28 May 2019 - Arrivals fell after the 2016 Ghana-Togo agreement on returns. "
            "On Tuesday MPs debated a new agreement on seasonal workers. The new agreement is "
            "meant to help farms in the north.",
            "where=body2",
            "The new agreement",
            [],
            id="a-new-act-takes-no-sides-of-an-older-one",
        ),
    ],
)
def test_an_act_that_names_no_side_refers_back_for_them(parse, text, chosen, opening, sides):
    doc = parse(text)
    model = LinearModel({chosen: 6.0}, bias=-1.0, threshold=0.5)
    ActScorer(parse.nlp, model)(doc)
    (act,) = agreements(doc)
    assert act.sentence.text.startswith(opening)
    assert [m.norm for m in act.parties] == sides


@pytest.mark.parametrize(
    "text, sides, rule_end",
    [
        pytest.param(
            "Parliament ratifies labour agreement\n"
            "ACCRA, 28 May 2019 - MPs ratified the agreement between Ghana and Togo on seasonal "
            "workers. The said agreement was signed in Lome by the two parties in 2018.",
            ["Ghana", "Togo"],
            "+verb.sign+sides_named_before",
            id="the-rules-act-takes-the-sides-its-earlier-mention-names",
        ),
        pytest.param(
            "Parliament debates labour agreement\n"
            "ACCRA, 28 May 2019 - MPs debated the 2016 agreement between Ghana and Togo. A new "
            "agreement was signed in Lome by the two ministers on Monday.",
            [],
            "+verb.sign",
            id="a-new-act-of-the-rules-takes-no-sides-of-an-older-one",
        ),
        pytest.param(
            "Ministers meet in Lome\n"
            "ACCRA, 28 May 2019 - The ministers discussed the failed agreement between Qatar and "
            "Nepal as a warning. The agreement was signed by the two ministers after the talks.",
            [],
            "+verb.sign",
            id="a-failed-act-before-lends-no-sides",
        ),
        pytest.param(
            "Parliament ratifies labour agreement\n"
            "ACCRA, 28 May 2019 - Parliament ratified the earlier agreement between Ghana and "
            "Togo on Tuesday. The agreement was signed in Lome by the two ministers in 2016.",
            ["Ghana", "Togo"],
            "+verb.sign+sides_named_before",
            id="an-earlier-act-is-no-failed-one",
        ),
    ],
)
def test_an_act_of_the_rules_naming_no_side_refers_back_for_them(parse, text, sides, rule_end):
    (act,) = agreements(parse(text))  # the rules alone: no model
    assert [m.norm for m in act.parties] == sides and act.rule_id.endswith(rule_end)


def test_a_model_below_its_threshold_adds_nothing(parse):
    doc = parse(STATEMENT)
    ActScorer(parse.nlp, LinearModel({}, bias=-5.0))(doc)
    assert agreements(doc) == []


def test_a_release_the_rules_find_an_act_in_is_left_alone(parse):
    doc = parse(SIGNED)
    before = [a.rule_id for a in agreements(doc)]
    scorer = ActScorer(parse.nlp, LinearModel({}, bias=5.0), keep_all=True)
    scorer(doc)
    assert [a.rule_id for a in agreements(doc)] == before != []
    assert doc._.accords_act_candidates is None


def test_training_mode_records_every_candidate_as_an_act(parse):
    doc = parse(STATEMENT)
    ActScorer(parse.nlp, None, keep_all=True)(doc)
    recorded = doc._.accords_act_candidates
    assert len(recorded) >= 2 and all(a.rule_id.endswith("+model:acts") for a, _ in recorded)
    assert agreements(doc) == []


PARTNERED = (
    "Migrant children to get help\n"
    "Hong Kong, 3 May 2023 – UNICEF and the International Organization for Migration (IOM) "
    "have partnered to protect migrant children. The two agencies joined forces with the "
    "World Bank last year."
)


def test_a_verb_that_tells_an_act_without_naming_it_is_a_candidate(parse):
    doc = parse(PARTNERED)
    assert agreements(doc) == []  # no agreement noun: the rules find no act
    ctx, found_ = found(parse, doc)
    verbs = {rule: f for (_, rule, _, _), f in found_}
    assert {"act.partnered", "act.joined_forces"} <= set(verbs)
    assert {"told_by=verb", "type=partnership"} <= set(verbs["act.partnered"])
    first = next(c for c, _ in found_ if c[1] == "act.partnered")
    act = act_of(ctx, first, "model:acts")
    assert act.type == "partnership" and act.name is None
    assert {m.norm for m in act.parties} == {
        "United Nations Children's Fund",
        "International Organization for Migration",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "UNICEF and IOM have partnered to support talks between the Government of Kenya and "
        "the Government of Somalia.",
        "UNICEF and IOM have partnered to work with the Government of Kenya on data.",
    ],
)
def test_the_sides_of_an_act_told_by_a_verb_are_its_subject_and_its_own_partners(parse, sentence):
    doc = parse("Migrant data\n" + sentence)
    ctx, found_ = found(parse, doc)
    first = next(c for c, _ in found_ if c[1] == "act.partnered")
    act = act_of(ctx, first, "model:acts")
    assert {m.norm for m in act.parties} == {
        "United Nations Children's Fund",
        "International Organization for Migration",
    }


COMMUNIQUE = (
    "Ministers meet on labour migration\n"
    "Djibouti, 3 May 2023 – The labour ministers of Kenya, Uganda and Ethiopia adopted the "
    "Communiqué of the Second Ministerial Conference on Labour Migration. Kenya said in a "
    "statement that the talks went well."
)


def test_a_statement_noun_is_a_candidate_for_the_model_alone(parse):
    """The rules take no act from a statement without "joint"; the learned detector is
    shown it and decides. "said in a statement" names a report's source: no candidate."""
    doc = parse(COMMUNIQUE)
    assert agreements(doc) == []
    ctx, found_ = found(parse, doc)
    nouns = {ctx.sentences[i][s:e].text: f for (i, _, s, e), f in found_}
    assert {"type=joint_statement", "rule=act.statement", "told_by=noun", "capitalised"} <= set(
        nouns["Communiqué"]
    )
    assert "statement" not in nouns
    act = act_of(ctx, next(c for c, _ in found_ if c[1] == "act.statement"), "model:test")
    assert (act.type, act.name) == (
        "joint_statement",
        "Communiqué of the Second Ministerial Conference on Labour Migration",
    )
