from pipeline.tables import doc_tables

IOM = "International Organization for Migration"


def agreements(parse, text):
    doc = parse(text)
    tables = doc_tables([doc])
    frame, commitments = tables["agreements"], tables["commitments"]
    return frame.to_dict("records"), commitments


def test_signed_agreement_with_parties_signatories_and_dateline_place(parse):
    text = (
        "IOM and Ministry sign agreement\n"
        "Kyiv — The International Organization for Migration (IOM) and Ukraine’s Ministry of the "
        "Interior (MoI) signed a Cooperation Agreement. The document was signed by IOM’s Deputy "
        "Director General Ugochi Daniels and the Minister of the Interior of Ukraine Ihor Klymenko.\n"
        "The parties also aim to boost cooperation on digitalization."
    )
    (row,), commitments = agreements(parse, text)
    assert row["type"] == "agreement" and row["status"] == "signed"
    assert row["name"] == "Cooperation Agreement"
    assert row["parties"] == [IOM, "Ministry of the Interior"]
    assert [s["name"] for s in row["signatories"]] == ["Ugochi Daniels", "Ihor Klymenko"]
    assert row["signatories"][0]["role"] == "Deputy Director General"
    assert (row["place"], row["country_code"]) == ("Kyiv", "UA")
    assert row["n_commitments"] == 1
    assert commitments.iloc[0]["actors"] == [IOM, "Ministry of the Interior"]
    assert commitments.iloc[0]["agreement_id"] == row["agreement_id"]


def test_adopted_joint_statement_with_date(parse):
    text = (
        "Joint statement on migration\n"
        "On 25-26 November 2021, delegates met.\n"
        "On 26 November, a joint statement was adopted by the World Health Organization and the "
        "International Labour Organization."
    )
    (row,), _ = agreements(parse, text)
    assert row["type"] == "joint_statement" and row["status"] == "adopted"
    assert row["date"] == "2021-11-26"
    assert row["parties"] == ["World Health Organization", "International Labour Organization"]


def test_networks_launched_in_two_countries_are_two_agreements(parse):
    text = (
        "UN agencies launch networks\n"
        "Pristina/Bishkek – Migration matters.\n"
        "On Friday (18 December), UN agencies in Kyrgyzstan and Kosovo launched their United "
        "Nations Local Networks on Migration to support authorities."
    )
    rows, _ = agreements(parse, text)
    assert [(r["type"], r["place"], r["date"]) for r in rows] == [
        ("network", "Bishkek", "XXXX-12-18"),
        ("network", "Pristina", "XXXX-12-18"),
    ]


def test_a_report_without_agreement_has_no_row(parse):
    text = (
        "IOM helps migrants\nIOM assisted 300 migrants in Vienna last year. The Network will grow."
    )
    rows, _ = agreements(parse, text)
    assert rows == []


def test_renewed_partnership_agreement_is_one_agreement_with_both_parties(parse):
    text = (
        "UNHCR and Mexico's COMAR renew partnership on asylum\n"
        "Mexico City, 12 March 2022 – The UN Refugee Agency (UNHCR) and the Mexican Commission for "
        "Refugee Assistance (COMAR) today renewed their partnership agreement to improve asylum "
        "procedures in Mexico.\nThe agencies urged donors to increase funding."
    )
    (row,), commitments = agreements(parse, text)
    assert (row["type"], row["date"], row["place"]) == ("agreement", "2022-03-12", "Mexico City")
    assert row["parties"] == [
        "Office of the United Nations High Commissioner for Refugees",
        "Mexican Commission for Refugee Assistance",
    ]
    assert commitments.iloc[-1]["actors"] == row["parties"]


def test_passive_will_without_an_agreement_is_not_a_commitment(parse):
    text = "Arrivals rise in 2023\nGeneva – Arrivals rose. The report will be presented in July."
    rows, commitments = agreements(parse, text)
    assert rows == [] and len(commitments) == 0


def test_a_definite_back_reference_is_the_same_agreement(parse):
    text = (
        "IOM and Ghana sign agreement on border management\n"
        "Accra, 12 March 2024 – IOM and the Ghana Immigration Service (GIS) today signed a "
        "Memorandum of Understanding to strengthen border management.\n"
        "The agreement was signed by IOM Chief of Mission in Ghana, Fatou Diallo Ndiaye, and the "
        "Comptroller-General of the Ghana Immigration Service, Kwame Asuah Takyi.\n"
        "“This is a milestone,” said Ms. Ndiaye."
    )
    (row,), _ = agreements(parse, text)
    assert (row["type"], row["name"]) == ("memorandum", "Memorandum of Understanding")
    assert row["parties"] == [IOM, "Ghana Immigration Service"]
    assert [(s["name"], s["role"]) for s in row["signatories"]] == [
        ("Fatou Diallo Ndiaye", "Chief of Mission in Ghana"),
        ("Kwame Asuah Takyi", "Comptroller-General"),
    ]
    assert (row["date"], row["place"]) == ("2024-03-12", "Accra")


def test_letter_of_intent_signed_by_the_people_of_the_next_sentence(parse):
    text = (
        "IOM and Government of Ecuador Sign Letter of Intent on Climate Mobility\n"
        "Quito, Ecuador – The Government of Ecuador and the International Organization for "
        "Migration (IOM) signed a Letter of Intent on May 5, 2023, to address human mobility.\n"
        "Ecuador's Minister of Foreign Affairs and Human Mobility, Gustavo Manrique, and IOM "
        "Deputy Director General for Operations, Ugochi Daniels, signed the document in Quito."
    )
    (row,), _ = agreements(parse, text)
    assert (row["type"], row["name"], row["status"]) == ("other", "Letter of Intent", "signed")
    assert row["parties"] == ["Government of Ecuador", IOM]
    assert [(s["name"], s["role"]) for s in row["signatories"]] == [
        ("Gustavo Manrique", "Minister of Foreign Affairs and Human Mobility"),
        ("Ugochi Daniels", "Deputy Director General for Operations"),
    ]
    assert (row["date"], row["place"]) == ("2023-05-05", "Quito")


def test_signatories_in_apposition_before_the_verb(parse):
    text = (
        "Mexico and Guatemala sign declaration\n"
        "Tapachula, 18 November 2022 — The Secretary of Labour and Social Welfare of Mexico, "
        "Marath Bolaños, and the Minister of Labour and Social Welfare of Guatemala, Rafael "
        "Rodríguez Pellecer, signed a Joint Declaration on Temporary Labour Mobility on Friday."
    )
    (row,), _ = agreements(parse, text)
    assert row["name"] == "Joint Declaration on Temporary Labour Mobility"
    assert [s["name"] for s in row["signatories"]] == [
        "Marath Bolaños",
        "Rafael Rodríguez Pellecer",
    ]
    assert (row["date"], row["place"]) == ("2022-11-18", "Tapachula")


def test_name_without_its_acronym_and_a_capitalised_dateline(parse):
    text = (
        "IOM and Bangladesh sign MoU\n"
        "DHAKA, 5 September 2023 - IOM and the Ministry of Expatriates' Welfare and Overseas "
        "Employment of Bangladesh signed a memorandum of understanding (MoU) on Tuesday to "
        "promote safe labour migration."
    )
    (row,), _ = agreements(parse, text)
    assert row["name"] == "memorandum of understanding"
    assert row["parties"] == [IOM, "Ministry of Expatriates' Welfare and Overseas Employment"]
    assert (row["date"], row["place"], row["country_code"]) == ("2023-09-05", "Dhaka", "BD")


def test_an_earlier_agreement_is_its_own_row_with_a_country_party(parse):
    text = (
        "IOM and Government of Malawi renew Host Country Agreement\n"
        "LILONGWE, Malawi, 22 February 2024 – The Government of Malawi and the International "
        "Organization for Migration (IOM) today renewed their Host Country Agreement.\n"
        "The renewed agreement was signed by the Minister of Foreign Affairs, Nancy Tembo.\n"
        "The first agreement between Malawi and IOM was signed in 2013."
    )
    rows, _ = agreements(parse, text)
    assert [(r["name"], r["parties"], r["date"]) for r in rows] == [
        ("Host Country Agreement", ["Government of Malawi", IOM], "2024-02-22"),
        ("agreement", ["Malawi", IOM], "2013"),
    ]
    assert [s["name"] for s in rows[0]["signatories"]] == ["Nancy Tembo"]


def test_a_named_text_the_parties_implement_is_no_agreement(parse):
    text = (
        "UN Network on Migration launched in Ghana\n"
        "ACCRA – The United Nations Country Team in Ghana on 15 March 2023 launched the Ghana "
        "Network on Migration to support the Government in implementing the Global Compact for "
        "Migration."
    )
    rows, _ = agreements(parse, text)
    assert [(r["type"], r["name"], r["status"]) for r in rows] == [
        ("network", "Ghana Network on Migration", "launched")
    ]


def test_in_a_joint_statement_the_speakers_are_the_parties(parse):
    text = (
        "UNHCR, IOM and UNICEF urge European states to protect children at sea\n"
        "Geneva, 18 September 2023 – UNHCR, IOM and UNICEF today called on European states to "
        "strengthen search and rescue capacity.\n"
        "In a joint statement, the three agencies also urged the European Union to establish a "
        "disembarkation mechanism."
    )
    (row,), commitments = agreements(parse, text)
    assert (row["type"], row["status"]) == ("joint_statement", "adopted")
    assert row["parties"] == [
        "Office of the United Nations High Commissioner for Refugees",
        IOM,
        "United Nations Children's Fund",
    ]
    assert "European Union" not in set(commitments["actors"].explode())


def test_a_future_signing_takes_the_ceremonys_date(parse):
    text = (
        "IOM and Zambia to sign agreement on migrant protection\n"
        "Lusaka, 3 July 2023 – The Government of Zambia and IOM will sign a memorandum of "
        "understanding next week to strengthen the protection of vulnerable migrants.\n"
        "The signing ceremony will take place in Lusaka on 10 July 2023."
    )
    (row,), _ = agreements(parse, text)
    assert (row["status"], row["date"], row["place"]) == ("to_be_signed", "2023-07-10", "Lusaka")
