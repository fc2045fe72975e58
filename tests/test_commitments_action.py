"""The committed action (``commitments/action.py``, ``commitments/phrase.py``): the verb
phrase whole, in base form, never empty."""

import pytest

from pipeline.commitments.action import action_text
from pipeline.tables import doc_tables

HEAD = "A headline about migration cooperation\n"


def actions(parse, body):
    frame = doc_tables([parse(HEAD + body)])["commitments"]
    return list(frame["action"])


@pytest.mark.parametrize(
    "body, expected",
    [
        # the partner of "agreed with" is no part of the action
        (
            "The ILO agreed with IOM to open two offices in the region.",
            "open two offices in the region",
        ),
        # a coordinated list is kept whole, also when the parse takes a verb for a noun
        (
            "IOM and UNHCR agreed to train border officials, equip reception centres and "
            "support returnees.",
            "train border officials, equip reception centres and support returnees",
        ),
        (
            "The partners commit to continue working together to monitor flows, increase "
            "cooperation on border management, and step up returns.",
            "continue working together to monitor flows, increase cooperation on border "
            "management, and step up returns",
        ),
        # a passive is given its verb and object; its agent is the actor, not the action
        (
            "IOM and UNICEF signed an agreement on Monday. Special attention will be given to "
            "the protection of unaccompanied children.",
            "give special attention to the protection of unaccompanied children",
        ),
        (
            "The programme will be implemented by IOM and UNICEF in close coordination with "
            "the ministry.",
            "implement the programme in close coordination with the ministry",
        ),
        # a verb of intention leads to the action it intends
        (
            "The ministry is working to launch a hotline for returnees.",
            "launch a hotline for returnees",
        ),
        (
            "Preparations are under way in Ghana to open two reception centres.",
            "open two reception centres",
        ),
        (
            "The aim of the partnership is to improve access to health care for migrants.",
            "improve access to health care for migrants",
        ),
        # base form
        (
            "The memorandum aims at strengthening border cooperation and improving data exchange.",
            "strengthen border cooperation and improve data exchange",
        ),
        # a that-clause keeps its subject
        (
            "Both governments reaffirmed that all returns must remain voluntary.",
            "all returns must remain voluntary",
        ),
        # a call: what its addressees are to do
        (
            "UNHCR urged governments in the region to keep borders open.",
            "governments in the region to keep borders open",
        ),
        (
            '"The international community has a duty to protect refugees," said UNHCR chief '
            "Filippo Grandi.",
            "the international community to protect refugees",
        ),
        # a trigger taking its object directly keeps its verb; after a preposition it does not
        ("IOM is seeking USD 5 million for the response.", "seek USD 5 million for the response"),
        (
            "The two agencies are exploring ways in which schools can take in more refugee "
            "children.",
            "explore ways in which schools can take in more refugee children",
        ),
        (
            "IOM called for the release of all detained migrants, at the earliest opportunity, "
            "to ensure that families are reunited.",
            "the release of all detained migrants, at the earliest opportunity, to ensure that "
            "families are reunited",
        ),
        # a speech tag, or a clause with a subject of its own, is no part of it
        (
            '"We will expand the programme to three provinces," said IOM Director General Amy '
            "Pope.",
            "expand the programme to three provinces",
        ),
        (
            "UNHCR will work with IOM to set up a referral system, while UNICEF will train "
            "social workers.",
            "work with IOM to set up a referral system",
        ),
        # a list after a colon runs to the end of the sentence
        (
            "The parties agreed to cooperate in the areas of: health, education and border "
            "management.",
            "cooperate in the areas of: health, education and border management",
        ),
        # a condition put first belongs to the action
        (
            "In the event of an injury, the employer shall pay compensation to the worker.",
            "pay compensation to the worker in the event of an injury",
        ),
        (
            "If a worker is injured, the employer shall cover the cost of treatment.",
            "cover the cost of treatment if a worker is injured",
        ),
        # the signing is no action: what it was signed for is
        (
            "IOM and Ghana signed an agreement to build two reception centres.",
            "build two reception centres",
        ),
        # "being" leads its phrase, in base form
        (
            "The mayors reaffirmed their commitment to being welcoming communities.",
            "be welcoming communities",
        ),
        # "for" and a capital inside an act's name is no purpose: the fronted one is
        (
            "To ensure that refugees find jobs, the European Commission and UNHCR signed a "
            "Partnership for Integration in Brussels.",
            "ensure that refugees find jobs",
        ),
        # what was agreed on keeps its purpose; a place between "agreed" and "to" does not
        (
            "Kenya and Uganda agreed on the establishment of a joint committee to monitor "
            "labour migration.",
            "the establishment of a joint committee to monitor labour migration",
        ),
        (
            "Kenya and Uganda agreed in Kampala to harmonise their labour laws.",
            "harmonise their labour laws",
        ),
    ],
)
def test_the_action_is_the_whole_committed_phrase(parse, body, expected):
    assert actions(parse, body)[0] == expected


@pytest.mark.parametrize(
    "sentence, verb, expected",
    [
        (
            "A similar memorandum with Qatar has been finalised and will be signed soon.",
            "signed",
            "sign a similar memorandum with Qatar soon",
        ),
        (
            "Return flights are expected to begin in May and will be carried out in "
            "cooperation with the national authorities.",
            "carried",
            "carry out return flights in cooperation with the national authorities",
        ),
    ],
)
def test_a_passive_coordinated_with_a_passive_shares_its_subject(parse, sentence, verb, expected):
    doc = parse(HEAD + sentence)
    head = next(t for t in doc if t.text == verb)
    anchor = next(t for t in head.children if t.tag_ == "MD")
    assert action_text(doc, head, anchor) == expected


def test_a_long_phrase_is_cut_between_words_outside_names_and_marked(parse):
    body = (
        "IOM and the ministry agreed to provide shelter, food, medical care, psychosocial "
        "support, legal counselling, language classes, vocational training, job placement, "
        "housing assistance, school enrolment, family tracing and reunification, cash grants, "
        "transport and onward referral for returnees arriving at the Kotoka International "
        "Airport in Accra and at the Elubo border crossing with Côte d'Ivoire in the Western "
        "Region of Ghana."
    )
    (action,) = actions(parse, body)
    assert action.endswith(" …")
    kept = action.removesuffix(" …")
    assert body.find(kept) > 0  # a prefix of the phrase, not a mix
    for name in ("Kotoka International Airport", "Western Region of Ghana"):
        assert name in kept or not any(w in kept.split() for w in name.split()[1:])


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "UNHCR and IOM call on the authorities to:\n- open the border;\n- register new arrivals.",
            ["the authorities to open the border", "the authorities to register new arrivals"],
        ),
        (
            "The NGOs pledge to ensure that:\n(1) Every child can go to school;\n"
            "(2) Every family has a safe home.",
            [
                "ensure that every child can go to school",
                "ensure that every family has a safe home",
            ],
        ),
    ],
)
def test_a_list_item_completes_its_lead_in(parse, body, expected):
    assert actions(parse, body) == expected


def test_a_line_cut_off_after_its_trigger_still_has_an_action(parse):
    assert actions(parse, '"If we keep up this work and we encourage') == ["encourage"]


def test_every_commitment_gets_an_action(parse):
    from pipeline.commitments.action import with_actions
    from pipeline.nlp.payloads import Commitment

    doc = parse(HEAD + "Under the joint plan, UNICEF will")
    sentence = list(doc.sents)[-1]
    anchor = next(t for t in sentence if t.lower_ == "will")
    lead = Commitment(sentence, 1, "will", "will.modal", action="")
    trigger = Commitment(sentence, 1, "will", "will.modal", action="", anchor=anchor)
    assert [c.action for c in with_actions([lead, trigger])] == [
        "Under the joint plan, UNICEF will",
        "Under the joint plan, UNICEF will",
    ]
