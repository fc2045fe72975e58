"""Who signs: the parties of an agreement (its signatories: ``signers``).

Parties (``parties_of``), in this order:

1. the bodies and countries of a "between ...", "by ..." or "on behalf of ..." phrase;
2. else the subject of the reporting verb (not of a participle: "X welcomes the
   agreements concluded by ..." names no side), or of the verb a signing noun serves
   when its other side is named ("finalizing the signing of an MoU with Kuwait");
3. with them the "with ..." partners, the bodies that act through the agreement ("agreed
   ... through a Memorandum signed by"), the body that names it as its own ("the ASEAN
   Declaration");
   else the sides the headline names as signing ("Uganda, Saudi Arabia sign ...");
   with them each signer's body or the country of their role;
4. "the two governments", "the parties": the sides the report names before;
5. the bodies a next sentence says signed "the document", or names as the signatories
   ("The signatories were A and B");
   a body named in the plural for both sides ("the Ministries of Foreign Affairs of the
   two countries") stands for the two sides the report names;
6. none when the signers are a group the text does not name ("by 11 countries");
7. else, guessed: the countries of the ministers the lead names, or its organisations
   (not those it calls upon).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import (
    addition_phrase,
    coordinated_under,
    group_countries,
    is_group,
    left_mentions,
    mentions_in,
    split_list_group,
    topic_phrase,
)
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext, unique, without_state_bodies
from .headline import headline_applies, headline_sides
from .name_sides import owners_in_name
from .report_sides import (
    lead_sides,
    listed_signatories,
    named_sides,
    praised_sides,
    side_subject,
    sides_for_plural_bodies,
    sides_in_lead,
)
from .signers import later_signers, signer_bodies
from .source_credits import is_source_credit

LEAD_SENTENCES = 3


def parties_of(
    ctx: DocContext, verb: Token, noun: Token, sentence: Span
) -> tuple[list[Mention], list[Mention], bool]:
    """(parties, people named as signers in the same phrases, whether the parties are
    only guessed from the lead of the report)."""
    parties, signers = phrase_parties(ctx, verb, noun)
    praised = [] if parties else praised_sides(ctx, verb)
    partners = with_parties(ctx, verb, noun) + addition_parties(ctx, verb)
    if praised:  # "IOM praises the ESS and ... for their signing of an MoU": not IOM
        return unique(praised + partners), signers, False
    nominal = verb.pos_ == "NOUN"  # "X welcomes the signing of ...": X is no party
    participle = verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"
    if (
        not parties
        and not nominal
        and not participle  # "X welcomes the agreements concluded by ...": X signed none
        and noun.dep_ != "nsubjpass"
        and verb.i > sentence.start
    ):
        parties = subject_parties(ctx, verb, sentence)
    elif not parties and nominal and partners:
        # "DOLE is finalizing arrangements for the signing of an MoU with Kuwait": the
        # other side is named, so the subject is the first
        acting = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
        if acting is not None and ctx.subject_of(acting) is not None:
            parties = subject_parties(ctx, acting, sentence)
    parties += [m for m in partners if m not in parties]
    parties += [m for m in means_parties(ctx, verb, noun, sentence) if m not in parties]
    if not parties:
        parties = owners_in_name(ctx, noun)
    if headline_applies(ctx, (verb, noun), sentence, parties, partners):
        return headline_sides(ctx), signers, False  # "Uganda, Saudi Arabia sign ..."
    parties += signer_bodies(ctx, parties, signers + later_signers(ctx, verb, sentence, signers))
    if not parties and (named_sides(verb, noun) or side_subject(ctx, verb)):
        parties = sides_in_lead(ctx, sentence)  # "the parties signed", "between the two"
    following = unique(  # "... The document was signed by", "The signatories were A and B"
        next_sentence_parties(ctx, sentence) + listed_signatories(ctx, sentence)
    )
    parties += [m for m in following if m.entity_id not in {p.entity_id for p in parties}]
    if not parties and (signed_by_unnamed(verb, noun) or unnamed_subject(ctx, verb)):
        return [], signers, False  # "signed by 11 countries": who they are is not said
    if not parties:
        sides = [m for m in sides_in_lead(ctx, sentence, people_only=True) if m.label == "PLACE"]
        if len(sides) >= 2:  # a meeting of two ministers: their countries, named by roles
            return sides, signers, True
        return lead_sides(ctx, noun, LEAD_SENTENCES), signers, True
    kept = [m for m in parties if not is_source_credit(ctx, m)]
    return without_state_bodies(sides_for_plural_bodies(ctx, kept, sentence)), signers, False


def phrase_parties(
    ctx: DocContext, verb: Token, noun: Token
) -> tuple[list[Mention], list[Mention]]:
    """Entities of "between/among ..." and "by ..." phrases of the verb or the noun."""
    parties: list[Mention] = []
    signers: list[Mention] = []
    agents: list[Token] = []
    # "between" anywhere in the noun's name: "a Declaration on a Partnership between A and B"
    topic = topic_phrase(noun)  # and in its topic when the parse hangs it on the verb
    name = list(noun.subtree) + (list(topic.subtree) if topic is not None else [])
    name_preps = [t for t in name if t.dep_ == "prep" and t.lower_ in ("between", "among")]
    if verb.pos_ == "NOUN" and verb.dep_ == "nsubjpass":
        # "The signing of the MoU was done by A, B and C": the agents of the act's verb
        agents += [c for c in verb.head.children if c.dep_ == "agent"]
    for token in [verb, noun]:
        for child in list(token.children) + (name_preps if token is noun else []):
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                groups = [c for c in child.children if c.dep_ == "pobj"]
                for pobj in groups:  # "between the governments of A and B"
                    if pobj.lower_ in words("state_groups"):
                        parties += [m for m in governments_of(ctx, pobj) if m not in parties]
                for t in child.subtree:
                    m = ctx.index.get(t.i)
                    if m is not None and m.label == "PLACE":
                        m = None  # a country only as a side: "between Malawi and IOM"
                    if m is None and coordinated_under(t, child):
                        m = country_at(ctx, t) or capital_at(ctx, t)  # "between IOM and Tehran"
                    if m is not None and m not in parties + signers:
                        (parties if m.label in ("ORG", "PLACE") else signers).append(m)
            if child.dep_ == "agent":
                agents += [child]
    behalf = on_behalf_of(ctx, verb)
    for phrase in agents:  # "by the interior ministries of Germany and Spain"
        for pobj in (c for c in phrase.children if c.dep_ == "pobj"):
            parties += [m for m in governments_of(ctx, pobj) if m not in parties]
    for phrase in agents:
        for t in phrase.subtree:
            if behalf and (m := ctx.index.get(t.i)) is not None and m.label != "PERSON":
                continue  # "on behalf of the EU by representatives of the Commission"
            m = ctx.index.get(t.i)
            bracketed = t.i > 0 and ctx.doc[t.i - 1].text == "("
            if bracketed and m is not None and m.label == "PLACE":
                continue  # "by GFBTU (Bahrain), ...": where the body is, not a side
            if m is not None and m.label == "PLACE" and not coordinated_under(t, phrase):
                continue  # "by the Ministry of Ukraine": the country is not a side
            if m is not None and m.label == "ORG" and in_role_of_person(ctx, t, phrase):
                continue  # "by X, Deputy Head of A – Head of B": X's roles, X signs for A
            if m is not None and m not in parties + signers:
                (signers if m.label == "PERSON" else parties).append(m)
    parties += [m for m in behalf if m not in parties]
    return parties, signers


def on_behalf_of(ctx: DocContext, verb: Token) -> list[Mention]:
    """ "signed on behalf of the EU by ...", "on behalf of Armenia by X": the side for
    which the signers sign is the party."""
    found: list[Mention] = []
    phrases = [p for c in verb.children for p in (c, *c.conjuncts)]  # "... and on behalf of"
    for on in phrases:
        behalf = next((c for c in on.children if c.lower_ == "behalf"), None)
        if on.dep_ not in ("prep", "conj") or on.lower_ not in ("on", "in") or behalf is None:
            continue
        for of in (c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"):
            for t in of.subtree:
                m = ctx.index.get(t.i) if coordinated_under(t, of) else None
                if m is not None and m.label != "PERSON" and m not in found:
                    found.append(m)
    return found


def signed_by_unnamed(verb: Token, noun: Token) -> bool:
    """The signers are a group the text does not name: "the signing of the Declaration by
    11 countries", "adopted by the member states"."""
    by_phrases = [
        child
        for token in (verb, noun)
        for child in token.children
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by")
    ]
    return any(c.dep_ == "pobj" and c.tag_ == "NNS" for p in by_phrases for c in p.children)


def in_role_of_person(ctx: DocContext, token: Token, phrase: Token) -> bool:
    """``token`` stands in the role given in apposition to a person of the phrase; that
    person's body (``people``) is the party, not every body the role names."""
    while token != phrase and token.head != token:
        head = token.head
        if token.dep_ == "appos":
            person = ctx.index.get(head.i)
            if person is not None and person.label == "PERSON":
                return True
        token = head
    return False


def addition_parties(ctx: DocContext, verb: Token) -> list[Mention]:
    """Bodies and countries that join the verb's other parties: "In addition to Ghana, the
    protocol was signed by ...", "Along with IOM, the Ministry signed ..."."""
    phrase = addition_phrase(verb)
    if phrase is None:
        return []
    found: list[Mention] = []
    for t in phrase.subtree:
        if not coordinated_under(t, phrase):
            continue
        m = ctx.index.get(t.i)
        if m is not None and m.label == "PLACE":
            m = country_at(ctx, t)
        if m is not None and m.label in ("ORG", "PLACE") and m not in found:
            found.append(m)
    return found


def with_parties(ctx: DocContext, verb: Token, noun: Token) -> list[Mention]:
    """ "IOM signed an agreement with Ethiopia", "an MoU with the Government": the other
    side, named by a "with" phrase of the verb or the noun."""
    found: list[Mention] = []
    name_preps = [
        t
        for t in noun.subtree
        if t.dep_ == "prep" and t.lower_ == "with" and not inside_a_clause(t, noun)
    ]
    for token in [verb, noun]:
        for child in list(token.children) + (name_preps if token is noun else []):
            if child.dep_ == "prep" and child.lower_ == "with":
                for t in child.subtree:
                    m = ctx.index.get(t.i)
                    if (
                        m is not None
                        and m.label != "PERSON"
                        and coordinated_under(t, child)
                        and m not in found
                    ):
                        found.append(m)
                found.extend(m for m in misplaced_name(ctx, child) if m not in found)
    return found


def misplaced_name(ctx: DocContext, prep: Token) -> list[Mention]:
    """ "an agreement with Mexico's largest labour organization, the Confederation of
    Workers": the name right after a described object, which the parse hung on the act
    or the verb instead of on the object it names."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.tag_ != "NN" or ctx.index.get(obj.i) is not None:
        return []
    doc = obj.doc
    comma = obj.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return []
    start = comma + (2 if doc[comma + 1].lower_ == "the" else 1)
    m = ctx.index.get(start) if start < len(doc) else None
    if m is None or m.label != "ORG":
        return []
    end = start
    while end < len(doc) and ctx.index.get(end) is m:
        end += 1
    root = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    if root is None or root.dep_ not in ("appos", "npadvmod") or root.head.i >= prep.i:
        return []
    listed = [ctx.index.get(c.i) for c in root.conjuncts]  # "..., the ILO and UNHCR"
    return [m, *(o for o in listed if o is not None and o.label == "ORG" and o is not m)]


def inside_a_clause(token: Token, noun: Token) -> bool:
    """ "a Host Country Agreement, which will enhance UNHCR's ability to cooperate with the
    Turkish government": a phrase of a clause on the act, under a verb of its own, says
    what the act is for, not with whom it is made (unlike "an MoU on cooperation with
    Ethiopia")."""
    head = token.head
    while head != noun and head.head != head:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        if head.pos_ in ("VERB", "AUX") and (head.dep_ == "relcl" or own_subject):
            return True  # not "an agreement to cooperate with Ethiopia": the act's own aim
        head = head.head
    return False


MEANS_PREPOSITIONS = ("through", "via", "with")


def means_parties(ctx: DocContext, verb: Token, noun: Token, sentence: Span) -> list[Mention]:
    """ "A and B have agreed on closer cooperation through a Memorandum that was signed
    by ...": the bodies that act by means of the agreement are its parties, whoever
    signed it for them."""
    means = noun.head
    if noun.dep_ != "pobj" or means.lower_ not in MEANS_PREPOSITIONS or means.dep_ != "prep":
        return []
    acting = means.head
    if acting == verb or acting.pos_ != "VERB":
        return []
    return subject_parties(ctx, acting, sentence)


def left_of(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """The sentence's names before ``verb``, but a dateline's and a source's ("Riyadh, SPA
    --", "Nepal Foreign Affairs (29 October 2018) –")."""
    start, end = ctx.dateline
    return [
        m
        for m in left_mentions(sentence, verb.i, ctx.index)
        if not start <= m.start < end and not is_source_credit(ctx, m)
    ]


def subject_parties(ctx: DocContext, verb: Token, sentence: Span) -> list[Mention]:
    parties: list[Mention] = []
    subject = ctx.subject_of(verb)
    if subject is not None and subject.i < verb.i:
        # countries sign as themselves when they are the subject ("Armenia and the EU
        # signed"), not when they only locate it ("UN agencies in Kyrgyzstan launched")
        governments = governments_of(ctx, subject)
        split = split_list_group(verb, subject)
        governments = (governments_of(ctx, split) if split is not None else []) + governments
        heads = [ctx.index.get(t.i) for t in [subject, *subject.conjuncts]] + governments
        named = [m for m in mentions_in(subject, ctx.index) if not is_source_credit(ctx, m)]
        named += [m for m in governments if m not in named]
        parties = [m for m in named if m.label == "ORG" or (m.label == "PLACE" and m in heads)]
        # people who sign stand for their bodies, or their roles' countries: "Health
        # Secretary X ...", "Serbian President X, ... and Austrian Chancellor Y signed"
        parties += signer_bodies(ctx, parties, [m for m in named if m.label == "PERSON"])
        if split is not None:
            parties.sort(key=lambda m: m.start)
        if parties:  # a coordination the parse may have cut short
            parties += [
                m for m in left_of(ctx, sentence, verb) if m.label == "ORG" and m not in parties
            ]
    if not parties:
        left = left_of(ctx, sentence, verb)
        orgs = [m for m in left if m.label == "ORG"]
        countries = [m for m in left if m.label == "PLACE"]
        # "Niamey – The European Union and Niger launched": a country coordinated with a body
        coordinated = [m for m in countries if coordinated_with(ctx, m, orgs)]
        parties = orgs + coordinated if orgs else countries
    if not parties and subject is not None and subject.i < verb.i:
        # "Islamabad and Baghdad have agreed": capitals for their governments
        sides = [subject, *subject.conjuncts]
        capitals = [c for t in sides if (c := capital_at(ctx, t)) is not None]
        parties = capitals if len(capitals) == len(sides) else []
    return parties


def governments_of(ctx: DocContext, subject: Token) -> list[Mention]:
    """ "The Governments of China and Thailand signed", "Ministers from Peru and Chile
    signed", "by the ministries of A and B" (``group_countries``), "Iranian and Qatari
    labour ministers signed": each country a group names sits for its government."""
    return group_countries(subject, ctx.index) or adjective_countries(ctx, subject)


def adjective_countries(ctx: DocContext, group: Token) -> list[Mention]:
    """The countries of a group's nationality adjectives ("the Ethiopian and Saudi
    governments"), where the text names those countries."""
    if group.lower_ not in words("state_groups"):
        return []  # "Nigerian civil society organisations" sign for no state
    modifiers = [c for c in group.children if c.dep_ in ("amod", "compound") and c.i < group.i]
    modifiers += [c for w in modifiers for c in w.conjuncts if c.i < group.i]
    found: list[Mention] = []
    for word in sorted((w for w in modifiers if w.is_title), key=lambda t: t.i):
        country = ctx.role_countries.of_adjective(word.text)
        if country is None:
            return []  # "the Ethiopian and Saudi governments": one side unknown, none
        if country.entity_id not in {m.entity_id for m in found}:
            found.append(country)
    return found


def unnamed_subject(ctx: DocContext, verb: Token) -> bool:
    """ "Ministers from 24 countries signed a declaration": the signers are a group the
    sentence names by no body or country, and not one named before ("the agencies")."""
    subject = ctx.subject_of(verb)
    if subject is None or not is_group(subject) or subject.i > verb.i:
        return False
    if any(c.dep_ in ("det", "poss") for c in subject.children):
        return False  # "the three agencies", "their ministers": those named before
    return not any(ctx.index.get(t.i) for t in subject.subtree if t.ent_type_ != "CARDINAL")


def coordinated_with(ctx: DocContext, mention: Mention, others: list[Mention]) -> bool:
    root = ctx.span(mention).root
    if root.dep_ != "conj":
        return False
    head = root.head
    return any(ctx.span(o).start <= head.i < ctx.span(o).end for o in others)


def next_sentence_parties(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "The Declaration was signed today. ... the document was signed by Argentina,
    Brazil and Chile": the bodies by whom the next sentence says it was signed."""
    index = ctx.sentences.index(sentence)
    for following in ctx.sentences[index + 1 : index + 2]:
        for verb in following:
            if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
                continue
            subject = ctx.subject_of(verb)
            if subject is None or subject.dep_ != "nsubjpass" or ctx.index.get(subject.i):
                continue
            if subject.lower_ in agreement_nouns():
                continue  # "The first agreement between ... was signed": an act of its own
            found, _ = phrase_parties(ctx, verb, subject)
            if found:
                return found + [m for m in addition_parties(ctx, verb) if m not in found]
    return []


def country_at(ctx: DocContext, token: Token) -> Mention | None:
    """A country named at ``token``: "between Malawi and IOM" makes Malawi a party."""
    return side_place_at(ctx, token, capital=False)


def capital_at(ctx: DocContext, token: Token) -> Mention | None:
    """A national capital named at ``token``, standing for its government."""
    return side_place_at(ctx, token, capital=True)


def side_place_at(ctx: DocContext, token: Token, capital: bool) -> Mention | None:
    """The country (or, with ``capital``, the national capital) named at ``token``."""
    for m in ctx.mentions:
        if m.label != "PLACE" or m.nested or not m.start <= token.idx < m.end:
            continue
        if m.capital if capital else (m.entity_id or "").startswith("country:"):
            return m
    return None
