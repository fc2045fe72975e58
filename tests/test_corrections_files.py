"""Corrections files: what a correction is (checked records, one-line errors), reading a
folder (a malformed line: that file applies not at all, the others do), adding to it."""

import copy
import json

import pytest

from pipeline.corrections import files
from pipeline.corrections.model import CorrectionError, parse

GOOD = {
    "id": "c-1",
    "kind": "agreement",
    "target": {"doc": "d1", "evidence": "IOM and UNECA signed a memorandum."},
    "field": "parties",
    "value": ["IOM", "UNECA"],
    "by": "ana",
    "at": "2026-11-27T10:00:00Z",
}


def changed(path: str, value) -> dict:
    record = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    where = record
    for key in parents:
        where = where[key]
    if value is KeyError:
        del where[last]
    else:
        where[last] = value
    return record


@pytest.mark.parametrize(
    "record, message",
    [
        (changed("kind", "agrement"), "kind 'agrement' is not one of"),
        (changed("by", KeyError), '"by" (who and when) is required'),
        (changed("at", "yesterday"), "is not an ISO 8601 time"),
        (changed("field", "colour"), '"field" of a agreement correction must be one of'),
        (changed("field", "type") | {"value": "treaty"}, '"value" of type must be one of'),
        (
            changed("field", "date") | {"value": "26 November 2021"},
            '"value" of date must be an ISO',
        ),
        (changed("value", "IOM; UNECA"), '"value" of parties must be a list of names'),
        (changed("value", KeyError), '"value" (what is right) is required'),
        (changed("target.evidence", KeyError), "needs ['doc', 'evidence']"),
        (changed("target.row_number", 3), "got ['doc', 'evidence', 'row_number']"),
        (changed("feild", "parties"), "unknown key(s) ['feild']"),
        (changed("target.match", {"colour": "red"}), '"target.match" may hold'),
        (
            changed("field", "signatories") | {"value": [{"role": "Minister"}]},
            'each signatory is an object with a "name"',
        ),
        (
            changed("field", "signatories") | {"value": [{"name": " ", "role": "Minister"}]},
            'each signatory is an object with a "name"',
        ),
        (changed("kind", "not_agreement"), 'a not_agreement correction has no "field"'),
        (
            changed("field", KeyError) | {"kind": "missed_agreement", "value": {"parties": []}},
            'with a "type" of',
        ),
        (
            {**GOOD, "kind": "merge_accords", "target": {"agreements": [GOOD["target"]]}}
            | {"field": None, "value": None},
            "at least 2 agreement(s)",
        ),
        (changed("kind", "entity") | {"field": "label", "target": {"doc": "d1"}}, 'needs "text"'),
        ("not an object", "expected a JSON object"),
    ],
)
def test_a_record_that_is_no_correction_says_why(record, message):
    if isinstance(record, dict) and record.get("field") is None:
        record = {k: v for k, v in record.items() if v is not None}
    with pytest.raises(CorrectionError) as error:
        parse(record)
    assert message in str(error.value)


@pytest.mark.parametrize(
    "record",
    [
        GOOD,
        changed("id", KeyError),  # an id is made from the content
        changed("field", "date") | {"value": "2014-06-02/2014-06-03"},
        changed("field", "date") | {"value": "XXXX-12-18"},
        changed("field", "place") | {"value": None},  # a field emptied
        {k: v for k, v in GOOD.items() if k not in ("field", "value")} | {"kind": "not_agreement"},
        {
            "kind": "entity",
            "target": {"text": "Nepal Foreign Affairs"},
            "field": "label",
            "value": None,  # not an entity: a news site
            "by": "ana",
            "at": "2026-11-27",
        },
        {
            "kind": "missed_agreement",
            "target": GOOD["target"],
            "value": {"type": "memorandum", "parties": ["IOM"], "date": "2021-03"},
            "by": "ana",
            "at": "2026-11-27T10:00:00+02:00",
        },
    ],
)
def test_well_formed_records_are_corrections(record):
    correction = parse(record)
    assert correction.id.startswith("c-")
    assert parse(correction.record()) == correction  # a record round-trips


def write(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_malformed_line_keeps_its_whole_file_out_and_names_file_and_line(tmp_path):
    folder = tmp_path / "corrections"
    folder.mkdir()
    second = changed("id", "c-2") | {"value": ["IOM"]}
    write(folder / "a.jsonl", "# reviewed by ana", "", json.dumps(GOOD))
    write(folder / "b.jsonl", json.dumps(second), '{"kind": "agreement", oops}')
    write(folder / "notes.txt", "not read")
    loaded = files.load(folder)
    assert [c.id for c in loaded.corrections] == ["c-1"]  # none of b.jsonl, not even its line 1
    (error,) = loaded.errors
    assert f"{folder / 'b.jsonl'} line 2: not JSON" in error and "\n" not in error
    assert "none of the corrections of" in error
    assert loaded.files == [str(folder / "a.jsonl")]


def test_ids_are_unique_across_files(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps(GOOD))
    write(tmp_path / "b.jsonl", json.dumps(GOOD), json.dumps(changed("value", ["UNHCR"])))
    loaded = files.load(tmp_path)
    assert len(loaded.corrections) == 1  # the same correction twice is one
    assert "id 'c-1' is also" in loaded.errors[0] and "b.jsonl line 2" in loaded.errors[0]


def test_reading_order_breaks_ties_of_time(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps(GOOD), json.dumps(changed("id", "c-2")))
    first, second = files.load(tmp_path).corrections
    assert first.when < second.when and (first.line, second.line) == (1, 2)


def test_a_missing_folder_holds_none_unless_asked_for(tmp_path):
    assert not files.load(tmp_path / "nothing")
    with pytest.raises(files.CorrectionsMissing):
        files.load(tmp_path / "nothing", required=True)


def test_the_default_folder_is_beside_the_corpus(tmp_path):
    assert files.default_location(tmp_path / "corpus") == tmp_path / "corrections"
    assert files.default_location("s3://bucket/corpus") is None


def test_appending_keeps_earlier_lines_and_the_file_mode(tmp_path):
    folder = tmp_path / "corrections"
    path = files.append(folder, [GOOD])
    assert path == folder / "corrections.jsonl"
    path.chmod(0o640)
    path.write_text(path.read_text().rstrip("\n"))  # a hand edit without a final newline
    files.append(folder, [changed("id", "c-2")])
    assert [c.id for c in files.load(folder).corrections] == ["c-1", "c-2"]
    assert path.stat().st_mode & 0o777 == 0o640
    assert not list(folder.glob(".*.tmp"))
