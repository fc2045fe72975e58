"""Signers a release states (``agreements.stated_signers``): "Signing the memorandum were
X and Y", "X and Y were the signatories", who represented each side at the signing, and
a person a relative clause says signed for a side (``documents.recalled_side_signer``),
and "It was signed by" right after the document as subject (``documents.it_signed``).
Texts written for these tests."""

import pytest

from pipeline.tables import doc_tables

LEAD = (
    "Ghana and ILO sign memorandum\n"
    "Ghana and the International Labour Organization signed a memorandum of understanding "
    "in Accra on Monday. The memorandum covers the fair recruitment of workers. "
)


def signatories(parse, text: str) -> list[str]:
    """The signatories of the release's first act."""
    rows = doc_tables([parse(text)])["agreements"].to_dict("records")
    return [s["name"] for s in rows[0]["signatories"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            LEAD + "Signing the memorandum were Minister of Labour Kwame Mensah and ILO "
            "Regional Director Anna Berg.",
            ["Kwame Mensah", "Anna Berg"],
            id="a-signing-gerund-as-subject-of-were",
        ),
        pytest.param(
            LEAD + "Minister of Labour Kwame Mensah and ILO Regional Director Anna Berg were "
            "the main signatories of the memorandum.",
            ["Kwame Mensah", "Anna Berg"],
            id="people-were-the-signatories",
        ),
        pytest.param(
            LEAD + "The signatories were Minister Kwame Mensah, for Ghana, and Director Anna "
            "Berg, for the ILO, in the presence of President Nana Akufo-Addo.",
            ["Kwame Mensah", "Anna Berg"],
            id="the-signatories-were-up-to-who-looked-on",
        ),
        pytest.param(
            LEAD + "Among the signatories were Minister Kwame Mensah and Director Anna Berg.",
            ["Kwame Mensah", "Anna Berg"],
            id="among-the-signatories-were",
        ),
        pytest.param(
            LEAD + "Director Anna Berg, one of the signatories, said the memorandum was overdue.",
            [],
            id="one-of-the-signatories-in-a-phrase-of-its-own-is-not-stated",
        ),
        pytest.param(
            LEAD + '"Signing labour agreements with countries of destination is to ensure that '
            'workers are protected," Minister Kwame Mensah said.',
            [],
            id="a-signing-gerund-s-clause-names-no-speaker",
        ),
        pytest.param(
            LEAD + "At the signing ceremony, Ghana was represented by its Minister of Labour, "
            "Kwame Mensah. Meanwhile, the ILO was represented by its regional director Anna "
            "Berg.",
            ["Kwame Mensah", "Anna Berg"],
            id="represented-at-the-signing-and-the-next-side-after-it",
        ),
        pytest.param(
            LEAD + "The conference was opened on Tuesday. Ghana was represented by its "
            "Minister of Labour, Kwame Mensah.",
            [],
            id="represented-at-no-signing",
        ),
        pytest.param(
            "Ghana and Togo sign labour deal\n"
            "Ghana and Togo signed a labour agreement in Accra on Monday. The agreement covers "
            "seasonal workers. It will take effect in May. Officials welcomed it warmly. "
            "Togo's Minister of Labour, Koffi Adjo, who signed on behalf of his country, said "
            "the deal was overdue.",
            ["Koffi Adjo"],
            id="who-signed-on-behalf-of-a-side-further-on",
        ),
        pytest.param(
            "Ghana and Togo sign labour deal\n"
            "Ghana and Togo signed a labour agreement in Accra on Monday. The agreement covers "
            "seasonal workers. It will take effect in May. Officials welcomed it warmly. "
            "Togo's Minister of Labour, Koffi Adjo, who signed the petition, said the deal was "
            "overdue.",
            [],
            id="who-signed-something-else-further-on",
        ),
        pytest.param(
            "Morocco and IOM sign host agreement\n"
            "The agreement on an IOM office in Rabat, signed in Geneva on Tuesday, will "
            "reinforce cooperation, said Omar Idrissi, Moroccan ambassador to the UN in Geneva, "
            "who along with IOM Director General Anna Berg signed the document.",
            ["Omar Idrissi", "Anna Berg"],
            id="who-along-with-another-signed-hung-on-a-role-in-apposition",
        ),
        pytest.param(
            LEAD + "It was signed by Minister of Labour Kwame Mensah and ILO Regional "
            "Director Anna Berg.",
            ["Kwame Mensah", "Anna Berg"],
            id="it-was-signed-by-after-the-document-as-subject",
        ),
        pytest.param(
            LEAD + "A petition on wages was also presented. It was signed by Kwame Mensah and "
            "Anna Berg.",
            [],
            id="it-was-signed-by-after-another-thing",
        ),
        pytest.param(
            LEAD + "In the presence of President Nana Akufo-Addo, the signatories were Minister "
            "Kwame Mensah and Director Anna Berg.",
            ["Kwame Mensah", "Anna Berg"],
            id="who-looked-on-before-the-signatories-are-stated",
        ),
        pytest.param(
            LEAD + "The signatories were Minister Kwame Mensah and Director Anna Berg, and "
            "President Nana Akufo-Addo gave the closing address.",
            ["Kwame Mensah", "Anna Berg"],
            id="the-stated-phrase-not-another-clause",
        ),
        pytest.param(
            LEAD + "The signatories were all present, according to spokesperson Ama Owusu.",
            [],
            id="no-signatory-named-only-a-source",
        ),
        pytest.param(
            LEAD + "Among the signatories of the 1951 Refugee Convention was Ghana's first "
            "foreign minister, Kojo Botsio, recalled Minister Kwame Mensah.",
            [],
            id="the-signatories-of-an-earlier-act",
        ),
        pytest.param(
            LEAD + "The signatories of the open letter calling for the memorandum were trade "
            "unionists Kofi Tetteh and Ama Owusu.",
            [],
            id="the-signatories-of-a-letter",
        ),
        pytest.param(
            LEAD + "The petition's signers included returnee workers Kofi Tetteh and Ama Owusu.",
            [],
            id="a-petition-s-signers",
        ),
        pytest.param(
            LEAD + "Notably, Minister Kwame Mensah was not among the signatories.",
            [],
            id="not-among-the-signatories",
        ),
        pytest.param(
            LEAD + "Signing up returning migrants for health insurance was the focus of "
            "Minister Kwame Mensah's visit.",
            [],
            id="signing-up-is-no-signing",
        ),
        pytest.param(
            LEAD + "Along with Minister Kwame Mensah, the signatories to the memorandum were "
            "Director Anna Berg and Ambassador Kofi Tetteh.",
            ["Kwame Mensah", "Anna Berg", "Kofi Tetteh"],
            id="along-with-one-the-signatories-were",
        ),
        pytest.param(
            LEAD + "At the signing ceremony, Ghana was represented by its Minister of Labour, "
            "Kwame Mensah. In the afternoon panel on diaspora investment, civil society was "
            "represented by activist Ama Owusu.",
            ["Kwame Mensah"],
            id="represented-at-another-event-after-the-signing",
        ),
        pytest.param(
            "Ghana and Togo sign labour deal\n"
            "Ghana and Togo signed a labour agreement in Accra on Monday. The agreement covers "
            "seasonal workers. It will take effect in May. Togo's former Minister of Labour, "
            "Koffi Adjo, who signed on behalf of Togo in 2010, said the deal builds on the old "
            "one.",
            [],
            id="who-signed-for-a-side-in-another-year",
        ),
        pytest.param(
            "Ghana and Togo sign labour deal\n"
            "Ghana and Togo signed a labour agreement in Accra on Monday. The agreement covers "
            "seasonal workers. It will take effect in May. Minister Koffi Adjo, who signed on "
            "behalf of his country, was later received by President Faure Gnassingbe.",
            ["Koffi Adjo"],
            id="who-signed-for-a-side-as-a-passive-subject",
        ),
        pytest.param(
            "Ghana and Togo sign labour deal\n"
            "Ghana and Togo signed a labour agreement in Accra on Monday, said Minister Kwame "
            "Mensah, who signed a similar deal with Burkina Faso's Minister Issa Ouedraogo in "
            "2021.",
            [],
            id="who-signed-another-deal-in-the-act-s-sentence",
        ),
    ],
)
def test_signers_a_release_states(parse, text, expected):
    assert signatories(parse, text) == expected
