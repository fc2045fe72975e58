"""Loading the model, parsing line by line, and the accords components in the pipeline."""

import pytest

from pipeline.components import ACCORDS_COMPONENTS, load_nlp
from pipeline.nlp.extensions import doc_text
from pipeline.nlp.model import USED_COMPONENTS, parse_lines


def test_only_used_components_run(tmp_path):
    import spacy

    from pipeline.nlp.model import resolve_model_name

    base = spacy.load(resolve_model_name())
    base.add_pipe("sentencizer")  # a component no stage needs
    base.to_disk(tmp_path / "model")
    nlp = load_nlp(str(tmp_path / "model"))
    assert "sentencizer" in nlp.disabled
    assert set(nlp.pipe_names) <= USED_COMPONENTS | {"entity_ruler", *ACCORDS_COMPONENTS}
    assert {"parser", "ner", "entity_ruler"} <= set(nlp.pipe_names)


def blis_layers(nlp) -> int:
    from thinc.api import NumpyOps

    return sum(
        isinstance(node.ops, NumpyOps) and node.ops.use_blis
        for _, component in nlp.pipeline
        if hasattr(getattr(component, "model", None), "walk")
        for node in component.model.walk()
    )


SAMPLE = (
    "GENEVA, 3 March 2024 - The Ministry of Labour and the International Organization "
    "for Migration (IOM) signed a memorandum of understanding on Monday.\n"
    "Under the agreement, the Ministry will train 500 recruiters, said Minister Ana Silva."
)


def test_the_model_multiplies_with_numpy_and_parses_as_with_blis(nlp, monkeypatch):
    assert blis_layers(nlp) == 0
    monkeypatch.setenv("ACCORDS_GEMM", "blis")
    with_blis = load_nlp(learned=False)  # as the fixture: the model's own NER weights
    assert blis_layers(with_blis) > 0

    def analysis(model):
        (doc,) = parse_lines(model, [(SAMPLE, "d")])
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]

    assert analysis(nlp) == analysis(with_blis)


def test_the_ner_knows_the_gazetteer_labels_before_the_first_document(nlp):
    ner = nlp.get_pipe("ner")
    assert set(nlp.get_pipe("entity_ruler").labels) <= set(ner.labels)  # MISC too
    moves = ner.moves.n_moves
    (doc,) = parse_lines(nlp, [("The plan serves the SDGs and the GCM objectives.", "d")])
    assert {ent.label_ for ent in doc.ents} >= {"MISC"}
    assert ner.moves.n_moves == moves  # nothing grown mid-run
    assert blis_layers(nlp) == 0


def test_accords_components_run_in_order_after_the_model(nlp):
    names = nlp.pipe_names
    assert [n for n in names if n.startswith("accords_")] == list(ACCORDS_COMPONENTS)
    assert names.index("ner") < names.index("accords_sentences")
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in names}
    assert "doc._.accords_mentions" in analysis["summary"]["accords_entities"]["assigns"]


@pytest.mark.parametrize(
    "text",
    [
        "One line only",
        "Headline\nIOM and UNHCR signed an agreement.\n\n  Indented line.\n",
        "Trailing spaces   \n- a list item\n- another",
    ],
)
def test_parsed_text_equals_the_input(nlp, text):
    (doc,) = list(parse_lines(nlp, [(text, "ctx")]))
    assert doc._.accords_doc_id == "ctx"
    assert doc._.accords_text == text == doc.text == doc_text(doc)
    assert all("\n" not in sent.text.strip() for sent in doc.sents)
    assert doc._.accords_mentions is None  # the accords components run on the joined Doc


def test_a_stage_read_before_it_ran_fails_loudly(nlp):
    from pipeline.nlp.extensions import mentions

    (doc,) = list(parse_lines(nlp, [("Headline\nIOM met UNHCR.", "x")]))
    with pytest.raises(LookupError, match="accords_mentions"):
        mentions(doc)


def test_the_lemmatizer_looks_words_up_in_sets_and_lemmatizes_as_before(nlp):
    import spacy

    from pipeline.nlp.model import WordList, resolve_model_name

    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, WordList) for words in index.values())
    plain = spacy.load(resolve_model_name())  # its word lists as shipped
    assert lemmatizer.lookups.to_bytes() == plain.get_pipe("lemmatizer").lookups.to_bytes()
    text = SAMPLE + "\nThe recruiters were trained; the agencies signed better, wider deals."
    model = [name for name in nlp.pipe_names if not name.startswith("accords_")]
    with nlp.select_pipes(enable=model):
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in plain(text)]


def test_the_attribute_ruler_sets_what_it_set_and_refuses_an_index_outside_a_match():
    import spacy

    from pipeline.nlp.model import set_matched_attrs

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"LOWER": "ministry"}]], {"LEMMA": "body"}, index=-1)
    doc = blank.make_doc("The Ministry met the ministry.")
    set_matched_attrs(ruler, doc, ruler.match(doc))
    assert [t.lemma_ for t in doc] == ["", "body", "", "", "body", ""]
    ruler.add([[{"LOWER": "met"}]], {"LEMMA": "meet"}, index=2)
    with pytest.raises(ValueError, match="E1001"):
        set_matched_attrs(ruler, doc, ruler.match(doc))
