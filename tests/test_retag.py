"""Corrections to the parse (``pipeline.nlp.retag``) on hand-built Docs: the headline on
the first line, then a dateline whose place the parse took for the subject."""

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.nlp.retag import reattach_dateline_subject, retag_committing_verbs

VOCAB = spacy.blank("en").vocab

# "Talks end \n GENEVA – The Ambassador of Denmark and the Director of IOM signed it ."
SIGNERS_ON_THE_PLACE = dict(
    words=["Talks", "end", "\n", "GENEVA", "–", "The", "Ambassador", "of", "Denmark", "and"]
    + ["the", "Director", "of", "IOM", "signed", "it", "."],
    heads=[1, 1, 1, 14, 3, 6, 3, 6, 7, 6, 11, 6, 11, 12, 14, 14, 14],
    deps=["nsubj", "ROOT", "dep", "nsubj", "punct", "det", "appos", "prep", "pobj", "cc"]
    + ["det", "conj", "prep", "pobj", "ROOT", "dobj", "punct"],
    spaces=[True, False, False, True, True, True, True, True, True, True]
    + [True, True, True, True, True, True, False],
)

# "Talks end \n BELGRADE – President Vucic and Chancellor Nehammer signed it .": the parse
# hung only the last signer on the place
LAST_SIGNER_ON_THE_PLACE = dict(
    words=["Talks", "end", "\n", "BELGRADE", "–", "President", "Vucic", "and"]
    + ["Chancellor", "Nehammer", "signed", "it", "."],
    heads=[1, 1, 1, 10, 3, 6, 3, 6, 9, 3, 10, 10, 10],
    deps=["nsubj", "ROOT", "dep", "nsubj", "punct", "compound", "conj", "cc"]
    + ["compound", "appos", "ROOT", "dobj", "punct"],
    spaces=[True, False, False, True, True, True, True, True, True, True, True, True, False],
)


def test_the_subject_hung_on_the_dateline_place_becomes_the_verbs():
    doc = Doc(VOCAB, **SIGNERS_ON_THE_PLACE)
    reattach_dateline_subject(doc)
    ambassador, place, verb = doc[6], doc[3], doc[14]
    assert (ambassador.dep_, ambassador.head.i) == ("nsubj", verb.i)
    assert (place.dep_, place.head.i) == ("npadvmod", verb.i)
    assert [t.text for t in ambassador.subtree][:2] == ["The", "Ambassador"]
    assert "IOM" in [t.text for t in ambassador.subtree]


def test_an_apposition_that_is_only_the_last_of_the_signers_stays():
    doc = Doc(VOCAB, **LAST_SIGNER_ON_THE_PLACE)
    reattach_dateline_subject(doc)
    assert (doc[3].dep_, doc[9].dep_, doc[9].head.i) == ("nsubj", "appos", 3)


def test_a_subject_without_a_dateline_stays():
    words = ["Denmark", ",", "a", "donor", ",", "signed", "it", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[5, 0, 3, 0, 0, 5, 5, 5],
        deps=["nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
    )
    reattach_dateline_subject(doc)
    assert (doc[0].dep_, doc[3].dep_, doc[3].head.i) == ("nsubj", "appos", 0)


# "EI pledges to mobilise its branches .": the tagger read "pledges" as a plural noun,
# the name as its modifier
NAME_THEN_PLEDGES = dict(
    words=["EI", "pledges", "to", "mobilise", "its", "branches", "."],
    tags=["NN", "NNS", "TO", "VB", "PRP$", "NNS", "."],
    pos=["NOUN", "NOUN", "PART", "VERB", "PRON", "NOUN", "PUNCT"],
    lemmas=["EI", "pledge", "to", "mobilise", "its", "branch", "."],
    heads=[1, 1, 3, 1, 5, 3, 1],
    deps=["compound", "ROOT", "aux", "acl", "poss", "dobj", "punct"],
    sent_starts=[True, False, False, False, False, False, False],
)


def test_a_pledge_after_a_name_opening_the_clause_is_its_verb():
    doc = Doc(VOCAB, **NAME_THEN_PLEDGES)
    retag_committing_verbs(doc)
    name, verb, action = doc[0], doc[1], doc[3]
    assert (verb.pos_, verb.tag_) == ("VERB", "VBZ")
    assert (name.dep_, name.head.i) == ("nsubj", verb.i)
    assert (action.dep_, action.head.i) == ("xcomp", verb.i)


# "UNICEF appeals to the government to refrain .": an appeal to someone, the same misreading
NAME_THEN_APPEALS = dict(
    words=["UNICEF", "appeals", "to", "the", "government", "to", "refrain", "."],
    tags=["NN", "NNS", "IN", "DT", "NN", "TO", "VB", "."],
    pos=["NOUN", "NOUN", "ADP", "DET", "NOUN", "PART", "VERB", "PUNCT"],
    lemmas=["UNICEF", "appeal", "to", "the", "government", "to", "refrain", "."],
    heads=[1, 1, 1, 4, 2, 6, 1, 1],
    deps=["compound", "ROOT", "prep", "det", "pobj", "aux", "advcl", "punct"],
    sent_starts=[True] + [False] * 7,
)


def test_an_appeal_to_someone_after_a_name_opening_the_clause_is_its_verb():
    doc = Doc(VOCAB, **NAME_THEN_APPEALS)
    retag_committing_verbs(doc)
    name, verb = doc[0], doc[1]
    assert (verb.pos_, verb.tag_) == ("VERB", "VBZ")
    assert (name.dep_, name.head.i) == ("nsubj", verb.i)


# "pledges" that stays a plural noun: after a determiner ("The Union pledges to help were
# welcome") and as another verb's subject ("IOM pledges to fund it fell short")
PLEDGES_STAY_A_NOUN = [
    dict(
        words=["The", "Union", "pledges", "to", "help", "were", "welcome", "."],
        tags=["DT", "NNP", "NNS", "TO", "VB", "VBD", "JJ", "."],
        pos=["DET", "PROPN", "NOUN", "PART", "VERB", "AUX", "ADJ", "PUNCT"],
        lemmas=["the", "Union", "pledge", "to", "help", "be", "welcome", "."],
        heads=[2, 2, 5, 4, 2, 5, 5, 5],
        deps=["det", "compound", "nsubj", "aux", "acl", "ROOT", "acomp", "punct"],
        sent_starts=[True] + [False] * 7,
    ),
    dict(
        words=["IOM", "pledges", "to", "fund", "it", "fell", "short", "."],
        tags=["NN", "NNS", "TO", "VB", "PRP", "VBD", "RB", "."],
        pos=["NOUN", "NOUN", "PART", "VERB", "PRON", "VERB", "ADV", "PUNCT"],
        lemmas=["IOM", "pledge", "to", "fund", "it", "fall", "short", "."],
        heads=[1, 5, 3, 1, 3, 5, 5, 5],
        deps=["compound", "nsubj", "aux", "acl", "dobj", "ROOT", "advmod", "punct"],
        sent_starts=[True] + [False] * 7,
    ),
]


@pytest.mark.parametrize("tree", PLEDGES_STAY_A_NOUN, ids=["after_a_determiner", "a_subject"])
def test_pledges_that_are_no_verb_stay_a_noun(tree):
    doc = Doc(VOCAB, **tree)
    retag_committing_verbs(doc)
    pledges = next(t for t in doc if t.lower_ == "pledges")
    assert (pledges.pos_, pledges.tag_) == ("NOUN", "NNS")
