"""Which later sentences tell the signing of the same document again ("The document was
signed by ...", "It was signed on 15 April 2019 in Tashkent", "X signed the memorandum
with Y"), up to the report of another act ("a second agreement", "an MoU")."""

from __future__ import annotations

import bisect
import calendar

from spacy.tokens import Span, Token

from ..nlp.date_values import year_of
from ..nlp.syntax import YEAR, earlier_act
from ..rules.lexicon import agreement_nouns, words
from .context import DocContext

DOCUMENT_NOUNS = ("document", "documents", "text", "deal", "deals")
SIDE_NOUNS = ("government", "side", "ministry", "country")
SIDE_SIGNERS_REACH = 3  # "X signed for A, Y for B" within the sentences after the act's


def later_document_signings(ctx: DocContext, start: int) -> list[Span]:
    """Sentences further on that say who signed "the document" or "the agreement" ("The
    document was signed by Head of ... X and Minister Y"), up to the report of another
    agreement ("a plan", "an agreement")."""
    end = next_act(ctx, start)
    signings = ctx.sentences_with("document signed", lambda t: document_signed(ctx, t))
    sides = ctx.sentences_with("signed for a side", lambda t: signed_for_a_side(ctx, t))
    near = [  # "X signed for Chile": the signers told right after, not an earlier signing
        n
        for n in sides[bisect.bisect_left(sides, start) :]
        if n < start + SIDE_SIGNERS_REACH and not ctx.in_sentence(ctx.sentences[n], "DATE")
    ]
    recalled = ctx.sentences_with("side's signer recalled", lambda t: recalled_side_signer(ctx, t))
    its = ctx.sentences_with("it signed", it_signed)
    chained = {n for n in its if n >= start and n > 0 and the_document_told(ctx, n - 1)}
    first = bisect.bisect_left(signings, start)
    recalled_on = {n for n in recalled if n >= start}
    found = sorted(set(signings[first:]) | set(near) | chained | recalled_on)
    return [ctx.sentences[n] for n in found if end is None or n < end]


def next_act(ctx: DocContext, start: int) -> int | None:
    """The first sentence from ``start`` on that reports another act, if any."""
    stops = ctx.sentences_with("another agreement", lambda t: new_agreement_noun(t))
    return stops[bisect.bisect_left(stops, start)] if stops and stops[-1] >= start else None


def new_agreement_noun(token: Token) -> bool:
    """ "a plan", "an agreement": the report of another agreement."""
    return token.lower_ in agreement_nouns() and indefinite(token)


def document_signed(ctx: DocContext, verb: Token) -> bool:
    """ "The document was signed ...", "X signed the agreement with Y": a signing verb
    whose passive subject or active object is the document or a definite agreement."""
    if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
        return False
    subject = ctx.subject_of(verb)
    if subject is not None and subject.dep_ == "nsubj":  # "Fedotov signed the agreement with"
        return any(c.dep_ == "dobj" and the_document(c) for c in verb.children)
    if subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ in ("which", "that"):
        return verb.dep_ == "relcl" and the_document(verb.head)  # "the document, which was signed"
    return subject is not None and subject.dep_ == "nsubjpass" and the_document(subject)


def signed_for_a_side(ctx: DocContext, verb: Token) -> bool:
    """ "Foreign Minister X signed for the Venezuelan government, while his counterpart Y
    signed on behalf of Mexico": a person who signed, with no object, for a body or a
    state (the document told just before is what they signed)."""
    if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
        return False
    subject = ctx.subject_of(verb)
    if subject is None and verb.dep_ == "acl":  # "X, PNG Ambassador to ..., signed on behalf"
        subject = verb.head  # of ...": the parse read the signing as X's participle
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = None
    if relative_clause(verb):  # "X, who signed on behalf of his country, was received ..."
        subject = verb.head
    person = ctx.index.get(subject.i) if subject is not None else None
    if person is None or person.label != "PERSON" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "on":  # "on behalf of Mexico"
            behalf = next((c for c in prep.children if c.lower_ == "behalf"), None)
            prep = next((c for c in behalf.children if c.lower_ == "of"), prep) if behalf else prep
        if prep.lower_ not in ("for", "of"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            side = ctx.index.get(obj.i)
            if (side is not None and side.label in ("ORG", "PLACE")) or obj.lemma_ in SIDE_NOUNS:
                return True
    return False


def it_signed(verb: Token) -> bool:
    """ "It was signed by ...": a passive signing of "it"."""
    if verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)


def the_document_told(ctx: DocContext, index: int) -> bool:
    """The sentence's main clause has the document told before as its subject ("The
    Memorandum of Understanding allows for ...."), so that "It was signed by X and Y"
    right after is its signing."""
    root = ctx.sentences[index].root
    return any(c.dep_ in ("nsubj", "nsubjpass") and the_document(c) for c in root.children)


def recalled_side_signer(ctx: DocContext, verb: Token) -> bool:
    """ "Togo's Minister, X, who signed on behalf of his country, said ...": a person a
    relative clause says signed for a side, the act told before, wherever the release
    says it; not one who signed an earlier one ("who signed on behalf of Togo in 2010") or
    signed up."""
    release = year_of(ctx.doc._.accords_published)
    return relative_signing(verb, release) and signed_for_a_side(ctx, verb)


RELATIVE_PRONOUNS = ("who", "that")


def relative_clause(verb: Token) -> bool:
    """ "X, who signed the MoU": a relative clause whose subject is the person before it."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children
    )


def relative_signing(verb: Token, release: str | None, told: bool = False) -> bool:
    """A relative clause of a signing of the act told ("who signed the MoU on behalf of
    Nigeria", "who signed on behalf of Uganda on 14th May 2024" in a release of 2024);
    not of another paper or an earlier act ("who signed a similar deal with ...", "who
    signed the visitors' book", "who signed the 2007 accord", "who signed for Togo in 2010"
    in a release of 2024), nor "signed up". In the act's own sentence (``told``) what it
    signs may be the act itself ("X, who signed a memorandum with Y, said")."""
    if not relative_clause(verb) or any(c.dep_ == "prt" for c in verb.children):
        return False
    if dated_before(verb, release) or any(t.lower_ in OTHER_ONES for t in verb.subtree):
        return False
    signed = [c for c in verb.children if c.dep_ == "dobj"]
    return all(told or (the_document(c) and not earlier_act(c)) for c in signed)


def dated_before(verb: Token, release: str | None) -> bool:
    """The clause names a year not the release's ("who signed for Togo in 2010" in a
    release of 2024); with the release's year unknown, a bare year ("in 2010"), not a day
    ("on 14th May 2024", most likely the signing told)."""
    years = [t.text for t in verb.subtree if YEAR.fullmatch(t.text)]
    if not years:
        return False
    if release is not None:
        return any(year != release for year in years)
    return not any(t.lower_ in MONTH_NAMES for t in verb.subtree)


MONTH_NAMES = tuple(name.lower() for name in calendar.month_name[1:])
OTHER_ONES = ("similar", "another", "previous", "earlier", "former")


def signed_again(ctx: DocContext, index: int, reach: int) -> list[Span]:
    """The next sentences that tell the signing again of the document ("The deal was
    inked ... at a meeting in Bangkok", "It was signed on 15 April 2019 in Tashkent",
    "X signed the memorandum with Y in Abu Dhabi"), before another act is reported."""
    found = []
    for n in range(index + 1, min(len(ctx.sentences), index + 1 + reach)):
        sentence = ctx.sentences[n]
        if any(new_agreement_noun(t) for t in sentence):
            break  # "a second agreement was signed in ...": another act
        if any(the_document_signed(ctx, t, n == index + 1) for t in sentence):
            found.append(sentence)
    return found


def the_document_signed(ctx: DocContext, verb: Token, next_one: bool) -> bool:
    """A signing verb whose object or passive subject is the document told before ("the
    agreement", "the deal"), or "it" in the sentence right after it."""
    if document_signed(ctx, verb):  # a signing verb: "the document was signed"
        return True
    if not next_one or verb.pos_ != "VERB" or verb.lemma_ not in words("signing_verbs"):
        return False
    subject = ctx.subject_of(verb)
    return subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ == "it"


def the_document(noun: Token) -> bool:
    """ "the document", "the agreement", "this MoU": an act named before; not "the first
    agreement with Qatar", "the 2012 agreement", another, earlier one."""
    named = noun.lower_ in DOCUMENT_NOUNS or noun.lower_ in agreement_nouns()
    earlier = any(
        t.lower_ in words("earlier_one") or t.lower_ == "first" or YEAR.fullmatch(t.text)
        for t in noun.lefts
    )
    return named and not indefinite(noun) and not earlier


def indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)
