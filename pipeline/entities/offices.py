"""Offices and organs of a gazetteer body merged onto it: "IOM Ukraine", "IOM Regional
Office in Vienna", "Regional Office of the IOM in Vienna", "the ASEAN Secretariat" are one
ORG mention of the body, with the office recorded (``office``) and the places in its name
kept as their own rows."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp import places
from ..nlp.payloads import Mention
from ..rules.lexicon import un_system, words
from .mentions import MentionSet
from .spans import crosses_line

LEFT_STOP = ("the", "and", "of", "on", "in", "at", "by")


def merge_offices(found: MentionSet) -> None:
    doc = found.doc
    for mention in list(found.mentions):
        if mention.entity_key is None:
            continue
        span = doc.char_span(mention.start, mention.end)
        if span is None:
            continue
        start, end, office_tokens = span.start, span.end, office_right(doc, span.end)
        if office_tokens:
            end = office_tokens[-1].i + 1
        left = office_left(doc, start)
        if left is not None:
            office_tokens = list(doc[left:start]) + office_tokens
            start = left
            end = extend_location(doc, end)
        elif office_tokens and office_tokens[-1].lower_ in words("envoy_offices"):
            end = extend_location(doc, end, ("to",))  # "the EU Delegation to Jordan"
        if (start, end) == (span.start, span.end):
            continue
        merged_span = doc[start:end]
        if crosses_line(merged_span):
            continue
        merge(found, mention, merged_span, office_tokens)


def bracketed(doc: Doc, start: int, end: int) -> bool:
    """The body's acronym given in brackets: "(IOM)"."""
    return start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


def offices_after_brackets(found: MentionSet) -> None:
    """ "the International Organization for Migration (IOM) Ghana": the country after a
    gazetteer body's bracketed acronym names its office, as in "IOM Ghana"; the place
    stays a mention of its own, nested in the office: no side of what the office does."""
    doc = found.doc
    for mention in [m for m in found.mentions if m.entity_key is not None and m.label == "ORG"]:
        span = doc.char_span(mention.start, mention.end)
        if span is None or not bracketed(doc, span.start, span.end):
            continue
        office = office_right(doc, span.end + 1)
        if not office or not all(is_place_token(t) for t in office):
            continue
        mention.office = " ".join(t.text for t in office)
        first, last = office[0].idx, office[-1].idx + len(office[-1].text)
        for m in found.mentions:
            if m.label == "PLACE" and first <= m.start and m.end <= last:
                m.nested = True


def is_place_token(token: Token) -> bool:
    """A place an office is named for: one the model sees, or a country ("Summit" is a
    town too, but "ASEAN Summit" is no office)."""
    if token.lower_ in words("event_nouns"):
        return False
    return token.ent_type_ in ("GPE", "LOC") or places.is_country(token.text)


def office_right(doc: Doc, end: int) -> list[Token]:
    """An office after the body: a place ("IOM Ukraine") or an office name ("WHO Regional
    Office for Europe"), with a following "in X"."""
    j = end
    while (
        j < len(doc)
        and doc[j].is_title
        and doc[j].lower_ not in ("and", "the")
        and (is_place_token(doc[j]) or doc[j].lower_ in words("office_words"))
    ):
        j += 1
    named = j > end and doc[j - 1].lower_ in words("office_nouns")
    if j == end or not (is_place_token(doc[j - 1]) or named):
        return []
    if named:
        j = extend_location(doc, j)
    return list(doc[end:j])


def office_left(doc: Doc, start: int) -> int | None:
    """Where an office before "of [the] BODY" starts: "[the] Regional Office [in X | for
    X] of [the] IOM"; None without one."""
    i = start
    if i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of":
        i -= 2
    elif i >= 1 and doc[i - 1].lower_ == "of":
        i -= 1
    if i == start:
        return None
    k = i
    m = k - 1  # skip an optional "in Vienna" / "for Europe" between office and "of"
    while m >= 0 and m > k - 4 and doc[m].is_title:
        m -= 1
    if m >= 0 and doc[m].lower_ in ("in", "for") and m < k - 1:
        k = m
    if k < 1 or doc[k - 1].lower_ not in words("office_nouns"):
        return None
    if k >= 3 and doc[k - 2].lower_ == "of" and doc[k - 3].lower_ in words("role_heads"):
        return None  # "Chief of Mission of IOM", "Head of Office of UNHCR": a role
    left = k - 1
    while (
        left >= 1
        and doc[left - 1].is_title
        and doc[left - 1].lower_ not in LEFT_STOP
        and not doc[left - 1].is_sent_start
    ):
        left -= 1
    if (
        left >= 1
        and doc[left - 1].is_title
        and doc[left - 1].is_sent_start
        and doc[left - 1].lower_ != "the"
    ):
        left -= 1
    return left


def extend_location(doc: Doc, end: int, linking: tuple[str, ...] = ("in", "for")) -> int:
    """Include a following "in Vienna" / "for Europe" (or, for an envoy's office, "to
    Jordan")."""
    if end + 1 < len(doc) and doc[end].lower_ in linking and is_location(doc[end + 1]):
        j = end + 1
        while j < len(doc) and is_location(doc[j]):
            j += 1
        return j
    return end


def is_location(token: Token) -> bool:
    """A word of a place the model sees, or of one the gazetteer knows ("Vienna",
    "Europe") where the model's label is another."""
    seen = token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ != "O"
    return seen or (token.is_title and places.names_a_place(token.text))


def merge(found: MentionSet, mention: Mention, new: Span, office_tokens: list[Token]) -> None:
    """Replace ``mention`` and whatever overlaps ``new`` by one office mention."""
    found.mentions.remove(mention)
    office = (
        " ".join(t.text for t in office_tokens if t.lower_ not in ("of", "the")).strip() or None
    )
    start, end = new.start_char, new.end_char
    found.mentions = [m for m in found.mentions if not (m.start < end and start < m.end)]
    found.mentions.append(
        Mention(
            new.start_char,
            new.end_char,
            "ORG",
            "office." + mention.source,
            entity_key=mention.entity_key,
            canonical=mention.canonical,
            office=office,
        )
    )
    add_nested_places(found, new)


def add_nested_places(found: MentionSet, new: Span) -> None:
    """The regions and countries named in an office ("IOM Regional Office for West and
    Central Africa") as places of their own."""
    regions = [ent for ent in found.regions if new.start <= ent.start < new.end]
    for ent in regions:
        found.mentions.append(
            Mention(ent.start_char, ent.end_char, "PLACE", ent.ent_id_, nested=True)
        )
    for token in new:
        if any(ent.start <= token.i < ent.end for ent in regions):
            continue
        known = places.country_code(token.text) is not None  # a country or a city
        continent = places.key(token.text) in places.region_names()  # "for Europe"
        located = token.i > new.start and token.nbor(-1).lower_ in ("in", "for")  # "in Vienna"
        seen = places.is_country(token.text) or token.ent_type_ in ("GPE", "LOC") or located
        if (
            token.is_title
            and token.lower_ not in words("direction_words")  # "Central" is a town too
            and (seen or continent)
            and (known or continent)
        ):
            found.mentions.append(
                Mention(
                    token.idx, token.idx + len(token.text), "PLACE", "office.place", nested=True
                )
            )


MAX_ORGAN_GAP = 2  # "UN SRSG Migration & Development": an initialism between


def join_un_organs(found: MentionSet) -> None:
    """ "UN Higher Commission for Refugees", "UN SRSG Migration & Development": the United
    Nations followed on the same line by a body's name the model found on its own is one
    organ of it, not the United Nations as a second body."""
    doc = found.doc
    for un in [m for m in found.mentions if m.entity_key == "un" and m.label == "ORG"]:
        span = doc.char_span(un.start, un.end)
        if span is None:
            continue
        gap = 0
        while (
            gap < MAX_ORGAN_GAP
            and span.end + gap < len(doc)
            and doc[span.end + gap].is_upper
            and len(doc[span.end + gap]) > 1
            and not found.taken(doc[span.end + gap].idx, doc[span.end + gap].idx + 1)
        ):
            gap += 1
        at = doc[span.end + gap].idx if span.end + gap < len(doc) else -1
        organ = next(
            (m for m in found.mentions if m.start == at and m.label == "ORG" and m is not un),
            None,
        )
        if organ is not None and organ.entity_key is not None:
            continue
        end = organ.end if organ is not None else titled_organ_end(found, span.end)
        if end is None:
            continue
        joined = doc.char_span(un.start, end)
        if joined is None or crosses_line(joined):
            continue
        found.mentions = [m for m in found.mentions if m is not un and m is not organ]
        source = "un_organ." + (organ.source if organ is not None else "titled")
        found.mentions.append(Mention(un.start, end, "ORG", source))


ORGAN_LINKS = ("of", "for", "on", "and", "’s", "'s")


def titled_organ_end(found: MentionSet, start: int) -> int | None:
    """ "the United Nations Capital Development Fund", "United Nations Children’s Fund":
    capitalised words after the UN that the model left unlabelled, up to the last body
    noun among them ("Fund", "University", "Department"), and on after it only through
    "of", "for" or "on" ("Development Fund for Women"), end its organ's name. None where
    a role or a verb comes first ("United Nations Resident Representative", "UN Chief
    Calls For ..."): a post, or a headline; a role after the body noun ends it ("Fund
    Executive Secretary X")."""
    doc, end, i = found.doc, None, start
    heads, roles = words("org_heads") - words("not_organ_heads"), words("role_heads")
    linked_on = False  # past the body noun through "of" / "for" / "on"
    while i < len(doc) and not found.taken(doc[i].idx, doc[i].idx + len(doc[i])):
        token = doc[i]
        link = token.lower_ in ORGAN_LINKS and i > start
        if link and i + 1 < len(doc) and doc[i + 1].is_title:
            linked_on = end is not None and token.lower_ in ("of", "for", "on")
            i += 1
            continue
        if not token.is_title or token.lower_ in roles or token.pos_ in ("VERB", "AUX"):
            break
        if token.lower_ in heads or linked_on:
            end = token.idx + len(token)
        if not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].is_punct:
            break  # "Fund," / "Fund (UNICEF)": the name ends here
        i += 1
    return end


AGENCIES_NAMED = 2  # bodies of the UN system other than the UN itself


def mark_un_descriptors(found: MentionSet) -> None:
    """ "UN agencies join forces", "two United Nations humanitarian agencies signed": the
    UN names the agencies that the same sentence or the next names (UNODC and UNHCR), not
    a body of its own; such a mention stays an entity but is no party or actor
    (``nested``). "UN agencies in Kyrgyzstan launched their network" names none and stays
    the party."""
    doc, agencies = found.doc, words("agency_nouns")
    system = {key for key in un_system() if key != "un" and not key.startswith("un_network")}
    for m in found.mentions:
        if m.entity_key != "un" or m.nested:
            continue
        last = found.span(m)[-1]
        if not (
            last.lower_ in agencies
            or (
                last.dep_ in ("compound", "nmod", "amod")
                and last.head.i > last.i
                and last.head.lower_ in agencies
            )
        ):
            continue
        sentence = last.sent
        end = doc[sentence.end].sent.end_char if sentence.end < len(doc) else sentence.end_char
        named = {
            b.entity_key
            for b in found.mentions
            if b.entity_key in system and b.label == "ORG" and m.end <= b.start < end
        }
        m.nested = len(named) >= AGENCIES_NAMED


UN_COLLECTIVES = ("family", "system", "team", "country")


def drop_modifying_acronyms(found: MentionSet) -> None:
    """ "UN vehicles", "the UN Migration Week", "the UN Guiding Principles": "UN" only
    modifying a noun after it, which is no body, names no body here."""
    orgs = [m for m in found.mentions if m.label == "ORG"]
    dropped = []
    for m in orgs:
        span = found.span(m)
        if m.entity_key != "un" or len(span) != 1 or m.nested:
            continue
        token = span[0]
        head = token.head
        if token.dep_ not in ("compound", "nmod", "amod") or head.i <= token.i:
            continue
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in words("org_heads"):
            continue
        if head.lower_ in words("role_words") or head.lower_ in words("role_heads"):
            continue  # "the UN Resident Coordinator": the UN is where the person serves
        if head.lower_ in UN_COLLECTIVES:
            continue  # "the UN family in Ghana signed": the UN as a whole
        if head.lower_ in words("agency_nouns") or any(
            o.start <= head.idx < o.end for o in orgs if o is not m
        ):
            continue
        dropped.append(m)
    for m in dropped:
        found.mentions.remove(m)
