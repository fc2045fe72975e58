"""Sentences to commitments: the best trigger that holds in each sentence, list items
under a lead-in, and further commitments in coordinated clauses."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..hashing import short_hash
from ..nlp.extensions import doc_id
from ..nlp.payloads import Commitment
from ..nlp.syntax import clause_link, governing_verb, has_to
from ..rules.lexicon import agreement_nouns, words
from .action import action_text, addressees, governed_verb, list_item_action
from .actors import actors
from .context import DocContext
from .exclusions import agreed_clause, is_excluded
from .necessity import necessity_call, others_wanted
from .purpose import purpose_commitment
from .referents import the_act_is_subject
from .split import split_actions
from .triggers import (
    FIRST_PERSON,
    MODALITY_PRIORITY,
    act_subject,
    base_rule,
    lead_in_only,
    modality,
    modality_at,
    needs_agreement,
    speaker_named_itself,
    speaker_only,
)

LIST_LOOKAHEAD = 3  # lead-ins (sub-headings) allowed between a lead-in and its list


def find_commitments(ctx: DocContext) -> list[Commitment]:
    results: list[Commitment] = []
    pending_lead: Commitment | None = None
    headlines = headline_texts(ctx)
    for index, sentence in enumerate(ctx.sentences):
        kind = ctx.kinds[index]
        if kind == "title" or sentence.text.strip() in headlines:
            continue  # a headline, also printed again in the body, commits no one
        if kind == "list_item" and pending_lead is not None:
            results.append(list_item(sentence, index, pending_lead))
            continue
        if kind == "lead_in" and pending_lead is not None and not ctx.triggers(sentence):
            continue  # a sub-heading inside the list ("In the field of healthcare:")
        pending_lead = None
        commitment, purpose = sentence_commitments(ctx, sentence, index)
        if commitment is None:
            continue
        if kind == "lead_in" and next_is_list(ctx.kinds, index):
            pending_lead = commitment
            continue
        if commitment.actors:
            ctx.resolved[index] = commitment.actors
        more = coordinated(ctx, commitment)
        if purpose is not None:
            more.append(purpose)
        found = [commitment, *more]
        anchors = frozenset(c.anchor.i for c in found if c.anchor is not None)
        rows = [row for c in found for row in split_actions(c, anchors)]
        for clause, row in enumerate(rows):
            row.clause = clause
        results.extend(rows)
    name = doc_id(ctx.doc)
    for c in results:
        c.commitment_id = commitment_id(name, c.sent_id, c.clause)
    return results


def headline_texts(ctx: DocContext) -> set[str]:
    kinds = zip(ctx.sentences, ctx.kinds, strict=True)
    return {sentence.text.strip() for sentence, kind in kinds if kind == "title"}


def commitment_id(doc_id: str, sent_id: int, clause: int = 0) -> str:
    key = f"{doc_id}:{sent_id}" + (f":{clause}" if clause else "")
    return short_hash(key)


def next_is_list(kinds: list[str], index: int) -> bool:
    for kind in kinds[index + 1 : index + 1 + LIST_LOOKAHEAD]:
        if kind == "list_item":
            return True
        if kind != "lead_in":
            return False
    return False


def list_item(sentence: Span, index: int, lead: Commitment) -> Commitment:
    """A list item under a lead-in takes the lead's actors, modality and addressees."""
    action, negated = list_item_action(sentence)
    return Commitment(
        sentence,
        index,
        lead.modality,
        lead.rule_id + "+list_item",
        list(lead.actors),
        lead.actor_source,
        action,
        list(lead.addressees),
        negated,
    )


def sentence_commitments(
    ctx: DocContext, sentence: Span, index: int
) -> tuple[Commitment | None, Commitment | None]:
    """The sentence's commitment: the first trigger, best modality first, that holds;
    a clause about an agreement (``purpose``) when its modality ranks higher. A future
    signing keeps that clause as a second commitment, one for each committed action:
    "X and Y will sign an MoU [will] pledging closer cooperation [commit]"."""
    if sentence.text.rstrip().endswith("?"):
        return None, None
    held = [
        c
        for rule_id, anchor in ctx.triggers(sentence)
        if (c := commitment_at(ctx, sentence, index, rule_id, anchor)) is not None
    ]
    found = held[0] if held else None
    clause = purpose_commitment(ctx, sentence, index)
    signing = next((c for c in held if future_signing(c)), None)
    if signing is not None:
        part = clause or next((c for c in held if c is not signing and within(c, signing)), None)
        return signing, part
    if clause is None:
        return found, None
    if found is None or MODALITY_PRIORITY[clause.modality] < MODALITY_PRIORITY[found.modality]:
        return clause, None
    return found, None


def future_signing(commitment: Commitment) -> bool:
    """ "will sign", "are to sign": a ``will`` whose committed action is a signing."""
    verb = governed_verb(commitment.anchor) if commitment.anchor is not None else None
    return (
        commitment.modality == "will"
        and verb is not None
        and verb.lemma_.casefold() in words("signing_verbs")
    )


def within(commitment: Commitment, signing: Commitment) -> bool:
    """``commitment``'s trigger stands in the clause of the signing ("pledging ...")."""
    if commitment.anchor is None or signing.anchor is None:
        return False
    verb = governed_verb(signing.anchor)
    return verb is not None and commitment.anchor in verb.subtree


def commitment_at(
    ctx: DocContext, sentence: Span, index: int, rule_id: str, anchor: Token
) -> Commitment | None:
    verb = governing_verb(anchor)
    if verb == anchor and anchor.tag_ == "MD":
        return modal_lead_in(ctx, sentence, index, rule_id, anchor)
    if lead_in_only(rule_id) and not (
        ctx.kinds[index] == "lead_in" and next_is_list(ctx.kinds, index)
    ):
        return None  # "UNHCR welcomed the pledge: Canada will ...": the colon ends nothing
    if rule_id.startswith(CALL_NOUN) and anchor.i > 0 and no_call(anchor):
        return None  # "paid a courtesy call on the minister", "a wake-up call for"
    if any(c.dep_ == "amod" and c.lower_ in words("unkept_modifiers") for c in anchor.children):
        return None  # "Broken commitments include:": pledges someone failed to keep
    if rule_id == "call.want_others_to" and not others_wanted(ctx, anchor):
        return None  # "Migrants want their families to join them": no one asked
    if rule_id == "call.others_need":
        return necessity_call(ctx, sentence, index, rule_id, anchor)
    if rule_id == "call.others_must":
        if under_an_agreement(verb) and named_subject(ctx, verb):  # "According to the
            # agreement, the Ethiopian government should offer ...": not "the contract should"
            return standard_commitment(ctx, sentence, index, AGREEMENT_TERMS, anchor, "agree")
        return necessity_call(ctx, sentence, index, rule_id, anchor)
    if is_excluded(verb):
        return None
    base = base_rule(rule_id)
    if base in (AGREED_WITH, AGREED_THEN) and not partner_then_action(anchor):
        return None  # "agreed with the recommendations of UNHCR to close": a view shared
    if base == AGREED_THAT and not agreed_clause(anchor):
        return None  # "agreed that the deal would benefit thousands": a forecast
    if base in PARTNERED and not partner_then_action(anchor, infinitive=True):
        return None  # "has partnered with 40 governments, helping them to", "joined forces
        # in 2019 and continue to provide": no partnership made to act
    if act_subject(rule_id) and not the_act_is_subject(ctx, verb):
        return None  # "The government provides for its citizens": no agreement's terms
    if needs_agreement(rule_id) and not about_an_agreement(ctx, index, verb):
        return None  # "Italy is bound to receive more migrants": no agreement binds it
    if speaker_only(rule_id) and not speaks_for_itself(ctx, verb, speaker_named_itself(rule_id)):
        return None  # "Migrants want to reach Europe": a wish, no party's intention
    purpose = has_to(verb)
    if modality(rule_id) == "call" and purpose and verb.dep_ in ("advcl", "acl"):
        return None  # "... may adhere to the principle to encourage an ethical process"
    described = verb.head.pos_ == "NOUN"  # "the NCMF committed to ...": a misparse, kept
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and described and not describes_agreement(verb):
        return None  # "the actions called for in that statement", "initiatives aimed at
        # journalists": a participle that describes a noun; no one commits here
    if describes_people(verb):
        return None  # "those seeking asylum", "migrants seeking to send money home"
    return standard_commitment(ctx, sentence, index, rule_id, anchor, modality_at(rule_id, anchor))


AGREEMENT_TERMS = "agree.agreement_terms"
CALL_NOUN = "call.call_noun"


def no_call(noun: Token) -> bool:
    """The noun "call" a word before it makes a visit, an alarm or a phone call (a word
    hyphenated before it read whole: "wake-up", not "follow-up")."""
    doc = noun.doc
    hyphenated = "".join(t.lower_ for t in doc[max(0, noun.i - 3) : noun.i])
    before = hyphenated if "-" in hyphenated else doc[noun.i - 1].lower_
    return before in words("no_call_modifiers") or any(
        c.lower_ in words("no_call_modifiers") for c in noun.children if c.i < noun.i
    )


AGREED_WITH = "agree.agree_with_to"
AGREED_THEN = "agree.agree_then_to"  # "agreed in Lima to address": also the verb's own
AGREED_THAT = "agree.agreed_that"


PARTNERED = ("agree.partnered_to", "agree.joined_forces_to")


def partner_then_action(anchor: Token, infinitive: bool = False) -> bool:
    """ "agreed with IOM to open": the action is the complement of "agree" itself, not
    of the noun after "with" ("agreed with the need to strengthen"); with ``infinitive``,
    a "to" infinitive ("have partnered with JRS to offer", not "..., helping them to")."""
    action = governed_verb(anchor)
    if action is None or action.head != anchor or action.dep_ not in ("xcomp", "advcl"):
        return False
    return not infinitive or has_to(action)


FRAME_PREPOSITIONS = ("under", "according", "in", "by")


def under_an_agreement(verb: Token) -> bool:
    """ "According to the agreement, ...", "Under the MoU, ...": the clause sets out the
    agreement's terms, what its sides signed up to (as a clause about the agreement is,
    GUIDELINES), not a call on others."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in FRAME_PREPOSITIONS
        and any(t.lower_ in agreement_nouns() for t in c.subtree)
        for c in verb.children
    )


def about_an_agreement(ctx: DocContext, index: int, verb: Token) -> bool:
    """The clause is an agreement's term: "Under the code, ...", a subject that names the
    act or its parties ("The agreement obliges", "the signatories are bound"), or right
    after a sentence that names one."""
    subject = ctx.subject_of(verb)
    named = subject is not None and (
        subject.lower_ in agreement_nouns()
        or subject.lower_ in words("party_pronouns")
        or subject.lemma_.casefold() in words("joint_subjects")
    )
    told = index > 0 and any(  # "The two signed a code." before
        t.lower_ in agreement_nouns() for t in ctx.sentences[index - 1]
    )
    return named or under_an_agreement(verb) or told


def speaks_for_itself(ctx: DocContext, verb: Token, itself: bool | str = False) -> bool:
    """The verb's subject is a speaker's "we" or a named body or person (with ``itself``,
    the subject's head word is the name: not "the role of FIT"; with "body", a named body
    or state or "the government", no person: not "Amina is trying to rebuild her life")."""
    subject = ctx.subject_of(verb)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return subject is not None
    if itself == "body":  # "the BWI is trying to": a body or state, not a person
        return state_body(subject) or any(
            (m := ctx.index.get(t.i)) is not None and m.label != "PERSON" for t in subject.subtree
        )
    return subject.i in ctx.index if itself else named(ctx, subject)


def state_body(subject: Token) -> bool:
    """ "the government", "the ministry": a state body named by its kind alone."""
    definite = any(c.lower_ == "the" for c in subject.children)
    return definite and subject.tag_ == "NN" and subject.lower_ in words("national_heads")


def named_subject(ctx: DocContext, verb: Token) -> bool:
    subject = ctx.subject_of(verb)
    return subject is not None and named(ctx, subject)


def named(ctx: DocContext, phrase: Token) -> bool:
    return any(t.i in ctx.index for t in phrase.subtree)


def standard_commitment(
    ctx: DocContext, sentence: Span, index: int, rule_id: str, anchor: Token, kind: str
) -> Commitment | None:
    """The commitment of ``anchor``'s verb, of modality ``kind``, with its actors and
    action (None when its actors cannot be resolved)."""
    verb = governing_verb(anchor)
    resolved = actors(ctx, verb, sentence, kind, anchor)
    if resolved is None:
        return None
    found, source = resolved
    governed = governed_verb(anchor)
    negated = any(c.dep_ == "neg" for c in verb.children) or (
        governed is not None and any(c.dep_ == "neg" for c in governed.children)
    )
    return Commitment(
        sentence,
        index,
        kind,
        rule_id,
        found,
        source,
        action_text(ctx.doc, governed, anchor),
        addressees(anchor, rule_id),
        negated,
        anchor=anchor,
    )


def modal_lead_in(
    ctx: DocContext, sentence: Span, index: int, rule_id: str, anchor: Token
) -> Commitment | None:
    """ "Under the Declaration, UNICEF will:" and a list: a modal with no verb of its own
    before a colon leads the list in; who commits is the body named right before it."""
    doc = ctx.doc
    if anchor.i + 1 >= len(doc) or doc[anchor.i + 1].text != ":" or anchor.i == 0:
        return None
    actor = ctx.index.get(anchor.i - 1)
    if actor is None:
        return None
    return Commitment(sentence, index, modality(rule_id), rule_id, [actor], "subject", "")


def describes_people(verb: Token) -> bool:
    """A present participle that says what some people or groups do or want ("people
    seeking asylum", "those seeking safety", "migrants seeking to send money home",
    "countries seeking to strengthen ..."): it describes them; it commits no one. Not one
    about an agreement, a piece of work or a text ("a new MoU seeking to expand ...", "a
    resolution calling on States to ...") nor about a named body."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return False
    head = verb.head
    if head.pos_ == "PRON":
        return True  # "those seeking safety"
    return head.lower_ in words("described_groups") or (
        head.lemma_.casefold() in words("person_nouns") and head.pos_ == "NOUN"
    )


def describes_agreement(participle: Token) -> bool:
    """ "a memorandum of understanding aimed at ...": the participle is about an agreement
    (its noun or a word of its name), whose parties it commits."""
    token = participle.head
    for _ in range(3):
        if token.lower_ in agreement_nouns():
            return True
        if token.dep_ not in ("pobj", "prep", "compound") or token.head == token:
            return False
        token = token.head
    return False


def coordinated(ctx: DocContext, first: Commitment) -> list[Commitment]:
    """Further commitments of the sentence in clauses with subjects of their own:
    "Save the Children will run 25 spaces, while UNHCR will fund teachers"."""
    sentence = first.sentence
    if first.anchor is None:  # no verb of its own ("UNICEF will: ·"): nothing to join
        return []
    verbs = [governing_verb(first.anchor)]
    found: list[Commitment] = []
    for rule_id, anchor in ctx.triggers(sentence):
        verb = governing_verb(anchor)
        if verb in verbs or not any(clause_link(verb, other) for other in verbs):
            continue
        subject = ctx.subject_of(verb)
        own_subject = (
            subject is not None and subject.head == verb and sentence.start <= subject.i < anchor.i
        )
        if not own_subject:
            continue
        commitment = commitment_at(ctx, sentence, first.sent_id, rule_id, anchor)
        if commitment is not None and commitment.actor_source != "none":
            commitment.clause = len(found) + 1
            found.append(commitment)
            verbs.append(verb)
    return found
