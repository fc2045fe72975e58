"""A necessity a named party puts on others: "States must do more," said X of IOM; "FMM
said the levy policy should be standard" (``call.others_must``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.payloads import Commitment, Mention
from ..nlp.syntax import mentions_in
from ..rules.constants import QUOTE_MARKS
from ..rules.lexicon import words
from .action import action_text
from .actors import necessity_reporter
from .context import DocContext
from .speakers import bodies_of
from .triggers import others_needed


def necessity_call(
    ctx: DocContext, sentence: Span, index: int, rule_id: str, anchor: Token
) -> Commitment | None:
    """ "States must do more," said X of IOM; "they note that both states must respect
    their obligations"; "FMM said the levy policy should be standard": a party saying
    others must act, or something must be done, calls for it. Only a group or a thing
    (``addressed``) is addressed, and only a speaker or a reporting verb makes it a
    party's call, or a quote that tells a named body it must act (``quoted_duty``)."""
    need = anchor.lemma_ == "need"
    verb = needed_verb(anchor) if need else anchor.head
    if verb is None or (need and others_needed(anchor)):
        return None  # "we need donors to step up": the need is the speakers'
    subject = ctx.subject_of(anchor if need else verb)
    if subject is None or subject.i > anchor.i:
        return None
    named = named_addressees(ctx, subject) if binding(anchor) else []
    body = not named and unnamed_body(subject) and verb.lemma_ not in words("forecast_verbs")
    if not named and not body and not addressed(subject, verb):
        return None  # "Italy should expect more arrivals": a forecast, not a call
    if need and not named and not body and subject.lower_ not in words("addressed_groups"):
        return None  # "some technicalities need to be taken care of": a thing's need
    reporter = necessity_reporter(ctx, anchor if need else verb, sentence)
    unnamed = not reporter and named and quoted_duty(verb, sentence)
    if (not reporter and not unnamed) or own_duty(named, reporter):
        return None  # no one says it, or "IOM must do more," said IOM's chief
    if body and any(m.label in ("PERSON", "PLACE") or state_voice(m) for m in reporter):
        return None  # "the government must do more," the minister said: its own duty
    return Commitment(  # with no speaker found, the act's parties (the link step)
        sentence,
        index,
        "call",
        rule_id,
        reporter,
        "speaker" if reporter else "parties",
        action_text(ctx.doc, verb, anchor),
        [ctx.doc[subject.left_edge.i : subject.i + 1].text],
        any(c.dep_ == "neg" for c in verb.children),
        anchor=anchor,
    )


def needed_verb(need: Token) -> Token | None:
    """The verb of what is needed: "governments need to cooperate"."""
    return next((c for c in need.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def binding(anchor: Token) -> bool:
    """A duty put on a named body: "must" and "need to" bind whoever they name; "should"
    none, as a named state or place may as well be forecast ("Italy should expect more
    arrivals")."""
    return anchor.lower_ == "must" or anchor.lemma_ == "need"


def state_voice(mention: Mention) -> bool:
    """A state body speaks ("the Ministry of Labour", "the Government of Ghana"), not a union
    whose name says "National" ("the Kenya National Union of Nurses")."""
    name = set((mention.norm or "").casefold().split())
    return bool(name & (words("national_heads") - {"national", "federal", "state"}))


def unnamed_body(subject: Token) -> bool:
    """ "the government should stop ...", "the ministry must ...": a body's common noun, which
    a union, an agency or a report may put a duty on."""
    return subject.pos_ == "NOUN" and subject.lower_ in words("addressed_bodies")


def quoted_duty(verb: Token, sentence: Span) -> bool:
    """A duty the release quotes, spoken by someone it does not name in the sentence: a
    quote mark in it, an action verb (not "must be proud", "must have been aware": a
    guess), and no reporting verb of others it hangs on ("Rights groups say Qatar must")."""
    if not any(q in sentence.text for q in QUOTE_MARKS):
        return False
    if verb.lemma_ in ("be", "have") or any(c.lower_ == "have" for c in verb.children):
        return False
    return not any(a.lemma_ in words("speech_verbs") for a in verb.ancestors)


def named_addressees(ctx: DocContext, subject: Token) -> list[Mention]:
    """The bodies and states a subject names ("ASEAN must also address ...", "the Federal
    Government must halt ..."): a duty a party puts on them is a call on them (not a
    "should", which as often forecasts: "Italy should expect more arrivals")."""
    if subject.pos_ != "PROPN" and subject.lower_ not in words("addressed_bodies"):
        return []
    return [m for m in bodies_of(ctx, mentions_in(subject, ctx.index)) if m.label != "PERSON"]


def own_duty(named: list[Mention], reporter: list[Mention]) -> bool:
    """The speaker puts the duty on itself or, as a state body, on its own state ("The
    Government of Nepal must ...," Nepal's minister said; not a Ghanaian union calling on
    the government of Ghana)."""
    keys = {key(m) for m in reporter}
    states = {state for m in reporter if (state := state_of(m))}
    return any(key(m) in keys or m.country_code in states for m in named)


def state_of(mention: Mention) -> str | None:
    """The country of a state or of a state body (a ministry, a government)."""
    name = (mention.norm or "").casefold().split()
    state_body = mention.label == "PLACE" or bool(set(name) & words("national_heads"))
    return mention.country_code if state_body else None


def key(mention: Mention) -> str:
    return mention.entity_id or mention.norm or f"{mention.start}:{mention.end}"


def addressed(subject: Token, verb: Token) -> bool:
    """Who or what a named party says must do or be done: a group ("States must do
    more"), or a thing its words say must be so or be done to ("the levy policy should be
    standard", "migrant workers should not be discriminated against"); not a thing that
    should merely happen ("the situation should improve soon": a forecast)."""
    # "Partner States", "Member States": the tagger may take the plural for a name
    grouped = subject.tag_ in ("NNS", "NNPS", "NN") or any(
        c.dep_ == "compound" and c.lower_ in ("partner", "member") for c in subject.children
    )
    if grouped and subject.lower_ in words("addressed_groups"):
        return True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return subject.pos_ == "NOUN" and (passive or verb.lemma_ == "be")


def others_wanted(ctx: DocContext, want: Token) -> bool:
    """ "wants the Government to start", "want the Ministry to address": who is wanted to
    act is a named body or person, a body's common noun or a group addressed (not "their
    families"), and not a state its leader wants to act ("Ruto wants Kenya to send ...":
    his own state's aim)."""
    done = next((c for c in want.children if c.dep_ in ("ccomp", "xcomp")), None)
    wanted = [c for c in want.children if c.dep_ == "dobj"]
    if done is not None:
        wanted += [c for c in done.children if c.dep_ == "nsubj"]
    wanter = ctx.subject_of(want)
    who = ctx.index.get(wanter.i) if wanter is not None else None
    person = who is not None and who.label == "PERSON"
    return any(
        ((m := ctx.index.get(w.i)) is not None and not (person and m.label == "PLACE"))
        or w.lower_ in words("addressed_bodies") | words("addressed_groups")
        for w in wanted
    )
