"""Where a commitment's trigger commits no one (``exclusion``): the rules veto those
verbs, and the learned scorer reads the reason of a candidate they vetoed."""

from __future__ import annotations

from spacy.tokens import Token

from ..rules.lexicon import agreement_nouns, words

RELATIVE_PRONOUNS = ("who", "which", "that", "whom", "whose")


def own_subject(verb: Token) -> bool:
    """A relative clause with a subject of its own ("an agreement under which the parties
    will ...", "... where signatories committed to ...", "a conference, where they
    committed to ..."), not one about its noun."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lower_ not in RELATIVE_PRONOUNS
        and (
            c.pos_ in ("NOUN", "PROPN")
            or (c.dep_ == "nsubj" and c.lower_ in words("party_pronouns"))
        )
        for c in verb.children
    )


def is_excluded(verb: Token) -> bool:
    return exclusion(verb) is not None


def exclusion(verb: Token) -> str | None:
    """Why a verb commits no one, if it does not: a relative clause about its noun, an
    agreement reported, a schedule, a prediction, an outcome, a speech, a noun described,
    an entry into force, a failure, an expectation about others. The learned scorer
    reads the reason of a candidate the rules vetoed."""
    if verb.dep_ == "relcl" and not (own_subject(verb) or agreed_by_all(verb)):
        return "relative_clause"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and verb.lemma_ == "agree" and not agreed_by_all(verb):
        return "agreement_reported"  # "The two MOUs were agreed to by the presidents"
    if passive and verb.lemma_ in words("logistics_verbs"):
        return "schedule"  # "will be followed by a press conference"
    if any(c.lower_ in words("prediction_adverbs") for c in verb.children):
        return "prediction"
    if verb.lemma_ in words("outcome_verbs") and not terms_seen(verb):
        return "outcome"  # "the project will see 500 families return"
    if verb.lemma_ in words("speaking_verbs"):
        return "speech"  # "the minister will say:": a speech announced
    if verb.dep_ == "amod":
        return "described"  # "the proposed mechanism", "the agreed text": a noun described
    if entry_into_force(verb):
        return "entry_into_force"  # "The Agreement will enter into force when ..."
    if conditional(verb):
        return "conditional"  # "without the grant, UNICEF would close two centres"
    decision = decision_taken(verb)
    if (verb.lemma_ == "decide" or decision is not None) and personal_subject(verb):
        return "personal_decision"  # "she decided to return home": no body's commitment
    if decision is not None and personal_decision(decision):
        return "personal_decision"  # "The President announced his decision to resign"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in words("failure_verbs"):
        return "failure"  # "failed to agree on": no agreement
    if inquiry(verb):
        return "inquiry"  # "the MP sought to know whether ...": a question asked
    head = verb
    for _ in range(3):
        if head.dep_ in ("ccomp", "advcl") and head.head.lemma_ in words("expectation_verbs"):
            return "expectation"
        if head.head.i == head.i:
            break
        head = head.head
    return None


def terms_seen(verb: Token) -> bool:
    """ "The agreement will see Barcelona offer help", "The MoU will see the partners tap
    into ...": an act's terms told by what it will see its sides do (GUIDELINES: credited
    to its parties), not a project's outcome for others ("will see 5,000 workers travel")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        verb.lemma_ != "see"
        or subject is None
        or subject.lemma_.casefold() not in agreement_nouns()
    ):
        return False
    done = next(
        (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None
    )
    seen = next((c for c in done.children if c.dep_ == "nsubj"), None) if done else None
    return seen is not None and (  # a side named, or the sides ("the partners", "them")
        seen.pos_ == "PROPN" or seen.lower_ in words("party_pronouns") | {"them"}
    )


def inquiry(verb: Token) -> bool:
    """ "sought to know whether", "wanted to find out how": a question, not an aim. Only
    a question ("whether", "if", "how", "why", "what") after the verb of knowing: not
    "seeks to see migrants protected" nor "seeks to learn more about their needs"."""
    if verb.lemma_ not in words("inquiry_openers"):
        return False
    known = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if known is None or known.lemma_ not in words("inquiry_verbs"):
        return False
    return any(
        c.dep_ in ("ccomp", "dobj", "prt", "advmod", "xcomp")
        and (
            c.tag_ in ("WRB", "WP")
            or c.lower_ in ("whether", "if")
            or any(g.lower_ in ("whether", "if") or g.tag_ in ("WRB", "WP") for g in c.children)
        )
        for c in known.children
    )


def personal_subject(verb: Token) -> bool:
    """A person decides for themselves: "he", "she", "I", a person's name, "her brother",
    "many migrants", "many families"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.lower_ in ("he", "she", "i")
        or subject.ent_type_ == "PERSON"
        or subject.lower_ in words("person_nouns")
        or subject.lemma_.casefold() in words("person_nouns")
        or any(c.dep_ == "poss" and c.lower_ in ("his", "her", "my") for c in subject.children)
    )


def decision_taken(verb: Token) -> Token | None:
    """The decision a verb takes, makes or announces: its object "decision"."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "decision"), None)


def personal_decision(decision: Token) -> bool:
    """A decision a person owns ("announced his decision to resign", "her decision")."""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "my") for c in decision.children)


def agreed_by_all(verb: Token) -> bool:
    """ "It was agreed to raise capabilities": an impersonal passive whose complement is
    what the sides agreed to do (not "the MOUs were agreed to by the presidents")."""
    subject = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
    return subject and any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in verb.children)


FORCE_WORDS = ("force", "effect")


def entry_into_force(verb: Token) -> bool:
    """ "enter into force", "come into effect", "take effect": when a text starts to hold."""
    if verb.lemma_ not in ("enter", "come", "take"):
        return False
    return any(
        c.lower_ in FORCE_WORDS
        or (c.dep_ == "prep" and any(g.lower_ in FORCE_WORDS for g in c.children))
        for c in verb.children
    )


CONDITION_MARKS = ("if", "unless", "provided")


def conditional(verb: Token) -> bool:
    """A "would" bound to a condition ("... would support research if funding were found",
    "Without the grant, UNICEF would close two centres"): what might be, not what will."""
    if not any(c.lower_ == "would" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.lower_ in CONDITION_MARKS for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "without":
            return True
    return False


def agreed_clause(agree: Token) -> bool:
    """ "They agreed that the recruitment process should include online channels": what
    the sides agreed is done, by a modal clause of "agreed that". Not a forecast or a
    schedule ("agreed that the deal would benefit workers", "... the next meeting would
    be held in Lome": a "will" or "would" holds only with the sides as its subject, "they
    would hold talks"), nor a duty put on others ("agreed that the international
    community should do more": a call)."""
    clause = next((c for c in agree.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    modal = next((c for c in clause.children if c.tag_ == "MD"), None) if clause else None
    if clause is None or modal is None or is_excluded(clause):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if modal.lower_ in words("future_modals"):
        return subject is not None and subject.lower_ in words("party_pronouns")
    if subject is None or subject.lower_ not in words("others_addressed"):
        return True
    return any(c.lower_ in words("own_determiners") for c in subject.children)
