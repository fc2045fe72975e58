"""Who signed: the people of the signing verb's "signed by ..." phrase up to those who only
looked on ("alongside"), the subject of "signed" (or the people before it when the parse
found none), in the agreement's sentence and the next, and the signers of "the document"
further on; with their roles, and the countries their roles give parties that name none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from ..nlp.date_values import year_of
from ..nlp.payloads import Mention
from ..nlp.roles import country_of_role
from ..nlp.syntax import misread_participle
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext, is_government, is_state, is_state_body
from .documents import (
    RELATIVE_PRONOUNS,
    later_document_signings,
    next_act,
    relative_clause,
    relative_signing,
)
from .relative_days import is_signing_verb
from .signer_phrases import (
    PRESENCE_WORDS,
    covers,
    on_behalf,
    quoted_signers,
    role_holder,
    with_signers,
)
from .stated_signers import (
    SIGNING_NOUNS,
    in_apposition,
    representatives,
    represented_at_signing,
    stated_signatories,
    stating_sentences,
)


def later_signers(
    ctx: DocContext, verb: Token, sentence: Span, signers: list[Mention]
) -> list[Mention]:
    """People of the "signed by" phrase the parse left out of it ("by X and the Minister
    of Foreign Affairs of Oman, Y"), up to those who only looked on."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None:
        return []
    limit = next(
        (t.idx for t in sentence if t.i > by.i and t.lower_ in PRESENCE_WORDS), sentence.end_char
    )
    return [
        m
        for m in ctx.in_sentence(sentence, "PERSON")
        if by.idx < m.start < limit and m not in signers
    ]


def signed_by(by: Token) -> bool:
    """ "signed by X": a "by" of the signing verb, or one the parse hung on a noun or a
    date near it; not the "by" of another verb ("the Cabinet, chaired by the Prime
    Minister, approved the MoU signed ...")."""
    head = by.head
    if head.pos_ in ("VERB", "AUX"):
        return head.lemma_ in words("signing_verbs")
    return True


def signatories(ctx: DocContext, people: list[Mention]) -> list[dict[str, Any]]:
    """The people who sign (``signing_people``), with role and organisation from the
    people table."""
    rows = []
    for m in people:
        person = ctx.people.get(m.entity_id)
        rows.append(
            {
                "name": m.norm,
                "role": person.role if person else None,
                "org": person.org_name if person else None,
            }
        )
    return rows


def signer_countries(
    ctx: DocContext, people: list[Mention], parties: list[Mention]
) -> dict[str, str]:
    """The countries of parties that name none, from the roles of the people who sign for
    them: "the Ministry of Labour ..., signed by the Minister of Labour of Azerbaijan X"
    (before the release's country, which a dateline abroad makes wrong)."""
    found: dict[str, str] = {}
    ids = {
        m.entity_id
        for m in parties
        if m.label == "ORG" and (not m.country_code or m.country_guessed)
    }
    for m in people:
        person = ctx.people.get(m.entity_id)
        if person is None or person.org is None or person.org.entity_id not in ids:
            continue
        country = country_of_role(person, m, ctx.role_countries)
        if country is not None and country.country_code and person.org.entity_id:
            found[person.org.entity_id] = country.country_code
    return found


def signing_people(ctx: DocContext, index: int, signers: list[Mention]) -> list[Mention]:
    """The people who sign: ``signers``, those after "signed by" or a signing verb's
    "between" in the sentence and the next, the subjects of signing verbs there, the
    person a "who signed" clause hangs on, and those the release states signed further on
    ("Signing the MoU were ...", who represented each side at the signing:
    ``stated_signers``), up to another act; each once."""
    people = list(signers)
    later = later_document_signings(ctx, index + 2)
    starts = {s.start for s in later}
    stated = stating_sentences(ctx, index + 2, next_act(ctx, index + 2))
    later += [ctx.sentences[n] for n in stated if ctx.sentences[n].start not in starts]
    following = ctx.sentences[index : index + 2] + sorted(later, key=lambda s: s.start)
    represented = {ctx.sentences[n].start for n in represented_at_signing(ctx)}
    for n, s in enumerate(following):
        if n == 1 and own_signers(ctx, index, people):
            continue  # "A and B signed the agreement. On the next day, C and D signed the protocol"
        signing = [t for t in s if t.lemma_ in words("signing_verbs") and t.pos_ == "VERB"]
        for by in signer_phrases(s) if signing else []:
            limit = next(  # "signed by A and B, alongside C and D": C and D looked on
                (t.idx for t in s if t.i > by.i and t.lower_ in PRESENCE_WORDS), s.end_char
            )
            people += [m for m in ctx.in_sentence(s, "PERSON") if by.idx < m.start < limit]
        for verb in signing:  # "The Minister ..., X, and IOM's ..., Y, signed the document"
            if as_witness(verb):
                continue  # "IOM's Chief of Mission Y signed as a witness": no side's signer
            if relative_clause(verb):  # "Professor X, who signed the MoU on behalf of ..."
                if relative_signing(verb, year_of(ctx.doc._.accords_published), told=n == 0):
                    people += relative_signers(ctx, s, verb) + counterparts(ctx, s, verb)
                continue
            named = subject_signers(ctx, s, verb)
            people += named + (counterparts(ctx, s, verb) if named else [])
        nouns = any(t.lower_ in SIGNING_NOUNS for t in s)  # further on: at the signing only
        if signing or (nouns if n < 2 else s.start in represented):
            people += representatives(ctx, s)
        people += stated_signatories(ctx, s)
        if signing:  # "at the signing ceremony, X, on behalf of the Director, thanked ...": no
            people += on_behalf(ctx, s)
    people += quoted_signers(ctx, index, next_act(ctx, index + 1))
    found, seen = [], set()
    for m in people:
        if m.entity_id not in seen:
            seen.add(m.entity_id)
            found.append(m)
    return found


def subject_signers(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """The people of the signing verb's subjects: each subject the parse hung on it
    ("Permanent Secretary, X and ZimThrive’s coordinator, Y signed"), that of the clause
    an "after signing" phrase qualifies ("X said after signing the deal with ..."), or the
    people before it where the parse found none."""
    with_people = with_signers(ctx, sentence, verb) if verb.tag_ == "VBG" else []
    if with_people:
        return with_people
    subject = ctx.subject_of(verb)
    after = after_signing(verb) if subject is None else None
    if after is not None:
        subject = ctx.subject_of(verb.head.head)
    if subject is None:
        return unparsed_subjects(ctx, sentence, verb)
    if subject.dep_ != "nsubj":
        return []
    subjects = [subject] + [
        c for c in verb.children if c.dep_ in CO_SUBJECTS and c.i != subject.i and c.i < verb.i
    ]
    people = ctx.in_sentence(sentence, "PERSON")
    found = [
        m for m in people if any(c.left_edge.idx <= m.start <= c.right_edge.idx for c in subjects)
    ]
    # "A and B pose for photographers after signing the agreement": the sides, two or more
    return found if after != "sides" or len(found) >= 2 else []


# what else the parse makes of a first signer's role and name before the verb
CO_SUBJECTS = ("nsubj", "npadvmod")
SIGNING_ADJUNCTS = ("after", "upon", "on")
AFTER_ADJUNCTS = ("after", "upon")


def after_signing(verb: Token) -> str | None:
    """Who signed before the clause an "after signing" phrase qualifies: its speaker ("X
    said after signing the deal with Y"; not "X congratulated Y on signing", whose signer
    is the object: after "on", only a speaker), or its sides when they signed the act ("A
    and B pose for photographers after signing the agreement"; not "X lost her passport
    after signing documents", "after signing up"). None where the phrase names no signer."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in SIGNING_ADJUNCTS:
        return None
    clause = verb.head.head
    if clause.pos_ != "VERB":
        return None
    if clause.lemma_ in words("speech_verbs"):
        return "speaker"
    signed = [c for c in verb.children if c.dep_ == "dobj"]
    act = len(signed) == 1 and signed[0].lower_ in agreement_nouns()
    particle = any(c.dep_ == "prt" for c in verb.children)
    return "sides" if verb.head.lower_ in AFTER_ADJUNCTS and act and not particle else None


def own_signers(ctx: DocContext, index: int, people: list[Mention]) -> bool:
    """Two people or more of the act's own sentence sign it: the next sentences' signers
    sign something else."""
    sentence = ctx.sentences[index]
    ids = {m.entity_id for m in people if sentence.start_char <= m.start < sentence.end_char}
    return len(ids) >= 2


def signer_phrases(sentence: Span) -> list[Token]:
    """The first "signed by" of the sentence, and the "between" of a signing verb ("was
    signed today between the Prime Minister, X, and ..."), whose people sign."""
    by = next((t for t in sentence if t.lower_ == "by" and signed_by(t)), None)
    between = [t for t in sentence if t.lower_ == "between" and is_signing_verb(between_verb(t))]
    return ([by] if by is not None else []) + between


VENUE_PREPOSITIONS = ("at", "in", "on")


def between_verb(between: Token) -> Token:
    """The verb a "between" belongs to: its head, or the verb of the place or time the
    parse hung it on ("signed at the Ministry between the Minister, X, and ...")."""
    head = between.head
    # a named place, not an event: "at a meeting between", "at the Summit between"
    venue = head.pos_ == "PROPN" and head.lower_ not in words("meeting_nouns")
    if venue and head.dep_ == "pobj" and head.head.lower_ in VENUE_PREPOSITIONS:
        return head.head.head
    return head


def relative_signers(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """The person a "who signed" clause hangs on: its head, the name right before it, or
    the person whose role in apposition it qualifies ("said X, Moroccan ambassador to the
    UN in Geneva, who along with Y signed the document")."""
    people = ctx.in_sentence(sentence, "PERSON")
    found = [m for m in people if covers(m, verb.head) or before_relative(m, verb)]
    holder = role_holder(people, verb.head) if not found else None
    return found + ([holder] if holder is not None else [])


def before_relative(person: Mention, verb: Token) -> bool:
    """The name right before the "who" of a signing clause the parse hung on the role
    before it: "said UN High Commissioner for Refugees Filippo Grandi who signed the
    agreement today"."""
    pronoun = next((c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS), None)
    if pronoun is None or pronoun.i == 0:
        return False
    before = verb.doc[pronoun.i - 1]
    before = verb.doc[pronoun.i - 2] if before.text == "," and pronoun.i > 1 else before
    return person.start <= before.idx < person.end


WITNESS_WORDS = ("witness", "witnesses", "observer", "observers")


def as_witness(verb: Token) -> bool:
    """ "signed as a witness", "signed as witnesses": who signs only attests the act."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in WITNESS_WORDS for g in c.children)
        for c in verb.children
    )


def counterparts(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """ "Minister X signed a memorandum with the Secretary of the Department of Migrant
    Workers, Y": the person a signer signs with."""
    preps = [
        c
        for c in verb.subtree
        if c.dep_ == "prep"
        and c.lower_ == "with"
        and next((a for a in c.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb
    ]
    people = ctx.in_sentence(sentence, "PERSON")
    found = []
    for prep in preps:
        named = [
            m
            for m in people
            if prep.idx < m.start <= prep.right_edge.idx and named_by(ctx.span(m).root, prep)
        ]
        after = [m for m in people if m.start > prep.right_edge.idx]
        if not named and after and titled_apposition(ctx, prep, after[0]):
            named = after[:1]  # "with the UAE Minister of ..., Dr X": the parse cut X off
        found += named
    return found


def named_by(token: Token, prep: Token) -> bool:
    """``token`` is an object of ``prep`` or in apposition to one ("with the Secretary of
    the Department, Y"), not inside a phrase of its own ("with the support of the EU
    Ambassador, X", "with Togo, whose President X")."""
    while token.i != prep.i:
        if token.dep_ not in ("pobj", "appos", "conj", "compound"):
            return False
        token = token.head
    return True


def titled_apposition(ctx: DocContext, phrase: Token, person: Mention) -> bool:
    """``person`` is in apposition right after ``phrase``: a comma and at most a title
    between ("..., Dr X"), not another phrase (", in the presence of President X")."""
    between = ctx.doc[phrase.right_edge.i + 1 : ctx.span(person).start]
    titled = all(t.is_title or t.is_upper or t.text == "." for t in between[1:])
    return titled and in_apposition(ctx, phrase, person)


FINITE_TAGS = ("VBD", "VBP", "VBZ")


def unparsed_subjects(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """The people before an active signing verb the parse gave no subject (it took the
    dateline's city for it, or hung the names elsewhere): "Belgrade, 16 November (MIA) –
    Serbian President X, ... and Austrian Chancellor Y signed", "IOM Director General X
    (Right) and UNODC Executive Director Y sign ..."."""
    finite = verb.tag_ in FINITE_TAGS or misread_participle(verb)
    if not finite or any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
        return []
    start = max(sentence.start_char, ctx.dateline[1])
    between = [t for t in sentence if t.idx >= start and t.i < verb.i and t.pos_ == "VERB"]
    if between:
        return []
    return [m for m in ctx.in_sentence(sentence, "PERSON") if start <= m.start < verb.idx]


def signer_bodies(ctx: DocContext, parties: list[Mention], signers: list[Mention]) -> list[Mention]:
    """The bodies the signers sign for ("signed by X, ILO Director-General, and Y, the IOM
    Director-General"), or the countries of their roles."""
    return bodies_of(ctx, parties, signers, lambda _: True, role_country=True)


def signed_for(ctx: DocContext, parties: list[Mention], people: list[Mention]) -> list[Mention]:
    """The bodies people who sign name as theirs ("the Director General of IOM, Y", "X,
    Ambassador of Denmark"), beside parties found otherwise; not a ministry or government
    where a state is a side already (its state stands for it), nor a country one of
    whose bodies is a side."""
    states = any(is_state(m) or is_state_body(m) or is_government(m) for m in parties)
    countries = {m.country_code for m in parties if m.country_code and not m.country_guessed}

    def keep(body: Mention) -> bool:
        if holds_a_person(ctx, body):
            return False  # "High Commissioner for Refugees António Guterres": a mis-cut name
        if not (body.label == "ORG" or (is_state(body) and body.country_code not in countries)):
            return False
        return not (states and (is_state_body(body) or is_government(body)))

    return bodies_of(ctx, parties, people, keep, role_country=False)


def bodies_of(
    ctx: DocContext,
    parties: list[Mention],
    people: list[Mention],
    keep: Callable[[Mention], bool],
    role_country: bool,
) -> list[Mention]:
    """Each person's body (or, with ``role_country``, their role's country) that is no
    party yet and that ``keep`` takes, once."""
    known = {m.entity_id for m in parties}
    found: list[Mention] = []
    for s in people:
        person = ctx.people.get(s.entity_id)
        if person is None:
            continue
        body = person.org
        if body is None and role_country:
            body = country_of_role(person, s, ctx.role_countries)
        if body is None or body.entity_id in known or not keep(body):
            continue
        found.append(body)
        known.add(body.entity_id)
    return found


def holds_a_person(ctx: DocContext, body: Mention) -> bool:
    """A person's name lies inside the body's name: a role and its holder read as one
    body ("United Nations High Commissioner for Refugees António Guterres")."""
    name = body.norm or ""
    return any(p.mention.norm and p.mention.norm in name for p in ctx.people.values())


def people_sign(ctx: DocContext, verb: Token) -> bool:
    """ "Vietnam's Minister of Labour X and Cambodia's Minister Y signed": people are the
    subject, and the bodies in their roles are where the parse cut their titles."""
    subject = ctx.subject_of(verb)
    if subject is None or subject.i > verb.i:
        return False
    heads = [ctx.index.get(t.i) for t in [subject, *subject.conjuncts]]
    return bool(heads) and all(m is not None and m.label == "PERSON" for m in heads)
