"""Bodies the text names only by an acronym that titles a person: "ACTU President Ged
Kearney", "GEFONT Chair Binod Khanal", "SPPI General Secretary X". A run of capitals no
rule or gazetteer knows, right before a role and a person's name, is that person's body
(as "IOM Director General X" is IOM's); its other whole-word uses are the same body."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..rules.lexicon import agreement_nouns, words
from .mentions import MentionSet

MIN_LETTERS = 3  # "RA Minister", "NA Speaker": two capitals are a state's or a house's
MAX_LETTERS = 8
CAPITAL_SHARE = 0.8
MAX_ROLE_WORDS = 3  # "Executive Director", "General Secretary", "Deputy Country Director"
SOURCE = "acronym.titled"


def add_titled_acronyms(found: MentionSet) -> None:
    people = {m.start for m in found.mentions if m.label == "PERSON"}
    named: set[str] = set()
    for token in found.doc:  # the shape and the role first: a line's scan only then
        if (
            acronym_shaped(token.text)
            and titles_a_person(found.doc, token, people)
            and is_bare_acronym(found, token)
        ):
            found.add(Mention(token.idx, token.idx + len(token), "ORG", SOURCE))
            named.add(token.text)
    found.add_repeats(named, "ORG", SOURCE + ".repeated")


def is_bare_acronym(found: MentionSet, token: Token) -> bool:
    """Capitals alone, no place's ("UAE", "PNG", "RSA" for the Republic of South Africa),
    no word that names no body ("NGO", "CEO", "FORMER"), not glued to a word before
    ("eu-LISA"), in a line that is not in capitals throughout, and in no mention yet."""
    text = token.text
    return (
        acronym_shaped(text)
        and not names_no_body(token.lower_)
        and not places.is_known_place(text)
        and not places.countries_with_initials(text)
        and not glued(token)
        and not capital_line(found.text, token.idx)
        and not found.taken(token.idx, token.idx + len(text))
    )


def acronym_shaped(text: str) -> bool:
    return MIN_LETTERS <= len(text) <= MAX_LETTERS and text.isalpha() and text.isupper()


def names_no_body(word: str) -> bool:
    no_body = words("capitals_no_body") | words("role_words") | words("org_heads")
    return word in no_body or word in agreement_nouns() or word.upper() in places.country_codes()


def capital_line(text: str, at: int) -> bool:
    """The line at ``at`` is written in capitals ("FORMER PRESIDENT JOHN MAHAMA SAID")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) >= CAPITAL_SHARE * len(letters)


def glued(token: Token) -> bool:
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and not before.is_space and before.text not in "(“\"'‘"


def titles_a_person(doc: Doc, token: Token, people: set[int]) -> bool:
    """Role words in title case right after the acronym, at least one a role's head,
    then a person's name."""
    heads = words("role_heads") | words("role_openers")
    allowed = heads | words("role_words") | words("role_modifiers")
    end = token.i + 1
    while end < len(doc) and end - token.i <= MAX_ROLE_WORDS:
        word = doc[end]
        if not (word.is_title or word.text.isupper()) or word.lower_ not in allowed:
            break
        end += 1
    role = doc[token.i + 1 : end]
    return (
        len(role) > 0
        and any(w.lower_ in heads for w in role)
        and role[-1].lower_ not in ("of", "for", "and", "&", "the", "to", "in", "on")
        and end < len(doc)
        and doc[end].idx in people
    )
