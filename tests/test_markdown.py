"""Markdown releases to plain text (pipeline/markdown.py): "Markdown → text" cases."""

import pytest

from pipeline.markdown import markdown_to_text


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("# IOM and Ghana sign MoU\n\nBody.", "IOM and Ghana sign MoU\n\nBody."),
        (
            "IOM and Ghana sign MoU\n======================\n\nBody.",
            "IOM and Ghana sign MoU\n\nBody.",
        ),
        # an emphasised dateline reads as a dateline
        (
            "*Accra, 12 March 2024* – IOM and **the Ghana Immigration Service** signed.",
            "Accra, 12 March 2024 – IOM and the Ghana Immigration Service signed.",
        ),
        ("_Accra, 12 March 2024_ – IOM signed.", "Accra, 12 March 2024 – IOM signed."),
        (
            "**Accra** – IOM signed a [memorandum](https://x.org/mou).",
            "Accra – IOM signed a memorandum.",
        ),
        # a paragraph Markdown wrapped is one line; a hard break or a list item is not
        (
            "IOM and the ministry\nsigned an agreement.\n\nNext.",
            "IOM and the ministry signed an agreement.\n\nNext.",
        ),
        ("Signed by:  \nAmy Pope\n\nNext.", "Signed by:\nAmy Pope\n\nNext."),
        (
            "They agreed to:\n\n* train staff;\n+ open centres.",
            "They agreed to:\n\n- train staff;\n- open centres.",
        ),
        # no blank line at all: each line is a paragraph of its own
        ("Headline\nAccra – IOM signed.\nMore.", "Headline\nAccra – IOM signed.\nMore."),
        # rules, images, quotes, HTML, code and escapes
        ("Text.\n\n---\n\n![photo](a.jpg)\n\n> Quoted words.", "Text.\n\n\n\nQuoted words."),
        (
            "A <b>bold</b> `code` \\*star\\* word_with_underscores.",
            "A bold code *star* word_with_underscores.",
        ),
        ("| Country | Workers |\n|---|---|\n| Ghana | 200 |", "Country | Workers\nGhana | 200"),
        # a front matter gives the headline and a date line
        (
            '---\ntitle: "IOM signs MoU"\ndate: 2024-03-12\n---\nBody.',
            "IOM signs MoU\n\n12 March 2024\n\nBody.",
        ),
    ],
)
def test_markdown_loses_its_markup(markdown, text):
    assert markdown_to_text(markdown) == text
