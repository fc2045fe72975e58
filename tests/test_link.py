"""Linking commitments to agreements (``accords_link``)."""

import pytest

from pipeline.tables import doc_tables


def test_a_commitment_goes_to_the_agreement_whose_parties_share_its_actors(parse):
    text = (
        "Two agreements on migrant health\n"
        "IOM and UNHCR signed a memorandum of understanding on Monday.\n"
        "On Tuesday, WHO and UNICEF signed a cooperation agreement.\n"
        "UNICEF will fund vaccination teams in border areas."
    )
    tables = doc_tables([parse(text)])
    agreements = tables["agreements"].to_dict("records")
    (commitment,) = tables["commitments"].to_dict("records")
    assert len(agreements) == 2
    assert commitment["agreement_id"] == agreements[1]["agreement_id"]
    assert [a["n_commitments"] for a in agreements] == [0, 1]


def test_agreement_ids_are_stable_across_runs(parse):
    text = "IOM and UNHCR sign MoU\nIOM and UNHCR signed a memorandum of understanding."
    first = doc_tables([parse(text, "doc-1")])["agreements"]["agreement_id"].tolist()
    again = doc_tables([parse(text, "doc-1")])["agreements"]["agreement_id"].tolist()
    other = doc_tables([parse(text, "doc-2")])["agreements"]["agreement_id"].tolist()
    assert first == again != other


def commitment_rows(parse, text: str) -> list[dict]:
    return doc_tables([parse(text)])["commitments"].to_dict("records")


def test_a_commitment_no_body_or_agreement_claims_goes_to_the_bodies_its_headline_names(parse):
    (row,) = commitment_rows(
        parse,
        "African Development Bank and IOM discuss labour migration\n"
        "Both organisations plan to deepen their collaboration on labour migration.",
    )
    assert row["actor_source"] == "headline"
    assert list(row["actors"]) == [
        "African Development Bank",
        "International Organization for Migration",
    ]


def test_a_headline_naming_no_body_credits_nobody(parse):
    (row,) = commitment_rows(
        parse,
        "Minister briefs workers\n"
        "The two organisations plan to deepen their collaboration on labour migration.",
    )
    assert (row["actor_source"], list(row["actors"])) == ("parties", [])


def test_a_commitment_with_its_own_subject_keeps_it_over_the_headline(parse):
    (row,) = commitment_rows(
        parse,
        "African Development Bank and IOM discuss labour migration\n"
        "UNICEF plans to open two reception centres in Chad.",
    )
    assert list(row["actors"]) == ["United Nations Children's Fund"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The project will train 300 nurses in Kigali.", [["African Development Bank"]]),
        ("The report will be presented in Geneva next month.", []),
        ("The project will run until 2025.", []),  # a span of time, nothing done
        ("The project will cost $12 million.", []),  # what it costs
        ("The project will conclude in December.", []),
        ("The Minister said the project will fail without more funding.", []),  # reported
    ],
)
def test_what_the_own_work_of_a_release_with_no_agreement_will_do_is_its_owner_s(
    parse, sentence, expected
):
    rows = commitment_rows(
        parse,
        "African Development Bank approves grant for nurses\n"
        "The African Development Bank has approved a grant for Rwanda's health workers. "
        + sentence,
    )
    will = [list(r["actors"]) for r in rows if r["modality"] == "will"]
    assert will == expected


def test_a_thing_as_subject_is_credited_to_no_headline_body(parse):
    (row,) = commitment_rows(
        parse,
        "African Development Bank and IOM discuss labour migration\n"
        "Messages sent through social media aim to inform migrants of their rights.",
    )
    assert list(row["actors"]) == []


def test_a_group_as_subject_is_credited_to_the_headline_s_bodies(parse):
    (row,) = commitment_rows(
        parse,
        "African Development Bank and IOM discuss labour migration\n"
        "Both parties agreed to deepen their collaboration on labour migration.",
    )
    assert list(row["actors"]) == [
        "African Development Bank",
        "International Organization for Migration",
    ]


def calls_of(parse, text: str) -> list[list[str]]:
    return [list(r["actors"]) for r in commitment_rows(parse, text) if r["modality"] == "call"]


def test_a_group_s_call_in_a_release_about_one_joint_statement_is_its_parties(parse):
    text = (
        "Churches issue joint statement on refugees\n"
        "The Council of Baptist Churches and the Lutheran World Federation issued a joint "
        "statement on Monday. "
        "The religious leaders are calling on governments to open safe routes for refugees."
    )
    assert calls_of(parse, text) == [["Council of Baptist Churches", "Lutheran World Federation"]]


def test_a_group_s_call_beside_a_memorandum_is_not_credited_to_its_parties(parse):
    text = (
        "IOM and Ghana sign memorandum\n"
        "IOM and Ghana signed a memorandum of understanding on Monday. "
        "Speakers at the event called on employers to respect migrant workers' rights."
    )
    assert all("Ghana" not in actors for actors in calls_of(parse, text))


def test_a_call_by_others_named_by_a_bare_plural_is_not_the_statement_s(parse):
    text = (
        "Ministers adopt declaration\n"
        "Ministers of Kenya, Uganda and Ethiopia adopted the Nairobi Declaration on refugees "
        "on Monday. Critics have called for stronger safeguards for refugees."
    )
    assert calls_of(parse, text) == [[]]


@pytest.mark.parametrize(
    "call",
    [
        "The text calls on governments to protect migrants.",
        "Governments are urged to protect migrants at sea.",
    ],
)
def test_a_statement_s_own_calls_are_its_parties(parse, call):
    text = (
        "Churches issue joint statement\n"
        "The Council of Baptist Churches and the Lutheran World Federation issued a joint "
        "statement on Monday. " + call
    )
    assert calls_of(parse, text) == [["Council of Baptist Churches", "Lutheran World Federation"]]
