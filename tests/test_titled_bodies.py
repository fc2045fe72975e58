"""Bodies named by capitalised words ending in a body's head word (``entities.titled_bodies``),
on sentences written for these tests."""

import pytest

HEAD = "Unions and ministries meet on migrant workers\n"


def titled_bodies(parse, body):
    doc = parse(HEAD + body)
    return [
        doc.text[m.start : m.end]
        for m in doc._.accords_mentions
        if m.source == "generic.titled_body"
    ]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "The Harbour Tenants Action Network held a vigil outside the centre.",
            ["Harbour Tenants Action Network"],
        ),
        (  # the name's "for" and what follows it
            "Funds came from the Lakeside Coalition for Returnees, a charity in Accra.",
            ["Lakeside Coalition for Returnees"],
        ),
        (  # a hyphened word opening the name
            "The Non-Resident Kenyan Association welcomed the decision on Monday.",
            ["Non-Resident Kenyan Association"],
        ),
        (  # a short sentence full of names is no headline: it ends as a sentence does
            "The Harbour Tenants Action Network met Amina Diallo in Accra.",
            ["Harbour Tenants Action Network"],
        ),
        (  # several in one sentence, each decided on the mentions as they stood
            "The Lakeside Foundation, the Harbour Tenants Network and the Kenya Refugee "
            "Council met in Accra on 3 May 2024.",
            ["Lakeside Foundation", "Harbour Tenants Network", "Kenya Refugee Council"],
        ),
        (  # "the" after the "of" belongs to the name
            "She thanked the Blue Ridge Foundation of the Andes for its grant.",
            ["Blue Ridge Foundation of the Andes"],
        ),
        (  # a tail with a capitalised stop word, joined by "and", a hyphened word
            "The Harbour Alliance for Just Housing and At-Risk Tenants met in Accra.",
            ["Harbour Alliance for Just Housing and At-Risk Tenants"],
        ),
        (  # joined by "and" and "of" inside the tail
            "The Kwame Institute for Research and Promotion of Alternatives hosted it.",
            ["Kwame Institute for Research and Promotion of Alternatives"],
        ),
        (  # "and" before another body's name ends the tail
            "The Harbour Tenants Alliance for Europe and UNHCR met in Accra.",
            ["Harbour Tenants Alliance for Europe"],
        ),
        (  # "and" before a country's possessive, another name or a person ends it too
            "The Harbour Tenants Alliance for Fair Housing and Nepal's Department of Labour "
            "met in Accra.",
            ["Harbour Tenants Alliance for Fair Housing"],
        ),
        (
            "The petition came from the Harbour Tenants Alliance for Change and Kofi Mensah, "
            "its director.",
            ["Harbour Tenants Alliance for Change"],
        ),
        (  # "and" before a lower-case word ends it too
            "The Lakeside Coalition for Returnees and their families met in Accra.",
            ["Lakeside Coalition for Returnees"],
        ),
    ],
)
def test_capitalised_words_before_a_head_word_name_a_body(parse, body, expected):
    assert titled_bodies(parse, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # generic words alone name no body
        "The ministers agreed on a New Strategic Council to meet twice a year.",
        # a headline-like line in title case
        "Minister Welcomes Harbour Tenants Action Network To The Capital Today",
        # a verb opening the sentence is no part of a name
        "Welcoming Network partners to Accra, she stressed the need for action.",
        # a country, not a body
        "The Russian Federation and Tajikistan signed the protocol.",
        # an event, a text, an aim: their head words are not listed
        "Delegates met at the Global Refugee Forum in Geneva.",
        "They discussed the Free Movement of Persons in the region.",
        # a role's head word is no part of a name
        "Minister Council met the delegates on Monday.",
    ],
)
def test_no_body_where_the_words_are_generic_or_a_headline(parse, body):
    assert titled_bodies(parse, body) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Ministers thanked the Pacific Islands Forum Secretariat for its support.",
            [("Pacific Islands Forum Secretariat", "ORG")],
        ),
        (
            "Delegates of the Western Balkans Forum met staff of the Central Asia Bank.",
            [("Western Balkans Forum", "ORG"), ("Central Asia Bank", "ORG")],
        ),
        (  # a longer name the region is inside of: no body cut out of it
            "The Arab Maghreb Union, the G5 Sahel Secretariat and the West Africa Police Chiefs "
            "Committee met.",
            [("Maghreb", "PLACE"), ("Sahel", "PLACE"), ("West Africa", "PLACE")],
        ),
        (  # another body's office
            "UNHCR's Southern Africa Bureau and the Government of Malawi met in Lilongwe.",
            [("Southern Africa", "PLACE")],
        ),
        (  # a possessive, a programme and a comma leave the region a place
            "West Africa's councils met. The Horn of Africa Initiative began. In West "
            "Africa, Forum members met.",
            [("West Africa", "PLACE"), ("Horn of Africa", "PLACE"), ("West Africa", "PLACE")],
        ),
    ],
)
def test_a_region_with_a_body_s_head_word_names_the_body(parse, body, expected):
    doc = parse(HEAD + body)
    found = [
        (doc.text[m.start : m.end], m.label)
        for m in doc._.accords_mentions
        if m.source.startswith(("region.", "generic.region_body"))
    ]
    assert found == expected
