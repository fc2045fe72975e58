"""What the commitment rules propose to the learned scorer: sentences the rules leave
without a commitment, read by a weak cue or a vetoed trigger; features by name."""

import pytest

from pipeline.commitments import DocContext, find_commitments
from pipeline.commitments.candidates import CANDIDATE_PREFIX, propose
from pipeline.commitments.scoring import features
from pipeline.commitments.triggers import build_matcher

HEAD = "A headline about migration cooperation\n"


@pytest.fixture(scope="module")
def proposed(parse):
    matcher = build_matcher(parse.nlp.vocab)

    def _proposed(body):
        doc = parse(HEAD + body)
        ctx = DocContext(doc, matcher)
        found = find_commitments(ctx)
        return found, propose(ctx, found), ctx

    return _proposed


@pytest.mark.parametrize(
    "body, cue, modality",
    [
        (
            "UNICEF and UNHCR have joined forces with the government on returns.",
            "cand.join_forces",
            "agree",
        ),
        (
            "IOM is considering five more relief flights for next month.",
            "cand.preparing",
            "aim",
        ),
        (
            "Ghana must do more to share responsibility for refugees.",
            "cand.must_should",
            "call",
        ),
        ("The programme provides for weekly exchanges of data.", "cand.provide_for", "agree"),
    ],
)
def test_a_weak_cue_proposes_a_candidate_the_rules_alone_do_not_make(proposed, body, cue, modality):
    found, candidates, _ = proposed(body)
    assert found == []
    (candidate,) = candidates
    assert candidate.rule_id == CANDIDATE_PREFIX + cue
    assert candidate.modality == modality


def test_a_sentence_the_rules_commit_is_no_candidate(proposed):
    found, candidates, _ = proposed("IOM and UNHCR have agreed to jointly conduct activities.")
    assert len(found) == 1 and candidates == []


def test_a_list_under_a_weak_lead_in_gives_one_candidate_per_item_not_the_lead(proposed):
    body = (
        "The ministers of Ghana and Togo are considering the following steps:\n"
        "- Speed up the issuance of visas at ports of entry\n"
        "- Establish a joint mechanism on skills recognition\n"
    )
    _, candidates, _ = proposed(body)
    assert [c.sentence.text.lstrip("- ") for c in candidates] == [
        "Speed up the issuance of visas at ports of entry",
        "Establish a joint mechanism on skills recognition",
    ]
    assert all(c.rule_id.endswith("+list_item") and c.anchor is not None for c in candidates)


def test_features_name_the_cue_the_verb_and_the_subject(proposed):
    _, (candidate,), ctx = proposed("IOM is considering five more relief flights for next month.")
    f = features(candidate, ctx.kinds, [])
    assert f["origin=candidate"] == f["cue=cand.preparing"] == f["modality=aim"] == 1.0
    assert f["verb=consider"] == f["verb_tag=VBG"] == f["agreements=0"] == 1.0
    assert "subject=PROPN" in f


def test_features_name_a_common_noun_subject_and_the_modal(proposed):
    _, (candidate,), ctx = proposed("Ghana must do more to share responsibility for refugees.")
    f = features(candidate, ctx.kinds, [])
    assert f["modal*modality=must*call"] == 1.0
    assert not any(k.startswith("subject_noun=") for k in f)
    _, (candidate,), ctx = proposed("The programme provides for weekly exchanges of data.")
    f = features(candidate, ctx.kinds, [])
    assert f["subject_noun=programme"] == 1.0


def test_a_sentence_that_credits_no_one_is_a_candidate_credited_to_none(proposed):
    _, candidates, _ = proposed("A further five relief flights are planned for next month.")
    assert [(c.actor_source, c.actors) for c in candidates] == [("none", [])]


def test_a_generic_cue_reads_a_sentence_only_when_no_other_cue_does(proposed):
    # "to strengthen protection" (generic, agree) beside "commitment" (commit)
    _, _, ctx = proposed(
        "IOM stressed the commitment of the body to strengthen protection of migrants."
    )
    (sentence,) = [s for s in ctx.sentences if "stressed" in s.text]
    cues = [rule_id for rule_id, _ in ctx.triggers(sentence, candidates=True)]
    assert cues[0] != "cand.to_verb_head" and cues[-1] == "cand.to_verb_head"


def test_a_vetoed_trigger_says_why_in_the_candidate_s_features(proposed):
    found, candidates, ctx = proposed("IOM and UNHCR said the next meeting will be held in Accra.")
    assert found == []
    (candidate,) = candidates
    assert features(candidate, ctx.kinds, [])["excluded=schedule"] == 1.0


def test_a_trigger_the_rules_keep_has_no_veto_feature(proposed):
    found, _, ctx = proposed("IOM and UNHCR will train border officials in Accra.")
    assert not any(name.startswith("excluded=") for name in features(found[0], ctx.kinds, []))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the actors are named in the row's own sentence
        ("IOM will open two centres in Accra.", {"actors_named=here", "actor_label=ORG"}),
        # "They" credits the bodies named in the sentence before
        (
            "IOM and UNHCR met the minister in Accra. They will open two centres next year.",
            {"actors_named=elsewhere", "actor_label=ORG"},
        ),
    ],
)
def test_features_say_where_the_actors_are_named_and_what_they_are(proposed, body, expected):
    found, _, ctx = proposed(body)
    row = next(c for c in found if "two centres" in c.sentence.text)
    named = {k for k in features(row, ctx.kinds, []) if k.startswith(("actors_named", "actor_l"))}
    assert named == expected
