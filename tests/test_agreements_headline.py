"""The sides a headline names as signing (``agreements.headline``), and what follows
from them: the ministries of states that are parties are no parties of their own, one
side named as a state and as its government is one side, and a side is not the place.
Texts written for these tests."""

from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.agreements.context import DocContext, without_name_parts, without_state_bodies
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
        ("Ghana signs agreement with Togo\nThe text follows.", ["Ghana", "Togo"]),
        (
            "EU Signs Agreements with Togo and Benin\nThe text follows.",
            ["European Union", "Togo", "Benin"],
        ),
        ("Ghana signs agreement with Togo to boost labour mobility\nThe text.", ["Ghana", "Togo"]),
        ("Ghana signs agreement\nThe text follows.", []),
        (
            "Labour agreement between Ghana and IOM\nThe text follows.",
            ["Ghana", "International Organization for Migration"],
        ),
        ("Minister signs agreement between Ghana and Togo\nThe text.", ["Ghana", "Togo"]),
        ("IOM, Ghana release report on labour agreement\nThe text follows.", []),
        ("Ghana signs agreement with IOM support\nThe text follows.", []),
        ("EU Launches Partnership with Morocco\nThe text follows.", ["European Union", "Morocco"]),
        ("Ghana and Togo discuss labour migration\nThe text follows.", []),
        ("Ghana, Togo establish framework for mobility\nThe text.", ["Ghana", "Togo"]),
        ("Ghana, Togo agree to boost trade\nThe text follows.", []),
    ],
    ids=[
        "comma",
        "and-ink",
        "dash",
        "to-sign",
        "credit-colon",
        "a-person",
        "with-partner",
        "title-case-verb-two-partners",
        "with-partner-before-a-purpose",
        "one-side",
        "no-verb-between",
        "between-after-the-verb",
        "a-report-on-an-act-launches-none",
        "with-a-supporter",
        "title-case-es-verb",
        "no-signing",
        "launching-an-act-it-names",
        "agreeing-to-no-act",
    ],
)
def test_the_sides_a_headline_names_as_signing(parse, text, sides):
    found = headline_sides(DocContext(parse(text)))
    assert [m.norm for m in found] == sides


READ = {  # what a case may pin of the one act a release reports
    "parties": lambda row: list(row["parties"]),
    "signatories": lambda row: [s["name"] for s in row["signatories"]],
    "place": lambda row: None if pd.isna(row["place"]) else row["place"],
    "type": lambda row: row["type"],
}


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Ghana, Qatar sign labour mobility agreement\n"
            "The Minister of Employment and Labour Relations Mary Mensah and the Qatari Minister "
            "of Labour Ali Al-Thani have signed a labour mobility agreement for Ghanaian workers.",
            {"parties": ["Ghana", "Qatar"]},
            id="ministers-signing-for-the-headline-s-states",
        ),
        pytest.param(
            "Ghana and Qatar sign labour agreement\n"
            "The International Organization for Migration and the Qatar Chamber signed a "
            "labour mobility agreement in Doha on Monday.",
            {"parties": ["International Organization for Migration", "Qatar Chamber"]},
            id="a-body-that-names-its-parties",
        ),
        pytest.param(
            "Ghana, Qatar sign labour mobility agreement\n"
            "Minister of Labour Kofi Mensah signed a memorandum of understanding with the "
            "International Labour Organization on Monday.",
            {"parties": ["International Labour Organization"]},
            id="a-partner-the-body-names-over-the-headline",
        ),
        pytest.param(
            "Labour deal signed\n"
            "Chile and Peru on Monday signed a memorandum of understanding on labour migration.\n"
            "The memorandum was signed by Ana Rojas, Under-Secretary of the Ministry of Labour of "
            "Chile, and Dr. Luis Soto, Secretary of the Peruvian Ministry of Labour and Employment.",
            {"parties": ["Chile", "Peru"], "signatories": ["Ana Rojas", "Luis Soto"]},
            id="the-ministry-of-a-party-state-is-no-party",
        ),
        pytest.param(
            "Kenya and Oman ink MoU on domestic workers\n"
            "Kenya and Oman have a long history of labour cooperation.\n"
            "Kenyan Labour Secretary Mary Wanjiru and Omani Minister Said Al-Harthy signed the "
            "memorandum on Monday.",
            {"parties": ["Kenya", "Oman"], "place": None},
            id="a-party-state-named-in-the-lead-is-not-the-place",
        ),
        pytest.param(
            "Memorandum signed\n"
            "On Monday, the Government of Ghana and the Ghanaian Diaspora Council signed a "
            "Memorandum of cooperation. The Memorandum was signed by the President of Ghana "
            "Kwame Boateng and Ama Owusu, Chair of the Ghanaian Diaspora Council.",
            {"parties": ["Government of Ghana", "Ghanaian Diaspora Council"]},
            id="a-government-stands-for-its-state-its-nationals-body-stays",
        ),
        pytest.param(
            "Kenya and Oman sign labour agreement\n"
            "The Government of Kenya and Oman signed an agreement on labour migration in Muscat "
            "on Monday.\n"
            "The agreement from the Kenyan side was signed by Mary Wanjiru, Cabinet Secretary "
            "for Labour of Kenya.",
            # the headline's 'Kenya and Oman' and the body's act are one report, not two
            {"parties": ["Government of Kenya", "Oman"]},
            id="a-state-and-its-government-are-one-side-of-one-act",
        ),
        pytest.param(
            "Ghana signs labour agreement with Togo\n"
            "ACCRA, 3 May 2021 - Ghana signed a labour mobility agreement on Monday.",
            {"parties": ["Ghana", "Togo"]},
            id="the-headline-s-partner-completes-a-report-that-names-one-side",
        ),
        pytest.param(
            "Host state agreement between Ghana and IOM\n"
            "Host state agreement between Ghana and IOM\n"
            "ACCRA, 3 May 2021 - The agreement on the opening of an office in Accra was signed "
            "in Geneva on Tuesday.",
            {"parties": ["Ghana", "International Organization for Migration"]},
            id="a-headline-with-no-verb-names-the-sides-between-its-printed-twice",
        ),
        pytest.param(
            "Ghana and IOM sign agreement\n"
            "ACCRA, 3 May 2021 - The Ghanaian ambassador to the United Nations, Kofi Mensah, "
            "and the IOM Director General, Amy Pope, signed an agreement on Tuesday.",
            {"parties": ["Ghana", "International Organization for Migration"]},
            id="an-ambassador-to-a-body-stands-for-the-country-not-the-body",
        ),
        pytest.param(
            "Ghana, Togo Sign Immigration Deal\n"
            "The two countries want to strengthen their cooperation on migration.",
            {"parties": ["Ghana", "Togo"], "type": "agreement"},
            id="a-title-cased-deal-is-the-news-word-for-an-agreement",
        ),
    ],
)
def test_the_one_act_a_release_reports(parse, text, expected):
    [row] = rows(parse, text)
    assert {key: READ[key](row) for key in expected} == expected


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


CHILE = mention("Chile", "PLACE", "CL", "country:CL")
CHILE_MINISTRY = mention("Ministry of Labour", "ORG", "CL", "org:cl:ministry-of-labour")
CHILE_COUNCIL = mention("Chilean Diaspora Council", "ORG", "CL", "org:cl:diaspora-council")
CHILE_GOVERNMENT = mention("Government of Chile", "ORG", "CL", "org:cl:government-of-chile")
GUESSED_MINISTRY = replace(CHILE_MINISTRY, country_guessed=True)
KENYA = mention("Kenya", "PLACE", "KE", "country:KE")
KENYA_CHAMBER = mention("Kenya National Chamber of Commerce", "ORG", "KE", "org:ke:chamber")


@pytest.mark.parametrize(
    "parties, kept",
    [
        pytest.param(
            [CHILE, CHILE_MINISTRY, CHILE_COUNCIL],
            [CHILE, CHILE_COUNCIL],
            id="a-state-s-ministry-goes-its-nationals-council-stays",
        ),
        pytest.param(
            [CHILE, CHILE_GOVERNMENT], [CHILE_GOVERNMENT], id="a-government-for-its-state"
        ),
        pytest.param(
            [CHILE, GUESSED_MINISTRY],
            [CHILE, GUESSED_MINISTRY],
            # its country is only the release's, guessed: it may be another state's ministry
            id="a-ministry-of-a-guessed-country-stays",
        ),
        pytest.param(
            [KENYA, KENYA_CHAMBER], [KENYA, KENYA_CHAMBER], id="a-national-chamber-is-no-state-body"
        ),
    ],
)
def test_without_state_bodies_keeps_one_mention_per_side(parties, kept):
    assert without_state_bodies(parties) == kept


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


def test_the_headline_s_partners_split_a_plural_act_the_report_names_one_side_of(parse):
    text = (
        "EU Signs Readmission Agreements with Togo and Benin\n"
        "BRUSSELS, 3 May 2021 - The EU signed two readmission agreements this week.\n"
        "The EU also signed a memorandum with the World Bank."
    )
    found = {tuple(r["parties"]) for r in rows(parse, text)}
    assert ("European Union", "Togo") in found and ("European Union", "Benin") in found
    assert all("World Bank" not in p or "Togo" not in p for p in found)


def test_the_headline_s_partner_is_not_a_later_act_s(parse):
    text = (
        "Ghana signs labour agreement with Togo\n"
        "ACCRA, 3 May 2021 - Ghana and Togo signed a labour mobility agreement on Monday, "
        "while an addendum to the agreement was signed by Ghana's labour department.\n"
    )
    found = rows(parse, text)
    assert list(found[0]["parties"]) == ["Ghana", "Togo"]


@pytest.mark.parametrize(
    "body",
    [
        "BRUSSELS, 3 May 2021 - ECOWAS, Togo and Benin signed protocols on free movement.",
        "BRUSSELS, 3 May 2021 - The EU met on Monday. Later, Togo, Benin and Ghana signed "
        "agreements on cross-border trade.",
    ],
    ids=["the-report-names-other-sides", "a-later-act"],
)
def test_the_headline_s_partners_split_no_act_of_other_sides(parse, body):
    text = "EU Signs Readmission Agreements with Togo and Benin\n" + body
    found = [list(r["parties"]) for r in rows(parse, text)]
    assert not any(len(p) == 2 and "Togo" in p and "European Union" not in p for p in found)
    assert not any(p in (["Ghana", "Togo"], ["Ghana", "Benin"]) for p in found)


UN = mention("United Nations", "ORG", None, "org:un")
UN_AGENCY = mention("United Nations Population Fund", "ORG", None, "org:unfpa")
FAO = mention("Food and Agriculture Organization of the United Nations", "ORG", None, "org:fao")
GHANA = mention("Ghana", "PLACE", "GH", "country:GH")
GHANA_UNION = mention("Ghana Trades Union Congress", "ORG", "GH", "org:gh:tuc")
GHANA_MINISTRY = mention("Ghana Ministry of Labour", "ORG", "GH", "org:gh:labour")
GHANA_EMBASSY = mention("Ghana Embassy in Togo", "ORG", "GH", "org:gh:embassy")
SUDAN = mention("Sudan", "PLACE", "SD", "country:SD")
SOUTH_SUDAN = mention("South Sudan", "PLACE", "SS", "country:SS")


@pytest.mark.parametrize(
    "parties, kept",
    [
        pytest.param([UN, UN_AGENCY], [UN_AGENCY], id="an-umbrella-that-opens-a-party-s-name"),
        pytest.param([FAO, UN], [FAO], id="an-umbrella-that-ends-a-name-after-of-the"),
        pytest.param([GHANA, GHANA_UNION], [GHANA_UNION], id="a-country-that-opens-a-union-s-name"),
        pytest.param(
            [GHANA, GHANA_MINISTRY], [GHANA, GHANA_MINISTRY], id="a-state-beside-its-own-body"
        ),
        pytest.param(
            [SUDAN, SOUTH_SUDAN], [SUDAN, SOUTH_SUDAN], id="a-name-that-only-ends-another"
        ),
        pytest.param(
            [GHANA, GHANA_EMBASSY], [GHANA, GHANA_EMBASSY], id="a-state-beside-its-embassy"
        ),
    ],
)
def test_a_party_whose_name_opens_another_party_s_name_is_part_of_it(parties, kept):
    assert without_name_parts(parties) == kept


def test_two_sides_the_text_names_side_by_side_stay(parse):
    (row,) = rows(parse, "Deal\nGhana, the Ghana Red Cross Society and IOM signed an agreement.")
    assert row["parties"] == [
        "Ghana",
        "Ghana Red Cross Society",
        "International Organization for Migration",
    ]
