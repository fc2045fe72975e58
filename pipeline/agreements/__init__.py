"""The agreements dataset: one row per agreement a press release reports.

An agreement is an agreement noun (``patterns/agreements.jsonl``: memorandum,
joint statement, declaration, agreement, network, partnership ...) governed
by a verb of signing, adopting or launching, in any tense ("signed", "will
today sign", "was adopted by", "recently concluded between") (``detect``). Its
parties are the organisations that sign (subject, "between ..." or "by ..."),
or, when the text names none ("a memorandum was signed"), the organisations the
lead of the report names, else those its headline names; signatories are the people
of the "signed by ..." phrase with their roles from the people table (``parties``).
Date and place come from the sentence, else the dateline, else the lead of an
event report (``when_where``); several sentences about one agreement are one row (``merge``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp.headline import headline_bodies
from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import left_mentions, mentions_in
from ..nlp.text import matches_by_sentence
from ..nlp.token_index import IndexedMatcher
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext, unique, without_name_parts, without_state_bodies
from .detect import (
    MAX_GOVERNING,
    build_matcher,
    heading_only,
    infinitive_ahead,
    inside_another_name,
    is_dated_earlier,
    noun_token,
    recent_participles,
    reporting_verb,
    rule_of,
    rules,
    signs_as_a_party,
    single_noun_types,
    spoken_in,
    topic_hung_on_verb,
)
from .headings import SPOKEN_TYPES, heading_statement
from .headline import headline_verb
from .headline_act import asks_or_denies, headline_act
from .merge import earlier_between_the_same, merge, unnamed
from .name_sides import with_listed_sides
from .names import name_of
from .parties import parties_of, subject_parties
from .partners import split_by_partner
from .signer_places import bracketed_places
from .signers import signatories, signed_for, signer_countries, signing_people
from .when_where import RECALLED, date_and_place, split_by_place

TEXT_TYPES = ("memorandum", "agreement", "declaration", "joint_statement")
TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


class AgreementFinder:
    """Assigns ``doc._.accords_agreements``; its noun matcher is built once."""

    def __init__(self, nlp: Language):
        self.matcher = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc._.accords_agreements = find_agreements(DocContext(doc), self.matcher)
        return doc


def find_agreements(ctx: DocContext, matcher: IndexedMatcher) -> list[Agreement]:
    found: list[Agreement] = []
    noun_matches = matches_by_sentence(ctx.doc, matcher, ctx.found_sentences)
    for index, kind in enumerate(ctx.kinds):
        if kind == "title":
            found.extend(heading_statement(ctx, index, noun_matches[index]))
            continue
        matches, heads = noun_rules(ctx, index, noun_matches[index])
        for rule_id, start, end in matches:
            agreement = agreement_at(ctx, index, rule_id, start, end, heads)
            if agreement is not None:
                for one in split_by_place(ctx, agreement):
                    found.extend(split_by_partner(ctx, one))
    if not found:
        found = ceremony_agreement(ctx)
    if not found:
        found = headline_acts(ctx, noun_matches)
    named = {a.noun.i: m.entity_id for a in found if (m := ctx.index.get(a.noun.i)) and m.entity_id}
    acts = earlier_between_the_same(merge(found, named))
    sideless = [act for act in acts if not act.parties]
    headline = headline_bodies(ctx.doc, acts=True) if sideless else []
    for act in sideless if headline else []:  # a report that names no side: its headline's
        act.parties, act.parties_guessed = list(headline), True
    acts = with_listed_sides(ctx, typed_by_report(ctx, acts))
    for act in acts:
        act.parties = without_name_parts(act.parties, ctx.coordinated)
    return acts


def noun_rules(
    ctx: DocContext, index: int, matches: list[tuple[int, int, int]]
) -> tuple[list[tuple[str, int, int]], set[int]]:
    """The agreement-noun matches of sentence ``index`` with their rule ids (not the rules
    read in headlines only), and the tokens of their nouns."""
    sentence = ctx.sentences[index]
    found = [
        (rule_id, start, end)
        for match_id, start, end in matches
        if not heading_only(rule_id := ctx.doc.vocab.strings[match_id])
    ]
    return found, {noun_token(sentence, rule_id, start, end).i for rule_id, start, end in found}


def headline_acts(
    ctx: DocContext, noun_matches: list[list[tuple[int, int, int]]]
) -> list[Agreement]:
    """The act of a report whose body tells none the rules find, read from its headline:
    by its syntax as a sentence of the body, else by its words (``headline_act``)."""
    index = next((i for i, kind in enumerate(ctx.kinds) if kind == "title"), None)
    if index is None or asks_or_denies(title := ctx.sentences[index], headline_verb(title)):
        return []
    matches, heads = noun_rules(ctx, index, noun_matches[index])
    found = [a for r, s, e in matches if (a := agreement_at(ctx, index, r, s, e, heads))]
    if not found and (act := headline_act(ctx, index, matches)) is not None:
        found = [act]
    return found


def typed_by_report(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """ "WHO and UNHCR sign MoU" over "... today signed a new agreement to ...": the one act
    of the report, told only as "an agreement", is the memorandum its headline names, or
    the only other kind of act its other sentences name."""
    if len(acts) != 1 or acts[0].type != "agreement" or not unnamed(acts[0]):
        return acts
    titles = [s for s, kind in zip(ctx.sentences, ctx.kinds, strict=True) if kind == "title"]
    title = titles[0] if titles else None
    kinds = {single_noun_types().get(t.lower_) for t in title or []} - {None}
    # "signed an agreement to implement the MoU of 2018": that memorandum is another text
    named = any(single_noun_types().get(t.lower_) == "memorandum" for t in acts[0].sentence)
    # else the report's other sentences: "signed a deal ... The MoU will ...", when they
    # name no other kind of act
    told = {
        single_noun_types().get(t.lower_)
        for s, kind in zip(ctx.sentences, ctx.kinds, strict=True)
        if kind != "title" and s != acts[0].sentence
        for t in s
        if back_reference(t)
    } - {None, "agreement"}
    if not named and (
        kinds == {"memorandum"} or (kinds <= {"agreement"} and told == {"memorandum"})
    ):
        acts[0].type = "memorandum"
    return acts


def back_reference(noun: Token) -> bool:
    """ "The MoU will run", "this memorandum": the act told again, not "a 2018 Memorandum of
    Understanding on border management" (another, earlier text)."""
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    dated = any(c.like_num for c in noun.subtree)
    return bool(determiners & {"the", "this", "that"}) and not dated


AWAITING_PREPOSITIONS = ("for", "ahead", "before", "towards", "toward")


def awaited(act: Token) -> bool:
    """A signing named as a noun that is still to come: "arrangements for the signing",
    "ahead of the signing of", "will attend the signing" (not "After the signing ...,
    recruitment will resume")."""
    if act.pos_ != "NOUN":
        return False
    if act.head.lower_ in AWAITING_PREPOSITIONS:
        return True
    governing = act.head if act.dep_ == "dobj" else None  # "will attend the signing"
    return governing is not None and any(c.lower_ in ("will", "shall") for c in governing.children)


def ceremony_agreement(ctx: DocContext) -> list[Agreement]:
    """A signing ceremony that the report names without its document ("At a signing
    ceremony held at OAS Headquarters, IOM and the JSWG member organizations reaffirmed
    ..."), in a report where no agreement noun reports an act: an agreement of type
    ``other``, signed by the subject of the sentence's verb and by the bodies that
    subject "joined" earlier in the report."""
    for index, sentence in enumerate(ctx.sentences):
        if ctx.kinds[index] == "title":
            continue
        for token in sentence:
            if not is_signing_ceremony(token):
                continue
            verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
            if verb is None:
                continue
            parties = subject_parties(ctx, verb, sentence)
            if not parties:
                continue
            parties += [m for m in joined_bodies(ctx, index, parties) if m not in parties]
            kind, name = named_document(token)
            agreement = Agreement(sentence, index, token, kind, "signed", "ceremony.signing", name)
            agreement.parties = unique(parties)
            held = next((c for c in token.children if c.dep_ == "acl"), None)
            date_and_place(ctx, agreement, held or verb, index)
            return [agreement]
    return []


def named_document(ceremony: Token) -> tuple[str, str | None]:
    """The type and name of the document a ceremony's own name gives ("Memorandum of
    Understanding (MoU) Signing Ceremony"), else ``other`` and no name."""
    lefts = [t for t in ceremony.subtree if t.i < ceremony.i]
    head = ceremony.head
    if ceremony.dep_ in ("appos", "compound") and head.i < ceremony.i:
        lefts = [t for t in ceremony.doc[head.i : ceremony.i]]  # "MoU Signing Ceremony"
    types = single_noun_types()
    for t in lefts:
        if t.lower_ in types:
            words_ = [w for w in lefts if w.i >= t.i and w.lower_ != "signing"]
            name = TRAILING_BRACKET.sub("", ceremony.doc[t.i : words_[-1].i + 1].text).strip()
            return types[t.lower_], name or None
    return "other", None


def is_signing_ceremony(token: Token) -> bool:
    """ "a signing ceremony", not "the signing ceremony of the MoU" (that names it)."""
    return (
        token.lower_ == "ceremony"
        and any(c.lower_ == "signing" for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children)
    )


def joined_bodies(ctx: DocContext, index: int, parties: list[Mention]) -> list[Mention]:
    """ "IOM joined the OAS and nine institutions of the JSWG": the bodies a party joined
    in an earlier sentence of the report."""
    ids = {m.entity_id for m in parties}
    found: list[Mention] = []
    for sentence in ctx.sentences[:index]:
        for verb in sentence:
            if verb.lemma_ != "join" or verb.pos_ != "VERB":
                continue
            subject = ctx.subject_of(verb)
            joiners = (
                mentions_in(subject, ctx.index)
                if subject is not None
                else left_mentions(sentence, verb.i, ctx.index)  # a subject the parse lost
            )
            if not {m.entity_id for m in joiners} & ids:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for t in obj.subtree:
                    m = ctx.index.get(t.i)
                    if m is not None and m.label == "ORG" and m not in found:
                        found.append(m)
    return found


def agreement_at(
    ctx: DocContext, index: int, rule_id: str, start: int, end: int, heads: set[int]
) -> Agreement | None:
    sentence = ctx.sentences[index]
    nouns = rules()[0]
    noun = noun_token(sentence, rule_id, start, end)
    if noun.ent_type_ == "MISC":
        return None  # "the Global Compact for Migration": a named text, not an act
    if noun.dep_ == "compound" and noun.head.lower_ in agreement_nouns():
        return None  # "partnership agreement": one agreement, named by its head
    if in_the_framework_of(noun):
        return None  # "signed in the framework of a seminar": an idiom, no framework
    if in_a_portfolio(noun):
        return None  # "the Director of Partnerships of UNRWA": a role, no act
    referred = referred_between(ctx, noun, heads)
    if inside_another_name(noun, heads) and not referred:
        return None
    verb = reporting_verb(noun)
    if verb is not None and set_up_by_an_agreement(ctx, verb, noun):
        return None  # "The Memorandum establishes a general framework for cooperation"
    reported = rule_of(verb) if verb is not None else None
    if verb is not None and reported is not None:
        status, verb_rule = reported["status"], reported["id"]
        if signs_as_a_party(noun, verb, status):
            return None
        if verb in recent_participles(noun):
            verb_rule = RECALLED  # signed before the report: not where or when it is dated
    elif nouns[rule_id]["type"] in SPOKEN_TYPES and spoken_in(ctx, noun):
        # "In a joint statement, the agencies urged ...": made by who speaks
        verb, status, verb_rule = noun.head.head, "adopted", "verb.spoken_in"
    elif is_dated_earlier(noun):
        verb, status, verb_rule = noun.head, "signed", "verb.earlier_dated"
    elif referred:
        verb, status, verb_rule = noun.head, "signed", "verb.named_between"
        if any(awaited(a) for a in noun.ancestors):  # "prepare for the signing of: (1) ..."
            status = "to_be_signed"
    else:
        return None
    if status == "signed" and (
        any(c.lower_ in ("will", "shall") for c in verb.children)
        or awaited(verb)
        or infinitive_ahead(verb)
    ):
        status = "to_be_signed"
    agreement = Agreement(
        sentence,
        index,
        noun,
        nouns[rule_id]["type"],
        status,
        f"{rule_id}+{verb_rule}",
        name_of(ctx, noun, sentence),
    )
    agreement.recalled = verb_rule == RECALLED
    agreement.parties, signers, agreement.parties_guessed = parties_of(ctx, verb, noun, sentence)
    if verb_rule != "verb.earlier_dated":  # those who sign now did not sign the earlier one
        people = signing_people(ctx, index, signers)
        agreement.signatories = signatories(ctx, people)
        signed_for_bodies(ctx, agreement, people)
        agreement.party_countries = signer_countries(ctx, people, agreement.parties)
    date_and_place(ctx, agreement, verb, index)
    return agreement


def signed_for_bodies(ctx: DocContext, agreement: Agreement, people: list[Mention]) -> None:
    """ "The Ambassador of Denmark, X, and the Director General of IOM, Y, signed": the body
    each signer signs for is a side beside those found otherwise, and instead of sides
    only guessed from the lead of the report."""
    if agreement.parties_guessed or not agreement.parties:
        # "Galinos (Mytilene), Ada Colau (Barcelona) and ...": the places they sign for
        bodies = signed_for(ctx, [], people) or bracketed_places(ctx, people)
        if bodies:
            agreement.parties, agreement.parties_guessed = without_state_bodies(bodies), False
    elif agreement.parties:
        bodies = signed_for(ctx, agreement.parties, people)
        agreement.parties = without_state_bodies(agreement.parties + bodies)


NEGOTIATION_LEMMAS = ("negotiate", "negotiation", "draft", "talk", "discuss", "propose")


def referred_between(ctx: DocContext, noun: Token, heads: set[int]) -> bool:
    """ "the implementation of the general Agreement on readmission ... between the RA and
    the EU": an act the text names with its sides, in force (not one under negotiation),
    also inside the name of another act."""
    if not noun.text[:1].isupper() or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    between = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
    if not between:
        return False
    sides = [m for t in between[0].subtree if (m := ctx.index.get(t.i)) and m.label != "PERSON"]
    if len(unique(sides)) < 2:
        return False
    if topic_hung_on_verb(noun, heads) or topic_of_an_act(noun):
        return False  # "a Joint Declaration on a Mobility Partnership between A and B": one act
    governing = list(noun.ancestors)[:MAX_GOVERNING]
    return not any(a.lemma_.casefold() in NEGOTIATION_LEMMAS for a in governing)


def topic_of_an_act(noun: Token) -> bool:
    """The noun names what another act is about ("Declaration on a [Partnership]"), by
    prepositions up to that act's noun (a coordinated act stands beside it)."""
    token = noun
    for _ in range(MAX_GOVERNING):
        if token.dep_ not in ("pobj", "prep") or token.head is token:
            return False
        token = token.head
        if token.lower_ in agreement_nouns():
            return True
    return False


def in_a_portfolio(noun: Token) -> bool:
    """The noun names what a role is in charge of ("Director of Partnerships", "Head of
    Networks and Alliances"), not an act."""
    prep = noun.head if noun.dep_ in ("pobj", "conj") else None
    if prep is not None and noun.dep_ == "conj":
        prep = prep.head if prep.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("of", "for"):
        return False
    role = prep.head
    return role.lower_ in words("role_words") or role.lower_ in words("role_heads")


def in_the_framework_of(noun: Token) -> bool:
    return (
        noun.lower_ == "framework"
        and noun.head.lower_ in ("in", "within", "under")
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def set_up_by_an_agreement(ctx: DocContext, verb: Token, noun: Token) -> bool:
    """The active subject of the act is another agreement: what it establishes is its
    content, not a second agreement ("The MoU establishes a framework for cooperation")."""
    subject = ctx.subject_of(verb)
    if subject is None or subject.i == noun.i or subject.dep_ != "nsubj":
        return False
    # a text ("the memorandum", "the agreement"), not a body named like one ("the Network
    # of Migrant Associations signed ...")
    kind = single_noun_types().get(subject.lower_)
    return kind in TEXT_TYPES and verb.pos_ == "VERB" and ctx.index.get(subject.i) is None


__all__ = ["AgreementFinder", "find_agreements"]
