"""The countries a report lists as taking part are the parties of an act the group made
(``agreements.members``). Texts written for these tests."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Free movement\nThe summit ended in Nairobi with the signing of a free movement "
            "agreement between the five member states. The summit was attended by "
            "representatives from Kenya, Uganda, Rwanda, Burundi and Tanzania.",
            [["Burundi", "Kenya", "Rwanda", "Tanzania", "Uganda"]],
            id="signed-between-the-member-states-attended-by-a-list",
        ),
        pytest.param(
            "Ministers meet\nMinisters from Ghana, Togo, Benin and Nigeria participated in the "
            "meeting in Accra. The meeting culminated in the adoption of the Accra "
            "Declaration on labour migration.",
            [["Benin", "Ghana", "Nigeria", "Togo"]],
            id="an-act-with-no-side-adopted-at-a-meeting-they-attended",
        ),
        pytest.param(
            "Labour mobility\nThe International Labour Organization and the African Union "
            "signed a memorandum of understanding on labour mobility in Addis Ababa. "
            "The African Union counts among its members Kenya, Uganda, Rwanda and Ghana.",
            [["African Union", "International Labour Organization"]],
            id="an-act-between-two-bodies-is-not-their-members",
        ),
        pytest.param(
            "Readmission\nThe European Union signed readmission agreements on Monday. "
            "Welcoming the agreements with Ghana and Togo, Ireland's Minister spoke.",
            [["European Union"]],
            id="a-country-named-as-an-owner-ends-no-list",
        ),
        pytest.param(
            "UN network launched\nThe UN Network on Migration was formally launched in Ghana "
            "on Monday. The Network in Ghana consists of six members: FAO, IOM, OHCHR, UN "
            "Habitat, UNHCR,UNICEF, UNODC and WFP.",
            [
                [
                    "Food and Agriculture Organization of the United Nations",
                    "International Organization for Migration",
                    "Office of the United Nations High Commissioner for Human Rights",
                    "Office of the United Nations High Commissioner for Refugees",
                    "United Nations Children's Fund",
                    "United Nations Office on Drugs and Crime",
                    "World Food Programme",
                ]
            ],
            id="a-member-the-model-does-not-name-breaks-no-list",
        ),
        pytest.param(
            "Refugee network\nA new refugee network was launched in Nairobi on Monday. The "
            "network consists of four members: Oxfam, Plan International, the Norwegian Refugee "
            "Council and the International Rescue Committee.",
            [
                [
                    "International Rescue Committee",
                    "Norwegian Refugee Council",
                    "Oxfam",
                    "Plan International",
                ]
            ],
            id="the-bodies-a-network-consists-of",
        ),
        pytest.param(
            "Open letter\nA coalition of 27 organisations signed an open letter to the Prime "
            "Minister on refugees on Monday. It asks for safe routes. The charities include Oxfam, "
            "the Norwegian Refugee "
            "Council and the International Rescue Committee.",
            [
                [
                    "International Rescue Committee",
                    "Norwegian Refugee Council",
                    "Oxfam",
                ]
            ],
            id="the-bodies-a-group-includes",
        ),
        pytest.param(
            "Refugee network\nA new refugee network was launched in Nairobi on Monday. It will "
            "meet twice a year. The network brings together Oxfam, the Norwegian Refugee Council and the International "
            "Rescue Committee.",
            [
                [
                    "International Rescue Committee",
                    "Norwegian Refugee Council",
                    "Oxfam",
                ]
            ],
            id="the-bodies-a-network-brings-together",
        ),
        pytest.param(
            "Summit\nThe leaders adopted the Los Angeles Declaration on migration on Friday. "
            "It asks for safe routes. The signatories to the declaration, announced on the "
            "last day, included Mexico, Guatemala, Honduras and Panama.",
            [["Guatemala", "Honduras", "Mexico", "Panama"]],
            id="the-countries-the-signatories-included",
        ),
        pytest.param(
            "Refugees\nThe banks adopted a joint statement on refugees in Geneva on Monday. It "
            "asks for more funding. The banks, including the World Bank, the European "
            "Investment Bank and the Asian Development Bank, renewed their support.",
            [["Asian Development Bank", "European Investment Bank", "World Bank"]],
            id="the-bodies-a-plural-includes",
        ),
        pytest.param(
            "Ministers\nThe ministers adopted a declaration on labour migration in Accra. It "
            "asks for fair recruitment. The programme includes funding from the European "
            "Union, the World Bank and the African Development Bank.",
            [[]],
            id="what-a-programme-includes-is-no-member-list",
        ),
        pytest.param(
            "Trafficking\nThe joint declaration was signed in Hanoi at the meeting of the "
            "Mekong initiative, which groups Cambodia, Laos, Myanmar and Thailand.",
            [["Cambodia", "Laos", "Myanmar", "Thailand"]],
            id="an-initiative-that-groups-the-countries",
        ),
        pytest.param(
            "Detention\nA new coalition against detention was launched on Monday. Groups are "
            "organising launch events in Lebanon, India and South Africa.",
            [[]],
            id="groups-as-a-noun-are-no-members",
        ),
        pytest.param(
            "Seasonal work\nThe five countries signed a seasonal work agreement in Canberra. "
            "Workers from Kiribati, Nauru and Tuvalu participated in the scheme last year.",
            [[]],
            id="a-list-before-any-word-of-taking-part-is-no-member-list",
        ),
        pytest.param(
            "Agencies launch network\nThe United Nations in Ghana launched a network on "
            "migration on Monday.\nIn Ghana, the Network's members are:\n"
            "  • International Labour Organization (ILO)\n  • World Health Organization\n"
            "  • UN Development Programme (UNDP)\n\nRead more",
            [  # "United Nations" opens a member's name: the agencies sign, not the system
                [
                    "International Labour Organization",
                    "United Nations Development Programme",
                    "World Health Organization",
                ]
            ],
            id="a-network-s-members-one-per-line-under-its-members-are",
        ),
        pytest.param(
            "Ghana signs labour agreement\nGhana signed a labour agreement on Monday. The Council "
            "has 15 members, elected by the African Union, the World Bank and the International "
            "Labour Organization.",
            [["Ghana"]],
            id="members-who-elect-a-council-are-no-list-of-its-members",
        ),
        pytest.param(
            "Diaspora bodies sign MoU\nAccording to the president of the Association of "
            "Ghanaians in America (AGA), Mr. Kofi Mensah, and the president of the Ghana Union "
            "of Canada (GUC), Dr. Ama Owusu, the following organizations agreed on a "
            "memorandum of understanding to collaborate.\nList of Partner Organizations:\n"
            "1. The Association of Ghanaians in America (AGA)\n2. The Ghana Union of Canada "
            "(GUC)\n3. Ghanaian Nurses Association of Texas (GNAT)\n4. Accra Alumni Society "
            "of Boston (AASB)",
            [
                [
                    "Accra Alumni Society of Boston",
                    "Association of Ghanaians in America",
                    "Ghana Union of Canada",
                    "Ghanaian Nurses Association of Texas",
                ]
            ],
            id="the-following-organizations-and-a-list-of-partners-below",
        ),
        pytest.param(
            "Ghana and IOM sign agreement\nGhana and IOM signed an agreement on Monday that "
            "will fund the following organizations:\n1. Accra Alumni Society of Boston\n"
            "2. Ghanaian Nurses Association of Texas\n3. Ghana Union of Canada",
            [["Ghana", "International Organization for Migration"]],
            id="the-following-organizations-an-act-funds-are-no-sides",
        ),
        pytest.param(
            "Declaration adopted\nA declaration on migrant workers was adopted at the forum "
            "in Accra on Monday by IOM.\nOur partners:\n1. Accra Alumni Society of Boston\n"
            "2. Ghanaian Nurses Association of Texas\n3. Ghana Union of Canada",
            [["International Organization for Migration"]],
            id="a-site-s-partners-are-no-member-list",
        ),
        pytest.param(
            "Alpine statement\nThe Prime Ministers of the Alpine Group countries (Austria, "
            "Switzerland, Slovenia and Italy) convening in Vienna on Monday adopted a Joint "
            "Statement on migration.",
            [["Alpine Group", "Austria", "Italy", "Slovenia", "Switzerland"]],
            id="title-case-ministers-before-a-bracketed-list",
        ),
        pytest.param(
            "Southern ministers meet\nOn Monday, Malta, Italy, Spain, Greece and Portugal met "
            "in Malaga to discuss migration. At the end of the meeting the ministers adopted a "
            "joint declaration on returns.",
            [["Greece", "Italy", "Malta", "Portugal", "Spain"]],
            id="a-list-of-countries-that-met",
        ),
        pytest.param(
            "Ministers adopt Rabat declaration\nAfrican and European ministers adopted a joint "
            "declaration on migration in Rabat on Tuesday. In 2021, Morocco, Spain and France "
            "met in Paris to discuss funding for the process.",
            [[]],
            id="countries-that-met-at-another-time-are-no-members",
        ),
        pytest.param(
            "Returnees supported\nThe Ministry of Local Government signed a memorandum of "
            "understanding to support returning migrants in the cities of Kumasi, Tamale and "
            "Takoradi.",
            [["Ministry of Local Government"]],
            id="cities-an-act-serves-with-no-mayor-are-no-sides",
        ),
        pytest.param(
            "Mayors write to the President\nForty American mayors issued a joint statement "
            "on Monday calling for immigration reform. It was signed by mayors from "
            "Baltimore; Boston; Chicago; Denver and Houston.",
            [["Baltimore", "Boston", "Chicago", "Denver", "Houston"]],
            id="a-letter-signed-by-mayors-of-listed-cities",
        ),
        pytest.param(
            "Cities stand with refugees\nMayors from more than 50 cities, including "
            "Amsterdam, Barcelona, Berlin and Manchester, issued a joint statement on World "
            "Refugee Day.",
            [["Amsterdam", "Barcelona", "Berlin", "Manchester"]],
            id="mayors-from-cities-including-a-list",
        ),
        pytest.param(
            "Grant for cities\nIOM and UNHCR signed an agreement on Monday to support "
            "refugees in cities such as Nairobi, Mombasa, Kisumu and Eldoret.",
            [
                [
                    "International Organization for Migration",
                    "Office of the United Nations High Commissioner for Refugees",
                ]
            ],
            id="cities-an-act-serves-are-no-sides-of-an-act-between-two-bodies",
        ),
    ],
)
def test_the_members_a_report_lists_are_the_group_s_parties(act_parties, text, expected):
    assert act_parties(text) == expected


def test_the_countries_a_body_comprises_are_no_sides_of_its_acts(act_parties):
    text = (
        "Sahel\nIOM signed a cooperation agreement with the G5 Sahel on Monday. The G5 "
        "Sahel, comprising Mali, Niger, Chad and Mauritania, works on security."
    )
    [found] = act_parties(text)
    assert "International Organization for Migration" in found
    assert not {"Mali", "Niger", "Chad", "Mauritania"} & set(found)
