"""A release that is itself a statement or declaration, told by its headline: "Joint
Statement on the Andaman Sea: IOM, UNHCR", "Joint IOM-UNHCR Statement on ...",
"Communiqué from the consultation on ...". Its issuers are named in the headline, or
declare themselves ("We, the Ministers of A and B, ..."), or are the lead's subjects."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.headline import SPOKEN_TYPES, act_topic
from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import declared_issuers, has_to, is_country, mentions_in
from .context import DocContext, unique
from .detect import heading_only, noun_token, rules
from .names import TRAILING_FUNCTION_WORD
from .when_where import date_and_place

LEAD_REACH = 3
HEADING_TAIL = re.compile(r"\s*(?:\b(?:by|of|from)\b|[,;–—-])\s*$", re.IGNORECASE)


def heading_statement(
    ctx: DocContext, index: int, matches: list[tuple[int, int, int]]
) -> list[Agreement]:
    """A release that is itself a joint statement or declaration, headed so: "Joint
    Statement on the Andaman Sea: IOM, UNHCR, OHCHR", "Joint Declaration by X and Y".
    Its issuers are the bodies the heading names after the noun or, in the noun's own
    phrase, before it (two or more cities: "A and B Joint City Pledge"), else those of
    ``issuers_below``; it is adopted. An infinitive on the noun is its purpose, no act the
    headline reports ("Joint Commitment to Address ...")."""
    sentence = ctx.sentences[index]
    nouns = rules()[0]
    for match_id, start, end in matches:
        rule_id = ctx.doc.vocab.strings[match_id]
        if nouns[rule_id]["type"] not in SPOKEN_TYPES:
            continue
        noun = noun_token(sentence, rule_id, start, end)
        # "Joint Letter: UN Council Should Respond to ...": after the noun and a colon, a
        # clause is the text's own title, which names no issuer ("Joint Statement: IOM,
        # UNHCR and UNICEF" names its issuers)
        colon = next((t for t in sentence if t.i > noun.i and t.text == ":"), None)
        titled = (
            colon is not None
            and colon.i <= noun.i + 2
            and any(t.pos_ == "VERB" for t in sentence if t.i > colon.i)
        )
        bound = colon.idx if titled and colon is not None else sentence.end_char
        if any(
            t.pos_ == "VERB"
            and t.idx < bound
            and not in_relative_clause(t, noun)
            and not its_purpose(t, noun)
            for t in sentence
        ):
            return []  # a headline reporting an act, read from the body instead
        named = [
            m
            for m in ctx.in_sentence(sentence, "ORG") + ctx.in_sentence(sentence, "PLACE")
            if m.start < bound
            and (m.label == "ORG" or (is_country(m) and not act_topic(ctx.doc, m)))
        ]  # not the countries it is about: "Joint Statement on Greece and Italy Rules"
        issuers = sorted((m for m in named if m.start > noun.idx), key=lambda m: m.start)
        if heading_only(rule_id) and not names_issuers_after(sentence, noun):
            issuers = []  # "Statement attributable to the Spokesperson ... on Libya": a topic
        # "Joint Statement on X: IOM, UNHCR" and "Joint Declaration by X and Y" name it
        # before the issuers; a heading of its own ("Lima Declaration on Migration") is
        # its name
        end = issuers[0].start - sentence.start_char if issuers else len(sentence.text)
        heading = HEADING_TAIL.sub("", sentence.text[:end].split(":")[0].strip())
        ahead = issuers_ahead(sentence, noun, named + cities_ahead(ctx, sentence, noun))
        if ahead:  # "Joint IOM-UNHCR Statement on ...", "NHRIs joint statement on ..."
            issuers, heading = ahead, sentence.text[: (bound - sentence.start_char)].strip()
        if titled:  # "Ecumenical Declaration: Protecting Welcome, Restoring Hope"
            heading = sentence.text.strip()
        name = TRAILING_FUNCTION_WORD.sub("", heading) or None  # "... Presidents of the"
        issuers = issuers or issuers_below(ctx, index, rule_id, titled)
        if not issuers:
            return []
        agreement = Agreement(
            sentence, index, noun, nouns[rule_id]["type"], "adopted", f"{rule_id}+heading", name
        )
        agreement.parties = unique(issuers)
        date_and_place(ctx, agreement, noun, index)
        return [agreement]
    return []


def issuers_below(ctx: DocContext, index: int, rule_id: str, titled: bool) -> list[Mention]:
    """Who issues a statement its heading names no issuer of: those who declare themselves
    in the text printed whole ("We, the Ministers of A and B, ..."), else, for a heading of
    its own ("Communiqué from the consultation") or one titled after a colon, the bodies the
    report's lead has as its subject, two at least ("An International Statement for ...",
    one body's own words, is no joint act)."""
    issuers = declared_issuers(ctx.sentences, ctx.index)
    if issuers or not (titled or heading_only(rule_id)):
        return issuers
    issuers = lead_subjects(ctx, index)
    return [] if heading_only(rule_id) and len(unique(issuers)) < 2 else issuers


def in_relative_clause(verb: Token, noun: Token) -> bool:
    """ "Joint Statement of the Ministers ... of the Meeting [which took place] in Paphos":
    a verb that only describes another noun of the heading reports no act (one on the
    statement's own noun may be the headline's predicate: "Declaration which the
    ministers signed in Rabat enters into force")."""
    return any(t.dep_ == "relcl" and t.head.i != noun.i for t in [verb, *verb.ancestors])


def cities_ahead(ctx: DocContext, sentence: Span, noun: Token) -> list[Mention]:
    """Two or more places other than countries before the noun issue the text ("Kampala and
    Nairobi Joint City Pledge"); one names it ("Los Angeles Declaration")."""
    cities = [
        m for m in ctx.in_sentence(sentence, "PLACE") if m.start < noun.idx and not is_country(m)
    ]
    return cities if len(cities) >= 2 else []


def its_purpose(verb: Token, noun: Token) -> bool:
    """ "Joint Commitment to Address the Challenge of ...": an infinitive on the text's own
    noun tells what it is for, not an act the headline reports."""
    return verb.dep_ == "acl" and verb.head.i == noun.i and has_to(verb)


ISSUER_PREPOSITIONS = ("by", "of", "from")


def word_after(sentence: Span, noun: Token) -> str:
    return noun.nbor(1).lower_ if noun.i + 1 < sentence.end else ""


def names_issuers_after(sentence: Span, noun: Token) -> bool:
    """ "Statement by X", "Communiqué of X", "Communiqué from X", "Statement: X and Y"."""
    return word_after(sentence, noun) in (*ISSUER_PREPOSITIONS, ":")


def issuers_ahead(sentence: Span, noun: Token, named: list[Mention]) -> list[Mention]:
    """The bodies a heading names before its statement's noun, in the noun's own phrase
    ("Joint IOM-UNHCR Statement on", "MC2CM Statement:", "NHRIs joint statement on"),
    unless the noun names its issuers after it ("Statement by X", "Communiqué of X")."""
    if word_after(sentence, noun) in ISSUER_PREPOSITIONS:
        return []
    colon = max((t.idx for t in sentence if t.i < noun.i and t.text == ":"), default=-1)
    return [m for m in named if colon < m.start < noun.idx]  # not "AU Summit: Declaration"


def lead_subjects(ctx: DocContext, title: int) -> list[Mention]:
    """The bodies (and countries) that are the subject of the report's first sentence after
    ``title`` that has them, within its first ``LEAD_REACH`` sentences (a date line or a
    credit may come first: "Posted On: Wednesday, 9 August 2017")."""
    leads = [i for i in range(title + 1, len(ctx.kinds)) if ctx.kinds[i] != "title"]
    for lead in leads[:LEAD_REACH]:
        sentence = ctx.sentences[lead]
        subject = ctx.subject_of(sentence.root)
        if subject is None:
            continue
        found = [m for m in mentions_in(subject, ctx.index) if m.label == "ORG" or is_country(m)]
        if found:
            return found
    return []
