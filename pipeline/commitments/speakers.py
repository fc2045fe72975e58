"""Who speaks: the body of a person quoted in or around a sentence, the body a reporting
verb's subject names, and each person replaced by the body the text gives them."""

from __future__ import annotations

from spacy.tokens import Span

from ..nlp.extensions import doc_text
from ..nlp.payloads import Mention
from ..nlp.roles import country_of_role
from ..nlp.syntax import mentions_in
from ..rules.constants import QUOTE_OPENERS, QUOTES_CLOSE
from ..rules.lexicon import words
from .context import DocContext


def bodies_of(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Each person replaced by the organisation the text gives them; a person the text
    gives none is left out when a body remains (the parties commit, not their envoys)."""
    out: list[Mention] = []
    start, end = ctx.dateline
    for m in mentions:
        if start <= m.start < end and m.label == "ORG":
            continue  # "ISLAMABAD, Sep 21 (APP):": the agency that reports, not an actor
        person = ctx.people.get(m.entity_id) if m.label == "PERSON" else None
        body = person.org if person is not None and person.org is not None else m
        if person is not None and person.org is None:
            body = country_of_role(person, m, ctx.role_countries) or m
        if body not in out and (body.entity_id is None or body.entity_id not in ids(out)):
            out.append(body)
    bodies = [m for m in out if m.label != "PERSON"]
    # "Mexico's Ministry of Labour": the body acts, its country only says whose it is
    owned = {m.country_code for m in bodies if m.label == "ORG" and m.country_code}
    located = [m for m in bodies if m.label == "PLACE" and m.country_code in owned]
    if located and len(located) < len(bodies):
        bodies = [m for m in bodies if m not in located]
    return bodies or out


def ids(mentions: list[Mention]) -> set[str | None]:
    return {m.entity_id for m in mentions}


def speaker_org(ctx: DocContext, sentence: Span) -> list[Mention]:
    """The organisation of the person quoted in or around the sentence; else, for a quote
    in a paragraph of its own that names no speaker, the body that spoke just before it."""
    index = ctx.sentences.index(sentence)
    around = ctx.sentences[index : index + 2]
    if index and sentence.text[:1] in QUOTE_OPENERS:
        previous = ctx.sentences[index - 1]  # «"...," said X. "We will ..."»
        if any(c in QUOTES_CLOSE for c in sentence.text[1:]):
            around.insert(1, previous)  # a whole quote of its own: its speaker spoke before
        else:
            around.append(previous)
    if in_quoted_paragraph(ctx, sentence):  # a quote of its own: the speaker spoke before
        around += [
            s
            for s in reversed(ctx.sentences[max(0, index - QUOTE_REACH) : index])
            if any(t.lemma_ in words("speech_verbs") for t in s)
        ]
    for s in around:
        for m in ctx.mentions:
            if m.label == "PERSON" and s.start_char <= m.start < s.end_char:
                person = ctx.people.get(m.entity_id)
                if person is None:
                    continue
                # the speaker's body, else the country of the role ("Foreign Minister of
                # the Republic of Armenia")
                body = person.org or country_of_role(person, m, ctx.role_countries)
                if body is not None:
                    return [body]
    if in_quoted_paragraph(ctx, sentence) and not named_speaker(ctx, sentence):
        # «..., the ADB said. | "Labour markets are tight. Governments must ...," it said.»
        before = [ctx.sentences[index - 1]] if index else []
        before += [s for s in [paragraph_before(ctx, sentence)] if s is not None]
        return next(filter(None, (speaking_body(ctx, s) for s in before)), [])
    return []


def named_speaker(ctx: DocContext, sentence: Span) -> bool:
    """The sentence names who says it ("..., said Maria Lopez"; not "..., it said")."""
    for verb in sentence:
        if verb.lemma_ in words("speech_verbs"):
            subject = ctx.subject_of(verb)
            if subject is not None and subject.i in ctx.index:
                return True
    return False


def paragraph_before(ctx: DocContext, sentence: Span) -> Span | None:
    """The last sentence before the paragraph ``sentence`` stands in."""
    text = doc_text(ctx.doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    return next((s for s in reversed(ctx.sentences) if s.end_char <= line_start), None)


def speaking_body(ctx: DocContext, sentence: Span) -> list[Mention]:
    """A body that is the subject of a reporting verb ("..., the ADB said."): who speaks on
    in the quote that follows."""
    for verb in sentence:
        if verb.lemma_ not in words("speech_verbs") or verb.pos_ != "VERB":
            continue
        subject = ctx.subject_of(verb)
        if subject is None:
            continue
        named = [m for m in bodies_of(ctx, mentions_in(subject, ctx.index)) if m.label != "PERSON"]
        if named:
            return named
    return []


QUOTE_REACH = 4  # sentences back to the attribution of a quote that goes on


def in_quoted_paragraph(ctx: DocContext, sentence: Span) -> bool:
    """The sentence stands in a line that opens with a quotation mark."""
    text = doc_text(ctx.doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    return text[line_start : line_start + 1] in QUOTE_OPENERS
