"""Accords across releases: which agreement rows report the same act."""

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.accords import build_accords, group_accords

FIXTURES = Path(__file__).parent / "fixtures" / "two_reports"
MOL = "org:zm:ministry-of-labour"


def row(
    agreement_id,
    doc_id,
    *,
    type="memorandum",
    parties=(MOL, "org:iom"),
    date=None,
    place=None,
    country=None,
    name="Memorandum of Understanding",
):
    start = end = None
    if date and not date.startswith("XXXX"):  # a date with no year has no day
        start = end = dt.date.fromisoformat(date)
    return {
        "agreement_id": agreement_id,
        "doc_id": doc_id,
        "type": type,
        "name": name,
        "status": "signed",
        "parties": [p.split(":")[-1] for p in parties],
        "party_ids": list(parties),
        "party_countries": [None] * len(parties),
        "signatories": [],
        "date": date,
        "date_start": start,
        "date_end": end,
        "place": place,
        "country_code": country,
        "topics": [],
    }


def grouped(rows, published=None):
    ids = group_accords(pd.DataFrame(rows), published or {})
    return [ids.index(i) for i in ids]  # each row's first row of the same accord


@pytest.mark.parametrize(
    "rows, published, expected",
    [
        # two sites report one signing: same parties, same day
        ([row("a", "d1", date="2023-07-10"), row("b", "d2", date="2023-07-10")], {}, [0, 0]),
        # a news site dates it by its own dateline the day after
        ([row("a", "d1", date="2023-07-10"), row("b", "d2", date="2023-07-11")], {}, [0, 0]),
        # one report undated: its release's date stands in
        ([row("a", "d1", date="2023-07-10"), row("b", "d2")], {"d2": "2023-07-12"}, [0, 0]),
        # an MoU is also called "the agreement"
        (
            [
                row("a", "d1", date="2023-07-10"),
                row("b", "d2", type="agreement", date="2023-07-10"),
            ],
            {},
            [0, 0],
        ),
        # no date anywhere (a release and its reprint): same type, same parties, same
        # place or none
        ([row("a", "d1", name="memorandum"), row("b", "d2", name="memorandum")], {}, [0, 0]),
        (
            [
                row("a", "d1", name="memorandum", place="Lusaka", country="ZM"),
                row("b", "d2", name="memorandum"),
                row("c", "d3", name="memorandum", place="Lusaka", country="ZM"),
            ],
            {},
            [0, 0, 0],
        ),
        (
            [
                row("a", "d1", type="agreement", name="agreement", date="XXXX-11-10"),
                row("b", "d2", type="agreement", name="agreement", date="XXXX-11-10"),
            ],
            {},
            [0, 0],
        ),
        # a specific name ties undated reports
        (
            [
                row(
                    "a",
                    "d1",
                    type="declaration",
                    name="Kampala Ministerial Declaration on Climate",
                    parties=("org:a",),
                ),
                row(
                    "b",
                    "d2",
                    type="declaration",
                    name="Kampala Ministerial Declaration on Climate",
                    parties=("org:b",),
                ),
            ],
            {},
            [0, 0],
        ),
    ],
)
def test_reports_of_one_act_share_an_accord(rows, published, expected):
    assert grouped(rows, published) == expected


@pytest.mark.parametrize(
    "rows, published",
    [
        # the same two bodies, two MoUs four years apart
        ([row("a", "d1", date="2019-03-04"), row("b", "d2", date="2023-07-10")], {}),
        # undated, between the same parties, but on different days of the year
        (
            [
                row("a", "d1", name="memorandum", date="XXXX-11-10"),
                row("b", "d2", name="memorandum", date="XXXX-03-02"),
            ],
            {},
        ),
        # undated, between the same parties, but signed in different countries
        (
            [
                row("a", "d1", name="memorandum", place="Lusaka", country="ZM"),
                row("b", "d2", name="memorandum", place="Geneva", country="CH"),
            ],
            {},
        ),
        # undated, of different types
        ([row("a", "d1", name="memorandum"), row("b", "d2", type="network", name="network")], {}),
        # one shared body only, among several each
        (
            [
                row("a", "d1", parties=(MOL, "org:iom", "org:ilo"), date="2023-07-10"),
                row("b", "d2", parties=(MOL, "org:unhcr", "org:unicef"), date="2023-07-10"),
            ],
            {},
        ),
        # different places in different countries
        (
            [
                row("a", "d1", date="2023-07-10", place="Lusaka", country="ZM"),
                row("b", "d2", date="2023-07-10", place="Geneva", country="CH"),
            ],
            {},
        ),
        # incompatible types
        (
            [row("a", "d1", date="2023-07-10"), row("b", "d2", type="network", date="2023-07-10")],
            {},
        ),
        # two rows of one release stay apart: the agreements stage kept them apart
        ([row("a", "d1", date="2023-07-10"), row("b", "d1", date="2023-07-10")], {}),
    ],
)
def test_different_acts_stay_apart(rows, published):
    assert grouped(rows, published) == [0, 1]


def test_an_accord_merges_its_reports():
    first = row("a", "d1", date="2023-07-10", place="Lusaka", country="ZM")
    first["signatories"] = [{"name": "Ann Phiri", "role": "Minister", "org": None}]
    second = row("b", "d2", parties=(MOL, "org:iom", "org:ilo"))
    second["topics"] = ["labour migration"]
    frame = pd.DataFrame([first, second])
    ids = group_accords(frame, {"d2": "2023-07-11"})
    (accord,) = build_accords(frame, ids, {"d2": "2023-07-11"}).to_dict("records")
    assert accord["accord_id"] == "acc:a"
    assert accord["n_reports"] == 2 and accord["doc_ids"] == ["d1", "d2"]
    assert accord["party_ids"] == [MOL, "org:iom", "org:ilo"]
    assert (accord["date"], accord["place"]) == ("2023-07-10", "Lusaka")
    assert [s["name"] for s in accord["signatories"]] == ["Ann Phiri"]
    assert accord["topics"] == ["labour migration"]


def test_two_releases_of_one_signing_end_to_end(tmp_path):
    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    out = tmp_path / "out"
    summary = extract(corpus, out)
    assert summary.counts["accords"] == 2
    agreements = pd.read_parquet(out / "agreements.parquet")
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["source"]
    by_source = dict(zip(agreements["doc_id"].map(docs), agreements["accord_id"], strict=True))
    assert by_source["ministry_release.txt"] == by_source["news_site.txt"]
    assert by_source["earlier_memorandum.txt"] != by_source["news_site.txt"]
    accords = pd.read_parquet(out / "accords.parquet").set_index("accord_id")
    joint = accords.loc[by_source["news_site.txt"]]
    assert joint["n_reports"] == 2
    assert list(joint["party_countries"]) == ["ZM", None]
    # adding a release later gives the same accords as a run from scratch
    (corpus / "earlier_memorandum.txt").rename(tmp_path / "held_back.txt")
    extract(corpus, out)
    (tmp_path / "held_back.txt").rename(corpus / "earlier_memorandum.txt")
    extract(corpus, out)
    again = pd.read_parquet(out / "accords.parquet").set_index("accord_id")
    assert sorted(again.index) == sorted(accords.index)


SIGNED = "The governments of the two countries signed three agreements on migration and borders."


@pytest.mark.parametrize(
    "evidence_a, evidence_b, doc_b, expected",
    [
        # a reprint or a wire copy: the same long sentence word for word, no parties read
        (SIGNED, SIGNED, "d2", [0, 0]),
        (SIGNED, SIGNED.replace(" three ", "  three "), "d2", [0, 0]),  # spacing aside
        # another sentence, a short one, or two rows of one release: apart
        (SIGNED, SIGNED.replace("three", "two"), "d2", [0, 1]),
        ("They signed it.", "They signed it.", "d2", [0, 1]),
        # a heading naming the act, in a release and its reprint, read alike: one
        ("Final Declaration:", "Final Declaration:", "d2", [0, 0]),
        (SIGNED, SIGNED, "d1", [0, 1]),
    ],
)
def test_two_reports_carrying_the_same_sentence_report_one_act(
    evidence_a, evidence_b, doc_b, expected
):
    rows = [row("a", "d1", parties=()), row("b", doc_b, parties=())]
    rows[0]["evidence"], rows[1]["evidence"] = evidence_a, evidence_b
    assert grouped(rows) == expected


@pytest.mark.parametrize(
    "date_b, expected",
    [
        ("2024-05-06", [0, 0]),  # a reprint: the same short sentence, read the same way
        ("2023-01-10", [0, 1]),  # the same words read as another act: apart
    ],
)
def test_a_short_sentence_copied_word_for_word_is_one_act_only_read_alike(date_b, expected):
    rows = [
        row("a", "d1", parties=(), date="2024-05-06"),
        row("b", "d2", parties=(), date=date_b),
    ]
    rows[0]["evidence"] = rows[1]["evidence"] = "We have reached good agreements for this."
    assert grouped(rows) == expected
