"""Where the meeting that adopted an act took place, for ``when_where``: a declaration,
a joint statement or an action plan is adopted at a meeting, and releases often name
the meeting's town in another sentence than the act's ("The Ministerial Conference took
place in Cadiz, which resulted in the adoption of ...", "mayors gathered in Marrakech",
"the Valletta summit").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.date_values import year_of
from ..nlp.payloads import Agreement, Mention
from ..rules.lexicon import words
from .context import DocContext

# a meeting adopts declarations, joint statements and the texts typed "other" (action
# plans, roadmaps, charters, outcome documents); memoranda and agreements are signed
ADOPTED_TYPES = ("declaration", "joint_statement", "other")
VENUE_SENTENCES = 6  # the lead's sentences, where a report says where the meeting was
VENUE_REACH = 2  # sentences around the act's own in which its meeting's town may stand


def meeting_place_and_date(ctx: DocContext, agreement: Agreement, index: int) -> None:
    """Set the place (and, with none, the date) of an act a meeting adopted that no
    sentence places: the meeting's town and day."""
    if agreement.place is not None or agreement.status == "to_be_signed":
        return
    agreement.place = meeting_place(ctx, agreement, index)
    agreement.place_source = "meeting" if agreement.place is not None else None
    if agreement.place is not None and agreement.date is None:
        agreement.date = meeting_date(ctx, agreement.place)


def meeting_place(ctx: DocContext, agreement: Agreement, index: int) -> Mention | None:
    """The town of the meeting the release reports, for an act a meeting adopts (or
    one signed at it) that no sentence says where it was signed: first in the act's
    sentence and those around it, then in the lead."""
    if agreement.recalled or (
        agreement.type not in ADOPTED_TYPES and not signed_at_meeting(agreement)
    ):
        return None
    near = range(max(0, index - VENUE_REACH), min(len(ctx.sentences), index + VENUE_REACH + 1))
    lead = range(min(len(ctx.sentences), VENUE_SENTENCES))
    for i in [*near, *(i for i in lead if i not in near)]:
        sentence = ctx.sentences[i]
        if another_time(ctx, agreement, sentence):
            continue
        for m in ctx.in_sentence(sentence, "PLACE"):
            if not m.nested and not ctx.inside_label(m, "ORG") and is_venue(ctx, m):
                return m
    return None


def signed_at_meeting(agreement: Agreement) -> bool:
    """The act's own verb signs it at the meeting the release reports: "At the
    conclusion of the meetings, Qatar and Iran signed a memorandum", "signed during the
    meeting", "on the sidelines of the summit" (not "an MoU discussed during the
    meeting")."""
    signing = set(agreement.noun.ancestors)
    for token in agreement.sentence:
        if token.lower_ not in words("meeting_nouns") or token.dep_ != "pobj":
            continue
        if not any(c.lower_ in ("the", "this", "these") for c in token.children):
            continue  # "at the end of a meeting next year": not the one reported
        prep = token.head
        if prep.lower_ == "of" and prep.head.lower_ in words("meeting_moments"):
            prep = prep.head.head  # "[at] the conclusion of the meetings"
        elif prep.lower_ != "during":
            continue
        if prep.dep_ == "prep" and prep.head in signing:
            return True
    return False


def another_time(ctx: DocContext, agreement: Agreement, sentence: Span) -> bool:
    """A meeting of another year than the act's (else the release's, else the first
    the text dates) is another meeting ("Previously, the President visited Mexico during
    the Summit in Merida on 22 September 2019"); an act of an earlier year than the
    release was not adopted at the meeting it reports."""
    act_year = year_of(agreement.date.value if agreement.date else None)
    release_year = year_of(ctx.doc._.accords_published)
    met = {year_of(d.value) for d in ctx.in_sentence(sentence, "DATE")} - {None}
    if met:
        dated = (year_of(m.value) for m in ctx.mentions if m.label == "DATE")
        reference = act_year or release_year or next((y for y in dated if y), None)
        return reference is not None and reference not in met
    return act_year is not None and release_year is not None and act_year != release_year


def is_venue(ctx: DocContext, place: Mention) -> bool:
    """ "met in Tunis", "convened in Apia, Samoa", "took place in Cadiz", "a summit
    held in Marrakech", "the meeting in Manama", "the Valletta summit"."""
    token = ctx.span(place).root
    if token.dep_ == "appos":  # "gathered in the Moroccan city, Marrakech"
        token = token.head
    if token.dep_ == "compound":
        return is_meeting(token.head)
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
        return False
    return is_meeting(prep.head) or meets_there(prep.head)


def is_meeting(token: Token) -> bool:
    """A meeting noun of a meeting that was held: not one attended on a trip ("attended
    the Forum in Paris"), nor one to come ("ahead of the Council meeting in Brussels",
    "the upcoming summit")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in words("meeting_nouns"):
        return False
    return not (to_come(token) or attended(token))


def to_come(noun: Token) -> bool:
    upcoming = words("upcoming_words")
    ahead = noun.dep_ == "pobj" and noun.head.head.lower_ in upcoming
    return ahead or any(c.lower_ in upcoming for c in noun.children)


def attended(noun: Token) -> bool:
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_ in words("attending_verbs")


def ahead(verb: Token) -> bool:
    """A meeting still to come: "will meet in Rome", "will be held in Rome", "agreed to
    meet again in Rome"."""
    if any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in words("future_auxiliaries")
        for c in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in words("planning_verbs")


def meets_there(verb: Token) -> bool:
    """A verb of meeting, or "held" / "took place" of a meeting named with it; not one
    still to come."""
    if verb.pos_ not in ("VERB", "AUX") or ahead(verb):
        return False
    if verb.lemma_ in words("meeting_verbs"):
        return True
    if verb.dep_ == "acl" and to_come(verb.head):  # "the upcoming Ministerial taking place"
        return False
    if verb.lemma_ in words("occurrence_verbs"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and to_come(subject):  # "The next meeting takes place in"
            return False
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if verb.lemma_ == "hold":  # "a summit held in Marrakech", "the Forum was held in"
        subject = verb.head if verb.dep_ == "acl" else None
        subject = subject or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return subject is not None and is_meeting(subject)
    return False


def meeting_date(ctx: DocContext, venue: Mention) -> Mention | None:
    """The day or month the venue's sentence dates the meeting ("took place in Cadiz on
    13-14 December 2022"): its first date with a month, not a plan's span of years."""
    index = ctx.found_sentences.index_at(venue.start)
    if index < 0:
        return None
    dates = ctx.in_sentence(ctx.sentences[index], "DATE")
    return next((d for d in dates if d.value and d.value[4:5] == "-"), None)
