"""When and where: the agreement's date and place from its sentence ("signed in X"),
else the dateline, else the lead of an event report; a future signing takes the
signing ceremony's date; networks launched in several places are one row each."""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from ..nlp.payloads import Agreement, Mention
from ..rules.lexicon import agreement_nouns, words
from .attachment import at_the_event, attached_to, ends_the_name, visit_destination
from .context import DocContext
from .datelines import dated_another_month, dateline, dateline_text
from .detect import reporting_verb
from .documents import signed_again
from .parties import LEAD_SENTENCES
from .relative_days import is_signing_verb, relative_day
from .venues import meeting_place_and_date

RECALLED = "verb.recently_signed"  # "the recently signed pact": made before the report


def date_and_place(ctx: DocContext, agreement: Agreement, verb: Token, index: int) -> None:
    sentence = agreement.sentence
    dates = [
        d
        for d in ctx.in_sentence(sentence, "DATE")
        if not dates_another(ctx, d, agreement.noun) and not dates_a_clause(ctx, d, verb)
    ]
    places = [m for m in ctx.in_sentence(sentence, "PLACE") if not ctx.inside_label(m, "ORG")]
    attached = [m for m in places if attached_to(ctx, m, (verb, agreement.noun))]
    attached += [
        m for m in places if m not in attached and ends_the_name(ctx, m, agreement.noun, dates)
    ]
    attached += [m for m in places if m not in attached and at_the_event(ctx, m, verb)]
    attached += [m for m in places if m not in attached and visit_destination(ctx, m, verb)]
    dateline_places, dateline_dates = dateline(ctx)
    if agreement.status == "to_be_signed" or agreement.recalled:
        dateline_places = []  # the dateline places and dates the announcement, not the signing
        dates, dateline_dates = [d for d in dates if d not in dateline_dates], []
    from_lead = parties_from_lead(ctx, agreement)
    stated_place = signing_date(ctx, agreement, verb, index, dates, dateline_dates, from_lead)
    if dated_another_month(ctx, agreement, dateline_dates):
        dateline_places = []  # the town the report was filed in
    if stated_place is not None and not attached:
        attached = [stated_place]
    signing_place(ctx, agreement, attached, dateline_places, from_lead)
    if agreement.date is None or agreement.place is None:
        from_context(ctx, agreement, index)
    if agreement.place is None:
        agreement.place = headline_place(ctx)
        agreement.place_source = "headline" if agreement.place is not None else None
    meeting_place_and_date(ctx, agreement, index)
    if agreement.date is None and agreement.status != "to_be_signed":
        agreement.date = relative_day(ctx, sentence, ctx.doc._.accords_published)
    if agreement.place is not None:
        agreement.place_name = agreement.place.norm
        agreement.country_code = agreement.place.country_code
        if not attached and len(dateline_places) > 1 and agreement.place in dateline_places:
            agreement.place_name = dateline_text(ctx)  # "Geneva/Brussels", verbatim


def signing_date(
    ctx: DocContext,
    agreement: Agreement,
    verb: Token,
    index: int,
    dates: list[Mention],
    dateline_dates: list[Mention],
    from_lead: bool,
) -> Mention | None:
    """Set the agreement's date; the place a sentence stating the signing names, if any."""
    if agreement.status == "to_be_signed" and not dates:
        # no date of its own: "The signing ceremony will take place on ..." in a sentence near
        dates = ceremony_dates(ctx, index) or dates
    # the dateline may open the agreement's sentence; a date of its own comes first, then
    # a day the sentence names ("signed ... on Tuesday"), then the dateline's
    own_dates = [d for d in dates if d not in dateline_dates]
    if not own_dates and agreement.status != "to_be_signed":
        release = dateline_dates[0].value if dateline_dates else ctx.doc._.accords_published
        named_day = relative_day(ctx, agreement.sentence, release)
        dates = [named_day] if named_day else dates
    dates = own_dates or dates
    on_date = [d for d in dates if attached_to(ctx, d, (verb, agreement.noun), ("on",))]
    stated_date, stated_place = signing_stated(ctx, agreement) if not on_date else (None, None)
    if stated_date is not None:
        dates = [stated_date]  # "marks the anniversary of the signing": not that day's date
    agreement.date = dates[0] if dates else next(iter(dateline_dates), None)
    if agreement.date is None and from_lead:
        lead_dates = [
            m
            for s in ctx.sentences[:LEAD_SENTENCES]
            for m in ctx.in_sentence(s, "DATE")
            if not dates_another(ctx, m, agreement.noun)
        ]
        agreement.date = lead_dates[0] if lead_dates else None
    return stated_place


def signing_place(
    ctx: DocContext,
    agreement: Agreement,
    attached: list[Mention],
    dateline_places: list[Mention],
    from_lead: bool,
) -> None:
    """The place the sentence attaches to the act, else the dateline's, else (for sides
    guessed from the lead) a place the lead names that is not a side."""
    if attached:
        agreement.place, agreement.place_source = attached[0], "sentence"
    elif dateline_places:
        agreement.place, agreement.place_source = dateline_places[0], "dateline"
    elif from_lead:
        sides = {p.entity_id for p in agreement.parties}  # "The UAE and Bangladesh signed"
        lead_places = [
            m
            for s in ctx.sentences[1:LEAD_SENTENCES]
            for m in ctx.in_sentence(s, "PLACE")
            if m.entity_id not in sides
        ]
        agreement.place = lead_places[0] if lead_places else None
        agreement.place_source = "lead"


def headline_place(ctx: DocContext) -> Mention | None:
    """Where the headline says the signing was: "Document signed in Britain to protect
    ...", "IOM and Ghana sign MoU in Accra"."""
    for index, kind in enumerate(ctx.kinds):
        if kind != "title":
            break
        sentence = ctx.sentences[index]
        heads = tuple(t for t in sentence if is_signing_verb(t))
        for m in ctx.in_sentence(sentence, "PLACE"):
            if heads and not m.nested and attached_to(ctx, m, heads):
                return m
    return None


def dates_another(ctx: DocContext, date: Mention, noun: Token) -> bool:
    """The date modifies another agreement noun of the sentence: "The agreement, signed
    in Addis Ababa, follows an earlier 1996 agreement" dates the earlier one only."""
    head = ctx.span(date).root.head
    return head.i != noun.i and head.lower_ in agreement_nouns() and head.pos_ == "NOUN"


def dates_a_clause(ctx: DocContext, date: Mention, verb: Token) -> bool:
    """The date belongs to another verb's clause after the signing verb: "endorsed the
    Declaration submitted by the officials' meeting, also held in Da Nang on 1 August"
    dates the meeting."""
    for ancestor in ctx.span(date).root.ancestors:
        if ancestor == verb:
            return False
        if ancestor.pos_ != "VERB" or ancestor.i < verb.i:
            continue
        clause = ancestor.dep_ in ("acl", "relcl")
        event = ancestor.dep_ in ("advcl", "dep", "conj") and ancestor.lemma_ in words(
            "logistics_verbs"
        )
        if clause or event:  # "..., also held in Da Nang on 1 August"
            return verb in ancestor.ancestors
    return False


STATED_REACH = 14  # tokens after "the signing of X" in which its date and place stand


def signing_stated(ctx: DocContext, agreement: Agreement) -> tuple[Mention | None, Mention | None]:
    """The date and place of a sentence that names the signing of this agreement with
    them, such as a photo caption: "... at the signing of the KDMECC on 29 July 2022 in
    Kampala". The agreement is named by its noun or by a name or acronym its own
    sentence gives."""
    for target, date, place in ceremonies(ctx):
        if target is None or names_agreement(target, agreement):
            return date, place
    return None, None


def ceremonies(ctx: DocContext) -> list[tuple[Token | None, Mention | None, Mention | None]]:
    """Each signing ceremony the text dates or places: (what it is the signing of, or
    None for "the signing ceremony held at ...", its date, its place). Found once per
    document: every agreement of a long release looks them up."""
    found = getattr(ctx, "_ceremonies", None)
    if found is not None:
        return found
    found = []
    for sentence in ctx.sentences:
        lowered = sentence.text.casefold()
        if not any(word in lowered for word in words("ceremony_words")):
            continue  # most sentences: no need to walk their tokens
        for token in sentence:
            if not is_ceremony(token) or token.pos_ != "NOUN":
                continue
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            # "At the signing ceremony held at the main office in Mandaluyong City": the
            # signing the report is about
            the = of is None and any(c.lower_ == "the" for c in token.children)
            if not the and target is None:
                continue
            window = (token.idx, ctx.doc[min(token.i + STATED_REACH, sentence.end - 1)].idx)
            date = after_word(ctx, sentence, "DATE", window, "on")
            place = after_word(ctx, sentence, "PLACE", window, "in")
            if date is not None or place is not None:
                found.append((None if the else target, date, place))
    ctx._ceremonies = found  # type: ignore[attr-defined]
    return found


def names_agreement(token: Token, agreement: Agreement) -> bool:
    if token.lemma_.casefold() == agreement.noun.lemma_.casefold():
        return True
    named = token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper()  # "the KDMECC"
    return named and token.text in agreement.sentence.text


def after_word(
    ctx: DocContext, sentence: Span, label: str, window: tuple[int, int], word: str
) -> Mention | None:
    """The first mention of ``label`` in ``window`` right after ``word``."""
    for m in ctx.in_sentence(sentence, label):
        if window[0] <= m.start <= window[1] and not m.nested:
            before = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if before is not None and before.start and ctx.doc[before.start - 1].lower_ == word:
                return m
    return None


SIGNING_CONTEXT = 2  # earlier sentences that may tell when and where the signing was


def from_context(ctx: DocContext, agreement: Agreement, index: int) -> None:
    """When and where the text says the signing took place in another sentence: an
    earlier one reporting signings ("On 15 April, documents were signed in Tashkent.
    The agreement on ... was signed by ..."), else a later one about the ceremony ("The
    signing in Minsk ...")."""
    earlier = [
        ctx.sentences[i]
        for i in range(index - 1, max(0, index - SIGNING_CONTEXT) - 1, -1)
        if ctx.kinds[i] != "title" and any(is_signing_verb(t) for t in ctx.sentences[i])
    ]
    ceremonies = ctx.sentences_with("ceremony", is_ceremony)
    later = [ctx.sentences[n] for n in ceremonies[bisect.bisect_right(ceremonies, index) :]]
    again = signed_again(ctx, index, SIGNING_CONTEXT)
    later = again + [s for s in later if s not in again]
    for sentence in earlier + later:
        if agreement.date is not None and agreement.place is not None:
            break  # both found: the later sentences would set nothing
        heads = tuple(t for t in sentence if is_signing_verb(t) or is_ceremony(t))
        if agreement.date is None and sentence in earlier:
            dates = ctx.in_sentence(sentence, "DATE")
            agreement.date = dates[0] if dates else None
        elif agreement.date is None and sentence in again:  # "signed on 5 May 2021", its own
            dates = [
                d
                for d in ctx.in_sentence(sentence, "DATE")
                if attached_to(ctx, d, heads, ("on", "in"))
            ]
            agreement.date = dates[0] if dates else None
        if agreement.place is None:
            places = [
                m
                for m in ctx.in_sentence(sentence, "PLACE")
                if not m.nested
                and (attached_to(ctx, m, heads) or (sentence in later and after_in(ctx, m)))
            ]
            if places:
                agreement.place, agreement.place_source = places[0], "context"


CEREMONY_REACH = 3  # tokens between a ceremony word and the "in" of its place


def after_in(ctx: DocContext, place: Mention) -> bool:
    """ "Speaking at the signing in New York": "in" or "at" right after a ceremony word
    gives where it took place, whatever the parse hangs the place on."""
    token = ctx.span(place).root
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at"):
        return False
    prep = token.head
    before = ctx.doc[max(0, prep.i - CEREMONY_REACH) : prep.i]
    return any(is_ceremony(t) for t in before)


def is_ceremony(token: Token) -> bool:
    return token.lower_ in words("ceremony_words")


def ceremony_dates(ctx: DocContext, index: int) -> list[Mention]:
    """Dates of a later sentence about the signing ("The signing ceremony will take
    place in Lusaka on 10 July 2023")."""
    for s in ctx.sentences[index + 1 :]:
        if any(t.lower_ in words("ceremony_words") for t in s):
            dates = ctx.in_sentence(s, "DATE")
            if dates:
                return dates
    return []


def parties_from_lead(ctx: DocContext, agreement: Agreement) -> bool:
    sentence_orgs = {
        m.entity_id
        for label in ("ORG", "PLACE")  # countries sign too
        for m in ctx.in_sentence(agreement.sentence, label)
    }
    titles = [s for s, kind in zip(ctx.sentences, ctx.kinds, strict=True) if kind == "title"]
    in_title = bool(titles) and all(  # the headline named the sides, not the lead
        titles[0].start_char <= p.start < titles[0].end_char for p in agreement.parties
    )
    return (
        bool(agreement.parties)
        and not in_title
        and not any(p.entity_id in sentence_orgs for p in agreement.parties)
    )


def split_by_place(ctx: DocContext, agreement: Agreement) -> list[Agreement]:
    """ "UN agencies in Kyrgyzstan and Kosovo launched their networks": one each."""
    noun = agreement.noun
    verb = reporting_verb(noun)
    if noun.tag_ not in ("NNS", "NNPS") or verb is None:
        return [agreement]
    in_places = subject_places(ctx, verb)
    if len(in_places) < 2:
        return [agreement]
    dateline_places, _ = dateline(ctx)
    out = []
    for place in in_places:
        copy = Agreement(**{**agreement.__dict__, "commitments": []})
        local = [
            d for d in dateline_places if d.country_code and d.country_code == place.country_code
        ]
        chosen = local[0] if local else place
        copy.place, copy.place_name, copy.country_code = chosen, chosen.norm, chosen.country_code
        copy.place_source = "split"
        copy.name = f"{agreement.name} ({place.norm})" if agreement.name else None
        out.append(copy)
    return out


def subject_places(ctx: DocContext, verb: Token) -> list[Mention]:
    """Places of "in X and Y" inside the verb's subject."""
    subject = ctx.subject_of(verb)
    if subject is None:
        return []
    found = []
    for t in subject.subtree:
        if t.dep_ == "prep" and t.lower_ == "in":
            for pobj in (c for c in t.children if c.dep_ == "pobj"):
                for head in [pobj, *pobj.conjuncts]:
                    m = next(
                        (
                            m
                            for m in ctx.mentions
                            if m.label == "PLACE" and m.start <= head.idx < m.end
                        ),
                        None,
                    )
                    if m is not None:
                        found.append(m)
    return found
