"""People the statistical model mislabels or misses: a model place in apposition to a
noun for a person, a name the model calls a person anywhere, names right after a role,
and surnames that complete a full name."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from ..nlp import places
from ..nlp.extensions import tokens
from ..nlp.payloads import Mention
from ..nlp.text import overlaps
from ..rules.lexicon import words
from .mentions import MentionSet
from .person_context import apposition_to_role, forms_of_address, name_like, spaced_excellency

INITIAL = re.compile(r"^[A-Z]\.$")
ROLE_WINDOW = 12  # tokens before a name in which its role word must stand


def relabel_named_persons(found: MentionSet) -> None:
    """A model place that is no known place, in apposition to a noun for a person or to a
    role, is a person: "One Kyrgyz couple, Sanobahor and Asanbai, ...", "the ambassadors
    of Spain to Morocco, Esteban Moctezuma, ..."."""
    for mention in found.mentions:
        if not found.place_guess(mention):
            continue
        span = found.span(mention)
        root = span.root
        if root.dep_ == "conj" and root.head.dep_ == "appos":
            root = root.head
        if root.dep_ == "appos" and root.head.lower_ in words("person_nouns"):
            mention.label = "PERSON"
            mention.source += ".person_apposition"
        elif apposition_to_role(span) and not places.is_known_place(span.text):
            # "the ambassadors of Spain to Morocco, Esteban | Moctezuma,": the given name
            # the model left out is part of it
            start = span.start
            if start > 0 and name_like(found.doc[start - 1]) and not found.doc[start - 1].ent_type_:
                start -= 1
            mention.start = found.doc[start].idx
            mention.label = "PERSON"
            mention.source += ".role_apposition"


MAX_NAME_TOKENS = 3


def relabel_role_holders(found: MentionSet) -> None:
    """A body only the statistical model vouches for, in apposition to a role and shaped
    like a name (two or three title-case words, no word of a body's name, no acronym), is
    the role's holder: "the Executive Director of the UN Office on Drugs and Crime
    (UNODC), [Yury Fedotov], said"."""
    for mention in found.mentions:
        if mention.label != "ORG" or not mention.source.startswith("model.") or mention.entity_key:
            continue
        span = found.span(mention)
        if not 2 <= len(span) <= MAX_NAME_TOKENS or not after_its_role(span):
            continue
        if all(name_like(t) and t.is_title and t.lower_ not in words("org_heads") for t in span):
            mention.label = "PERSON"
            mention.source += ".role_apposition"


def after_its_role(span: Span) -> bool:
    """Between commas after a role, in apposition to it or as the conjunct the parse hangs
    on the role itself ("the Executive Director of ... (UNODC), Yury Fedotov, ..."); not a
    list of signers after a role ("the Minister of Labour, Mercy Corps and Asylum
    Access")."""
    root, doc = span.root, span.doc
    opened = span.start > 0 and doc[span.start - 1].text == ","
    closed = span.end < len(doc) and doc[span.end].text == ","
    if not (opened and closed):
        return False
    role = root.dep_ == "conj" and root.head.lower_ in words("role_heads")
    return apposition_to_role(span) or role


def relabel_known_people(found: MentionSet) -> None:
    """A name the model calls a person anywhere is a person everywhere in the document."""
    people = {found.text[m.start : m.end] for m in found.mentions if m.label == "PERSON"}
    multiword = {name for name in people if len(name.split()) >= 2}
    for mention in found.mentions:
        if mention.label == "PERSON" or mention.entity_key:
            continue
        surface = found.text[mention.start : mention.end]
        if surface in people:
            mention.label = "PERSON"
            mention.source += ".known_person"
            continue
        name = known_tail(surface, multiword)
        if name is not None:
            mention.start = mention.end - len(name)
            mention.label = "PERSON"
            mention.source += ".known_person"
    add_unlabelled_people(found)


def known_tail(surface: str, names: set[str]) -> str | None:
    """The longest known name of two words or more that ends ``surface`` after a space
    ("Minister of Security [Fahrudin Radončić]"), looked up by the surface's own tails:
    a pass over every name for every mention made a long release quadratic."""
    spaces = [i for i, ch in enumerate(surface) if ch == " "]
    for i in spaces:
        tail = surface[i + 1 :]
        if tail in names:
            return tail
    return None


def add_unlabelled_people(found: MentionSet) -> None:
    """Names the model missed right after a role or an office, or in apposition to one:
    "... Advisor of IOM Regional Office in Vienna Jaime Calderon took part", "the
    Minister of Labour of Guatemala, Rafael Rodríguez Pellecer, signed". A model place
    that is no known place ("Rafael") does not stop such a name."""
    doc = found.doc
    toks = tokens(doc)
    guesses = ByValue([m for m in found.mentions if found.place_guess(m)])
    solid = [(m.start, m.end) for m in found.mentions if m not in guesses]
    ends = {m.end for m in found.mentions if m.label in ("ORG", "PLACE")}
    i = 0
    while i < len(doc):
        first = i
        while first < len(doc) and first - i < 3 and INITIAL.match(toks[first].text):
            first += 1  # "K. K. Tokayev"
        if (
            first == len(doc)
            or toks[first].tag_ != "NNP"
            or not name_like(toks[first])
            or not (after_role(found, i, ends) or coordinated_holder(found, first))
        ):
            i = first + 1
            continue
        j = first
        while j < len(doc) and j - first < 3 and name_like(toks[j]) and toks[j].tag_ == "NNP":
            j += 1
        run = doc[i:j]
        window = doc[max(0, i - ROLE_WINDOW) : i]
        if (
            len(run) >= 2
            and not overlaps(run.start_char, run.end_char, solid)
            and any(t.lower_ in words("role_heads") for t in window)
            and not any(places.is_known_place(t.text) for t in run)
            and not any(places.is_country(run[k : k + 2].text) for k in range(len(run) - 1))
        ):  # "Head of IOM Sierra Leone": the office's country
            found.replace_overlapped(
                Mention(run.start_char, run.end_char, "PERSON", "role.name_after_role"),
                lambda m: m in guesses,
            )
            country = toks[i - 1] if i else None
            if country is not None and country_of_office(doc, country.i):
                end = country.idx + len(country.text)
                if not overlaps(country.idx, end, solid):
                    found.add(Mention(country.idx, end, "PLACE", "gazetteer.country"))
        i = j


def after_role(found: MentionSet, i: int, ends: set[int]) -> bool:
    """Token ``i`` follows a role word or a named body or place, maybe after a comma."""
    doc = found.doc
    if i == 0:
        return False
    previous = doc[i - 1]
    if previous.text == "," and i >= 2:
        previous = doc[i - 2]
    return (
        previous.lower_ in words("role_heads")
        or previous.idx + len(previous.text) in ends
        or country_of_office(doc, previous.i)
        or after_honorific(doc, i)
    )


APPOSITION_ROLE_REACH = 5  # tokens after a name's comma in which its role's head stands


def coordinated_holder(found: MentionSet, first: int) -> bool:
    """ "X, Regional Director for Africa and [Maureen Achieng], IOM Chief of Mission": a
    name after "and" with a role of its own in apposition."""
    doc, toks = found.doc, tokens(found.doc)
    if first == 0 or doc[first - 1].lower_ != "and":
        return False
    j = first
    while j < len(doc) and j - first < 3 and name_like(toks[j]) and toks[j].tag_ == "NNP":
        j += 1
    if j - first < 2 or j >= len(doc) or doc[j].text != ",":
        return False
    for token in doc[j + 1 : j + 1 + APPOSITION_ROLE_REACH]:
        if token.pos_ in ("VERB", "AUX") or token.text == ",":
            return False
        if token.lower_ in words("role_heads"):
            return True
    return False


def country_of_office(doc, i: int) -> bool:
    """ "Head of the State Migration Service of Ukraine | Maksym Sokoliuk": a country
    that ends a role's "of" phrase, the holder's name after it."""
    return i > 0 and doc[i - 1].lower_ == "of" and places.is_country(doc[i].text)


def complete_known_surnames(found: MentionSet) -> None:
    """A surname the text names alone ("Ms. Ndiaye") makes a run of given names in front
    of it elsewhere ("Fatou Diallo Ndiaye") one person, where the model missed the full
    name or took part of it for a place (not where it found a name of two words or more
    that ends with the surname)."""
    doc = found.doc
    toks = tokens(doc)
    surnames = {
        found.text[m.start : m.end]
        for m in found.mentions
        if m.label == "PERSON" and " " not in found.text[m.start : m.end]
    }
    if not surnames:
        return
    orgs = [(m.start, m.end) for m in found.mentions if m.label == "ORG"]
    full_names = {
        m.end for m in found.mentions if m.label == "PERSON" and " " in found.text[m.start : m.end]
    }
    for token in toks:
        if token.text not in surnames:
            continue
        start = token.i
        while (
            start > 0
            and token.i - start < 3
            and toks[start - 1].tag_ in ("NNP", "NNPS")
            and name_like(toks[start - 1])
            and not toks[start - 1].is_stop
            and not places.is_known_place(toks[start - 1].text)
            and toks[start - 1].lower_ not in forms_of_address()
        ):
            start -= 1
        run = doc[start : token.i + 1]
        if len(run) < 2 or overlaps(run.start_char, run.end_char, orgs):
            continue
        if run.end_char in full_names:
            continue  # "Minister of Labour and [Social Security Fackson Shamenda]", "Senator
            # [Richard Colbeck]": a name of two words or more found whole keeps its edge; the
            # words before it are a role's far more often than a given name the model cut
        found.replace_overlapped(
            Mention(run.start_char, run.end_char, "PERSON", "person.surname_known"),
            lambda m: m.label != "ORG",
        )


def complete_name_edges(found: MentionSet) -> None:
    """Parts of a person's name the model leaves out: initials before it ("K. K.
    Tokayev"), a particle and the name after it ("Laurent de Boeck", "Cervone d'Urso"),
    a first name it took for an unknown place ("Adaramola" + "Sunday Emmanuel"), and a
    given name after an honorific ("Hon. Ana | Vake")."""
    doc = found.doc
    order = {id(m): n for n, m in enumerate(found.mentions)}
    guesses_by_end: dict[int, list[Mention]] = defaultdict(list)
    for m in found.mentions:
        if found.place_guess(m):
            guesses_by_end[m.end].append(m)
    for mention in [m for m in found.mentions if m.label == "PERSON"]:
        span = found.span(mention)
        start, end = span.start, span.end
        while start >= 1 and initial(doc, start - 1):
            start -= 1
        if is_particle(doc[start]):  # "van der Berg": the given name before it
            while start >= 1 and span.start - start < 2 and name_like(doc[start - 1]):
                start -= 1
        given = doc[max(start - 1, 0)]  # "Dato Seri": a form of address, no given name
        form = given.lower_ in words("honorific_followers")
        if start >= 2 and not form and name_like(given) and after_honorific(doc, start - 1):
            start -= 1  # "Hon. Ana | Vake": the given name after an abbreviated honorific
        start = abbreviated_first_name(doc, start)
        while end + 1 < len(doc) and is_particle(doc[end]) and doc[end + 1].is_title:
            end += 2
        if end < len(doc) and glued_particle(doc[end].text):
            end += 1
        tail = end
        end = hyphened_surname_end(doc, end)
        cut = (doc[tail].idx, doc[end - 1].idx + len(doc[end - 1])) if end > tail else None
        if cut and any(
            m.label == "ORG" and overlaps(m.start, m.end, [cut]) for m in found.mentions
        ):
            end = tail  # "... -Oxfam": a body's name, not the surname's rest
        elif cut:  # "Rosalinda Dimapilis | -Baldoz": the rest of a double surname
            found.mentions = [m for m in found.mentions if not overlaps(m.start, m.end, [cut])]
            order = {id(m): n for n, m in enumerate(found.mentions)}
        before = [
            m
            for at in (span.start_char, span.start_char - 1)
            for m in guesses_by_end.get(at, ())
            if id(m) in order
        ]  # the first in the list, as a scan of every mention per name found it
        guess = min(before, key=lambda m: order[id(m)]) if before else None
        if guess is not None and " " not in found.surface(guess):
            found.mentions.remove(guess)
            del order[id(guess)]
            start = found.span(guess).start
        if (start, end) != (span.start, span.end):
            mention.start, mention.end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
            mention.source += ".name_completed"


def initial(doc: Doc, i: int) -> bool:
    """Token ``i`` is an initial of a name: not the "H." or the "E." of a spaced "H. E."."""
    excellency = spaced_excellency(doc, i) or (i > 0 and spaced_excellency(doc, i - 1))
    return bool(INITIAL.match(doc[i].text)) and not excellency


HYPHENS = ("-", "‐", "‑")


def hyphened_surname_end(doc, end: int) -> int:
    """The end of a name whose last word goes on, with no space, in a hyphen and a
    capitalised word ("Dimapilis-Baldoz", "Rawlings-Blake"), as the tokenizer splits it."""
    while (
        end + 1 < len(doc)
        and doc[end].text in HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
        and doc[end + 1].is_alpha
        and not place_before_a_noun(doc, end + 1)  # not "Maria Moita-Pakistan office"
    ):
        end += 2
    return end


def place_before_a_noun(doc, i: int) -> bool:
    """A place's name a lower-case word follows: "-Pakistan office" (not "Smith-Jordan")."""
    place = doc[i].ent_type_ in ("GPE", "LOC") or places.is_known_place(doc[i].text)
    after = doc[i + 1] if i + 1 < len(doc) else None
    return place and after is not None and after.is_lower and after.pos_ == "NOUN"


class ByValue:
    """Mentions asked about by value (``in`` compares with ``==``, as a list does),
    through a table of their offsets, label and source: a list was searched whole on
    every question, which made a long release quadratic."""

    def __init__(self, mentions: list[Mention]):
        self.table: dict[tuple[int, int, str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            self.table[(m.start, m.end, m.label, m.source)].append(m)

    def __contains__(self, mention: Mention) -> bool:
        key = (mention.start, mention.end, mention.label, mention.source)
        return any(m == mention for m in self.table.get(key, ()))


NAME_ABBREVIATION_REACH = 2  # given names between "Md." and the part the model found


def abbreviated_first_name(doc, start: int) -> int:
    """Where a name starts that opens with an abbreviated first name the model left out,
    with the given names between ("Md. Shahriar | Kader Siddiky", "Mohd | . | Rais
    Yatim"): the abbreviation is part of the name; else ``start``."""
    k = start
    while k >= 1 and start - k < NAME_ABBREVIATION_REACH and name_like(doc[k - 1]):
        k -= 1
    for j in (k, start):  # with the given names before the span, or right before it
        if j >= 1 and abbreviated_name(doc[j - 1], doc[j - 1].lower_):
            return j - 1  # "Md." one token, or "Md" with no point
        if (
            j >= 2
            and doc[j - 1].text == "."
            and abbreviated_name(doc[j - 2], doc[j - 2].lower_ + ".")
        ):
            return j - 2
    return start


def abbreviated_name(token: Token, form: str) -> bool:
    """ "Md", "Mohd" written as a name's part, not "MD" (a managing director, Maryland)."""
    return form in words("name_abbreviations") and not token.text.isupper()


def after_honorific(doc, i: int) -> bool:
    """Token ``i`` follows an honorific ("Hon. X", "Dr X", "H.E. X")."""
    before = doc[i - 1]
    if before.text == "." and i >= 2:
        return doc[i - 2].lower_ + "." in words("honorifics")
    return before.lower_ in words("honorifics") and before.is_title


def is_particle(token: Token) -> bool:
    return token.text.islower() and token.text in words("name_particles")


def glued_particle(text: str) -> bool:
    """ "d'Urso": a particle glued to a capitalised name."""
    return len(text) > 3 and text[:2].lower() in ("d'", "d’") and text[2].isupper()


MIN_SURNAME_CHARS = 3


def surname_of(name: str) -> str | None:
    """The last word of a full name, to find used alone; none for a single word, a short
    one, or a role the model ran into the name ("A.K.M. Sohel Wing Chief": not "Chief")."""
    parts = name.split()
    if len(parts) < 2 or len(parts[-1]) < MIN_SURNAME_CHARS:
        return None
    return None if parts[-1].casefold() in words("role_words") else parts[-1]


def add_bare_surnames(found: MentionSet) -> None:
    """A person's surname used alone after the full name ("Medetbek Aidaraliev ...
    Aidaraliev added that ..."), where the model left it unlabelled: a PERSON mention,
    which ``resolve`` ties to the full name."""
    surnames = {
        surname
        for m in found.mentions
        if m.label == "PERSON" and (surname := surname_of(found.surface(m))) is not None
    }
    if not surnames:
        return
    guesses = {(m.start, m.end): m for m in found.mentions if found.place_guess(m)}
    new = []
    for t in tokens(found.doc):
        if t.text not in surnames or t.pos_ != "PROPN" or places.is_known_place(t.text):
            continue
        guess = guesses.get((t.idx, t.idx + len(t.text)))
        if guess is not None:  # "Chávez also reported": no place the gazetteers know
            guess.label, guess.source = "PERSON", "person.surname_alone"
        else:  # any label the model gave it that left no mention ("Duterte" as an ORG)
            new.append(Mention(t.idx, t.idx + len(t.text), "PERSON", "person.surname_alone"))
    found.add_all(new)
