"""Re-runs: incremental, idempotent, crash-safe, and bad input never loses data."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from corpus_helpers import EXTRA, SEEDS

from pipeline.run import extract
from pipeline.schemas import TABLES
from pipeline.tables import STAGE_TABLES


def read_all(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


SORT_KEYS = ("doc_id", "line_no", "sent_id", "start", "end", "label", "entity_id", "agreement_id")


def canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order: a re-run appends new documents after the kept ones."""
    keys = [k for k in SORT_KEYS if k in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def assert_same_outputs(a: Path, b: Path) -> None:
    left, right = read_all(a), read_all(b)
    for name in TABLES:
        pd.testing.assert_frame_equal(
            canonical(left[name]), canonical(right[name]), check_dtype=False, obj=name
        )


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture()
def extracted(corpus, tmp_path, seed_outputs):
    """An output folder holding the seed extraction (copied, not recomputed)."""
    out = tmp_path / "out"
    shutil.copytree(seed_outputs[0], out)
    return out


def test_rerun_without_changes_processes_nothing(corpus, extracted):
    summary = extract(corpus, extracted)
    assert (summary.new, summary.changed, summary.removed, summary.unchanged) == (0, 0, 0, 5)
    assert summary.processed == 0


def test_adding_one_document_processes_exactly_one_and_equals_scratch(corpus, extracted, tmp_path):
    (corpus / "005_new.txt").write_text(EXTRA, encoding="utf-8")
    summary = extract(corpus, extracted)
    assert (summary.new, summary.processed, summary.unchanged) == (1, 1, 5)
    scratch = tmp_path / "scratch"
    extract(corpus, scratch)
    assert_same_outputs(extracted, scratch)
    agreements = pd.read_parquet(extracted / "agreements.parquet")
    assert len(agreements) == 7


def test_changed_and_removed_documents(corpus, extracted, tmp_path):
    (corpus / "004_8e81a7fa4805dc7f.txt").unlink()
    path = corpus / "000_e656d4048769cf47.txt"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nIOM will open an office in Lviv.", encoding="utf-8"
    )
    summary = extract(corpus, extracted)
    assert (summary.new, summary.changed, summary.removed, summary.unchanged) == (0, 1, 1, 3)
    tables = read_all(extracted)
    assert "004_8e81a7fa4805dc7f.txt" not in set(tables["documents"]["source"])
    for name in STAGE_TABLES:
        assert set(tables[name]["doc_id"]) <= set(tables["documents"]["doc_id"]), name
    scratch = tmp_path / "scratch"
    extract(corpus, scratch)
    assert_same_outputs(extracted, scratch)


@pytest.mark.parametrize("version", ["rules_version", "code_version"])
def test_version_change_and_force_reprocess_everything(corpus, extracted, version):
    manifest = json.loads((extracted / "manifest.json").read_text())
    manifest[version] = "older"
    (extracted / "manifest.json").write_text(json.dumps(manifest))
    assert extract(corpus, extracted).processed == 5
    assert extract(corpus, extracted).processed == 0
    assert extract(corpus, extracted, force=True).processed == 5


def test_switching_the_learned_parts_off_redoes_every_document(corpus, extracted, monkeypatch):
    """The learned parts reach the cleaning: a run with them off keeps none of their work."""
    assert extract(corpus, extracted).processed == 0
    monkeypatch.setenv("ACCORDS_LEARNED", "off")
    assert extract(corpus, extracted).processed == 5
    assert extract(corpus, extracted).processed == 0


def test_bad_inputs_do_not_disturb_the_seeds(corpus, tmp_path, seed_outputs):
    (corpus / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x00\xff\xfe binary junk")
    (corpus / "cyrillic.txt").write_bytes(
        EXTRA.replace("Geneva", "Київ").encode("cp1251", "replace")
    )
    (corpus / "utf16.txt").write_bytes(EXTRA.replace("Geneva", "Vienna").encode("utf-16"))
    (corpus / "crlf.txt").write_bytes(
        b"\xef\xbb\xbf" + EXTRA.replace("Geneva", "Rome").replace("\n", "\r\n").encode()
    )
    (corpus / "page.txt").write_text(
        "<html><head><title>IOM and WHO sign agreement</title></head><body><nav>Home About</nav>"
        "<article><h1>IOM and WHO sign agreement</h1><p>Geneva — IOM and the World Health "
        "Organization signed an agreement on migrant health on 5 May 2023. Both organizations "
        "will support health services for migrants in the region.</p></article></body></html>",
        encoding="utf-8",
    )
    (corpus / "french.txt").write_text(
        "L'OIM et le ministère signent un accord\nLe ministère de l'Intérieur et l'Organisation "
        "internationale pour les migrations ont signé un accord de coopération pour la protection "
        "des migrants et des réfugiés dans le pays et dans la région.\n",
        encoding="utf-8",
    )
    (corpus / "copy.txt").write_bytes((corpus / "000_e656d4048769cf47.txt").read_bytes())
    (corpus / "image.png").write_bytes(b"\x89PNG")
    out = tmp_path / "out"
    summary = extract(corpus, out)
    reasons = dict(summary.rejected)
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["scan.txt"]
    assert reasons["french.txt"] == "not English"
    assert summary.ignored == ["image.png"]
    docs = pd.read_parquet(out / "documents.parquet").set_index("source")
    assert docs.loc["cyrillic.txt", "status"] == "ok"
    assert docs.loc["utf16.txt", "encoding"] == "utf-16"
    assert docs.loc["page.txt", "title"] == "IOM and WHO sign agreement"
    assert list(docs.loc["000_e656d4048769cf47.txt", "sources"]) == [
        "000_e656d4048769cf47.txt",
        "copy.txt",
    ]
    seeds = read_all(seed_outputs[0])
    now = read_all(out)
    seed_ids = set(seeds["documents"]["doc_id"])
    for name in STAGE_TABLES:
        mine = now[name][now[name]["doc_id"].isin(seed_ids)].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, seeds[name], check_dtype=False, obj=name)


def test_a_run_killed_after_one_table_leaves_readable_outputs(corpus, extracted, tmp_path):
    (corpus / "005_new.txt").write_text(EXTRA, encoding="utf-8")
    killed = run_cli(corpus, extracted, dict(os.environ, ACCORDS_FAIL_AFTER="sentences"))
    assert killed.returncode != 0
    for name in TABLES:  # every table is still a complete Parquet file
        pd.read_parquet(extracted / f"{name}.parquet")
    finished = run_cli(corpus, extracted)
    assert finished.returncode == 0, finished.stderr
    assert "1 new" in finished.stdout
    scratch = tmp_path / "scratch"
    extract(corpus, scratch)
    assert_same_outputs(extracted, scratch)


def test_outputs_get_the_usual_permissions(corpus, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "perm"
        extract(corpus, out)
    finally:
        os.umask(old)
    for path in out.iterdir():
        if path.suffix in (".parquet", ".json"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def run_cli(corpus, out, env=None):
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        "1",
    ]
    return subprocess.run(command, env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    "fail_after",
    [
        "sentences",
        "entities",
        "people",
        "commitments",
        "agreements",
        "accords",
        "boilerplate",
        "documents",
    ],
)
def test_a_kill_before_the_manifest_loses_nothing_when_a_file_comes_back(
    corpus, extracted, tmp_path, fail_after
):
    """The manifest never vouches for tables it did not see written: a document missing
    during a killed run is processed again when it is back, not kept empty."""
    held = tmp_path / "held.txt"
    (corpus / "004_8e81a7fa4805dc7f.txt").rename(held)
    killed = run_cli(corpus, extracted, dict(os.environ, ACCORDS_FAIL_AFTER=fail_after))
    assert killed.returncode != 0
    held.rename(corpus / "004_8e81a7fa4805dc7f.txt")
    assert run_cli(corpus, extracted).returncode == 0
    scratch = tmp_path / "scratch"
    extract(corpus, scratch)
    assert_same_outputs(extracted, scratch)


def test_a_second_run_on_the_same_outputs_is_refused_and_leftovers_go(corpus, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    (out / ".accords-sentences.abc12345.tmp").write_bytes(b"half a table")
    with open(out / ".accords.lock", "a+", encoding="utf-8") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        holder.write("pid 4242 since 2026-01-01 00:00:00\n")
        holder.flush()
        refused = run_cli(corpus, out)
        assert refused.returncode == 2
        assert (
            refused.stderr.strip()
            == "accords: outputs in use by pid 4242 since 2026-01-01 00:00:00"
        )
    assert run_cli(corpus, out).returncode == 0  # the holder is gone: the lock is taken over
    assert not list(out.glob(".*.tmp"))


def test_a_manifest_of_the_wrong_shape_is_ignored(corpus, extracted):
    (extracted / "manifest.json").write_text('["not", "a", "manifest"]', encoding="utf-8")
    summary = extract(corpus, extracted)
    assert summary.processed == 5


@pytest.fixture()
def reads(monkeypatch):
    """The names of the corpus files read (``ingest.read_file``) during a test."""
    from pipeline import ingest

    names: list[str] = []
    real = ingest.read_file

    def counted(path, *args):
        names.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(ingest, "read_file", counted)
    return names


def test_unchanged_files_are_not_read_again(corpus, extracted, reads):
    summary = extract(corpus, extracted)
    assert summary.unchanged == 5 and summary.processed == 0
    assert [name for name in reads if name.endswith(".txt")] == []


def test_a_touched_file_is_read_and_stays_unchanged(corpus, extracted, reads):
    touched = sorted(corpus.glob("*.txt"))[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    summary = extract(corpus, extracted)
    assert [name for name in reads if name.endswith(".txt")] == [touched.name]
    assert summary.unchanged == 5 and summary.processed == 0
    assert extract(corpus, extracted).unchanged == 5  # its new mtime is recorded
    assert [name for name in reads if name.endswith(".txt")] == [touched.name]


def test_an_unread_file_whose_lines_start_to_recur_is_read_and_cleaned_again(
    corpus, extracted, tmp_path, reads
):
    """A new release sharing lines with an unchanged one makes those lines recurring
    chrome: the unchanged one must be cleaned again, so it is read after all."""
    first = sorted(corpus.glob("*.txt"))[0]
    lines = first.read_text(encoding="utf-8").splitlines()
    reads.clear()
    # its headline, which now recurs in two releases (more of its sentences would make the
    # new file a reprint of it, whose lines count once: see test_cleaning)
    shared = lines[0]
    (corpus / "new.txt").write_text(shared + "\n" + EXTRA, encoding="utf-8")
    summary = extract(corpus, extracted)
    assert summary.new == 1
    assert first.name in reads and len([n for n in reads if n.endswith(".txt")]) < 6
    scratch = tmp_path / "scratch"
    extract(corpus, scratch)
    assert_same_outputs(extracted, scratch)


def test_the_lock_file_of_a_run_that_died_is_removed_by_the_next_run(corpus, tmp_path):
    out = tmp_path / "out"
    killed = run_cli(corpus, out, dict(os.environ, ACCORDS_FAIL_AFTER="agreements"))
    assert killed.returncode != 0 and (out / ".accords.lock").exists()  # it died holding it
    assert run_cli(corpus, out).returncode == 0
    assert not (out / ".accords.lock").exists()
    assert extract(corpus, out).processed == 0  # and the run after that is not refused
    assert not (out / ".accords.lock").exists()
