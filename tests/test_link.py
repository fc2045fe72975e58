"""Linking commitments to agreements (``accords_link``)."""

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
