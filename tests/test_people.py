import pytest

from pipeline.tables import doc_tables

HEAD = "A headline about migration cooperation\n"


@pytest.mark.parametrize(
    "body, name, role, org",
    [
        (  # an abbreviated honorific between the role and the name
            "It was signed by the Acting President, Hon. Tomas Rilang, on Friday.",
            "Tomas Rilang",
            "Acting President",
            None,
        ),
        (  # an honorific with its article between the role and the name
            "It was signed by the Prime Minister of Tonga, the Hon. Sione Vuna, on Friday.",
            "Sione Vuna",
            "Prime Minister of Tonga",
            "Tonga",
        ),
        (
            "It was signed by the Minister of Labour of Fiji, the Honourable Ravi Lal, on Friday.",
            "Ravi Lal",
            "Minister of Labour of Fiji",
            "Fiji",
        ),
        (
            "The meeting was attended by Jane Okoro, Chief of Mission at UNHCR Chad, on Monday.",
            "Jane Okoro",
            "Chief of Mission",
            "UNHCR Chad",
        ),
        (  # a portfolio list joined by an ampersand, then the name in apposition
            "Georgia and Israel met. On Monday, Georgian Minister of Labor, Health & Social "
            "Affairs, Ekaterine Tikaradze, signed it.",
            "Ekaterine Tikaradze",
            "Georgian Minister of Labor, Health & Social Affairs",
            "Georgia",
        ),
        (  # a legal officer's title
            "The agreement was signed by General Counsel Lafe Solomon on Monday.",
            "Lafe Solomon",
            "General Counsel",
            None,
        ),
        (
            "It was signed by IOM Ukraine Chief of Mission, Mr Anh Nguyen.",
            "Anh Nguyen",
            "Chief of Mission",
            "IOM Ukraine",
        ),
        (
            "The document was signed by IOM’s Deputy Director General Ugochi Daniels yesterday.",
            "Ugochi Daniels",
            "Deputy Director General",
            "IOM",
        ),
        (
            "Olga Abramenko, expert of ADC “Memorial”, reported to the forum.",
            "Olga Abramenko",
            "expert",
            "ADC “Memorial”",
        ),
        (  # an envoy's "to" names where the envoy serves, not whom the envoy stands for
            "Ghana and Togo are close. It was signed by Kofi Mensah, Ghanaian ambassador to "
            "the United Nations in Geneva.",
            "Kofi Mensah",
            "Ghanaian ambassador",
            "Ghana",
        ),
        (
            "On Monday IOM Moscow Chief of Mission Abdusattor Esoev took part.",
            "Abdusattor Esoev",
            "Chief of Mission",
            "IOM Moscow",
        ),
        # a hyphenated title that the tokenizer splits
        (
            "It was signed by the Comptroller-General of the Ghana Immigration Service, "
            "Kwame Asuah Takyi, in Accra.",
            "Kwame Asuah Takyi",
            "Comptroller-General",
            "Ghana Immigration Service",
        ),
        # a portfolio after "Minister of" is part of the role, not a person
        (
            "It was signed by the Minister of Economic Inclusion of Morocco, Younes Sekkouri.",
            "Younes Sekkouri",
            "Minister of Economic Inclusion of Morocco",
            "Morocco",  # the country the role names: the side the minister acts for
        ),
        # a portfolio list is part of the role, not a person "Social Security"
        (
            "Spain's Minister of Labour, Social Security and Migration, Magdalena Valerio, "
            "signed the agreement.",
            "Magdalena Valerio",
            "Minister of Labour, Social Security and Migration",
            "Spain",
        ),
        (
            "The visit of Chancellor José Valencia to Quito ended on Monday.",
            "José Valencia",
            "Chancellor",
            None,
        ),
        # offices and forms of address of faiths
        (
            "The statement was signed by Presiding Bishop Mary Holt on Monday.",
            "Mary Holt",
            "Presiding Bishop",
            None,
        ),
        (
            "The Bishop of St Albans, Dr John Lowe, signed the statement.",
            "John Lowe",
            "Bishop of St Albans",
            None,
        ),
        (
            "Venerable Thich Nhat Tu represented the Buddhist faith.",
            "Thich Nhat Tu",
            None,
            None,
        ),
        (  # a form of address before a title the gold keeps in the name
            "His Holiness Pope Tawadros II signed the protocol.",
            "Pope Tawadros II",
            None,
            None,
        ),
    ],
)
def test_roles_and_organisations(parse, body, name, role, org):
    people = doc_tables([parse(HEAD + body)])["people"]
    assert list(people["name"]) == [name]
    row = people.iloc[0]
    assert (row["role"], row["org"] if isinstance(row["org"], str) else None) == (role, org)


@pytest.mark.parametrize(
    "body, name, role, org",
    [
        # a title before the name, the body in an apposition after it
        (
            "The pact, President Maria Santos, this year\u2019s ASEAN chair, said, is historic.",
            "Maria Santos",
            "President",
            "ASEAN",
        ),
        # a portfolio before the role: the department or ministry of that portfolio
        (
            "The Kenya Department of Labour and IOM met. It was signed by Labour Secretary "
            "Jane Wambui.",
            "Jane Wambui",
            "Labour Secretary",
            "Kenya Department of Labour",
        ),
        # a minister works for the ministry of the portfolio
        (
            "IOM and Ukraine’s Ministry of the Interior (MoI) signed a Cooperation Agreement. "
            "It was signed by the Minister of the Interior of Ukraine Ihor Klymenko.",
            "Ihor Klymenko",
            "Minister of the Interior of Ukraine",
            "Ministry of the Interior",
        ),
        # a body named short in the role is the one named before
        (
            "IOM and the Ministry of Expatriates' Welfare and Overseas Employment signed a "
            "memorandum. It was signed by Dr. Ahmed Munirus Saleheen, Secretary of the Ministry.",
            "Ahmed Munirus Saleheen",
            "Secretary of the Ministry",
            "Ministry of Expatriates' Welfare and Overseas Employment",
        ),
    ],
)
def test_the_organisation_of_a_role_is_a_body_named_before(parse, body, name, role, org):
    people = doc_tables([parse(HEAD + body)])["people"]
    row = people[people["name"] == name].iloc[0]
    assert row["role"] == role
    assert row["org"] == org


def test_headline_guesses_and_roles_from_another_site(parse):
    text = (
        "IOM and Nigeria Sign Memorandum of Understanding to Strengthen Return and Reintegration\n"
        "Abuja - On Tuesday 30 April 2019, IOM and the Federal Government of Nigeria signed a "
        "Memorandum of Understanding (MoU). The MoU was signed by IOM Chief of Mission Frantz "
        "Celestin and the Minister of Foreign Affairs, Geoffrey Onyeama."
    )
    people = doc_tables([parse(text)])["people"]
    assert sorted(people["name"]) == ["Frantz Celestin", "Geoffrey Onyeama"]
    row = people[people["name"] == "Geoffrey Onyeama"].iloc[0]
    assert row["role"] == "Minister of Foreign Affairs"


def test_a_coordinated_person_takes_the_role_after_their_name(parse):
    text = (
        "Officials meet\n"
        "The minister met Anna Berg, IOM Regional Director for Europe, and Tomas Lind, "
        "Chief of Mission at IOM Sweden, on 3 May."
    )
    people = {r["name"]: r["role"] for r in doc_tables([parse(text)])["people"].to_dict("records")}
    assert people["Tomas Lind"] == "Chief of Mission"


def test_the_next_item_of_a_list_is_not_the_role_of_the_name_before(parse):
    body = "It was signed by Minister Ana Vake, and IOM Chief of Mission Sione Latu."
    rows = doc_tables([parse(HEAD + body)])["people"].to_dict("records")
    found = {r["name"]: (r["role"], r["org"] if isinstance(r["org"], str) else None) for r in rows}
    assert found["Ana Vake"] == ("Minister", None)
    assert found["Sione Latu"] == ("Chief of Mission", "IOM")


def test_a_minister_of_another_country_does_not_work_for_the_ministry_named_before(parse):
    body = (
        "Armenian Minister of Labor and Social Affairs Narek Petrosyan, who is in Iran on a "
        "visit, met with Reza Karimi, Minister of Labor, Cooperatives and Social Welfare of "
        "Iran. They met at the Ministry of Labor and Social Affairs of Armenia."
    )
    rows = doc_tables([parse(HEAD + body)])["people"].to_dict("records")
    found = {r["name"]: r["org"] if isinstance(r["org"], str) else None for r in rows}
    assert found.get("Reza Karimi", "absent") is None


def test_a_fuller_role_named_later_completes_the_first(parse):
    body = (
        "Foreign Minister Ama Owusu arrived on Monday. The remarks were delivered by Foreign "
        "Minister of the Republic of Ghana Ama Owusu."
    )
    rows = doc_tables([parse(HEAD + body)])["people"].to_dict("records")
    assert [r["role"] for r in rows if r["name"] == "Ama Owusu"] == [
        "Foreign Minister of the Republic of Ghana"
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        # a role before "and" is the first person's, the second has none of it
        (
            "It was signed by William Lacy Swing, IOM Director General and Dr. Kunio Mikuriya, "
            "WCO Secretary General.",
            [
                ("William Lacy Swing", "Director General", "IOM"),
                ("Kunio Mikuriya", "WCO Secretary General", None),
            ],
        ),
        # "X, Role of X, Y, Role of Y": each apposition is its own name's
        (
            "It was signed by Guy Ryder, ILO Director General, Filippo Grandi, UN High "
            "Commissioner for Refugees, and Amy Pope, IOM Director General.",
            [
                ("Guy Ryder", "Director General", "ILO"),
                (
                    "Filippo Grandi",
                    "UN High Commissioner for Refugees",
                    "UN High Commissioner for Refugees",
                ),
                ("Amy Pope", "Director General", "IOM"),
            ],
        ),
        # the title after a name that leads to the next name is that name's
        (
            "On Monday the Armenian Minister of Foreign Affairs Edward Nalbandian, the EU "
            "Commissioner for Internal Affairs Cecilia Malmström and others met in Armenia.",
            [
                ("Edward Nalbandian", "Armenian Minister of Foreign Affairs", "Armenia"),
                ("Cecilia Malmström", "Commissioner for Internal Affairs", "EU"),
            ],
        ),
        # a name run on after the portfolio of a High Commissioner's title
        (
            "GENEVA - UN High Commissioner for Refugees Filippo Grandi and IOM Director "
            "General Amy Pope signed the agreement.",
            [
                (
                    "Filippo Grandi",
                    "UN High Commissioner for Refugees",
                    "UN High Commissioner for Refugees",
                ),
                ("Amy Pope", "Director General", "IOM"),
            ],
        ),
        # "and the Director General of ICMPD, Mr. Y": Y's own title, after "and"
        (
            "The President of the European University Institute, Professor Renaud Dehousse, and "
            "the Director General of ICMPD, Mr. Michael Spindelegger, signed it.",
            [
                ("Renaud Dehousse", "President", "European University Institute"),
                ("Michael Spindelegger", "Director General", "ICMPD"),
            ],
        ),
        # a name after "and" with a role of its own in apposition is a person, not a role
        (
            "It was signed by Cynthia Samuel-Olonjuwon, ILO Regional Director for Africa and "
            "Maureen Achieng, IOM Ethiopia Chief of Mission.",
            [
                ("Cynthia Samuel-Olonjuwon", "Regional Director for Africa", "ILO"),
                ("Maureen Achieng", "Chief of Mission", "IOM Ethiopia"),
            ],
        ),
        (
            "“We will help,” said Alvaro Rodriguez, the UN Resident Coordinator in Turkey.",
            [("Alvaro Rodriguez", "Resident Coordinator in Turkey", "UN")],
        ),
        # a form of address between the comma and the name
        (
            "It was signed by the president of the ILO, Senator Ana Reyes.",
            [("Ana Reyes", "president", "ILO")],
        ),
        # a body's acronym in brackets between the body and the comma
        (
            "It was signed by the secretary general of the International Trade Union "
            "Confederation (ITUC), Kofi Mensah.",
            [("Kofi Mensah", "secretary general", "International Trade Union Confederation")],
        ),
    ],
)
def test_each_person_has_their_own_role_and_body(parse, body, expected):
    people = doc_tables([parse(HEAD + body)])["people"]
    found = [
        (r["name"], r["role"], r["org"] if isinstance(r["org"], str) else None)
        for r in people.to_dict("records")
    ]
    assert found == expected
