"""Who commits: the subject of the trigger's verb resolved to named entities, else the
speaker of a quote, the subjects of the sentence before ("they"), a short form ("the
Network"), the named organisations left of the trigger, or the agreement's parties
(``actor_source = "parties"``, filled by the link step)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..nlp.syntax import (
    declared_issuers,
    group_countries,
    is_group,
    left_mentions,
    mentions_in,
)
from ..rules.constants import QUOTE_MARKS
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext
from .counted import counted_group, named_examples
from .partners import partners
from .referents import (
    bodies_of_kind,
    capital_states,
    names_the_parties,
    previous_is_about_an_agreement,
    reporting_bodies,
    spoken_by_a_text,
    this_is_the_agreement,
)
from .speakers import bodies_of, speaker_org

Actors = tuple[list[Mention], str]


def actors(
    ctx: DocContext, verb: Token, sentence: Span, modality: str, anchor: Token
) -> Actors | None:
    """(actors, source), or None when the sentence is not a commitment. People stand
    for their organisations ("UNHCR High Commissioner X and UNODC Director Y agreed")."""
    found = named_actors(ctx, verb, sentence, modality, anchor)
    if found is None:
        return None
    named, source = found
    if source == "subject":
        named = named + [m for m in partners(ctx, verb) if m not in named]
    return bodies_of(ctx, named), source


def named_actors(
    ctx: DocContext, verb: Token, sentence: Span, modality: str, anchor: Token
) -> Actors | None:
    if anchor.lower_ in ("our", "my") or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in anchor.children
    ):
        if spoken_by_a_text(sentence):  # "our commitment to ...," the declaration reads
            return [], "parties"
        speaker = speaker_org(ctx, sentence)  # "our strong commitment to ...," said X of Y
        if speaker:
            return speaker, "speaker"
        issuers = declared_issuers(ctx.sentences, ctx.index)
        if issuers:
            return issuers, "issuers"
    owner = next((c for c in anchor.children if c.dep_ == "poss"), None)
    named_owner = ctx.index.get(owner.i) if owner is not None else None
    if named_owner is not None:  # "UNICEF's readiness to support": the body whose will it is
        return [named_owner], "subject"
    subject = ctx.subject_of(verb)
    if subject is None and verb.dep_ in ("aux", "auxpass"):
        subject = ctx.subject_of(verb.head)  # "they [are] working to": the trigger's aux
    if subject is not None and not (sentence.start <= subject.i < anchor.i):
        subject = None
    # "are committed to" is passive in form only; a passive "will be undertaken" names no actor
    if subject is not None and subject.dep_ == "nsubjpass" and modality == "will":
        return passive_agents(ctx, verb)
    if subject is not None:
        found = subject_actors(ctx, subject, sentence, anchor)
        if found is not None:
            return found
    start, end = ctx.dateline  # "Rawalpindi, (Parliament Times) :" names no actor
    left = [m for m in left_mentions(sentence, anchor.i, ctx.index) if not start <= m.start < end]
    named_subject = subject is not None and subject.pos_ == "PROPN"
    if left and (subject is None or (named_subject and subject.lower_ not in agreement_nouns())):
        return left, "left_of_trigger"
    if names_the_parties(ctx, subject, sentence, anchor):
        return [], "parties"
    reported = reporting_speaker(ctx, sentence, anchor)
    if reported:  # "he said, negotiations are under way", "X added that the department"
        return reported, "speaker"
    if modality == "call":  # «"Governments have a duty to act," said X of IOM»: X calls
        speaker = speaker_org(ctx, sentence)
        if speaker:
            return speaker, "speaker"
    if modality == "will":
        if anchor.lower_ == "shall" and subject is not None:
            return [], "provision"  # "the employer shall pay compensation": by no party
        return None  # "will" with no one to credit is mostly a prediction
    return [], "none"


def necessity_reporter(ctx: DocContext, verb: Token, sentence: Span) -> list[Mention]:
    """Who says that others must act: the subject of the reporting verb or the stance the
    clause hangs on ("they note that ...", "the Assembly is emphatic that ..."), a body,
    its person's body, the body a short form stands for, or the subjects "they" stands
    for; else the speaker of the quote the sentence is in."""
    head = verb
    for _ in range(3):
        if head.dep_ not in ("ccomp", "conj", "advcl") or head.head == head:
            break
        head = head.head
        stance = head.dep_ == "acomp" and head.lower_ in words("stance_adjectives")
        if stance:  # "The Assembly is emphatic that Partner States must"
            head = head.head
        stance = stance or any(  # "The union remains adamant that the government should"
            c.dep_ == "acomp" and c.lower_ in words("stance_adjectives") for c in head.children
        )
        if stance or head.lemma_ in words("speech_verbs"):
            subject = ctx.subject_of(head)
            if subject is None:
                break
            if subject.lower_ in words("back_pronouns"):
                return previous_subjects(ctx, sentence) or ctx.actors_before(sentence)
            named = bodies_of(ctx, mentions_in(subject, ctx.index))
            if named:
                return named
            short = resolve_short_form(ctx, subject) if definite_bare(subject) else None
            if short is not None:  # "the regional Assembly": the one named before
                return [short]
            break
    if any(q in sentence.text for q in QUOTE_MARKS):
        return speaker_org(ctx, sentence)
    return []


def reporting_speaker(ctx: DocContext, sentence: Span, anchor: Token) -> list[Mention]:
    """The body of the person who reports the sentence's commitment, when a speech verb
    of the sentence ("said", "added") has that person as its subject and the commitment
    names no actor of its own."""
    for verb in sentence:
        if verb.lemma_ not in words("speech_verbs") or verb.i == anchor.i:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        person = next(
            (m for m in mentions_in(subject, ctx.index) if m.label == "PERSON"), None
        ) or (last_person(ctx, subject) if subject.lower_ in ("he", "she") else None)
        found = ctx.people.get(person.entity_id) if person is not None else None
        if found is not None and found.org is not None:
            return [found.org]
    return []


def passive_agents(ctx: DocContext, verb: Token) -> Actors:
    for child in verb.children:
        if child.dep_ == "agent":
            agents = [m for c in child.children for m in mentions_in(c, ctx.index)]
            if agents:
                return agents, "agent"
    return [], "parties"


def subject_actors(ctx: DocContext, subject: Token, sentence: Span, anchor: Token) -> Actors | None:
    if subject.lower_ in words("speaker_pronouns"):
        if spoken_by_a_text(sentence):  # "'We call on ...,' the statement said"
            return [], "parties"
        speaker = speaker_org(ctx, sentence)
        if speaker:
            return speaker, "speaker"
        issuers = declared_issuers(ctx.sentences, ctx.index)  # "We, the Ministers of A and B, ..."
        return (issuers, "issuers") if issuers else ([], "parties")
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children):
        speaker = speaker_org(ctx, sentence)  # "Our law enforcement agencies stand ready"
        if speaker:
            return speaker, "speaker"
    joint = subject.pos_ == "NOUN" and subject.lemma_.casefold() in words("joint_subjects")
    if joint and ctx.index.get(subject.i) is None:  # "The cooperation with X will"
        return [], "parties"
    members = group_countries(subject, ctx.index)
    if members:  # "Ministers of labour from Cambodia, Laos and Viet Nam agreed"
        return members, "subject"
    examples = named_examples(ctx, subject, anchor)
    if examples:  # "companies including A, B and C have committed"
        return examples, "examples"
    counted = counted_group(ctx, subject, sentence)
    if counted:  # "A, B, C, D and E launched ... The five founding companies have"
        return counted, "counted_group"
    definite = any(c.lower_ in ("the", "these") for c in subject.children)
    if is_group(subject) and definite and ctx.actors_before(sentence):
        return ctx.actors_before(sentence), "previous_subject"  # "The ministers also ..."
    start, end = ctx.dateline
    named = [m for m in mentions_in(subject, ctx.index) if not start <= m.start < end]
    if not named and start < end:  # the parse hung the dateline's agency on the subject
        named = [
            m
            for t in subject.subtree
            if (m := ctx.index.get(t.i)) is not None and m.start >= end and m.label == "PERSON"
        ][:1]
    if named:
        edge = subject.left_edge.i
        apposition = (  # "IOM and UNHCR, the UN Refugee Agency, are calling"
            edge - 1 > sentence.start
            and ctx.doc[edge - 1].text == ","
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
            and ctx.index.get(edge - 2) is not None
        )
        if subject.conjuncts or apposition:  # a coordination the parse may have cut short,
            # or the name an apposition follows ("IOM and UNHCR, the UN Refugee Agency, are")
            start, end = ctx.dateline
            named += [
                m
                for m in left_mentions(sentence, anchor.i, ctx.index)
                if m not in named
                and not start <= m.start < end
                and (subject.conjuncts or (m.label != "PLACE" and m.end <= ctx.doc[edge].idx))
            ]
        return named, "subject"
    pronoun = pronoun_actors(ctx, subject, sentence, anchor)
    if pronoun is not None:
        return pronoun
    short = resolve_short_form(ctx, subject) or short_form_member(ctx, subject)
    if short is not None:
        return [short], "short_form"
    capitals = capital_states(ctx, subject)
    if capitals:
        return capitals, "capital"
    kind = bodies_of_kind(ctx, subject)
    return (kind, "short_form") if kind else None


def pronoun_actors(ctx: DocContext, subject: Token, sentence: Span, anchor: Token) -> Actors | None:
    """Who a pronoun subject stands for: the person named last ("he"), the body whose
    speech reports the clause ("The Diocese said that it will"), the one body or the
    agreement of the sentence before ("It will"), the subjects "they" refers back to."""
    lowered = subject.lower_
    if lowered in ("he", "she"):
        person = last_person(ctx, subject)
        return ([person], "speaker") if person is not None else ([], "none")
    if lowered in ("it", "they"):
        reporters = reporting_bodies(ctx, subject.head, sentence)
        if reporters:  # "The Diocese said that it will honour ...": the Diocese
            return reporters, "speaker"
    before = ctx.actors_before(sentence)
    if lowered == "it" and len(before) == 1 and before[0].label == "ORG":
        return before, "previous_subject"  # "The new Network will address ... It will"
    if lowered == "it" and previous_is_about_an_agreement(ctx, sentence):
        return [], "parties"  # "The partners launched a network ... It will bring together"
    if lowered == "this" and this_is_the_agreement(ctx, sentence, anchor):
        return [], "parties"  # "The agreement covers border control. This will include"
    if lowered in words("back_pronouns"):
        reported = reporting_speaker(ctx, sentence, anchor)
        if reported:  # "She disclosed that they are exploring ...": her body
            return reported, "speaker"
        previous = previous_subjects(ctx, sentence) or before
        return (previous, "previous_subject") if previous else ([], "parties")
    return None


def last_person(ctx: DocContext, token: Token) -> Mention | None:
    """The person "he" or "she" stands for: the one named last before it."""
    before = [m for m in ctx.mentions if m.label == "PERSON" and m.end <= token.idx]
    return before[-1] if before else None


def resolve_short_form(ctx: DocContext, token: Token) -> Mention | None:
    """ "the Network" -> the document's organisation called a network; "the country" ->
    the country named last before it; "the Tajik side" -> Tajikistan."""
    lemma = token.lemma_.casefold()
    if token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in token.children):
        return None  # "the two organizations": the parties, not one body
    if lemma == "country" and any(c.lower_ == "the" for c in token.children):
        countries = [
            m
            for m in ctx.all_mentions
            if m.label == "PLACE" and (m.entity_id or "").startswith("country:")
        ]
        before = [m for m in countries if m.start < token.idx]
        return before[-1] if before else None
    if lemma == "side":
        return side_of_a_state(ctx, token)
    if lemma not in words("org_heads"):
        return None
    before = [m for m in ctx.mentions if m.label == "ORG" and m.start < token.idx]
    for m in reversed(before):
        if m.norm and any(w.rstrip("s") == lemma for w in m.norm.casefold().split()):
            return m
    return None


def definite_bare(token: Token) -> bool:
    """ "the regional Assembly": "the" and no phrase of its own ("a committee of
    doctors" is another)."""
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("prep", "relcl", "acl") for c in children
    )


def side_of_a_state(ctx: DocContext, token: Token) -> Mention | None:
    """ "The Tajik side will organize preparatory courses": the state whose nationality
    adjective qualifies "side", as the text names it."""
    adjectives = [c for c in token.children if c.dep_ in ("amod", "compound") and c.is_title]
    for adjective in adjectives:
        country = ctx.role_countries.of_adjective(adjective.text)
        if country is not None:
            return country
    return None


def short_form_member(ctx: DocContext, subject: Token) -> Mention | None:
    """ "Members of the Network", "Staff of the Ministry": the body named in full before."""
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                definite = any(c.lower_ == "the" for c in pobj.children)
                if pobj.dep_ == "pobj" and definite:
                    return resolve_short_form(ctx, pobj)
    return None


def previous_subjects(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The organisations named before the first verb of the sentence before ("IOM and
    UNHCR met ... They agreed ...")."""
    index = ctx.sentences.index(sentence)
    if index == 0:
        return []
    previous = ctx.sentences[index - 1]
    verbs = [t.i for t in previous if t.pos_ in ("VERB", "AUX") and t.i not in ctx.index]
    boundary = verbs[0] if verbs else previous.root.i
    found = [m for m in left_mentions(previous, boundary, ctx.index) if m.label == "ORG"]
    return found if len(found) >= 2 else []
