"""Rule files: validation on load and word-list references."""

import pytest

from pipeline.rules import files
from pipeline.rules.files import PatternFileError, read_jsonl
from pipeline.rules.lexicon import expand, word_list, words


def test_a_reference_expands_to_the_named_list():
    pattern = [
        {"LEMMA": {"IN": ["@signing_verbs", "seal"]}},
        {"LOWER": {"IN": ["@agreement_nouns"]}},
    ]
    expanded = expand(pattern)
    assert expanded[0]["LEMMA"]["IN"] == [*word_list("signing_verbs"), "seal"]
    assert "memorandum" in expanded[1]["LOWER"]["IN"] and "letter" in expanded[1]["LOWER"]["IN"]


def test_an_unknown_reference_fails_loudly():
    with pytest.raises(PatternFileError, match="@no_such_list"):
        expand([{"LOWER": {"IN": ["@no_such_list"]}}])


def test_the_agreement_verbs_take_the_one_signing_list():
    from pipeline.agreements.detect import rules

    _, verbs = rules()
    assert words("signing_verbs") <= {
        lemma for lemma, row in verbs.items() if row["status"] == "signed"
    }


def test_a_bad_line_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "bad.jsonl").write_text('{"id": "a"}\n{not json}\n', encoding="utf-8")
    monkeypatch.setattr(files, "PATTERNS_DIR", tmp_path)
    with pytest.raises(PatternFileError, match=r"bad.jsonl:2: invalid JSON"):
        read_jsonl("bad.jsonl")


def test_duplicate_ids_are_refused(tmp_path, monkeypatch):
    (tmp_path / "dup.jsonl").write_text('{"id": "a"}\n{"id": "a"}\n', encoding="utf-8")
    monkeypatch.setattr(files, "PATTERNS_DIR", tmp_path)
    with pytest.raises(PatternFileError, match="duplicate id"):
        read_jsonl("dup.jsonl")
