"""Signers named around a signing rather than as its subject: "X, signed on behalf of
the Norwegian government, and Y, on behalf of ...", "with X and Y signing on behalf of
their governments"."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.payloads import Mention
from ..rules.constants import QUOTE_MARKS
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext
from .documents import DOCUMENT_NOUNS


def on_behalf(ctx: DocContext, sentence: Span) -> list[Mention]:
    """ "X, signed on behalf of the Norwegian government, and Secretary of Interior, Y, on
    behalf of the government of Pakistan": each person right before "(signed) on behalf
    of" (the second signing verb left out) signed."""
    found: list[Mention] = []
    people = ctx.in_sentence(sentence, "PERSON")
    for behalf in (t for t in sentence if t.lower_ == "behalf" and t.i > sentence.start):
        on = ctx.doc[behalf.i - 1]
        if on.lower_ != "on" or looked_on(ctx.doc[sentence.start : behalf.i]):
            continue
        end = on.i
        if end - 1 > sentence.start and ctx.doc[end - 1].lemma_ in words("signing_verbs"):
            end -= 1  # "Y, signed on behalf of"
        if end - 1 > sentence.start and ctx.doc[end - 1].text == ",":
            end -= 1
        person = next((m for m in people if ctx.span(m).end == end), None)
        person = person or role_holder(people, ctx.doc[end - 1])
        if person is not None:
            found.append(person)
    return found


PRESENCE_WORDS = ("alongside", "witnessed", "presence", "attended", "accompanied", "watched")


def looked_on(before: Span) -> bool:
    """ "signed by X and witnessed by Y, ..., on behalf of the donors": a word of presence
    after the last signing verb before "on behalf": Y looked on."""
    signing = [t.i for t in before if t.lemma_ in words("signing_verbs") and t.pos_ == "VERB"]
    after = before[signing[-1] - before.start + 1 :] if signing else before
    return any(t.lower_ in PRESENCE_WORDS for t in after)


def role_holder(people: list[Mention], token: Token) -> Mention | None:
    """The person whose role in apposition ends at ``token``: "X, PNG Ambassador to the
    Philippines, signed on behalf of ..." """
    for _ in range(6):
        if token.dep_ not in ("pobj", "prep", "appos", "compound") or token.head == token:
            return None
        was_appos, token = token.dep_ == "appos", token.head
        person = next((m for m in people if covers(m, token)), None)
        if person is not None:
            return person if was_appos else None
    return None


def covers(mention: Mention, token: Token) -> bool:
    return mention.start <= token.idx < mention.end


def with_signers(ctx: DocContext, sentence: Span, verb: Token) -> list[Mention]:
    """ "The agreement was signed in Ankara, with X, Chief of ..., and Y, President of
    ..., signing on behalf of their governments": the people of the "with" phrase before
    the signing participle hung on the document's passive signing (not "X met with Y,
    signing an MoU": X signed)."""
    head = verb.head
    passive = head.lemma_ in words("signing_verbs") and any(
        c.dep_ == "nsubjpass" for c in head.children
    )
    if not passive or any(c.dep_ == "nsubj" for c in verb.children):
        return []
    prep = next(
        (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i),
        None,
    )
    if prep is None:
        return []
    return [m for m in ctx.in_sentence(sentence, "PERSON") if prep.idx < m.start < verb.idx]


QUOTED_REACH = 6  # sentences after the act's in which a signer's own words tell of it


def quoted_signers(ctx: DocContext, index: int, end: int | None) -> list[Mention]:
    """ "'I am pleased to sign this new Statement of Partnership with IOM today,' said
    UNODC Executive Director X": the person whose quoted words say they sign (or signed)
    this act, in the sentences after its own up to the report of another act (``end``).
    Only "I": "we" speaks for a body, not for who held the pen."""
    stop = min(index + QUOTED_REACH, end if end is not None else len(ctx.sentences))
    found: list[Mention] = []
    for n in ctx.sentences_with("quoted signing", i_sign_this):
        if index <= n < stop:
            found += quote_speaker(ctx, n)
    return found


def i_sign_this(verb: Token) -> bool:
    """A signing verb of a quoted sentence whose own subject is "I" (or that of the
    feeling it completes: "I am pleased to sign", not "I call on all governments to
    sign", "I was asked to sign"), not negated, not a past event's ("When I signed the
    Global Compact in 2018"), and whose object is this act: "this agreement", "the MoU"."""
    if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
        return False
    if not any(mark in verb.sent.text for mark in QUOTE_MARKS):
        return False
    signer = own_subject(verb)
    if signer is None or signer.text != "I":
        return False
    if any(c.dep_ == "neg" for t in (verb, *verb.ancestors) for c in t.children):
        return False  # "I would never sign this deal"
    if any(c.dep_ == "mark" and c.lower_ in PAST_MARKS for c in verb.children):
        return False  # "When I signed ...": another time's signing
    return any(signs_this(o) for o in verb.children if o.dep_ == "dobj")


PAST_MARKS = ("when", "after", "since", "before", "while")
FEELING_CLIMB = 5  # "I am | delighted | to be | able | to sign"


def own_subject(verb: Token) -> Token | None:
    """The verb's subject, through the adjectives of feeling it completes ("I am proud to
    sign", "I am delighted to be able to sign"); None through any other verb ("I have asked
    them to sign", "I was asked to sign": others sign)."""
    token = verb
    for _ in range(FEELING_CLIMB + 1):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:  # "I am honoured to sign", not "I was asked to sign"
            feeling = token.lower_ in words("feeling_participles")
            return subject if subject.dep_ == "nsubj" or feeling else None
        head = token.head  # "pleased", "humbled", "able", "am"; not "asked", "invited"
        feeling = head.pos_ in ("ADJ", "AUX") or head.dep_ == "acomp"
        feeling = feeling or head.lower_ in words("feeling_participles")
        if token.dep_ not in ("xcomp", "acomp", "conj") or head == token or not feeling:
            return None
        token = head
    return None


def signs_this(obj: Token) -> bool:
    """ "this agreement", "these memoranda", "the MoU", "our partnership"; not an act the
    quote names ("the Global Compact")."""
    if obj.lower_ not in agreement_nouns() and obj.lower_ not in DOCUMENT_NOUNS:
        return False
    dets = {d.lower_ for d in obj.children if d.dep_ in ("det", "poss")}
    generic = words("generic_name_words") | agreement_nouns() | set(DOCUMENT_NOUNS)
    name = [c for c in obj.children if c.dep_ == "compound"]  # "the Global | Compact"
    name += [t for c in obj.children if c.lower_ == "of" for t in c.subtree]  # "of Understanding"
    # "the Global Compact" names another act; "the Memorandum of Understanding" this one
    named = any(t.is_alpha and t.lower_ not in generic for t in name)
    return bool(dets & {"this", "these"}) or (bool(dets & {"the", "our"}) and not named)


def quote_speaker(ctx: DocContext, n: int) -> list[Mention]:
    """The person a speech verb of the sentence (or of the next, where the quote goes on)
    has as its subject: '"...," said X', '"...," X said'."""
    first = ctx.sentences[n]
    following = ctx.sentences[n + 1 : n + 2] if quote_open(first.text) else []
    for sentence in [first, *following]:  # '"... this MoU. It stands ...," said X'
        for verb in sentence:
            if verb.lemma_ not in words("speech_verbs") or verb.pos_ != "VERB":
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            left, right = subject.left_edge.idx, subject.right_edge.idx
            people = [  # "said Executive Director of UNODC X": the name deep in the subject
                m for m in ctx.in_sentence(sentence, "PERSON") if left <= m.start <= right
            ]
            if people:
                return people[:1]
    return []


def quote_open(text: str) -> bool:
    """A quotation opened in ``text`` and not closed by its end ("’" between letters is
    an apostrophe: "it’s")."""
    straight = text.count('"') % 2 == 1
    closing = len(re.findall(r"’(?!\w)|(?<!\w)’", text))
    return (
        straight
        or text.count("“") > text.count("”")
        or text.count("‘") > closing
        or text.count("«") > text.count("»")
    )
