"""The shared syntax helpers on hand-built Docs (words, heads, deps, tags): no statistical
model involved, so these pin the helpers' logic, not the parser's guesses."""

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.payloads import Mention
from pipeline.nlp.syntax import (
    MentionIndex,
    addition_phrase,
    clause_link,
    coordinated_under,
    governing_verb,
    left_mentions,
    mentions_in,
    misread_participle,
    served_at,
    subject_of,
    topic_phrase,
)

VOCAB = spacy.blank("en").vocab


def build(words, heads, deps, tags=None, pos=None):
    """A Doc with the given tree; ``heads`` are absolute token indices."""
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def org(doc, start, end, name):
    return Mention(
        doc[start].idx,
        doc[end - 1].idx + len(doc[end - 1].text),
        "ORG",
        "test",
        norm=name,
        entity_id=f"org:{name}",
    )


# "Oxfam and CARE will fund schools ."
COORDINATED = dict(
    words=["Oxfam", "and", "CARE", "will", "fund", "schools", "."],
    heads=[4, 0, 0, 4, 4, 4, 4],
    deps=["nsubj", "cc", "conj", "aux", "ROOT", "dobj", "punct"],
    tags=["NNP", "CC", "NNP", "MD", "VB", "NNS", "."],
    pos=["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
)


def test_subject_and_its_conjuncts_name_both_bodies():
    doc = build(**COORDINATED)
    index = MentionIndex(doc, [org(doc, 0, 1, "Oxfam"), org(doc, 2, 3, "CARE")])
    verb = governing_verb(doc[3])  # the modal's head
    assert verb.text == "fund"
    subject = subject_of(verb)
    assert subject.text == "Oxfam"
    assert [m.norm for m in mentions_in(subject, index)] == ["Oxfam", "CARE"]


def test_a_subject_inside_the_dateline_is_skipped():
    doc = build(**COORDINATED)
    assert subject_of(doc[4], skip=(0, doc[1].idx)) is None


def test_subject_is_found_through_a_conjoined_verb():
    # "UNICEF signed and will implement the plan"
    doc = build(
        words=["UNICEF", "signed", "and", "will", "implement", "the", "plan"],
        heads=[1, 1, 1, 4, 1, 6, 4],
        deps=["nsubj", "ROOT", "cc", "aux", "conj", "det", "dobj"],
    )
    assert subject_of(doc[4]).text == "UNICEF"


def test_a_participle_read_as_the_subject_gives_way_to_its_own_subject():
    # "The ministers meeting in Lima adopted a statement": "meeting" parsed as a noun
    doc = build(
        words=["The", "ministers", "meeting", "in", "Lima", "adopted", "a", "statement"],
        heads=[1, 2, 5, 2, 3, 5, 7, 5],
        deps=["det", "nsubj", "nsubj", "prep", "pobj", "ROOT", "det", "dobj"],
        tags=["DT", "NNS", "NN", "IN", "NNP", "VBD", "DT", "NN"],
    )
    assert subject_of(doc[5]).text == "ministers"


def test_a_verb_read_as_a_participle_with_an_object_is_the_sentence_s_verb():
    # "Minister X, and Ambassador Y, signed in Accra an agreement" / "the agreement signed in Accra"
    misread = build(
        words=["Minister", "Mensah", ",", "signed", "in", "Accra", "an", "agreement"],
        heads=[0, 0, 0, 0, 3, 4, 7, 3],
        deps=["ROOT", "appos", "punct", "acl", "prep", "pobj", "det", "dobj"],
        tags=["NNP", "NNP", ",", "VBN", "IN", "NNP", "DT", "NN"],
    )
    assert misread_participle(misread[3])
    modifier = build(
        words=["the", "agreement", "signed", "in", "Accra"],
        heads=[1, 1, 1, 2, 3],
        deps=["det", "ROOT", "acl", "prep", "pobj"],
        tags=["DT", "NN", "VBN", "IN", "NNP"],
    )
    assert not misread_participle(modifier[2])


def test_organisations_inside_a_prepositional_phrase_are_not_left_subjects():
    # "Together with Oxfam , CARE will fund schools"
    doc = build(
        words=["Together", "with", "Oxfam", ",", "CARE", "will", "fund", "schools"],
        heads=[6, 0, 1, 6, 6, 6, 6, 6],
        deps=["advmod", "prep", "pobj", "punct", "nsubj", "aux", "ROOT", "dobj"],
    )
    index = MentionIndex(doc, [org(doc, 2, 3, "Oxfam"), org(doc, 4, 5, "CARE")])
    assert [m.norm for m in left_mentions(doc[0:8], 6, index)] == ["CARE"]


def test_a_body_modifying_the_object_of_a_preposition_is_not_a_left_subject():
    # "Through the ILO project , CARE signed"
    doc = build(
        words=["Through", "the", "ILO", "project", ",", "CARE", "signed"],
        heads=[6, 3, 3, 0, 6, 6, 6],
        deps=["prep", "det", "compound", "pobj", "punct", "nsubj", "ROOT"],
    )
    index = MentionIndex(doc, [org(doc, 2, 3, "ILO"), org(doc, 5, 6, "CARE")])
    assert [m.norm for m in left_mentions(doc[0:7], 6, index)] == ["CARE"]


@pytest.mark.parametrize(
    "words, heads, deps, linked",
    [
        # "X will run camps , while Y will fund teachers"
        (
            ["X", "will", "run", "camps", ",", "while", "Y", "will", "fund", "teachers"],
            [2, 2, 2, 2, 2, 8, 8, 8, 2, 8],
            ["nsubj", "aux", "ROOT", "dobj", "punct", "mark", "nsubj", "aux", "advcl", "dobj"],
            True,
        ),
        # "X will run camps because Y will fund teachers": no contrast, no second clause
        (
            ["X", "will", "run", "camps", "because", "Y", "will", "fund", "teachers"],
            [2, 2, 2, 2, 7, 7, 7, 2, 7],
            ["nsubj", "aux", "ROOT", "dobj", "mark", "nsubj", "aux", "advcl", "dobj"],
            False,
        ),
    ],
)
def test_clause_links_need_coordination_or_contrast(words, heads, deps, linked):
    doc = build(words=words, heads=heads, deps=deps)
    second = next(t for t in doc if t.dep_ in ("advcl", "conj"))
    assert clause_link(second, doc[2]) is linked


def test_coordinated_objects_of_between_but_not_nested_phrases():
    # "between Malawi and the Mission in Ukraine"
    doc = build(
        words=["between", "Malawi", "and", "the", "Mission", "in", "Ukraine"],
        heads=[0, 0, 1, 4, 1, 4, 5],
        deps=["ROOT", "pobj", "cc", "det", "conj", "prep", "pobj"],
    )
    assert coordinated_under(doc[1], doc[0])
    assert coordinated_under(doc[4], doc[0])
    assert not coordinated_under(doc[6], doc[0])


def test_a_name_in_apposition_to_a_name_is_a_list_item():
    # "by Argentina , Brazil and Chile" parsed with Brazil as an apposition; "by Peru ,
    # the host" keeps its apposition out
    doc = build(
        words=["by", "Argentina", ",", "Brazil", "and", "Chile", "by", "Peru", ",", "the", "host"],
        heads=[0, 0, 1, 1, 3, 3, 6, 6, 7, 10, 7],
        deps=[
            "ROOT",
            "pobj",
            "punct",
            "appos",
            "cc",
            "conj",
            "ROOT",
            "pobj",
            "punct",
            "det",
            "appos",
        ],
        pos=[
            "ADP",
            "PROPN",
            "PUNCT",
            "PROPN",
            "CCONJ",
            "PROPN",
            "ADP",
            "PROPN",
            "PUNCT",
            "DET",
            "NOUN",
        ],
    )
    assert coordinated_under(doc[3], doc[0]) and coordinated_under(doc[5], doc[0])
    assert not coordinated_under(doc[10], doc[6])


@pytest.mark.parametrize(
    "tag, named",
    [
        ("NN", True),  # "with the union, Sindicato Unido": the object's name
        ("NNS", False),  # "with the unions, Sindicato Unido ...": one of several, or a list
    ],
)
def test_a_name_in_apposition_to_a_described_object_is_its_name(tag, named):
    doc = build(
        words=["with", "the", "union", ",", "Sindicato", "Unido"],
        heads=[0, 2, 0, 2, 5, 2],
        deps=["ROOT", "det", "pobj", "punct", "compound", "appos"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN"],
        tags=["IN", "DT", tag, ",", "NNP", "NNP"],
    )
    assert coordinated_under(doc[5], doc[0]) is named


def test_a_speaker_hung_on_a_described_object_is_not_its_name():
    # "with the company , Union Chief Ana said": the parse made the speaker's title an
    # apposition of the object
    doc = build(
        words=["with", "the", "company", ",", "Union", "Chief", "Ana", "said"],
        heads=[0, 2, 0, 2, 5, 2, 7, 7],
        deps=["ROOT", "det", "pobj", "punct", "compound", "appos", "nsubj", "ROOT"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB"],
        tags=["IN", "DT", "NN", ",", "NNP", "NNP", "NNP", "VBD"],
    )
    assert not coordinated_under(doc[5], doc[0])


@pytest.mark.parametrize(("on_head", "expected"), [(1, 4), (3, None)])
def test_a_topic_phrase_hung_on_the_verb_belongs_to_the_noun(on_head, expected):
    # "They signed a Declaration on a Partnership ." with "on" on the verb, or on the noun
    doc = build(
        words=["They", "signed", "a", "Declaration", "on", "a", "Partnership", "."],
        heads=[1, 1, 3, 1, on_head, 6, 4, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
    )
    found = topic_phrase(doc[3])
    assert (found.i if found is not None else None) == expected


def test_the_objects_of_in_addition_to_join_the_verb():
    # "In addition to Ghana , Togo signed ."
    doc = build(
        words=["In", "addition", "to", "Ghana", ",", "Togo", "signed", "."],
        heads=[6, 0, 1, 2, 6, 6, 6, 6],
        deps=["prep", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
    )
    assert addition_phrase(doc[6]).i == 2
    assert addition_phrase(doc[5]) is None


def test_a_body_in_an_apposition_describing_another_is_not_a_left_subject():
    # "UNICEF , the UN agency , calls"
    doc = build(
        words=["UNICEF", ",", "the", "UN", "agency", ",", "calls"],
        heads=[6, 0, 4, 4, 0, 0, 6],
        deps=["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT"],
    )
    index = MentionIndex(doc, [org(doc, 0, 1, "UNICEF"), org(doc, 3, 4, "UN")])
    assert [m.norm for m in left_mentions(doc[0:7], 6, index)] == ["UNICEF"]


# "Holm , Ambassador of Denmark to UN , signed ." with "to" hung on the person, as the
# small model parses an envoy's title in apposition
ENVOY = dict(
    words=["Holm", ",", "Ambassador", "of", "Denmark", "to", "UN", ",", "signed", "."],
    heads=[8, 0, 0, 2, 3, 0, 5, 0, 8, 8],
    deps=["nsubj", "punct", "conj", "prep", "pobj", "prep", "pobj", "punct", "ROOT", "punct"],
)


def test_the_body_after_an_envoy_s_to_is_where_the_envoy_serves():
    doc = build(**ENVOY)
    assert served_at(doc[6], doc[0])  # "to UN", hung on "Holm", whose title is an envoy's
    assert not served_at(doc[4], doc[0])  # "of Denmark": whom the envoy stands for


def test_to_after_a_title_that_is_no_envoy_s_is_no_posting():
    words = list(ENVOY["words"])
    words[2] = "Minister"
    doc = build(**{**ENVOY, "words": words})
    assert not served_at(doc[6], doc[0])


# "The governments of Chile , Peru and Bolivia met ."
GOVERNMENTS_OF = dict(
    words=["The", "governments", "of", "Chile", ",", "Peru", "and", "Bolivia", "met", "."],
    heads=[1, 8, 1, 2, 3, 3, 5, 5, 8, 8],
    deps=["det", "nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT", "punct"],
    tags=["DT", "NNS", "IN", "NNP", ",", "NNP", "CC", "NNP", "VBD", "."],
    pos=["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
)


def test_a_subject_of_coordinated_bodies_names_each():
    doc = build(**GOVERNMENTS_OF)
    index = MentionIndex(
        doc, [org(doc, 3, 4, "Chile"), org(doc, 5, 6, "Peru"), org(doc, 7, 8, "Bolivia")]
    )
    assert [m.norm for m in mentions_in(doc[1], index)] == ["Chile", "Peru", "Bolivia"]
