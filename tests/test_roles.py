import re

import pytest

from pipeline.nlp.payloads import Mention, Person
from pipeline.nlp.roles import RoleCountries

TEXT = (
    "Iran, Peru, Mali, Togo, Nigeria and Niger met Qatar, Saudi Arabia, South Africa, "
    "Tajikistan, Afghanistan and the Central African Republic."
)
NAMES = r"Saudi Arabia|South Africa|Central African Republic|[A-Z]\w+"


def countries() -> RoleCountries:
    mentions = [
        Mention(m.start(), m.end(), "PLACE", "test", entity_id="country:" + m.group())
        for m in re.finditer(NAMES, TEXT)
    ]
    return RoleCountries(mentions, TEXT)


@pytest.mark.parametrize(
    "word, country",
    [
        ("Iranian", "Iran"),
        ("Peruvian", "Peru"),
        ("Malian", "Mali"),
        ("Togolese", "Togo"),
        ("Qatari", "Qatar"),
        ("Nigerian", "Nigeria"),  # the longest name, not Niger's
        ("Malik", None),  # a four-letter name takes a nationality suffix, not any word
        ("Perugia", None),
        ("Iran", None),  # the name itself is no adjective
        ("Saudi", "Saudi Arabia"),  # the first word of a name no other country's opens
        ("South", None),  # "South Korean": the first word of several countries' names
        ("Central", None),  # "Central Bank Governor": it opens regions' names too
        ("Tajik", "Tajikistan"),  # the land of a people named by its adjective
        ("Afghan", "Afghanistan"),
    ],
)
def test_a_nationality_adjective_names_a_country_of_the_text(word, country):
    found = countries().of_adjective(word)
    assert (TEXT[found.start : found.end] if found else None) == country


def role_country(text: str, name: str, role: str) -> str | None:
    places = [
        Mention(m.start(), m.end(), "PLACE", "test", entity_id="country:" + m.group())
        for m in re.finditer(r"Denmark|Kenya", text)
    ]
    at = text.index(name)
    person = Mention(at, at + len(name), "PERSON", "test")
    found = RoleCountries(places, text).of(Person(person, role, None, None, "test"), person)
    return text[found.start : found.end] if found is not None else None


def test_a_role_after_the_name_gives_the_country_it_ends_with():
    text = "Ana Holm, Ambassador and Permanent Representative of Denmark to the UN, signed."
    assert role_country(text, "Ana Holm", "Ambassador and Permanent Representative of Denmark")
    assert role_country(text, "Ana Holm", "Ambassador") is None


def test_a_country_named_further_on_is_not_the_role_s():
    text = "Ana Holm, the Ambassador, met officials of the government of Kenya in Nairobi."
    assert role_country(text, "Ana Holm", "Ambassador of Kenya") is None
