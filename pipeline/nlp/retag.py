"""Corrections to the model's part-of-speech tags that the rules depend on."""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules.lexicon import agreement_nouns, words


def retag_signing_verbs(doc: Doc) -> None:
    """Tag as a verb a signing verb right before an agreement noun that the tagger took
    for a noun, as happens with the headline-style present after a long subject: "X and
    The National Police of Ukraine sign Memorandum of Cooperation" ("The ... sign" read
    as a noun phrase). Only a determiner or adjectives may stand between. The parse is
    left as it is: the verb's parties are then the bodies named left of it."""
    for noun in doc:
        if noun.lower_ not in agreement_nouns():
            continue
        i = noun.i - 1
        while i >= 0 and doc[i].pos_ in ("DET", "ADJ") and noun.i - i <= 3:
            i -= 1
        if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].is_title:
            continue
        if doc[i].lemma_ in words("signing_verbs") and doc[i].lower_ != "signing":
            doc[i].pos_, doc[i].tag_ = "VERB", "VBZ" if doc[i].lower_.endswith("s") else "VBP"
