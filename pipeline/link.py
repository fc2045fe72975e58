"""The ``accords_link`` component: commitments joined to the agreements they belong to,
before any table is built.

Each commitment goes to the agreement whose parties share most of its actors (the
first agreement on a tie); a commitment whose actors only the context names
(``actor_source = "parties"``) takes that agreement's parties, and so does one that
names no body at all in a release about a single agreement (a call too, where that
agreement is a statement or declaration: its authors call). In a release that
reports no agreement, such guesses with "will" ("The report will be presented ...")
are dropped: there is nobody to credit them to, unless the release's own work will act
("The project will establish ...": its owner's); the others are credited to the bodies
the headline names (``actor_source = "headline"``), as is a commitment naming no body
beside several agreements. Agreements get their ids and topics
here, as both depend on the linked commitments' text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .hashing import short_hash
from .nlp.extensions import agreements, commitments, doc_id, sentences
from .nlp.headline import headline_bodies
from .nlp.payloads import Agreement, Commitment, Mention
from .nlp.syntax import governing_verb
from .rules.lexicon import agreement_nouns, words
from .topics import topics_of


class CommitmentLinker:
    """Completes ``doc._.accords_commitments`` and ``doc._.accords_agreements``."""

    def __call__(self, doc: Doc) -> Doc:
        found = agreements(doc)
        doc._.accords_commitments = link(commitments(doc), found, headline_bodies(doc))
        spans = sentences(doc).spans
        title = spans[0].text if spans else ""
        name = doc_id(doc)
        for n, a in enumerate(found):
            a.agreement_id = agreement_id(name, a, n)
            for c in a.commitments:
                c.agreement_id = a.agreement_id
            a.topics = topics_of(
                [title, a.sentence.text] + [c.sentence.text for c in a.commitments]
            )
        return doc


def link(
    found: list[Commitment], agreements: list[Agreement], headline: list[Mention] | None = None
) -> list[Commitment]:
    """Attach every commitment to its agreement; the commitments that remain. A
    commitment that names nobody and has no parties to take is credited to the bodies
    its release's ``headline`` names; a guessed "will" with no agreement only where the
    release's own work acts (``own_work``) and the headline names someone."""
    if not agreements:
        kept = [c for c in found if not guessed_will(c) or (headline and own_work(c))]
        for c in kept:
            if c.actor_source in ("parties", "none"):
                credit_headline(c, headline)
        return [c for c in kept if c.actors or not guessed_will(c)]
    for c in found:
        actor_ids = {m.entity_id for m in c.actors}
        _, best = max(
            enumerate(agreements),
            key=lambda item: (len(actor_ids & {p.entity_id for p in item[1].parties}), -item[0]),
        )
        best.commitments.append(c)
        if c.actor_source == "parties" and not c.actors:
            c.actors = list(best.parties)
        elif (
            c.actor_source == "none"
            and len(agreements) == 1
            and (c.modality != "call" or (best.type in STATEMENT_TYPES and authors_call(c)))
        ):
            # a release about one agreement: a commitment naming no body is its parties';
            # a call too, when the act is itself a statement or declaration that calls
            c.actors, c.actor_source = list(best.parties), "parties"
        elif c.actor_source == "none":
            credit_headline(c, headline)
    return found


STATEMENT_TYPES = ("joint_statement", "declaration")


ACT_TEXTS = frozenset(("text", "document", "letter", "appeal", "petition", "message"))


def authors_call(commitment: Commitment) -> bool:
    """A call its statement's authors make: by the act itself ("The letter calls on", "a
    joint statement calling for"), "we" or "they", a definite plural ("The religious
    leaders are calling on") or a plural of the kind of bodies that author statements
    ("NGOs have urged", ``author_plurals``); not by others named by a bare plural
    ("Critics have called for", "Human rights groups")."""
    if commitment.anchor is None:
        return False
    verb = governing_verb(commitment.anchor)
    if verb.dep_ == "acl" and verb.head.lower_ in agreement_nouns():
        return True  # "issued a joint statement calling for ..."
    while verb.dep_ == "conj" and verb.head != verb:  # "call, write ... and ask them"
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.dep_ == "acl" and verb.head.i < verb.i:  # "The bishops called upon": read as
        subjects = [verb.head]  # the bishops' participle
    if not subjects:  # "• Call on members of Congress to ...": the statement's own voice;
        # "Governments are urged to ...": by no one named, the statement
        agentless = any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children
        )
        return agentless or (verb.dep_ == "ROOT" and verb.tag_ == "VB")
    subject = subjects[-1]  # the nearest: not a title the parse took for one
    if subject.lower_ in ("we", "they") or subject.lower_ in agreement_nouns() | ACT_TEXTS:
        return True
    if subject.lower_ in ("number", "group"):  # "A number of NGOs has urged"
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = next((c for c in of.children if c.dep_ == "pobj"), subject) if of else subject
    definite = any(c.lower_ in ("the", "these", "those") for c in subject.children)
    plural = subject.tag_ in ("NNS", "NNPS")
    return plural and (definite or subject.lower_ in words("author_plurals"))


def guessed_will(commitment: Commitment) -> bool:
    return commitment.actor_source == "parties" and commitment.modality == "will"


# an object, a clause or another verb: "will ensure that ...", "will train and integrate"
OBJECTS = ("dobj", "ccomp", "xcomp", "conj")


def own_work(commitment: Commitment) -> bool:
    """ "The project will establish three job centres": what the work the release is about
    (``own_work_nouns``) will do to something, in a release with no agreement, is its
    owner's (the body its headline names); not "The report will be presented", "The
    programme will continue until 2025" (no object) or "X said the project will fail"."""
    if commitment.anchor is None:
        return False
    verb = governing_verb(commitment.anchor)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and verb.dep_ in ("ROOT", "conj")
        and verb.lemma_ not in words("state_verbs")
        and any(c.dep_ in OBJECTS for c in verb.children)
        and subject.lemma_.casefold() in words("own_work_nouns")
        and any(c.lower_ in ("the", "this") for c in subject.children)
    )


def credit_headline(commitment: Commitment, headline: list[Mention] | None) -> None:
    if not commitment.actors and headline and not thing_as_subject(commitment):
        commitment.actors, commitment.actor_source = list(headline), "headline"


def thing_as_subject(commitment: Commitment) -> bool:
    """ "Messages sent through social media aim to ...": a subject that is a thing, not a
    body, a pronoun or a name, leaves the sentence to no one."""
    if commitment.anchor is None:
        return False
    verb = governing_verb(commitment.anchor)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        return False  # "The aim of the agreement is to": the agreement's
    lemma = subject.lemma_.casefold()
    agents = words("party_pronouns") | words("joint_subjects") | words("group_nouns")
    agents |= words("role_plurals") | words("plural_bodies")
    plurals = {lemma, lemma + "s", lemma[:-1] + "ies" if lemma.endswith("y") else lemma}
    return not plurals & agents  # "the delegations", "each side", "both parties"


def agreement_id(doc_id: str, agreement: Agreement, n: int) -> str:
    return short_hash(f"{doc_id}:{agreement.sentence.start_char}:{n}")
