"""Whether a raw entity span names a person, for ``refine``'s rules: the shape of a name
(``name_like``, ``looks_like_person``), its particles ("de", "van"), a name run on after
its role or its country, and the context that makes one a person: a role or an
honorific before it, a role in apposition after it, a verb of speech, a photo credit.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp import places
from ..nlp.extensions import doc_text
from ..nlp.extensions import words as doc_words
from ..rules.lexicon import words


def name_like(token: Token) -> bool:
    """A token that can be part of a person's name."""
    return (
        token.is_title
        and token.is_alpha
        and token.lower_ not in words("role_words")
        and token.lower_ not in words("org_heads")
        and token.lower_ not in words("office_nouns")  # "Chief of Mission Paul Hale"
        and token.lower_ not in words("honorifics")
        and token.lower_ not in words("non_name_words")
    )


def person_tail(span: Span, after_role: bool = False) -> Span | None:
    """ "the Interior of Ukraine Ihor Klymenko" -> "Ihor Klymenko" (role words before a name)."""
    tokens = list(span)
    n = 0
    while n < len(tokens) and (
        (
            name_like(tokens[-1 - n])
            and (given_name(tokens, n) or not places.is_known_place(tokens[-1 - n].text))
        )
        or (0 < n < len(tokens) - 1 and is_particle(tokens[-1 - n]))
    ):
        n += 1  # a particle inside the run: "Laurent de Boeck"
    while n and is_particle(tokens[-n]):
        n -= 1
    if n < 2 or n == len(tokens):
        return None
    if tokens[len(tokens) - n - 1].lower_ == "the":
        n -= 1  # "Ministry of the Interior | Andrej Špenga": a name follows no "the"
        if n < 2:
            return None  # "Government of the Primorsky Territory"
    head = tokens[: len(tokens) - n]
    if after_role and all(name_like(t) for t in head) and not places.is_known_place(head[0].text):
        return None  # "Dr. [Hanif Hassan Ali Al Qassim]": one name, a place word inside it
    if head[-1].lower_ in ("of", "for", "and", "on"):
        # "Minister of Economic Inclusion": the run is the portfolio, but a name may follow it
        return name_after_portfolio(span)
    if head[-1].text in ("-", "‐", "'", "’") and not head[-1].whitespace_:
        return None  # "Jean-Claude Juncker": one name joined by its hyphen
    if not after_role and not any(
        t.lower_ in words("role_heads") or t.lower_ in words("honorifics") for t in head
    ):
        return None
    # "Ali bin Samikh Al Marri": articles and particles of any case lengthen a name
    particles = sum(t.lower_ in words("name_particles") for t in tokens[len(tokens) - n :])
    return span.doc[span.end - min(n, 3 + particles) : span.end]


def given_name(tokens: list[Token], n: int) -> bool:
    """The word before a patronym's "bin" / "ibn" is a given name, even where a place has
    it ("Ali bin Samikh Al Marri")."""
    return n > 0 and tokens[-n].lower_ in words("patronyms")


def is_particle(token: Token) -> bool:
    """A lower-case part of a name ("de", "van"); a capitalised "Le" starts a name."""
    return token.text.islower() and token.lower_ in words("name_particles")


PORTFOLIO_WORDS = 8  # lower-case words between a role and its holder's name


def preceded_by_role(span: Span) -> bool:
    """A role or an honorific stands right before ``span``, maybe with its portfolio
    between: in lower case ("the Minister of employment and labor relations [Sherzod
    Kudbiev]"), or in title case right before the span or its comma ("minister for
    Labour and Social Affairs, [Sadiq Hirsi Warfa]")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].text == "," or doc[i].is_space or doc[i].lower_ == "the"):
        i -= 1
    for token in doc[max(0, i - 2) : i + 1]:
        if token.lower_ in words("honorifics") or token.lower_ in words("role_heads"):
            return True
    before = doc[span.start - 1] if span.start > 0 else None
    title_case = before is not None and (before.text == "," or before.is_title)
    for j in range(i, max(-1, i - PORTFOLIO_WORDS - 1), -1):
        if j < i and doc[j].lower_ in words("role_heads") and doc[j + 1].lower_ in ("of", "for"):
            lower_case = all(t.is_lower for t in doc[j + 1 : i + 1])
            return lower_case or holder_after_title_case(span, doc[j])
        if not (doc[j].is_alpha and (doc[j].is_lower or (title_case and in_portfolio(doc[j])))):
            return False
    return False


def holder_after_title_case(span: Span, role: Token) -> bool:
    """After a title-case portfolio, ``span`` is its holder only where the role opens the
    phrase (not "Jane Doe, Director of Policy and Advocacy, [Asylum Access]": a person's
    affiliation) and a verb or a comma follows (not "... Minister of Labour and Social
    Protection, [Mercy Corps] and Asylum Access": a list of signers)."""
    doc = span.doc
    k = role.i - 1
    while k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 0 and doc[k].text == ",":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and (after.text == "," or after.pos_ in ("VERB", "AUX"))


def in_portfolio(token: Token) -> bool:
    """A word of a portfolio written in title case ("Minister for Labour and Social
    Affairs, [Sadiq Warfa]"), the span right after it."""
    return token.is_title or token.lower_ in ("and", "of", "for", "the")


def photo_credit(span: Span) -> bool:
    """``span`` is credited for a photo: "Photo ©Jane Doe/IOM", "Photo: Jane Doe/UNHCR"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    after = doc[span.end].text if span.end < len(doc) else ""
    return "©" in before or (
        after.startswith("/") and any(w in ("photo", "credit", "photograph") for w in before)
    )


def followed_by_role(span: Span) -> bool:
    """A role in apposition after the name: "Christos Christodoulides, Head of IOM ...",
    "Ana Costa, the Minister of Labour"."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    following = doc[i + 1 : i + 3]
    return any(t.lower_ in words("role_heads") for t in following) and not any(
        t.lower_ in words("org_heads") for t in following
    )


def apposition_to_role(span: Span) -> bool:
    """The name stands in apposition to a role: "the ambassadors of Mexico to the U.S.,
    Esteban Moctezuma, and ..."."""
    root = span.root
    if root.dep_ == "conj" and root.head.dep_ == "appos":
        root = root.head
    if root.dep_ != "appos":
        return False
    head = root.head
    for _ in range(4):  # the parse may hang it on the role's phrase: "... to the U.S., X"
        if head.lower_ in words("role_heads") or head.lower_ in words("role_plurals"):
            return True
        if head.dep_ not in ("pobj", "prep") or head.head == head:
            return False
        head = head.head
    return False


def speech_subject(span: Span) -> bool:
    """The span is who speaks: "..., said X" / "X said"."""
    root = span.root
    return root.dep_ in ("nsubj", "dobj", "attr", "npadvmod") and root.head.lemma_ in words(
        "speech_verbs"
    )


MAX_NAMES = 4  # given names, father's and family names: "Md Shahriar Kader Siddiky"


def looks_like_person(span: Span) -> bool:
    """Two to four capitalised names, maybe with a particle between: "Laurent de Boeck",
    "Md Shahriar Kader Siddiky"."""
    tokens = [t for t in span if not t.is_punct]
    names = [t for t in tokens if not is_particle(t)]
    before = span.doc[span.start - 1] if span.start else None
    if len(names) == MAX_NAMES and before is not None and before.tag_ in ("DT", "PRP$"):
        return False  # "the Sustainable Economic Development Cluster": a unit, no person
    return (
        2 <= len(names) <= MAX_NAMES
        and all(name_like(t) for t in names)
        and not is_particle(tokens[0])
        and not is_particle(tokens[-1])
        and not places.is_known_place(span.text)
        and not any(places.is_country(t.text) for t in names)  # a city's name may be a person's
    )


def country_then_name(span: Span) -> tuple[Span, Span] | None:
    """A country that ends a list or an "of" phrase, run into the name after it: "Chief
    of Mission in Kazakhstan and [Uzbekistan Zeynal Hajiyev]"."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("and", ",", "of"):
        return None
    for cut in range(span.start + 1, min(span.end - 1, span.start + 4)):
        rest = doc[cut : span.end]
        if (
            places.is_country(doc[span.start : cut].text)
            and 2 <= len(rest) <= 3
            and all(name_like(t) for t in rest)
            and not places.is_known_place(rest.text)
        ):
            return doc[span.start : cut], rest
    return None


def written_in_lower_case(token: Token) -> bool:
    """The word stands in lower case elsewhere in the text: a common word the model took
    for a name, not a name."""
    return token.lower_ in doc_words(token.doc)


def spaced_excellency(doc: Doc, i: int) -> bool:
    """ "H. E." printed spaced from token ``i`` on: "His Excellency", no two initials."""
    return i + 1 < len(doc) and doc[i].text == "H." and doc[i + 1].text == "E."


def forms_of_address() -> frozenset[str]:
    """Honorifics and the words that follow one ("Datuk Seri"): no part of a name."""
    return words("honorifics") | words("honorific_followers")


PORTFOLIO_LINKS = ("of", "for", "on", "and")


def name_after_portfolio(span: Span) -> Span | None:
    """ "UN High Commissioner for Refugees Filippo Grandi", "Assistant High Commissioner
    for Protection Volker Turk": a person's name run on after the portfolio that ends a
    body's or a role's name. The last two words are the name when the portfolio word before
    them is plural ("Refugees", "Affairs": no name is) or the text names the surname again
    elsewhere, not in the same name."""
    tokens = list(span)
    if len(tokens) < 5:
        return None
    name, portfolio = tokens[-2:], tokens[:-2]
    if not all(name_like(t) and not places.is_known_place(t.text) for t in name):
        return None
    i = len(portfolio) - 1
    while i >= 0 and portfolio[i].is_title and portfolio[i].lower_ not in PORTFOLIO_LINKS:
        i -= 1
    if i < 1 or i == len(portfolio) - 1 or portfolio[i].lower_ not in PORTFOLIO_LINKS:
        return None
    doc, last = span.doc, portfolio[-1]
    plural = last.tag_ == "NNPS" or (last.tag_ == "NNS" and last.lower_.endswith("s"))
    if plural:
        return doc[name[0].i : span.end]
    again = any(named_again(t, name) for t in occurrences(doc, name[-1].text, span))
    return doc[name[0].i : span.end] if again else None


AGAIN_READ = 20  # occurrences of a surname read at most: a long text costs no more


def occurrences(doc: Doc, text: str, span: Span) -> list[Token]:
    """The first tokens outside ``span`` that are ``text``, found in the string."""
    found: list[Token] = []
    whole = doc_text(doc)
    at = whole.find(text)
    while at >= 0 and len(found) < AGAIN_READ:
        token = doc.char_span(at, at + len(text))
        if token is not None and len(token) == 1 and not span.start <= token.start < span.end:
            found.append(token[0])
        at = whole.find(text, at + len(text))
    return found


def named_again(token: Token, name: list[Token]) -> bool:
    """``token`` names the person ``name`` again: the full name ("Filippo Grandi") not
    within a longer name ("the Ministry of Human Resource Development" again), or the
    surname standing alone as a name ("Grandi said"), not a word of another name
    ("Cooperation Agreement") nor a sentence's first word ("Development of ...")."""
    if token.text != name[-1].text:
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.text == name[0].text:  # the full name again
        first = doc[before.i - 1] if before.i else None  # "Human [Resource Development]"
        return first is None or not (first.is_title or first.lower_ in PORTFOLIO_LINKS)
    titled = (before is not None and before.is_title) or (after is not None and after.is_title)
    return not titled and not token.is_sent_start and token.pos_ == "PROPN"
