"""The bodies a release lists as the makers of a text, as the parties of its act: "A joint
statement was issued today by A, B, C and D", "The demands were jointly put forward by A;
B; C", "The campaign is supported by: A, B, ... and Z", "Led by A, B and C, the Coalition
calls on ...", or a line "The analysis is co-signed by:" over one body per line. The list
(three bodies or countries or more) follows a word of authorship and "by" or a colon; the
verb's subject must be a text (``authored_texts``: an agreement noun, "the statement",
"the demands", "the campaign", "the coalition"), so that "visas issued by A, B and C" and
"Supported by A, B and C, the project ..." are no lists of authors."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from ..nlp.payloads import Agreement, Mention
from ..page_lines import SIGNING_LEAD_IN
from ..rules.lexicon import words
from .context import DocContext, unique
from .lists import bodies_in, lines_below, names_only, unnamed_items
from .members import MIN_MEMBERS

LIST_START = 3  # tokens between "by" or the colon and the list ("by: the ...")
CUE_BEFORE = 3  # tokens between the word of authorship and "by" or the colon
MARKS = ("by", ":")


def authors_list(ctx: DocContext) -> tuple[list[Mention], int]:
    """The longest list of three bodies or more that a sentence says made a text, and the
    index of that sentence (-1 with no list)."""
    if "authors" not in ctx.memo:
        found: tuple[list[Mention], int] = ([], -1)
        for index, (sentence, kind) in enumerate(zip(ctx.sentences, ctx.kinds, strict=True)):
            if kind == "title":
                continue
            for run in (listed_after_cue(ctx, sentence), listed_below(ctx, index)):
                if len(run) > len(found[0]):
                    found = (run, index)
        ctx.memo["authors"] = found if len(found[0]) >= MIN_MEMBERS else ([], -1)
    return cast(tuple[list[Mention], int], ctx.memo["authors"])


def listed_after_cue(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The longest list of bodies that starts just after a word of authorship and "by" or
    a colon: names joined by commas, semicolons and "and", with a few names the model did
    not find between them ("A, Cordaid, the Red Cross, Hivos and B")."""
    marks = [t.i for t in sentence if t.lower_ in MARKS]
    if not marks:
        return []
    named = bodies_in(ctx, sentence)
    best: list[Mention] = []
    n = 0
    while n < len(named):
        if not authored_before(sentence, ctx.span(named[n]).start, marks):
            n += 1
            continue
        end = n + 1  # a run is never longer from a name inside it: go on after it
        while end < len(named) and unnamed_items(
            ctx.doc[ctx.span(named[end - 1]).end : ctx.span(named[end]).start]
        ):
            end += 1
        run = unique(named[n:end])
        best = run if len(run) > len(best) else best
        n = end
    return best


def authored_before(sentence: Span, start: int, marks: list[int]) -> bool:
    """A word of authorship, then "by" or a colon (``marks``), stand before token ``start``
    with at most a few words or a few names between: "co-signed by: the", "put forward
    by", "Signatories:", "issued today by the aditus foundation, the ..., KOPIN"."""
    doc = sentence.doc
    before = [i for i in marks if i < start]
    if not before:
        return False
    mark = before[-1]
    if start - mark - 1 > LIST_START and not names_only(doc[mark + 1 : start]):
        return False
    for cue in doc[max(sentence.start, mark - CUE_BEFORE) : mark]:
        if cue.lemma_.casefold() in words("authorship_cues") or cue.lower_ in words(
            "authorship_cues"
        ):
            return cue.lower_ in words("authorship_nouns") or made_a_text(sentence, cue)
    return False


def made_a_text(sentence: Span, cue: Token) -> bool:
    """The verb of authorship has a text for its subject ("The letter was drafted by",
    "Led by ..., the Coalition calls": the main clause's subject for a clause that has
    none), or heads a line with none ("Signed by:")."""
    verb = cue.head if cue.dep_ in ("prt", "advmod", "dep") and cue.head.pos_ == "VERB" else cue
    before = [t for t in sentence.doc[sentence.start : cue.i] if t.dep_ in ("nsubj", "nsubjpass")]
    subjects = before[-1:]  # the nearest: "The analysis is co-signed by:" parses loosely
    clause = verb.dep_ in ("advcl", "acl", "relcl")
    if clause:  # "Led by ..., the Coalition calls", "a letter, signed by ..."
        subjects += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [verb.head] if verb.dep_ != "advcl" else []
    if any(is_a_text(s) for s in subjects):
        return True
    return not before and not clause and cue.i - sentence.start <= 2


def is_a_text(token: Token) -> bool:
    return token.lower_ in words("authored_texts") or token.lemma_.casefold() in words(
        "authored_texts"
    )


def listed_below(ctx: DocContext, index: int) -> list[Mention]:
    """The bodies of the lines under a line that ends in a word of authorship and a colon
    ("The analysis is co-signed by:", "Signatories:", "Signed,"): ``lines_below``."""
    sentence = ctx.sentences[index]
    if SIGNING_LEAD_IN.match(sentence.text.strip()):  # "Signed," over one body per line
        return lines_below(ctx, index)
    if not sentence.text.rstrip().endswith(":"):
        return []
    if not authored_before(sentence, sentence.end, [t.i for t in sentence if t.lower_ in MARKS]):
        return []
    return lines_below(ctx, index)


def with_authors(ctx: DocContext, acts: list[Agreement]) -> list[Agreement]:
    """The bodies listed as a text's makers (``authors_list``) join the parties of each act
    they can be the sides of: the act told in the list's own sentence, an act with one side
    of its own or none, or one all of whose sides but one are in the list ("In addition to
    Ecuador, the document was signed by A, B, ..."): not a bilateral act one of whose sides
    also signed another text."""
    authors, index = authors_list(ctx) if acts else ([], -1)
    ids = {m.entity_id for m in authors}
    for act in acts if authors else []:
        own = [] if act.parties_guessed else unique(act.parties)
        shared = [m for m in own if m.entity_id in ids]
        if act.sent_id == index or len(own) <= 1 or len(shared) >= max(2, len(own) - 1):
            act.parties, act.parties_guessed = unique(own + authors), False
    return acts
