"""Reading files as a nightly job meets them: odd encodings, odd names, odd folders."""

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import ingest
from pipeline.ingest import decode, looks_like_html, read_corpus

RELEASE = (
    "IOM and the Ministry of Labour sign agreement\n"
    "Chisinau – IOM and the Ministry of Labour signed an agreement on Monday to protect "
    "migrant workers and their families in the region.\n"
)


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_decoding_never_raises(data):
    text, encoding, problem = decode(data)
    assert (text is None) == (problem is not None)
    if text is not None:
        assert isinstance(text, str) and encoding


@given(
    st.text(min_size=200, max_size=1000),
    st.integers(0, 199),
    st.sampled_from([b"\x96", b"\xe9", b"\xff"]),
)
@settings(max_examples=100, deadline=None)
def test_a_stray_byte_in_utf8_costs_one_character_not_the_file(text, where, stray):
    data = text.encode("utf-8")
    cut = len(text[:where].encode("utf-8"))
    decoded, encoding, problem = decode(data[:cut] + stray + data[cut:])
    assert problem is None and encoding.startswith("utf-8")
    assert decoded.replace("\ufffd", "") == text.replace("\ufffd", "")


def test_windows_1252_and_wide_encodings_without_bom():
    smart = "Kyiv \u2013 the \u201cagreement\u201d was signed. " * 5
    assert decode(smart.encode("cp1252"))[0] == smart
    for name in ("utf-16-le", "utf-16-be", "utf-32-le"):
        text, encoding, _ = decode(RELEASE.encode(name))
        assert text == RELEASE and encoding.startswith(name)


def test_a_release_quoting_a_tag_is_no_page():
    assert not looks_like_html(RELEASE + "Editors may use <p> and <div> in the feed.\n")
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")


def test_unreadable_vanished_and_oddly_named_files_do_not_stop_the_run(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(RELEASE, encoding="utf-8")
    (corpus / "locked.txt").write_text(RELEASE + "x", encoding="utf-8")
    odd = os.fsencode(str(corpus)) + b"/caf\xe9.txt"
    with open(odd, "wb") as stream:
        stream.write((RELEASE + "y").encode())
    real = ingest.read_file

    def guarded(path, *args):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, *args)

    monkeypatch.setattr(ingest, "read_file", guarded)
    docs, _ = read_corpus(corpus)
    by_source = {d.source: d for d in docs}
    assert by_source["locked.txt"].status == "rejected"
    assert by_source["locked.txt"].reason == "cannot read the file: Permission denied"
    assert by_source["caf\ufffd.txt"].status == "ok"


def test_symlinked_folders_are_followed_once(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "one.txt").write_text(RELEASE, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "two.txt").write_text(RELEASE + "z", encoding="utf-8")
    (corpus / "linked").symlink_to(elsewhere)
    (corpus / "a" / "loop").symlink_to(corpus)  # a link back up the tree
    docs, _ = read_corpus(corpus)
    assert sorted(s for d in docs for s in d.sources) == ["a/one.txt", "linked/two.txt"]


def test_a_folder_that_cannot_be_read_keeps_its_documents(tmp_path, monkeypatch):
    import shutil

    from pipeline.run import extract

    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "top.txt").write_text(RELEASE, encoding="utf-8")
    (corpus / "sub" / "inner.txt").write_text(RELEASE.replace("Monday", "Friday"), encoding="utf-8")
    out = tmp_path / "out"
    extract(corpus, out)
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):  # "sub" cannot be listed
        for folder, subfolders, names in real_walk(top, followlinks=followlinks):
            if "sub" in subfolders:
                subfolders.remove("sub")
                onerror(PermissionError(13, "Permission denied", os.path.join(folder, "sub")))
            yield folder, subfolders, names

    monkeypatch.setattr(os, "walk", walk)
    summary = extract(corpus, out)
    assert summary.removed == 0 and summary.counts["documents"] == 2
    assert any("cannot read folder sub" in note for note in summary.notes)
    shutil.rmtree(corpus / "sub")


def test_the_encoding_warning_comes_when_the_file_is_read_not_at_every_rerun(tmp_path):
    import time

    from pipeline.run import extract

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    smart = RELEASE + "António Vitorino said the \u201cagreement\u201d \u2013 signed today. " * 12
    path = corpus / "windows.txt"
    path.write_bytes(smart.encode("cp1252"))

    def warned(summary):
        return [note for note in summary.notes if note.startswith("windows.txt: decoded as")]

    assert warned(extract(corpus, out, workers=1))  # read: said once
    assert not warned(extract(corpus, out, workers=1))  # its rows are kept: nothing to say
    path.write_bytes((smart + "One more line.\n").encode("cp1252"))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert warned(extract(corpus, out, workers=1))  # changed and read again
