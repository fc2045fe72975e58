"""Property tests: cleaning and sentence splitting never fail on arbitrary text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean_text, recurring_lines
from pipeline.tables import doc_tables

LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                "-",
                "About",
                "WHO WE AREThe text.",
                "- Take Action",
                "Exit mobile version",
                "IOM and UNHCR will sign an agreement.",
                "- to guarantee rights;",
            ]
        ),
    ),
    max_size=12,
)


@given(LINES)
@settings(max_examples=200, deadline=None)
def test_cleaning_never_raises_and_keeps_lines_of_the_input(lines):
    raw = "\n".join(lines)
    cleaned = clean_text(raw, recurring_lines([raw, raw]))
    assert cleaned.text.split("\n")[0] == cleaned.title
    raw_lines = [" ".join(line.split()) for line in raw.replace("\r", "\n").split("\n")]
    flowing = " ".join(line for line in raw_lines if line)  # unwrapped paragraphs join lines
    assert all(line in flowing for line in cleaned.text.split("\n") if line)


@given(LINES)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_sentences_stay_inside_the_text(parse, lines):
    text = clean_text("\n".join(lines)).text
    rows = doc_tables([parse(text)])["sentences"] if text else None
    if rows is None:
        return
    for row in rows.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
