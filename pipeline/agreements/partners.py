"""Several bilateral acts in one sentence: "The UAE signed Memorandums of Understanding with
Nepal, Pakistan and Vietnam" reports three memoranda, each between the UAE and one of
them, not one act of four parties."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp.payloads import Agreement
from ..rules.lexicon import agreement_nouns
from .context import DocContext
from .detect import reporting_verb
from .headline import first_act, headline_partners, headline_sides
from .parties import with_parties

PLURAL_TAGS = ("NNS", "NNPS")
IRREGULAR_PLURALS = ("memoranda",)
SPLIT_SOURCE = "partner_split"


def split_by_partner(ctx: DocContext, agreement: Agreement) -> list[Agreement]:
    """One agreement per partner of a plural act signed by one side "with" several:
    the other parties (the signing side) and that partner; a signer who stands for another partner
    leaves. Anything else stays as it is."""
    noun = agreement.noun
    verb = reporting_verb(noun)
    if not plural(noun) or verb is None:
        return [agreement]
    partners = with_parties(ctx, verb, noun) if verb.pos_ == "VERB" else []
    if len(partners) < 2 and first_act(ctx, noun):
        # "EU signs agreements with A and B" over "The EU signed two agreements": the
        # headline gave the first act all its sides
        named = {m.entity_id for m in headline_partners(ctx)}
        headline = {m.entity_id for m in headline_sides(ctx)}
        if named and named <= {m.entity_id for m in agreement.parties} <= headline:
            partners = [m for m in agreement.parties if m.entity_id in named]
    sides = [m for m in agreement.parties if m not in partners]
    if len(partners) < 2 or not sides:
        return [agreement]
    out = []
    for partner in partners:
        copy = Agreement(**{**agreement.__dict__, "commitments": []})
        copy.parties = [*sides, partner]
        copy.partners = [ctx.text[m.start : m.end] for m in partners if m is not partner]
        copy.partners += [m.norm for m in partners if m is not partner and m.norm]
        copy.signatories = [s for s in agreement.signatories if not stands_for(s, copy)]
        copy.name = f"{agreement.name} ({partner.norm})" if agreement.name else None
        copy.rule_id = f"{agreement.rule_id}+{SPLIT_SOURCE}"
        out.append(copy)
    return out


def plural(noun: Token) -> bool:
    """ "agreements", "MoUs", "memoranda" (which the tagger may take for a singular)."""
    text = noun.text
    return (
        noun.tag_ in PLURAL_TAGS
        or noun.morph.get("Number", []) == ["Plur"]
        or noun.lower_ in IRREGULAR_PLURALS
        or (text.endswith("s") and text[:-1].casefold() in agreement_nouns())
    )


def stands_for(signatory: dict, copy: Agreement) -> bool:
    """The signer's organisation or role names a partner of another copy."""
    text = " ".join(str(signatory.get(k) or "") for k in ("org", "role"))
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in copy.partners)


def add_to_copies(later: Agreement, twin: Agreement, merged: list[Agreement]) -> bool:
    """A later report of a split act ("The agreements were signed by ...") gives each copy
    its own signers, and no other party; False if the report names a party none of the
    copies has (another act, "... also signed an MoU with India")."""
    copies = [b for b in merged if b.noun.i == twin.noun.i and b.partners]
    sides = {m.entity_id for b in copies for m in b.parties}
    if not {m.entity_id for m in later.parties} <= sides:
        return False  # "... also signed a memorandum with India": another act
    for copy in copies:
        names = {s["name"] for s in copy.signatories}
        copy.signatories += [
            s for s in later.signatories if s["name"] not in names and not stands_for(s, copy)
        ]
        copy.date = copy.date or later.date
    return True


def split_apart(a: Agreement, b: Agreement) -> bool:
    """Two copies of one sentence's plural act (``split_by_partner``) are two acts."""
    return a.noun.i == b.noun.i and party_ids(a) != party_ids(b)


def party_ids(agreement: Agreement) -> set[str]:
    return {m.entity_id or m.norm or "" for m in agreement.parties}
