"""The members a report lists as taking part, as the parties of an act made by the
group: "with the signing of a free movement agreement between the seven member states
... attended by representatives from Djibouti, Eritrea, Ethiopia, Kenya, Somalia, South
Sudan, and Sudan", "Ministers ... from all 15 SADC Member States participated in the
meeting, representing: Angola, Botswana, ...". The group is named in the act's sentence
by a plural noun ("member states", "ministers", "the countries"); the list, three
countries or more joined only by commas and "and", stands in a sentence that says they
took part; bodies listed as a network's or a coalition's members ("consists of eleven
members: FAO, IOM, ...", "The charities include A, B and C", "The consortium brings
together A, B, C", "the Network's members are:" over one body per line) are its parties as
well."""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Span, Token

from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import is_country, subject_of
from ..rules.lexicon import words
from .context import DocContext, unique
from .lists import lines_below, unnamed_items

MIN_MEMBERS = 3
FINAL_AND = re.compile(r"\b(?:and|&)\s+(?:the\s+)?$|&\s*$", re.IGNORECASE)
# commas, "and", an acronym in brackets ("the Arab Trade Union Confederation (Arab TUC),")
LIST_GLUE = re.compile(
    r"^(?:\s*\([^()]{1,24}\))?[\s,;:()–—-]*(?:and\s+|&\s+)?(?:the\s+)?$", re.IGNORECASE
)


def listed_members(ctx: DocContext) -> list[Mention]:
    """The longest list of three or more countries, or of three or more bodies, that a
    sentence of the report says took part in (a meeting's attendance) or are a group's
    members ("The Network consists of eleven members: FAO, IOM, ..."), or of three or more
    cities whose mayors act ("signed by mayors from Baltimore; Boston; Chicago", "mayors
    from 50 cities, including Amsterdam, Barcelona, Berlin"), else none."""
    if "members" not in ctx.memo:
        found: list[Mention] = []
        for index, (sentence, kind) in enumerate(zip(ctx.sentences, ctx.kinds, strict=True)):
            if kind == "title":
                continue
            if heads_a_member_list(sentence):  # "In Uganda, the Network's members are:"
                run = lines_below(ctx, index)
                found = run if len(run) > len(found) else found
            places = ctx.in_sentence(sentence, "PLACE")
            countries = [m for m in places if is_country(m)]
            mayors = any(t.lemma_.casefold() == "mayor" for t in sentence)
            cities = [m for m in places if not is_country(m)] if mayors else []
            bodies = ctx.in_sentence(sentence, "ORG")
            # the report's own meeting: in its lead, with no date of its own (not "In 2021,
            # Morocco, Spain and France met in Paris")
            own_meeting = index <= LEAD_SENTENCES and not ctx.in_sentence(sentence, "DATE")
            for named, cues, tolerant, may_meet in (
                (countries, words("taking_part_cues"), False, own_meeting),
                (cities, words("city_member_cues"), False, False),
                (bodies, words("membership_cues"), True, False),
            ):
                run = longest_list(ctx, named, tolerant)
                if len(run) <= len(found):
                    continue
                if (may_meet and meets(ctx, run[0])) or cue_before(sentence, run[0], cues):
                    found = run
        ctx.memo["members"] = found if len(found) >= MIN_MEMBERS else []
    return cast(list[Mention], ctx.memo["members"])


LEAD_SENTENCES = 3  # a list that met names the members only in the report's lead
CUE_REACH = 8  # tokens before a list in which its word of taking part stands
HEADING_REACH = 4  # tokens before a heading line's colon in which "members" stands


def heads_a_member_list(sentence: Span) -> bool:
    """A line that ends "... members are:", "Members:" or "List of Partner Organizations:"
    (not a site's "Our partners:") heads a group's members, one per line below it."""
    if not sentence.text.rstrip().endswith(":"):
        return False
    tail = sentence.doc[max(sentence.start, sentence.end - HEADING_REACH) : sentence.end]
    heads = {t.lemma_.casefold() for t in tail if t.pos_ in ("NOUN", "PROPN")}
    listed = any(t.lower_ in ("list", "following") for t in sentence)  # not "Our partners:"
    return "member" in heads or ("partner" in heads and listed)


def cue_before(sentence: Span, first: Mention, cues: frozenset[str]) -> bool:
    """A word of taking part stands a few words before the list ("attended by
    representatives from", "participated in the meeting, representing:", "the Ministers of
    ..."), with no verb of speech between ("Minister X said that refugees from A, B and
    C")."""
    start = next((t.i for t in sentence if t.idx >= first.start), sentence.end)
    window = sentence.doc[max(sentence.start, start - CUE_REACH) : start]
    for k, token in enumerate(window):
        if is_cue(token, cues):
            between = window[k + 1 :]
            return not any(t.pos_ == "VERB" and t.lemma_ in words("speech_verbs") for t in between)
    return False


def meets(ctx: DocContext, first: Mention) -> bool:
    """The list is the subject of a verb of meeting ("Malta, Italy, Spain, Greece and
    Cyprus met in Malaga", "... gathered in Rabat")."""
    token = ctx.doc.char_span(first.start, first.end, alignment_mode="expand")
    if token is None:
        return False
    head = token.root
    while head.dep_ in ("compound", "conj", "appos") and head.head is not head:
        head = head.head
    return head.dep_ == "nsubj" and head.head.lemma_ in words("meeting_verbs")


def is_cue(token: Token, cues: frozenset[str]) -> bool:
    lemma = token.lemma_.casefold()
    if lemma in words("group_member_verbs"):
        return names_members(token)
    if lemma in words("verb_only_cues"):
        return token.pos_ == "VERB"
    # a title-case plural the tagger takes for a name keeps its "s": "The Prime Ministers of"
    proper_plural = token.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in cues
    return lemma in cues or proper_plural


def names_members(verb: Token) -> bool:
    """ "The charities include A, B and C", "MDBs, including A, B and C", "the
    consortium brings together A, B, C": a verb of ``group_member_verbs`` with a group for
    its subject or hung on a plural (not "The programme includes funding from ..."),
    "bring" with "together"."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.casefold() == "bring" and not any(c.lower_ == "together" for c in verb.children):
        return False
    if verb.tag_ == "VBG" and verb.head.tag_ in ("NNS", "NNPS") and verb.head.i < verb.i:
        return True  # "MDBs, including A, B and C": the plural the list hangs on
    subjects = [subject_of(verb)]  # "The signatories ..., announced on ..., included A"
    subjects += [  # the parse hangs that subject on the clause between
        s for c in verb.lefts if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
    ]
    return any(s is not None and s.lower_ in words("member_groups") for s in subjects)


def longest_list(ctx: DocContext, named: list[Mention], tolerant: bool = False) -> list[Mention]:
    """The longest list of ``named`` (mentions of one sentence): with only commas, brackets
    and "and" between, ending with the one after "and" where there is one ("A, B and C",
    "A, B, C"; "A and B, C's Minister" is no list of three); no one named as an owner
    ("Ireland's")."""
    best: list[Mention] = []
    run: list[Mention] = []
    closed = False
    for m in named:
        if m.nested or ctx.text.startswith(("'s", "’s"), m.end):
            continue
        glue = ctx.text[run[-1].end : m.start] if run else ""
        if run and (
            closed or not (LIST_GLUE.match(glue) or (tolerant and missed(ctx, run[-1], m)))
        ):
            run, closed = [], False
        run.append(m)
        closed = bool(FINAL_AND.search(glue))
        if len(unique(run)) > len(best):
            best = unique(run)
    return best


def missed(ctx: DocContext, before: Mention, after: Mention) -> bool:
    """Between two bodies of a list, names the model did not find ("FAO, IOM, OHCHR, UN
    Habitat and WFP"): list punctuation and short capitalised pieces only."""
    glue = ctx.doc.char_span(before.end, after.start, alignment_mode="expand")
    return glue is not None and len(glue) > 0 and unnamed_items(glue)


def made_by_a_group(agreement: Agreement) -> bool:
    """The act's sentence names a plural group ("the seven member states", "signed by
    seven countries' representatives"; "the following organizations" before the act,
    whatever sides it names besides), or the act has no side of its own ("The meeting
    culminated in the adoption of the Cairo Declaration"); not an act that has two sides
    of its own ("the EAC and the ILO signed", "the EU and Ghana signed"): the members are no
    sides of those."""
    if any(following_group(t) and t.i < agreement.noun.i for t in agreement.sentence):
        return True  # "the following organizations agreed on an MoU": the list below
    own = [] if agreement.parties_guessed else unique(agreement.parties)
    if len(own) > 1:
        return False  # "The EU and Ghana signed an agreement to help the countries of ..."
    named = any(t.lower_ in words("acting_groups") for t in agreement.sentence)
    # a network launched is a group itself: its members are its sides
    return (
        named or not agreement.parties or agreement.parties_guessed or agreement.type == "network"
    )


def following_group(token: Token) -> bool:
    """ "the following organizations", before the act's noun (its makers: not "an agreement
    that will fund the following organizations")."""
    return token.lower_ == "following" and token.head.lower_ in words("group_nouns")


def with_members(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """Each act made by a group (``made_by_a_group``), with the countries the report lists
    as taking part among its parties."""
    members = listed_members(ctx) if acts else []
    for act in acts if members else []:
        if made_by_a_group(act):
            kept = [] if act.parties_guessed else act.parties
            act.parties, act.parties_guessed = unique(kept + members), False
    return acts
