"""The ``accords_people`` component: people with their roles and organisations, from
titles and appositions.

Forms read, left of a name: "IOM Ukraine Chief of Mission, Mr Anh Nguyen",
"IOM’s Deputy Director General Ugochi Daniels", "the Minister of the Interior
of Ukraine Ihor Klymenko", "Regional Advisor of IOM Regional Office in Vienna
Jaime Calderon", "the Ombudsperson, Ms Liudmyla Denisova"; right of a name:
"Olga Abramenko, expert of ADC “Memorial”", "Zeynal Hajiyev, IOM’s
sub-Regional Coordinator for Central Asia". ``rule_id`` says which.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .nlp.extensions import doc_text, mentions, sentences
from .nlp.payloads import Mention, Person
from .nlp.roles import RoleCountries, accredited_to, country_of_role
from .rules.constants import POSSESSIVE
from .rules.lexicon import words

# "Chief of Mission at IOM Chad": "at" joins a role to its body too
ROLE_GLUE = {"of", "the", "for", "in", "at", "and", "&", "on", "to", "-"}
OF_THE_BODY = re.compile(r"\bof\s+the\s+(?P<head>\w+)$", re.I)
MINISTER_OF = re.compile(
    r"\bminister\s+(?:of|for)\s+(?:the\s+)?(?P<portfolio>[\w\s’'-]+?)(?:\s+of\s+[\w\s]+)?$", re.I
)
# "Health Secretary", "Labour Minister": the portfolio before the role
PORTFOLIO_FIRST = re.compile(
    r"^(?:\w+\s+)?(?P<portfolio>[A-Z][\w’'-]+)\s+(?:[Mm]inister|[Ss]ecretary)$"
)
MINISTRY_HEADS = ("ministry", "department")
COORDINATORS = ("and", "or", "&")


MINISTRY_PORTFOLIO = re.compile(r"\b(?:ministry|department)\s+(?:of|for)\s+(?:the\s+)?(?P<p>.+)$")


def first_portfolio(name: str, portfolio: str) -> bool:
    """ "Ministry of Labour" for a "Minister of Labour and Social Protection": the
    ministry's portfolio opens the role's list of portfolios."""
    match = MINISTRY_PORTFOLIO.search(name)
    own = match.group("p") if match else ""
    return bool(own) and portfolio.startswith(own + " and ")


def owner_country(units: list[Unit]) -> Mention | None:
    """The country owning a title: "[Spain]'s Minister of Labour"."""
    for unit, following in zip(units, units[1:], strict=False):
        country = isinstance(unit, Mention) and (unit.entity_id or "").startswith("country:")
        if country and isinstance(following, Token) and following.text in POSSESSIVE:
            return unit  # type: ignore[return-value]
    return None


def spoken(units: list[Unit]) -> bool:
    """Words other than commas are already part of the title."""
    return any(not isinstance(u, Mention) and u.text != "," for u in units)


def listed(segment: list[Token]) -> bool:
    """The words since the last comma are an item list of capitalised portfolios
    ("Social Security and Migration"): the title goes on before the comma."""
    words_ = [t for t in segment if t.lower_ not in COORDINATORS]
    return (
        len(words_) < len(segment)
        and bool(words_)
        and all(t.is_title and t.is_alpha for t in words_)
    )


Unit = Token | Mention  # a word of a title, or a body or place named in it


class PeopleFinder:
    """Assigns ``doc._.accords_people``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.accords_people = DocPeople(doc).find()
        return doc


def is_role_token(token: Token) -> bool:
    lowered = token.lower_
    return (
        lowered in words("role_words")
        or lowered in words("role_heads")
        or (token.is_title and token.is_alpha)
        or is_acronym(token)
        or is_word_hyphen(token)
    )


def acronym_before(doc: Doc, i: int, stop: int, by_token: dict[int, Mention]) -> bool:
    """ "(ITUC)" ends at token ``i``, right after a body's name."""
    if i - 3 < stop or doc[i - 2].text != "(":
        return False
    acronym, name = by_token.get(i - 1), by_token.get(i - 3)
    return acronym is not None and name is not None and name.label == "ORG"


def is_acronym(token: Token) -> bool:
    """ "WCO" in "WCO Secretary General": a body's short form the text did not tag."""
    return token.is_upper and token.is_alpha and len(token) >= 2


def is_word_hyphen(token: Token) -> bool:
    """The hyphen inside "Comptroller-General", which the tokenizer splits off."""
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def role_text(tokens: list[Token]) -> str | None:
    if len(tokens) > 2 and tokens[1].text in POSSESSIVE:
        tokens = tokens[2:]  # "Ecuador's Minister of ...": the owner is not the role
    while tokens and (tokens[0].lower_ in ROLE_GLUE or tokens[0].text in (",", "’s", "'s")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in ROLE_GLUE or tokens[-1].text in (",",)):
        tokens = tokens[:-1]
    if not tokens or not any(t.lower_ in words("role_heads") for t in tokens):
        return None
    doc = tokens[0].doc
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


class DocPeople:
    """The people of one document, found from the mentions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions = mentions(doc)
        self.role_countries = RoleCountries(self.mentions, doc_text(doc))
        self.sentences = sentences(doc)
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            if m.nested:
                continue
            span = self.span(m)
            for token in span:
                self.by_token[token.i] = m

    def span(self, mention: Mention) -> Span:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        assert span is not None  # mentions are made from tokens
        return span

    def units_left(self, start: int, stop: int) -> list[Unit]:
        """Tokens and mentions left of token ``start`` that can belong to a title. None
        when the words left of the name are another person's: "X, IOM Director General
        and [Dr.] Y" (a coordination), "X, ILO Director General, Y" (X's apposition)."""
        doc, i = self.doc, start - 1
        units: list[Unit] = []
        seen_comma = honorific = False
        segment: list[Token] = []  # the words since the last comma: a portfolio list?
        while i >= stop:
            token = doc[i]
            mention = self.by_token.get(i)
            if mention is not None and mention.label in ("PERSON", "DATE"):
                break  # "On Monday the Minister X": a date opens no title
            if mention is not None and mention.label in ("ORG", "PLACE"):
                units.append(mention)
                i = self.span(mention).start - 1
                continue
            if token.text == ")" and acronym_before(doc, i, stop, self.by_token):
                i -= 3  # "the Secretary General of the Trade Union Confederation (ITUC), Y"
                continue
            if token.lower_ in words("honorifics") and not units and not faith_office(doc, i, stop):
                i -= 1
                honorific = True
                continue
            abbreviated = i > stop and doc[i - 1].lower_ + "." in words("honorifics")
            if token.text == "." and abbreviated and not units:
                i -= 2  # "Hon. X": the honorific's point is a token of its own
                honorific = True
                continue
            if token.lower_ == "the" and honorific and not units:
                i -= 1  # "the Prime Minister of Tonga, the Hon. X": the honorific's article
                continue
            if token.lower_ in COORDINATORS and not units:
                return []  # "X and [Dr.] Y": what stands before "and" is X's
            if token.text == "," and (not seen_comma and not spoken(units) or listed(segment)):
                seen_comma = True
                units.append(token)
                segment = []
                i -= 1
                continue
            if (
                token.text in POSSESSIVE
                or is_role_token(token)
                and (
                    token.lower_ in ROLE_GLUE
                    or token.lower_ in words("role_words")
                    or token.lower_ in words("role_heads")
                    or token.is_title
                )
            ):
                if token.is_sent_start and token.lower_ == "the":
                    break
                opening = i == stop or doc[i - 1].lower_ not in ROLE_GLUE
                if token.lower_ == "the" and opening:  # "On Monday [the] Armenian Minister X"
                    units.append(token)
                    i -= 1
                    break
                units.append(token)
                segment.append(token)
                i -= 1
                continue
            break
        if seen_comma and self.apposition_of_previous(i, units):
            return []
        units.reverse()
        return units

    def apposition_of_previous(self, i: int, units: list[Unit]) -> bool:
        """The title ends in the comma before the name and starts right after another
        person's name and a comma: that person's apposition ("Guy Ryder, ILO Director
        General, Filippo Grandi")."""
        doc = self.doc
        if not units or not isinstance(units[0], Token) or units[0].text != ",":
            return False
        leftmost = units[-1]
        if isinstance(leftmost, Token) and leftmost.lower_ in COORDINATORS:
            return False  # "X, and the Director General of ICMPD, Y": Y's own title
        if i < 0 or doc[i].text != ",":
            return False
        before = self.by_token.get(i - 1)
        return before is not None and before.label == "PERSON"

    def interpret(self, units: list[Unit]) -> tuple[str | None, Mention | None]:
        orgs = [
            u
            for n, u in enumerate(units)
            if isinstance(u, Mention) and u.label == "ORG" and not accredited_to(units, n)
        ]
        tokens: list[Token | None] = []
        for u in units:
            if isinstance(u, Mention):
                if u.label == "PLACE":
                    span = self.span(u)
                    tokens.extend(span)
                else:
                    tokens.append(None)  # an organisation splits the role
            else:
                tokens.append(u)
        # the role is the longest run of tokens without an organisation in it
        runs: list[list[Token]] = []
        current: list[Token] = []
        for t in tokens:
            if t is None:
                runs.append(current)
                current = []
            else:
                current.append(t)
        runs.append(current)
        role = None
        for run in sorted(runs, key=len, reverse=True):
            run = [t for t in run if t.text != ","]
            role = role_text(run)
            if role:
                break
        org = orgs[-1] if orgs else None
        if role is None and org is not None:
            surface = doc_text(self.doc)[org.start : org.end]
            heads = [w for w in surface.casefold().split() if w in words("role_heads")]
            if heads and not surface.casefold().startswith("office"):
                role = surface  # "the Ombudsperson, Ms X", "X, UN High Commissioner for Refugees"
        return role, org

    def units_right(self, end: int) -> list[Unit]:
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return []
        i = end + 1
        if i < len(doc) and doc[i].lower_ in ("and", "or", "as", "while"):
            return []  # "X, and IOM Chief of Mission Y": the next item, not X's role
        this_year = i + 2 < len(doc) and doc[i].lower_ in ("this", "last", "next")
        if this_year and doc[i + 1].lower_ == "year" and doc[i + 2].text in POSSESSIVE:
            i += 3  # "X, this year’s ASEAN chair,"
        units: list[Unit] = []
        while i < len(doc):
            token = doc[i]
            mention = self.by_token.get(i)
            if mention is not None and mention.label == "PERSON":
                if units and not (
                    isinstance(units[-1], Token) and units[-1].lower_ in COORDINATORS
                ):
                    return []  # "X, the EU Commissioner Y": the words are Y's title
                break  # "X, Regional Director for Asia and Y, Chief of Mission": Y's own
            if mention is not None and mention.label in ("ORG", "PLACE"):
                units.append(mention)
                i = self.span(mention).end
                continue
            if (
                token.text in POSSESSIVE
                or token.lower_ in ROLE_GLUE
                or token.lower_ in words("role_words")
                or token.lower_ in words("role_heads")
                or (token.is_title and token.is_alpha)
                or is_acronym(token)
                or (
                    token.is_lower
                    and token.is_alpha
                    and token.pos_ in ("ADJ", "NOUN")
                    and token.lower_ in words("role_heads")
                )
            ):
                units.append(token)
                i += 1
                continue
            break
        return units

    def find(self) -> list[Person]:
        found: dict[str | None, Person] = {}
        for mention in self.mentions:
            if mention.label != "PERSON":
                continue
            span = self.span(mention)
            sentence = next(s for s in self.sentences.spans if s.start <= span.start < s.end)
            left = self.units_left(span.start, sentence.start)
            role, org = self.interpret(left)
            rule_id = "person.title_before"
            coordinated = span.start > 0 and self.doc[span.start - 1].lower_ == "and"
            if role is None or coordinated:  # "X, Director, and Y, Chief of Mission"
                role_r, org_r = self.interpret(self.units_right(span.end))
                if role_r is not None:
                    role, org, rule_id = (
                        role_r,
                        org_r or (None if coordinated else org),
                        ("person.apposition_after"),
                    )
            elif org is None:  # "President X, this year's ASEAN chair": the body after
                _, org_r = self.interpret(self.units_right(span.end))
                if org_r is not None:
                    org, rule_id = org_r, rule_id + "+body_after"
            org_name = doc_text(self.doc)[org.start : org.end] if org is not None else None
            if org is not None and org_name and org_name.casefold() in words("role_heads"):
                org_name = org.norm  # "the Ombudsperson, Ms X": the body, not the role
            if org is None and role:
                org, org_name = self.ministry_of(role)
                if org is not None and another_country_after(self, span, sentence, org):
                    org, org_name = None, None  # "..., Minister of Labor, ... of Iran"
                if org is not None:
                    rule_id += "+minister_of"
            if org is None and role:
                org = self.body_named_short(role, mention.start)
                if org is not None:
                    org_name, rule_id = org.norm, rule_id + "+short_form"
            if org is None and role:  # "Armenian Foreign Minister X": X acts for Armenia
                probe = Person(mention, role, None, None, rule_id)
                org = country_of_role(probe, mention, self.role_countries)
                org = org or owner_country(left)  # "Spain's Minister of Labour X"
                if org is not None:
                    org_name, rule_id = org.norm or org_name, rule_id + "+country_of_role"
            person = Person(
                mention,
                role,
                org,
                org_name,
                rule_id if role else "person.name_only",
                self.sentences.index_at(mention.start),
            )
            previous = found.get(mention.entity_id)
            fuller = (  # "Foreign Minister", later "Foreign Minister of the Republic of X"
                previous is not None
                and previous.role is not None
                and role is not None
                and previous.org is None
                and len(role) > len(previous.role)
                and role.startswith(previous.role)
            )
            if previous is None or (previous.role is None and role is not None) or fuller:
                found[mention.entity_id] = person
        return list(found.values())

    def body_named_short(self, role: str, before: int) -> Mention | None:
        """ "Secretary of the Ministry": the ministry the text named last before the person."""
        match = OF_THE_BODY.search(role)
        if not match or match.group("head").casefold() not in words("org_heads"):
            return None
        head = match.group("head").casefold()
        named = [
            m
            for m in self.mentions
            if m.label == "ORG"
            and m.start < before
            and m.norm
            and head in m.norm.casefold().split()
        ]
        return named[-1] if named else None

    def ministry_of(self, role: str) -> tuple[Mention | None, str | None]:
        """ "Minister of the Interior of Ukraine" works for the "Ministry of the Interior",
        "Health Secretary X" for the "Department of Health"."""
        match = MINISTER_OF.search(role) or PORTFOLIO_FIRST.search(role)
        if not match:
            return None, None
        portfolio = match.group("portfolio").casefold()
        for m in self.mentions:
            name = (m.norm or "").casefold()
            if (
                m.label == "ORG"
                and any(head in name for head in MINISTRY_HEADS)
                and (portfolio in name or first_portfolio(name, portfolio))
            ):
                return m, m.norm
        return None, None


APPOSITION_REACH = 14  # tokens after a name in which its role's country may stand


def another_country_after(people: DocPeople, span: Span, sentence: Span, org: Mention) -> bool:
    """The person's apposition names a country other than the ministry's: "Mortazavi,
    Minister of Labor, Cooperatives and Social Welfare of Iran" does not work for the
    Armenian ministry of labour the text named before."""
    if not org.country_code:
        return False
    end = min(sentence.end, span.end + APPOSITION_REACH)
    codes = set()
    for t in people.doc[span.end : end]:
        if t.pos_ in ("VERB", "AUX") or t.lower_ in ("who", "which", "whose"):
            break  # "X, who is in Iran on a visit": no longer the role
        m = people.by_token.get(t.i)
        if m is not None and m.label == "PLACE" and (m.entity_id or "").startswith("country:"):
            codes.add(m.country_code)
    return bool(codes) and org.country_code not in codes


def faith_office(doc: Doc, i: int, stop: int) -> bool:
    """A faith's form of address that a title-case word before it makes an office:
    "Presiding Bishop", "Auxiliary Bishop", "Grand Imam" (``faith_offices``)."""
    before = doc[i - 1] if i > stop else None
    return (
        doc[i].lower_ in words("faith_offices")
        and before is not None
        and before.is_title
        and before.lower_ not in words("honorifics")
    )
