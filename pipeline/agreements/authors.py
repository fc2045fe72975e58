"""The bodies a release lists as the makers of a text, as the parties of its act: "A joint
statement was issued today by A, B, C and D", "The demands were jointly put forward by A;
B; C", "The campaign is supported by: A, B, ... and Z", "Led by A, B and C, the Coalition
calls on ...", or a line "The analysis is co-signed by:" over one body per line. The list
(three bodies or more) follows a word of authorship and "by" or a colon; a verb's subject
must be a text or a group ("the statement", "the demands", "the campaign"), so that "visas
issued by A, B and C" is no list of authors."""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Span, Token

from ..nlp.payloads import Agreement, Mention
from ..rules.lexicon import words
from .context import DocContext, unique
from .headings import SPOKEN_TYPES
from .members import MIN_MEMBERS

LIST_START = 3  # tokens between "by" or the colon and the list ("by: the ...")
CUE_BEFORE = 3  # tokens between the word of authorship and "by" or the colon
ITEM_WORDS = 8  # a name the model missed between two it found
ITEM_TOKENS = 16  # a line of a list below a heading line: one body, maybe its country
WHERE_OR_WHOSE = re.compile(r"(?:\(|\b(?:in|at) )$", re.IGNORECASE)
ITEM_LEAD = re.compile(r"^[\s•·*‣▪◦●○■□➢►–—-]*(?:\d{1,2}[.)]\s*)?(?:the\s+)?$", re.IGNORECASE)


def authors_list(ctx: DocContext) -> tuple[list[Mention], int]:
    """The longest list of three bodies or more that a sentence says made a text, and the
    index of that sentence (-1 with no list)."""
    if "authors" not in ctx.memo:
        found: tuple[list[Mention], int] = ([], -1)
        for index, (sentence, kind) in enumerate(zip(ctx.sentences, ctx.kinds, strict=True)):
            if kind == "title":
                continue
            run = listed_after_cue(ctx, sentence)
            if len(run) > len(found[0]):
                found = (run, index)
            below = listed_below(ctx, index)
            if len(below) > len(found[0]):
                found = (below, index)
        ctx.memo["authors"] = found if len(found[0]) >= MIN_MEMBERS else ([], -1)
    return cast(tuple[list[Mention], int], ctx.memo["authors"])


def listed_after_cue(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The list of bodies that starts just after a word of authorship and "by" or a colon:
    names joined by commas, semicolons and "and", with a few names the model did not find
    between them ("A, Cordaid, the Red Cross, Hivos and B")."""
    named = bodies_in(ctx, sentence)
    for n, first in enumerate(named):
        if not authored_before(sentence, first_token(sentence, first)):
            continue
        run = [first]
        for m in named[n + 1 :]:
            if not unnamed_items(ctx.text[run[-1].end : m.start]):
                break
            run.append(m)
        return unique(run)
    return []


def unnamed_items(glue: str) -> bool:
    """The text between two names of a list holds list punctuation and names only."""
    return bool(re.search(r"[,;]|\band\b|&", glue)) and names_only(glue)


def names_only(text: str) -> bool:
    """Each piece between commas and semicolons is short and starts as a name does
    ("the", a capital, a digit), not as a clause ("urging the")."""
    for piece in re.split(r"[,;]", text):
        piece = re.sub(r"^\s*(?:and|&)\s+|\([^()]{1,24}\)", " ", piece).strip(" ()–—-\n\t")
        if piece and (
            len(piece.split()) > ITEM_WORDS or not re.match(r"(?:the\b|[A-Z0-9])", piece)
        ):
            return False
    return True


def bodies_in(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The bodies and places of a sentence in text order, without a place in brackets
    after a body ("Centre for Peace Studies (Croatia)") or where someone serves ("Head of
    Mission in Yemen")."""
    named = ctx.in_sentence(sentence, "ORG") + ctx.in_sentence(sentence, "PLACE")
    return sorted(
        (
            m
            for m in named
            if not m.nested and not WHERE_OR_WHOSE.search(ctx.text[max(0, m.start - 4) : m.start])
        ),
        key=lambda m: m.start,
    )


def first_token(sentence: Span, mention: Mention) -> int:
    return next((t.i for t in sentence if t.idx >= mention.start), sentence.end)


def authored_before(sentence: Span, start: int) -> bool:
    """A word of authorship, then "by" or a colon, stand before token ``start`` with at
    most a few words or a few names between: "co-signed by: the", "put forward by",
    "Signatories:", "issued today by the aditus foundation, the ..., KOPIN"."""
    doc = sentence.doc
    marks = [t for t in doc[sentence.start : start] if t.lower_ in ("by", ":")]
    if not marks:
        return False
    mark = marks[-1]
    if start - mark.i - 1 > LIST_START and not names_only(doc[mark.i + 1 : start].text):
        return False
    for cue in doc[max(sentence.start, mark.i - CUE_BEFORE) : mark.i]:
        if cue.lemma_.casefold() in words("authorship_cues") or cue.lower_ in words(
            "authorship_cues"
        ):
            return cue.lower_ in words("authorship_nouns") or made_a_text(sentence, cue)
    return False


def made_a_text(sentence: Span, cue: Token) -> bool:
    """The verb of authorship has a text or a group for its subject ("The letter was
    drafted by", "Led by ..., the Coalition calls"), or stands at the head of a line with
    none ("Signed by:")."""
    verb = cue.head if cue.dep_ in ("prt", "advmod", "dep") and cue.head.pos_ == "VERB" else cue
    before = [t for t in sentence.doc[sentence.start : cue.i] if t.dep_ in ("nsubj", "nsubjpass")]
    subjects = before[-1:]  # the nearest: "The analysis is co-signed by:" parses loosely
    if verb.dep_ in ("advcl", "acl", "relcl"):  # "Led by ..., the Coalition calls"
        subjects += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [verb.head] if verb.dep_ != "advcl" else []
    if any(is_a_text(s) for s in subjects):
        return True
    return not before and cue.i - sentence.start <= 2


def is_a_text(token: Token) -> bool:
    return token.lower_ in words("authored_texts") or token.lemma_.casefold() in words(
        "authored_texts"
    )


def listed_below(ctx: DocContext, index: int) -> list[Mention]:
    """The bodies of the lines under a line that ends in a word of authorship and a colon
    ("The analysis is co-signed by:", "Signatories:"): one body at the head of each."""
    sentence = ctx.sentences[index]
    if not sentence.text.rstrip().endswith(":") or not authored_before(sentence, sentence.end):
        return []
    found: list[Mention] = []
    for line in ctx.sentences[index + 1 :]:
        if len(line) > ITEM_TOKENS:
            break
        heads = [
            m for m in bodies_in(ctx, line) if ITEM_LEAD.match(ctx.text[line.start_char : m.start])
        ]
        if not heads:
            break
        found.append(heads[0])
    return unique(found)


def with_authors(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """The bodies listed as a text's makers (``authors_list``) join the parties of each act
    they can be the sides of: the act told in the list's own sentence, an act with one side
    of its own or none, or with a side in the list ("In addition to Ecuador, the document was
    signed by A, B, ..."); the one statement of a release whose sides are none of the list
    takes the list for them (its sides were read from someone's speech about it)."""
    authors, index = authors_list(ctx) if acts else ([], -1)
    ids = {m.entity_id for m in authors}
    for act in acts if authors else []:
        own = [] if act.parties_guessed else unique(act.parties)
        shared = [m for m in own if m.entity_id in ids]
        if act.sent_id == index or len(own) <= 1 or shared:
            act.parties, act.parties_guessed = unique(own + authors), False
        elif len(acts) == 1 and act.type in SPOKEN_TYPES:
            act.parties, act.parties_guessed = list(authors), False
    return acts
