"""The bodies a release lists as a text's makers are the parties of its act
(``agreements.authors``). Texts written for these tests."""

import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "NGOs issue joint statement on asylum\nFour groups adopted a joint statement on the "
            "reception of asylum seekers in Athens on Monday. It asks for fair procedures. "
            "The demands were jointly put "
            "forward by Amnesty International; Oxfam; the Norwegian Refugee Council and Save the "
            "Children, urging the European Union to protect asylum seekers.",
            [["Amnesty International", "Norwegian Refugee Council", "Oxfam", "Save the Children"]],
            id="demands-put-forward-by-a-list-ending-before-a-clause",
        ),
        pytest.param(
            "Groups call for fair relocation\nFive groups adopted a joint statement on the "
            "relocation of refugees on Monday.\nThe statement is co-signed by:\n"
            "  • International Rescue Committee\n  • Danish Refugee Council\n"
            "  • Greek Council for Refugees (GCR)\n  • Norwegian Refugee Council\n\nRead more",
            [
                [
                    "Danish Refugee Council",
                    "Greek Council for Refugees",
                    "International Rescue Committee",
                    "Norwegian Refugee Council",
                ]
            ],
            id="a-heading-line-over-one-body-per-line",
        ),
        pytest.param(
            "Appeal on asylum\nThe organisations adopted a joint statement on the asylum "
            "reform on Monday. It asks for fair procedures.\nThe statement is supported by: Amnesty International, Oxfam, "
            "Kerkinactie, the Norwegian Refugee Council and Save the Children.",
            [["Amnesty International", "Norwegian Refugee Council", "Oxfam", "Save the Children"]],
            id="names-the-model-misses-do-not-end-the-list",
        ),
        pytest.param(
            "Quito declaration\nThe Declaration of Quito on human mobility was signed today. "
            "In addition to Ecuador, the document was signed by Argentina, Brazil, Chile and Peru.",
            [["Argentina", "Brazil", "Chile", "Ecuador", "Peru"]],
            id="a-side-of-its-own-beside-the-list",
        ),
        pytest.param(
            "Labour migration\nGermany and Poland signed a memorandum on labour migration on "
            "Monday. Visas issued by Germany, France and Italy will be accepted at the border.",
            [["Germany", "Poland"]],
            id="things-issued-by-a-list-are-no-text-of-its-makers",
        ),
        pytest.param(
            "Labour migration\nThe ILO and the African Union signed a memorandum on labour "
            "mobility in Addis Ababa. The project is supported by Germany, Sweden and Norway.",
            [["African Union", "International Labour Organization"]],
            id="a-project-s-supporters-are-no-sides-of-an-act-with-two",
        ),
        pytest.param(
            "Shelter\nThe two organisations signed a memorandum on shelter in Aden on Monday. "
            "It covers displaced families. The memorandum is signed by the International "
            "Organization for Migration, Mr. John Smith, Head of Office in Yemen, the "
            "Norwegian Refugee Council and the Danish Refugee Council.",
            [
                [
                    "Danish Refugee Council",
                    "International Organization for Migration",
                    "Norwegian Refugee Council",
                ]
            ],
            id="where-a-signer-serves-is-no-side",
        ),
        pytest.param(
            "Libya\nOxfam and CARE issued a joint statement on Libya on Monday. It asks for "
            "safe routes. The petition is supported by: Amnesty International, the Norwegian "
            "Refugee Council, Save the Children and the Danish Refugee Council.",
            [["CARE", "Oxfam"]],
            id="another-text-s-supporters-leave-a-statement-s-two-sides",
        ),
        pytest.param(
            "Returns\nIOM and the Ministry of Labour signed a memorandum on returns in Accra. "
            "Supported by the European Union, Germany and Norway, the project helps returnees.",
            [["International Organization for Migration", "Ministry of Labour"]],
            id="a-project-s-donors-before-its-name-are-no-makers",
        ),
        pytest.param(
            "Yemen\nOxfam issued a joint statement on Yemen on Monday. It asks for a ceasefire. "
            "The statement was signed by residents of Sanaa, Aden, Taiz and Marib.",
            [["Oxfam"]],
            id="cities-are-no-makers",
        ),
        pytest.param(
            "Coalition\nA new coalition was launched in Geneva on Monday. It will meet in "
            "June. Led by Oxfam, the International Rescue Committee and the Norwegian Refugee "
            "Council, the "
            "coalition calls on the European Union to open safe routes.",
            [["International Rescue Committee", "Norwegian Refugee Council", "Oxfam"]],
            id="a-clause-after-the-list-ends-it",
        ),
        pytest.param(
            "Groups call for fair relocation\nFive groups adopted a joint statement on the "
            "relocation of refugees on Monday.\nThe statement is co-signed by:\n"
            "  • International Rescue Committee\n  • Danish Refugee Council\n"
            "  • Norwegian Refugee Council\nUNHCR welcomed the statement on Tuesday.",
            [
                [
                    "Danish Refugee Council",
                    "International Rescue Committee",
                    "Norwegian Refugee Council",
                ]
            ],
            id="a-sentence-after-the-lines-ends-them",
        ),
        pytest.param(
            "Groups issue joint statement\nThe groups adopted a joint statement on the "
            "reception of refugees on Monday.\nSigned,\nThe Asylum Seeker Help Group\nand\n"
            "Refugee Welcome Circle\nMigrant Workers Advocacy Group",
            [
                [
                    "Asylum Seeker Help Group",
                    "Migrant Workers Advocacy Group",
                    "Refugee Welcome Circle",
                ]
            ],
            id="a-signed-line-over-one-body-per-line",
        ),
    ],
)
def test_the_makers_a_release_lists_are_the_act_s_parties(act_parties, text, expected):
    assert act_parties(text) == expected
