"""Corrections to the model's part-of-speech tags that the rules depend on."""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules.lexicon import agreement_nouns, words
from .extensions import tokens


def retag_signing_verbs(doc: Doc) -> None:
    """Tag as a verb a signing verb right before an agreement noun that the tagger took
    for a noun, as happens with the headline-style present after a long subject: "X and
    The National Police of Ukraine sign Memorandum of Cooperation" ("The ... sign" read
    as a noun phrase). Only a determiner or adjectives may stand between. The parse is
    left as it is: the verb's parties are then the bodies named left of it."""
    toks = tokens(doc)
    for noun in toks:
        if noun.lower_ not in agreement_nouns():
            continue
        i = noun.i - 1
        while i >= 0 and toks[i].pos_ in ("DET", "ADJ") and noun.i - i <= 3:
            i -= 1
        if i < 1 or toks[i].pos_ not in ("NOUN", "PROPN") or toks[i].is_title:
            continue
        verb = toks[i]
        if verb.lemma_ in words("signing_verbs") and verb.lower_ != "signing":
            verb.pos_, verb.tag_ = "VERB", "VBZ" if verb.lower_.endswith("s") else "VBP"
