"""Corrections to the model's part-of-speech tags and arcs that the rules depend on."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..rules.lexicon import agreement_nouns, words
from .extensions import doc_text, tokens
from .text import dateline_span


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


NAME_DEPS = ("compound", "nmod", "amod", "nsubj")
ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")  # a noun's roles


def retag_committing_verbs(doc: Doc) -> None:
    """Tag as a verb a verb of commitment in "-s" that the tagger took for a plural noun
    after a name opening a clause ("EI pledges to mobilise", "Education International
    vows to support", "UNICEF appeals to the government to refrain"): followed by "to"
    and a verb's base form (an appeal: by its addressee, then "to" and the verb), with
    only the name's words before it, and itself no subject or object of another verb
    ("Donor pledges to fund the response fell short"). The name becomes its subject, the
    verb after "to" its complement."""
    toks = tokens(doc)
    for verb in toks:
        if verb.tag_ != "NNS" or not verb.lower_.endswith("s") or verb.dep_ in ARGUMENTS:
            continue
        action = action_after(toks, verb)
        name = opening_name(toks, verb)
        if action is None or action.tag_ != "VB" or not name:
            continue
        verb.pos_, verb.tag_ = "VERB", "VBZ"
        subject = name[-1]
        subject.head, subject.dep_ = verb, "nsubj"
        for word in name[:-1]:
            if word.head == verb:
                word.head, word.dep_ = subject, "compound"
        if action.head == verb:
            action.dep_ = "xcomp"


APPEAL_REACH = 10  # "appeals to the government of X to ...": the addressee's words


def action_after(toks: list[Token], verb: Token) -> Token | None:
    """The verb a committing verb's "to" governs ("pledges to [mobilise]"), or the one an
    appeal to someone asks for ("appeals to the government to [refrain]")."""
    after = verb.i + 1
    if after + 1 >= len(toks) or toks[after].lower_ not in ("to", "for"):
        return None
    if verb.lemma_ in words("committing_verbs") and toks[after].lower_ == "to":
        return toks[after + 1]
    if verb.lemma_ != "appeal":
        return None
    reach = toks[after + 2 : min(len(toks), after + APPEAL_REACH)]
    return next((t.nbor() for t in reach if t.lower_ == "to" and t.i + 1 < len(toks)), None)


def opening_name(toks: list[Token], verb: Token) -> list[Token]:
    """The words of a name right before ``verb`` that the parse hung on it, when the name
    opens a clause (at a sentence's start or after punctuation): proper nouns, capitals or
    the model's entity, not a capitalised first word ("Donor pledges")."""
    i = verb.i - 1
    while i >= 0 and toks[i].dep_ in NAME_DEPS and toks[i].head.i in (verb.i, toks[i + 1].i):
        if not (toks[i].pos_ == "PROPN" or toks[i].is_upper or toks[i].ent_type_):
            return []
        i -= 1
    opens = i < 0 or toks[i].is_sent_end or toks[i].is_punct or toks[i + 1].is_sent_start
    return list(toks[i + 1 : verb.i]) if opens and i + 1 < verb.i else []


SUBJECTS = ("nsubj", "nsubjpass")


def reattach_dateline_subject(doc: Doc) -> None:
    """Make the subject the parse hung on a dateline's place as its apposition the verb's
    subject again ("GENEVA – [The Ambassador of Denmark, X, and the Director General of
    IOM, Y,] have signed": the parse reads "GENEVA" as the subject and the signers as
    its apposition); the place becomes a modifier of the verb, as a dateline is."""
    start, end = dateline_span(doc_text(doc))
    if end == 0:
        return
    for token in tokens(doc):
        if token.idx >= end:
            return
        if token.idx < start or token.dep_ not in SUBJECTS:
            continue
        appos = next((c for c in token.children if c.dep_ == "appos" and c.idx >= end), None)
        if appos is None or token.head.i == token.i or appos.left_edge.idx != first_after(doc, end):
            continue  # only a whole subject ("... – Serbian President X, ... and [Y]": not Y)
        appos.head, appos.dep_ = token.head, token.dep_
        token.dep_ = "npadvmod"
        return


def first_after(doc: Doc, end: int) -> int:
    """The offset of the first token at or after the character ``end``."""
    return next((t.idx for t in tokens(doc) if t.idx >= end), -1)
