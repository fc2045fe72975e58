"""``IndexedMatcher`` gives what spaCy's Matcher gives, on the same patterns and texts."""

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.nlp.token_index import (
    UNBOUNDED,
    IndexedMatcher,
    compile_token,
    merged,
    repeats,
    sentence_of,
    split_at,
)

TEXTS = [
    "The Ministry of Labour will sign a memorandum with the ILO on Monday.",
    "We shall not forget: UNHCR and Unicef   pledged $ 5 million to the fund!",
    "In 2024, 12 countries adopted the Declaration; the EU welcomed it.",
    "",
    "\n",
    "“Commitments must be kept,” said the Minister of Foreign Affairs.",
    "The Labour Ministry Of Health and the fund funds of the Fund of the Ministry met.",
]

PATTERNS = {
    "noun": [[{"TAG": "NN"}], [{"TAG": "NNS"}]],
    "modal_will": [[{"LOWER": {"IN": ["will", "shall"]}, "TAG": "MD"}]],
    "acronym": [[{"TEXT": {"IN": ["ILO", "UNHCR", "EU"]}}]],
    "titled_not_the": [[{"IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "we"]}}]],
    "space": [[{"IS_SPACE": True}]],
    "punct_or_digit": [[{"IS_PUNCT": True}], [{"IS_DIGIT": True}]],
    "subject": [[{"DEP": "nsubj"}]],
    "any": [[{}]],
    "regex": [[{"TEXT": {"REGEX": "^[A-Z]{2,}$"}}], [{"LOWER": {"REGEX": "^n[ou]t"}}]],
    # left to spaCy's Matcher: more tokens, operators, other predicates
    "sign_a": [[{"LEMMA": "sign"}, {"LOWER": "a"}]],
    "minister_of": [[{"LOWER": "minister"}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}]],
    "long_pair": [[{"LENGTH": {">=": 7}}, {"LENGTH": {">=": 2}}]],
    "verb": [[{"POS": "VERB"}]],
    "commit_to": [
        [{"LEMMA": "sign"}, {"IS_PUNCT": False, "OP": "{0,4}"}, {"LOWER": "with"}],
        [{"LOWER": "will"}, {"OP": "?"}, {"POS": "VERB", "OP": "+"}],
    ],
    "the_n_of": [[{"LOWER": "the"}, {"IS_TITLE": True, "OP": "*"}, {"LOWER": "of"}]],
    # anchors inside a pattern ("ministry"), or taking more than one token ("fund" +)
    "titled_ministry": [
        [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "ministry"}, {"IS_TITLE": True, "OP": "{0,2}"}]
    ],
    "funds_of": [
        [{"LOWER": "the"}, {"LOWER": {"IN": ["fund", "funds"]}, "OP": "+"}, {"LOWER": "of"}]
    ],
}


@pytest.fixture(scope="module")
def docs(nlp):
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]):
        return [nlp(text) for text in TEXTS]


def both(vocab, patterns):
    plain, indexed = Matcher(vocab, validate=True), IndexedMatcher(vocab, validate=True)
    for key, key_patterns in patterns.items():
        plain.add(key, key_patterns)
        indexed.add(key, key_patterns)
    return plain, indexed


def test_the_same_matches_as_spacys_matcher(nlp, docs):
    plain, indexed = both(nlp.vocab, PATTERNS)
    for doc in docs:
        assert sorted(indexed(doc)) == sorted(plain(doc))
        assert sorted(indexed(doc, allow_missing=True)) == sorted(plain(doc, allow_missing=True))
        spans = indexed(doc, as_spans=True)
        assert sorted((s.label, s.start, s.end) for s in spans) == sorted(plain(doc))


def test_each_match_once_when_two_patterns_of_a_key_match(nlp, docs):
    plain, indexed = both(nlp.vocab, {"x": [[{"LOWER": "the"}], [{"TAG": "DT"}]]})
    found = indexed(docs[0])
    assert len(found) == len(set(found)) == len(plain(docs[0]))


def test_one_token_patterns_are_looked_up_and_the_rest_matched(nlp):
    _, indexed = both(nlp.vocab, PATTERNS)
    indexed.index()  # built by the first call otherwise
    single = {nlp.vocab.strings[key] for key, _ in indexed.single}
    assert single >= {"noun", "acronym", "any", "regex"}
    left = [nlp.vocab.strings[key] for key, _ in indexed.rest_patterns]
    assert left == [
        "sign_a",
        "minister_of",
        "long_pair",
        "commit_to",
        "commit_to",
        "the_n_of",
        "titled_ministry",
        "funds_of",
    ]
    anchors = {index: tests for index, tests, _, _ in indexed.anchors}
    reach = {index: (before, after) for index, _, before, after in indexed.anchors}
    assert reach[0] == (0, 1)  # "sign" then "a"
    assert reach[1] == (0, UNBOUNDED)  # "minister", "of", then titles
    assert reach[6] == (UNBOUNDED, 2)  # titles, "ministry", two titles at most
    assert reach[7] == (UNBOUNDED, UNBOUNDED)  # "fund" repeated: no bound either side
    assert anchors[0] == [("LEMMA", frozenset({nlp.vocab.strings["sign"]}), frozenset(), None)]
    assert anchors[1][0][0] == "LOWER"  # "minister", not "of" (a stop word) or a flag
    assert indexed.unanchored == [2]  # lengths: run on the whole Doc


def test_patterns_added_after_a_call_are_indexed_on_the_next(nlp):
    indexed = IndexedMatcher(nlp.vocab)
    doc = nlp.make_doc("The IOM signed an agreement.")
    indexed.add("iom", [[{"TEXT": "IOM"}]])
    assert [(nlp.vocab.strings[k], s) for k, s, _ in indexed(doc)] == [("iom", 1)]
    indexed.add("sign_an", [[{"LOWER": "signed"}, {"LOWER": "an"}]])
    found = {(nlp.vocab.strings[k], s, e) for k, s, e in indexed(doc)}
    assert found == {("iom", 1, 2), ("sign_an", 2, 4)}
    indexed.remove("iom")
    assert [nlp.vocab.strings[k] for k, _, _ in indexed(doc)] == ["sign_an"]


@pytest.mark.parametrize(
    ("spec", "readable"),
    [
        ({"TAG": "NN"}, True),
        ({"LOWER": {"IN": ["a", "b"]}, "IS_TITLE": False}, True),
        ({"ORTH": {"NOT_IN": ["x"]}}, True),
        ({"LOWER": "a", "OP": "?"}, False),
        ({"TEXT": {"REGEX": "^a"}}, True),  # run once per distinct text
        ({"POS": {"REGEX": "^N"}}, False),
        ({"LOWER": {"REGEX": "^a", "NOT_IN": ["ab"]}}, False),
        ({"LENGTH": {">=": 3}}, False),
        ({"POS": "NOUN"}, True),  # a symbol: its string id is the enum value
        ({"LOWER": {"FUZZY": "minister"}}, False),
    ],
)
def test_which_token_specs_are_indexed(spec, readable):
    assert (compile_token(spec) is not None) is readable


def test_get_remove_and_contains_act_as_the_matchers(nlp, docs):
    plain, indexed = both(nlp.vocab, PATTERNS)
    assert len(indexed) == len(plain)
    assert "noun" in indexed and "nothing" not in indexed
    assert indexed.get("noun")[1] == plain.get("noun")[1]
    for matcher in (plain, indexed):
        matcher.remove("noun")
        matcher.remove("verb")
    assert sorted(indexed(docs[0])) == sorted(plain(docs[0]))
    with pytest.raises(ValueError):
        indexed.remove("noun")


def test_a_pattern_on_missing_annotation_is_refused_unless_allowed(nlp):
    indexed = IndexedMatcher(nlp.vocab)
    indexed.add("noun", [[{"TAG": "NN"}]])
    doc = nlp.make_doc("a plain text")
    with pytest.raises(ValueError, match="TAG"):
        indexed(doc)
    assert indexed(doc, allow_missing=True) == []


def test_an_invalid_pattern_is_refused_as_spacy_refuses_it(nlp):
    with pytest.raises(ValueError):
        IndexedMatcher(nlp.vocab, validate=True).add("bad", [[{"NOT_AN_ATTR": "x"}]])


def test_the_model_rulers_use_the_index_and_annotate_as_before(nlp):
    """The attribute and entity rulers, with their patterns indexed, tag as with spaCy's."""
    text = "IOM and the Ministry of Health will sign an MoU; UNHCR shall attend.\n"
    model = [name for name in nlp.pipe_names if not name.startswith("accords_")]

    def annotations():
        with nlp.select_pipes(enable=model):
            return [(t.pos_, str(t.morph), t.lemma_, t.ent_type_) for t in nlp(text)]

    indexed = annotations()
    rulers = [nlp.get_pipe("attribute_ruler"), nlp.get_pipe("entity_ruler")]
    assert all(isinstance(r.matcher, IndexedMatcher) for r in rulers)
    saved = [r.matcher for r in rulers]
    quick = rulers[0].set_annotations  # and its annotations set without Spans
    try:
        for ruler, matcher in zip(rulers, saved, strict=True):
            ruler.matcher = matcher.full
        del rulers[0].set_annotations  # AttributeRuler's own
        plain = annotations()
    finally:
        for ruler, matcher in zip(rulers, saved, strict=True):
            ruler.matcher = matcher
        rulers[0].set_annotations = quick
    assert indexed == plain
    assert (indexed[0][0], indexed[0][3]) == ("PROPN", "ORG")


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({}, (1, 1)),
        ({"OP": "?"}, (0, 1)),
        ({"OP": "!"}, (1, 1)),
        ({"OP": "*"}, (0, UNBOUNDED)),
        ({"OP": "+"}, (1, UNBOUNDED)),
        ({"OP": "{3}"}, (3, 3)),
        ({"OP": "{2,5}"}, (2, 5)),
        ({"OP": "{,4}"}, (0, 4)),
        ({"OP": "{1,}"}, (1, UNBOUNDED)),
    ],
)
def test_how_many_tokens_an_operator_takes(spec, expected):
    assert repeats(spec) == expected


@pytest.mark.parametrize(
    ("windows", "expected"),
    [
        ([], []),
        ([(5, 9), (0, 3)], [(0, 3), (5, 9)]),
        ([(0, 4), (2, 6), (6, 8)], [(0, 6), (6, 8)]),
        ([(1, 10), (2, 3)], [(1, 10)]),
    ],
)
def test_overlapping_windows_are_joined(windows, expected):
    assert merged(windows) == expected


def test_a_pattern_runs_only_where_its_anchor_is(nlp, docs):
    """No anchor token in the Doc: no window, and the same (empty) result as spaCy's."""
    plain, indexed = both(nlp.vocab, {"k": [[{"LOWER": "ombudsman"}, {"OP": "*"}, {"LOWER": "x"}]]})
    for doc in docs:
        assert indexed(doc) == plain(doc) == []
    doc = nlp.make_doc("The ombudsman met x and x.")
    assert sorted(indexed(doc)) == sorted(plain(doc)) != []


def test_given_sentence_ends_only_the_matches_within_a_sentence(nlp, docs):
    """Every match within one of the given sentences (here every four tokens), none across
    two, and open patterns ("*", "+") not run past their anchor's sentence."""
    plain, indexed = both(nlp.vocab, PATTERNS)
    joined = Doc.from_docs([d for d in docs if len(d)])
    ends = list(range(4, len(joined), 4))
    within = [m for m in plain(joined) if sentence_of(ends, m[1], len(joined))[1] >= m[2]]
    assert sorted(indexed(joined, ends=ends)) == sorted(within)
    assert len(within) < len(plain(joined))  # some match crossed a sentence end


@pytest.mark.parametrize(
    ("windows", "ends", "expected"),
    [
        ([(0, 10)], [4, 7], [(0, 4), (4, 7), (7, 10)]),
        ([(2, 5), (8, 9)], [4, 10], [(2, 4), (4, 5), (8, 9)]),
        ([(0, 3)], [3], [(0, 3)]),
    ],
)
def test_windows_are_cut_where_sentences_end(windows, ends, expected):
    assert split_at(windows, ends) == expected
