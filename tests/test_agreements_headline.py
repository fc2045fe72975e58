"""The sides a headline names as signing (``agreements.headline``), and what follows
from them: the ministries of states that are parties are no parties of their own, one
side named as a state and as its government is one side, and a side is not the place.
Texts written for these tests."""

from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.agreements.context import DocContext, without_state_bodies
from pipeline.agreements.headline import headline_sides
from pipeline.agreements.merge import sides
from pipeline.nlp.payloads import Mention
from pipeline.tables import doc_tables


def rows(parse, text):
    return doc_tables([parse(text)])["agreements"].to_dict("records")


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Ghana, Qatar sign labour mobility agreement\nThe text follows.", ["Ghana", "Qatar"]),
        ("Kenya and Oman ink MoU on domestic workers\nThe text follows.", ["Kenya", "Oman"]),
        ("Chile – Peru sign MOU on labour cooperation\nThe text follows.", ["Chile", "Peru"]),
        ("Ghana, Togo to sign labour agreement\nThe text follows.", ["Ghana", "Togo"]),
        ("Daily Wire: Chile and Peru sign labour pact\nThe text follows.", ["Chile", "Peru"]),
        ("Minister of Labour signs agreement with Togo\nThe text follows.", []),
        ("Ghana signs agreement with Togo\nThe text follows.", []),
        ("Ghana and Togo discuss labour migration\nThe text follows.", []),
    ],
    ids=[
        "comma",
        "and-ink",
        "dash",
        "to-sign",
        "credit-colon",
        "a-person",
        "one-side",
        "no-signing",
    ],
)
def test_the_sides_a_headline_names_as_signing(parse, text, sides):
    found = headline_sides(DocContext(parse(text)))
    assert [m.norm for m in found] == sides


def test_ministers_signing_for_the_states_of_the_headline_give_the_states(parse):
    text = (
        "Ghana, Qatar sign labour mobility agreement\n"
        "The Minister of Employment and Labour Relations Mary Mensah and the Qatari Minister "
        "of Labour Ali Al-Thani have signed a labour mobility agreement for Ghanaian workers."
    )
    assert [list(r["parties"]) for r in rows(parse, text)] == [["Ghana", "Qatar"]]


def test_a_body_that_names_its_parties_keeps_them(parse):
    text = (
        "Ghana and Qatar sign labour agreement\n"
        "The International Organization for Migration and the Qatar Chamber signed a "
        "labour mobility agreement in Doha on Monday."
    )
    assert [list(r["parties"]) for r in rows(parse, text)] == [
        ["International Organization for Migration", "Qatar Chamber"]
    ]


def test_the_ministry_of_a_state_that_is_a_party_is_no_party(parse):
    text = (
        "Labour deal signed\n"
        "Chile and Peru on Monday signed a memorandum of understanding on labour migration.\n"
        "The memorandum was signed by Ana Rojas, Under-Secretary of the Ministry of Labour of "
        "Chile, and Dr. Luis Soto, Secretary of the Peruvian Ministry of Labour and Employment."
    )
    [row] = rows(parse, text)
    assert list(row["parties"]) == ["Chile", "Peru"]
    assert [s["name"] for s in row["signatories"]] == ["Ana Rojas", "Luis Soto"]


def test_a_party_state_named_in_the_lead_is_not_the_place(parse):
    text = (
        "Kenya and Oman ink MoU on domestic workers\n"
        "Kenya and Oman have a long history of labour cooperation.\n"
        "Kenyan Labour Secretary Mary Wanjiru and Omani Minister Said Al-Harthy signed the "
        "memorandum on Monday."
    )
    [row] = rows(parse, text)
    assert list(row["parties"]) == ["Kenya", "Oman"]
    assert pd.isna(row["place"])


def test_a_state_s_government_stands_for_it_and_its_nationals_bodies_stay(parse):
    text = (
        "Memorandum signed\n"
        "On Monday, the Government of Ghana and the Ghanaian Diaspora Council signed a "
        "Memorandum of cooperation. The Memorandum was signed by the President of Ghana "
        "Kwame Boateng and Ama Owusu, Chair of the Ghanaian Diaspora Council."
    )
    [row] = rows(parse, text)
    assert list(row["parties"]) == ["Government of Ghana", "Ghanaian Diaspora Council"]


def test_a_state_and_its_government_are_one_side_of_one_act(parse):
    text = (
        "Kenya and Oman sign labour agreement\n"
        "The Government of Kenya and Oman signed an agreement on labour migration in Muscat "
        "on Monday.\n"
        "The agreement from the Kenyan side was signed by Mary Wanjiru, Cabinet Secretary "
        "for Labour of Kenya."
    )
    assert len(rows(parse, text)) == 1


def mention(norm, label, code, entity_id=None):
    return Mention(0, 1, label, "test", norm=norm, country_code=code, entity_id=entity_id)


def test_a_government_and_its_state_are_one_side_an_agency_is_not():
    state = mention("Kazakhstan", "PLACE", "KZ", "country:KZ")
    government = mention("Government of RK", "ORG", "KZ", "org:kz:government-of-rk")
    agency = mention("Kazakh Migration Agency", "ORG", "KZ", "org:kz:kazakh-migration-agency")
    assert "country:KZ" in sides(act([government]))
    assert "country:KZ" not in sides(act([agency]))
    assert sides(act([state])) & sides(act([government]))


def act(parties):
    return SimpleNamespace(parties=parties)


def test_without_state_bodies_keeps_one_mention_per_side():
    state = mention("Chile", "PLACE", "CL", "country:CL")
    ministry = mention("Ministry of Labour", "ORG", "CL", "org:cl:ministry-of-labour")
    council = mention("Chilean Diaspora Council", "ORG", "CL", "org:cl:diaspora-council")
    government = mention("Government of Chile", "ORG", "CL", "org:cl:government-of-chile")
    assert without_state_bodies([state, ministry, council]) == [state, council]
    assert without_state_bodies([state, government]) == [government]
    guessed = mention("Ministry of Labour", "ORG", "CL", "org:cl:ministry-of-labour")
    guessed.country_guessed = True
    assert without_state_bodies([state, guessed]) == [state, guessed]


def test_the_headline_does_not_override_a_partner_the_body_names(parse):
    text = (
        "Ghana, Qatar sign labour mobility agreement\n"
        "Minister of Labour Kofi Mensah signed a memorandum of understanding with the "
        "International Labour Organization on Monday."
    )
    assert [list(r["parties"]) for r in rows(parse, text)] == [
        ["International Labour Organization"]
    ]


def test_the_headline_names_the_sides_of_the_act_reported_first_only(parse):
    text = (
        "Ghana, Qatar sign labour mobility agreement\n"
        "Ghana and Qatar have a long history of labour cooperation.\n"
        "The Ghanaian Minister of Labour Kofi Mensah and the Qatari Minister of Labour Ali "
        "Al-Thani signed the agreement on Monday.\n"
        "Ghana has also worked with Togo on seasonal work since 2015.\n"
        "Ghana hosted a conference on migration.\n"
        "Separately, IOM Director General Amy Pope and UNHCR High Commissioner Filippo "
        "Grandi signed a joint letter on refugee protection."
    )
    found = rows(parse, text)
    assert list(found[0]["parties"]) == ["Ghana", "Qatar"]
    assert pd.isna(found[0]["date"]) or "2015" not in str(found[0]["date"])
    assert all(list(r["parties"]) != ["Ghana", "Qatar"] for r in found[1:])


def test_a_national_chamber_beside_its_state_stays_a_party():
    state = mention("Kenya", "PLACE", "KE", "country:KE")
    chamber = mention("Kenya National Chamber of Commerce", "ORG", "KE", "org:ke:chamber")
    assert without_state_bodies([state, chamber]) == [state, chamber]
