"""One agreement reported in several sentences becomes one row."""

from __future__ import annotations

from ..nlp.payloads import Agreement
from ..rules.lexicon import words
from .context import is_government, without_state_bodies
from .partners import add_to_copies, split_apart

BACK_REFERENCE_DETERMINERS = ("the", "this", "that")


def merge(found: list[Agreement], named: dict[int, str] | None = None) -> list[Agreement]:
    """A later report of the same type, place and a shared party, or of the same named
    body (a network: ``named`` gives the entity a noun is part of), or a definite
    back-reference ("The agreement was signed by ...") to the last one, adds to the
    agreement already found."""
    named = named or {}
    merged: list[Agreement] = []
    for a in found:
        twin = next((b for b in merged if same_act(a, b) or same_body(a, b, named)), None)
        if twin is None and is_back_reference(a):
            current = [b for b in merged if not is_earlier(b)]
            twin = current[-1] if current else None
        if twin is None:
            merged.append(a)
            continue
        if twin.partners:  # a copy of a split act: its signers, or another act
            if not add_to_copies(a, twin, merged):
                merged.append(a)
            continue
        names = {s["name"] for s in twin.signatories}
        twin.signatories += [s for s in a.signatories if s["name"] not in names]
        twin.party_countries = {**a.party_countries, **twin.party_countries}
        if not a.parties_guessed:
            twin.parties = without_state_bodies(twin.parties + a.parties)
        twin.date = twin.date or a.date
        stated = a.place_source == "sentence" and twin.place_source in ("dateline", "lead")
        if a.place is not None and (twin.place is None or stated):  # "signed ... in X" wins
            twin.place, twin.place_name, twin.country_code = a.place, a.place_name, a.country_code
            twin.place_source = a.place_source
    return merged


def earlier_between_the_same(merged: list[Agreement]) -> list[Agreement]:
    """ "IOM signed an agreement with Ethiopia ... which follows an earlier 1996
    agreement": an earlier agreement that names no other party than the current one's
    is taken to bind the same parties."""
    for index, a in enumerate(merged):
        if not is_earlier(a):
            continue
        current = [b for b in merged[:index] if not is_earlier(b)]
        if not current:
            continue
        ids = {p.entity_id for p in current[-1].parties}
        if {p.entity_id for p in a.parties} <= ids:
            a.parties = list(current[-1].parties)
    return merged


def same_act(a: Agreement, b: Agreement) -> bool:
    """Same type, compatible place and date, a shared side. A place only one of the two
    reports give is compatible with none (a photo caption, a later sentence that says
    who signed); one that tells several agreements apart ("in Kyrgyzstan and Kosovo")
    is not."""
    return (
        b.type == a.type
        and not split_apart(a, b)
        and is_earlier(a) == is_earlier(b)  # "follows an earlier 1996 agreement": two acts
        and compatible_places(a, b)
        and not (a.date and b.date and a.date.norm != b.date.norm)
        and not named_apart(a, b)
        and bool(sides(a) & sides(b))
    )


def named_apart(a: Agreement, b: Agreement) -> bool:
    """Two acts each named by words of its own, none shared ("a readmission agreement" and
    "a visa facilitation agreement" between the same sides): two acts. The sides' own names
    name no act ("the EU-Moldova agreement" is the readmission agreement told again)."""
    sides_words = {w.casefold() for p in a.parties + b.parties for w in (p.norm or "").split()}
    wa, wb = name_words(a) - sides_words, name_words(b) - sides_words
    return bool(wa) and bool(wb) and wa.isdisjoint(wb)


def name_words(agreement: Agreement) -> set[str]:
    """The words of the act's name and of the noun's modifiers ("visa facilitation"), but
    those any agreement may have ("joint", "bilateral", "new")."""
    generic = words("generic_name_words")
    found = {w.strip("()“”\"',.") for w in (agreement.name or "").casefold().split()}
    for left in agreement.noun.lefts:
        if left.dep_ in ("compound", "amod", "nmod"):
            found |= {t.lower_ for t in left.subtree if t.is_alpha}
    return {
        w
        for w in found
        if len(w) > 2 and w.isalpha() and w not in generic and w not in words("name_modifiers")
    }


def sides(agreement: Agreement) -> set[str | None]:
    """The parties' ids, and each government's state: "the Government of RK" and
    "Kazakhstan" are one side (a ministry or an agency is not: its own act with its
    counterpart is another act)."""
    ids: set[str | None] = {p.entity_id for p in agreement.parties if p.entity_id}
    states = {
        p.country_code
        for p in agreement.parties
        if p.label == "ORG" and p.country_code and not p.country_guessed and is_government(p)
    }
    return ids | {f"country:{code}" for code in states}


def same_body(a: Agreement, b: Agreement, named: dict[int, str]) -> bool:
    """ "UN Network on Migration Established ..." (a caption) and "established a
    dedicated United Nations Network on Migration": one body named twice."""
    entity = named.get(a.noun.i)
    return (
        a.type == b.type
        and entity is not None
        and entity == named.get(b.noun.i)
        and a.noun.i != b.noun.i  # the copies of one report split by place stay apart
        and compatible_places(a, b)
    )


def is_earlier(agreement: Agreement) -> bool:
    return agreement.rule_id.endswith("+verb.earlier_dated")


def compatible_places(a: Agreement, b: Agreement) -> bool:
    if a.place_name == b.place_name:
        return True
    known = b if a.place_name is None else a if b.place_name is None else None
    return known is not None and known.place_source != "split"


def is_back_reference(agreement: Agreement) -> bool:
    """ "the agreement", "this MoU": a definite agreement noun with no name of its own."""
    noun = agreement.noun
    definite = any(
        c.dep_ == "det" and c.lower_ in BACK_REFERENCE_DETERMINERS for c in noun.children
    )
    another = any(c.lower_ in words("earlier_one") for c in noun.children)  # "the first ..."
    return definite and unnamed(agreement) and not another


def unnamed(agreement: Agreement) -> bool:
    """ "the agreement", "a new agreement", "the memorandum of agreement": no name of its
    own."""
    name = (agreement.name or "").casefold()
    generic = words("generic_name_words")
    return not name or name == agreement.noun.lower_ or set(name.split()) <= generic
