"""Why a commitment's trigger commits no one (``pipeline.commitments.exclusions``): the
verb the rules veto, and the reason the learned scorer reads."""

import pytest

from pipeline.commitments.exclusions import exclusion

HEAD = "A headline about migration cooperation\n"


def verb_of(parse, body, word):
    doc = parse(HEAD + body)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "body, word, reason",
    [
        ("The next meeting will be held in Accra in May.", "held", "schedule"),
        ("The project will see 500 families return home.", "see", "outcome"),
        ("The Agreement will enter into force next month.", "enter", "entry_into_force"),
        ("The two sides failed to agree on the text.", "agree", "failure"),
        ("The minister will say that the plan is ready.", "say", "speech"),
        ("IOM and UNHCR will train border officials.", "train", None),
        (
            "The senator sought to know whether the ministry had met the unions.",
            "sought",
            "inquiry",
        ),
        ("Several members wanted to find out how the fund would be shared.", "wanted", "inquiry"),
        ("The agency seeks to learn more about returnees' needs.", "seeks", None),
        ("The two ministries seek to strengthen protection for migrants.", "seek", None),
    ],
)
def test_the_reason_a_verb_commits_no_one(parse, body, word, reason):
    assert exclusion(verb_of(parse, body, word)) == reason
