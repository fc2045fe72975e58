import pytest

from pipeline.tables import doc_tables

TEXT = (
    "IPA CIS, IOM, WHO Joint Statement on Migration during COVID-19\n"
    "They call on national migration and health authorities:\n"
    "In the field of healthcare:\n"
    "- to ensure the availability of free COVID-19 testing; to provide access to health services. "
    "Provide access to free COVID-19 treatment;\n"
    "- to include migrant workers in national vaccination plans.\n"
    "No one is safe until everyone is safe. Coordinated efforts will help."
)


def test_sentence_rows(parse):
    rows = doc_tables([parse(TEXT)])["sentences"]
    assert rows["text"].tolist() == [
        "IPA CIS, IOM, WHO Joint Statement on Migration during COVID-19",
        "They call on national migration and health authorities:",
        "In the field of healthcare:",
        "- to ensure the availability of free COVID-19 testing; to provide access to health "
        "services. Provide access to free COVID-19 treatment;",
        "- to include migrant workers in national vaccination plans.",
        "No one is safe until everyone is safe.",
        "Coordinated efforts will help.",
    ]
    assert rows["kind"].tolist()[:5] == ["title", "lead_in", "lead_in", "list_item", "list_item"]


def test_offsets_point_into_text_and_no_line_is_crossed(parse):
    rows = doc_tables([parse(TEXT)])["sentences"]
    for row in rows.itertuples():
        assert TEXT[row.start : row.end] == row.text
        assert "\n" not in row.text
    assert rows["sent_id"].tolist() == list(range(len(rows)))


def test_a_sentence_the_parser_cut_after_a_bracket_is_one_sentence(parse):
    text = (
        "Network launched\n"
        "UNHCR launched on Monday (4 April 2022) a Regional Protection Network to support "
        "asylum seekers. It starts now."
    )
    rows = doc_tables([parse(text)])["sentences"]
    assert rows["text"].tolist()[1:] == [
        "UNHCR launched on Monday (4 April 2022) a Regional Protection Network to support "
        "asylum seekers.",
        "It starts now.",
    ]


def test_a_sentence_the_parser_cut_after_an_abbreviated_title_is_one_sentence(parse):
    text = (
        "Agreement signed\n"
        "The agreement was signed by the Prime Minister, Hon. Ana Vake, and the Ambassador, "
        "Dr. Paul Hale. It enters into force in May."
    )
    rows = doc_tables([parse(text)])["sentences"]
    assert rows["text"].tolist()[1:] == [
        "The agreement was signed by the Prime Minister, Hon. Ana Vake, and the Ambassador, "
        "Dr. Paul Hale.",
        "It enters into force in May.",
    ]


def test_a_sentence_the_parser_cut_after_an_abbreviated_first_name_is_one_sentence(parse):
    text = (
        "Agreements signed\n"
        "The grant agreements were signed by Md. Arif Rahman Chowdhury, Secretary, and the "
        "Chief of Mission. They run for three years."
    )
    rows = doc_tables([parse(text)])["sentences"]
    assert rows["text"].tolist()[1] == (
        "The grant agreements were signed by Md. Arif Rahman Chowdhury, Secretary, and the "
        "Chief of Mission."
    )


def test_md_of_a_managing_director_still_ends_a_sentence(parse):
    text = (
        "Nurses to go abroad\n"
        "The plan was welcomed by Jane Otieno, the company's MD. Kenya will send 500 nurses."
    )
    rows = doc_tables([parse(text)])["sentences"]
    assert rows["text"].tolist()[1:] == [
        "The plan was welcomed by Jane Otieno, the company's MD.",
        "Kenya will send 500 nurses.",
    ]


@pytest.mark.parametrize(
    "body, kinds",
    [
        # items with no bullet go on in lower case from a lead-in's colon or an item's ";"
        (
            "The universities express their commitment:\n\n"
            "to advocate fair migration policies;\n\n"
            "to ensure equity for migrant students; and\n\n"
            "to act together across the region.\n\n"
            "The statement was adopted in May.",
            ["lead_in", "list_item", "list_item", "list_item", "sentence"],
        ),
        # a paragraph in lower case after a full stop is no item
        (
            "The ministers met in Rabat.\n\nbut no agreement was reached on the text.",
            ["sentence", "sentence"],
        ),
    ],
)
def test_list_items_without_bullets(parse, body, kinds):
    rows = doc_tables([parse("Universities on migration\n" + body)])["sentences"]
    assert rows["kind"].tolist()[1:] == kinds


def test_a_page_kept_on_one_line_has_sentences_on_its_first_line(parse):
    # no headline: a first line of sixty words or more is the body's first paragraph
    body = " ".join(
        [
            "The refugee crisis has grown for years and many people have fled their homes.",
            "Politicians continue to argue about it while families wait in camps for help.",
            "Two agencies signed an agreement on Friday to establish a new data centre.",
            "It will collect data on refugees and host communities in many countries.",
            "The goal is to prompt a better global response to forced displacement.",
        ]
    )
    rows = doc_tables([parse(body)])["sentences"]
    assert len(rows) == 5
    assert rows["text"].tolist()[2].startswith("Two agencies signed")
    assert "title" not in rows["kind"].tolist()


def test_a_dateline_the_parser_cut_off_opens_the_sentence_it_dates(parse):
    text = (
        "Agencies sign working arrangement\n"
        "(MENAFN- Kuwait News Agency (KUNA)) LONDON, Feb 23 (KUNA) -- The border agency and "
        "the Home Office signed on Friday a working arrangement on border management.\n"
        "(ANSA) – NAPLES, MARCH 03 – A memorandum of understanding was signed today by the "
        "city and UNHCR."
    )
    texts = doc_tables([parse(text)])["sentences"]["text"].tolist()
    assert any(t.startswith("LONDON, Feb 23 (KUNA) -- The border agency") for t in texts)
    assert any(t.startswith("(ANSA) – NAPLES, MARCH 03 – A memorandum") for t in texts)
