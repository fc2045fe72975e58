"""Loading the model and parsing line by line."""

import pytest

from pipeline.nlp import TEXT_KEY, USED_COMPONENTS, load_nlp, parse_lines
from pipeline.sentences import doc_text


def test_only_used_components_run(tmp_path):
    import spacy

    from pipeline.nlp import resolve_model_name

    base = spacy.load(resolve_model_name())
    base.add_pipe("sentencizer")  # a component no stage needs
    base.to_disk(tmp_path / "model")
    nlp = load_nlp(str(tmp_path / "model"))
    assert "sentencizer" in nlp.disabled
    assert set(nlp.pipe_names) <= USED_COMPONENTS | {"entity_ruler"}
    assert {"parser", "ner", "entity_ruler"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "text",
    [
        "One line only",
        "Headline\nIOM and UNHCR signed an agreement.\n\n  Indented line.\n",
        "Trailing spaces   \n- a list item\n- another",
    ],
)
def test_parsed_text_equals_the_input(nlp, text):
    ((doc, context),) = list(parse_lines(nlp, [(text, "ctx")]))
    assert context == "ctx"
    assert doc.user_data[TEXT_KEY] == text == doc.text == doc_text(doc)
    assert all("\n" not in sent.text.strip() for sent in doc.sents)
