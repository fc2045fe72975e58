import re

import pytest

from pipeline.nlp.payloads import Mention
from pipeline.nlp.roles import RoleCountries

TEXT = (
    "Iran, Peru, Mali, Togo, Nigeria and Niger met Qatar, Saudi Arabia, South Africa and "
    "the Central African Republic."
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
    ],
)
def test_a_nationality_adjective_names_a_country_of_the_text(word, country):
    found = countries().of_adjective(word)
    assert (TEXT[found.start : found.end] if found else None) == country
