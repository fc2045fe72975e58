"""Cleaning as map → reduce → map (``pipeline.run.cleaning``): the same recurring lines
however the corpus is split into batches and buckets, and the same cleaning as
``chrome.clean_text`` (the rules and the shipped chrome classifier) against the whole corpus's recurring lines."""

import contextlib

import numpy as np
import pytest

from pipeline import chrome, clean
from pipeline.run.cleaning import (
    REREAD,
    clean_all,
    clean_batch,
    clean_pooled,
    count_lines,
    document_key,
    duplicate_keys,
    line_hash,
    line_hashes,
    long_lines,
    recurring_in,
    union,
)

TEXTS = [
    "Menu\nHome\nMinistry signs deal with agency\nBody one.\nShare this page",
    "Menu\nHome\nAgency opens office in the capital\nBody two.\nShare this page",
    "Other site\nUnique headline here for once\nBody three.\n  Share   this page ",
    "A\nA\nLone headline of a page\nBody four.",
]


def hashes_of(lines) -> set[int]:
    return {line_hash(line) for line in lines}


@pytest.mark.parametrize("buckets", [1, 2, 7])
@pytest.mark.parametrize("batch", [1, 2, 4])
def test_recurring_hashes_do_not_depend_on_batches_or_buckets(buckets, batch):
    batches = [TEXTS[i : i + batch] for i in range(0, len(TEXTS), batch)]
    parts = [count_lines([line_hashes(t) for t in texts], buckets) for texts in batches]
    found = union(recurring_in(part[k] for part in parts) for k in range(buckets))
    assert set(found.tolist()) == hashes_of(clean.recurring_lines(TEXTS))
    assert clean.recurring_lines(TEXTS) == {"Menu", "Home", "Share this page"}


def test_a_line_hash_is_the_same_in_every_process_and_run():
    assert line_hash("Share this page") == 2542303870911882184  # blake2b, not salted hash()


def test_one_character_lines_never_recur():
    assert line_hash("A") not in set(line_hashes(TEXTS[3]).tolist())


def test_cleaning_equals_clean_text_against_the_whole_corpus():
    items = [(str(n), text, None, None) for n, text in enumerate(TEXTS)]
    results, recurring = clean_all(items)
    assert set(recurring.tolist()) == hashes_of(clean.recurring_lines(TEXTS))
    for text, (_, cleaned, hashes) in zip(TEXTS, results, strict=True):
        assert cleaned == chrome.clean_text(text, clean.recurring_lines(TEXTS))
        assert np.array_equal(hashes, line_hashes(text))


def test_cleaning_in_a_pools_workers_equals_cleaning_here():
    from parallel_helpers import setup

    from pipeline.run.parallel import Pool

    items = [(str(n), text, None, None) for n, text in enumerate(TEXTS * 3)]
    pool = Pool(setup, ("w",), 2)
    try:
        pooled, recurring = clean_pooled(items, pool)
    finally:
        pool.kill()
    here, expected = clean_all(items)
    assert np.array_equal(recurring, expected)
    assert [(k, c) for k, c, _ in pooled] == [(k, c) for k, c, _ in here]
    assert all(np.array_equal(a, b) for (_, _, a), (_, _, b) in zip(pooled, here, strict=True))


def test_a_kept_key_reuses_the_cleaning_and_an_unread_changed_one_asks_for_the_text():
    results, recurring = clean_all([(str(n), t, None, None) for n, t in enumerate(TEXTS)])
    key, _, hashes = results[0]
    same, other = clean_batch(
        [("0", None, key, hashes), ("0", None, "an older key", hashes)], recurring
    )
    assert same == (key, None, hashes)
    assert other[1] == REREAD and other[0] == key


BODY = [
    "The International Organization for Migration and the Ministry of Labour signed an "
    "agreement on Monday to protect migrant workers.",
    "Under the agreement, the ministry will open three information centres for workers who "
    "plan to go abroad next year.",
    "IOM will train forty labour inspectors in the capital and in two border regions this "
    "spring, the parties said.",
]
ORIGINAL = "\n".join(["IOM and Ministry sign labour deal", *BODY, "Share this page"])
REPRINT = "\n".join(
    ["Daily Digest", "Home", "IOM and Ministry sign labour deal", *BODY, "© Daily Digest"]
)
OTHER = "\n".join(["Another release of the site", "Body of another release.", "Share this page"])


def test_a_reprint_is_no_second_source_of_its_release_s_lines():
    alone = clean_all([("o", ORIGINAL, None, None), ("x", OTHER, None, None)])[0]
    with_reprint = clean_all(
        [("o", ORIGINAL, None, None), ("x", OTHER, None, None), ("r", REPRINT, None, None)]
    )[0]
    assert with_reprint[0][1] == alone[0][1]  # the original, cleaned the same
    assert with_reprint[0][1].title == "IOM and Ministry sign labour deal"
    assert "Share this page" not in with_reprint[0][1].text  # still chrome: the site's own


def test_documents_sharing_most_long_lines_form_one_group():
    texts = [ORIGINAL, REPRINT, OTHER, "\n".join(["Headline", BODY[0], "Other words."])]
    hashes = [line_hashes(t) for t in texts]
    keys = duplicate_keys([long_lines(h) for h in hashes], [document_key(h) for h in hashes])
    assert keys[0] == keys[1] == document_key(hashes[0])
    assert len(set(keys)) == 3  # one long line shared is no reprint


PARAGRAPH = (
    "More and more governments around the world are using detention as a way to manage "
    "migration, and a new coalition of groups and individuals working around the world "
    "provides legal, social and other services, carries out research and reporting, and "
    "engages in advocacy on behalf of refugees, migrants and asylum seekers."
)


def test_a_release_of_one_paragraph_and_its_reprint_form_one_group():
    """A release whose body is one paragraph shares one long line with its reprint: a
    paragraph is evidence enough; a shared sentence of a footer is not."""
    original = "Migrants rights: a new campaign is launched\n" + PARAGRAPH
    reprint = "News Digest\nHome\n" + original + "\nShare this article"
    footer = "This website uses cookies to give you the best experience on our pages today."
    other_a = "First headline of a site\nBody sentence of the first.\n" + footer
    other_b = "Second headline of a site\nBody sentence of the second.\n" + footer
    texts = [original, reprint, other_a, other_b]
    hashes = [line_hashes(t) for t in texts]
    keys = duplicate_keys([long_lines(h) for h in hashes], [document_key(h) for h in hashes])
    assert keys[0] == keys[1] and len(set(keys)) == 3
    cleaned = clean_all([(str(n), t, None, None) for n, t in enumerate(texts)])[0]
    assert cleaned[0][1].title == "Migrants rights: a new campaign is launched"


WRAPPED = (  # a plain-text release broken at a fixed width: no line is a long line
    "Ministry and union sign deal\n\n"
    "The Ministry of Labour and the national union of domestic\n"
    "workers signed an agreement on Monday. The agreement sets a\n"
    "standard contract for every worker and bans the fees that\n"
    "agencies charge. Inspectors of both sides will visit the\n"
    "agencies every quarter and publish what they find. The union\n"
    "will run a hotline for workers who are not paid on time.\n\n"
    "The deal was welcomed by the association of employers, which\n"
    "said that it would help agencies that respect the law and\n"
    "close those that do not respect the rights of the workers.\n"
)


def test_a_hard_wrapped_release_and_its_reprint_form_one_group():
    """A hard-wrapped release has no line of twelve words: its sentences, joined back,
    are the evidence its reprint shares."""
    reprint = "News Digest\nHome\n" + WRAPPED + "Share this article\n"
    texts = [WRAPPED, reprint, OTHER]
    hashes = [line_hashes(t) for t in texts]
    keys = duplicate_keys([long_lines(h) for h in hashes], [document_key(h) for h in hashes])
    assert keys[0] == keys[1] and len(set(keys)) == 2
    cleaned = clean_all([(str(n), t, None, None) for n, t in enumerate(texts)])[0]
    assert cleaned[0][1].title == "Ministry and union sign deal"  # no recurring line


@pytest.mark.parametrize("buckets", [1, 3])
def test_lines_count_once_per_group_in_any_batches(buckets):
    texts = [ORIGINAL, REPRINT, OTHER]
    hashes = [line_hashes(t) for t in texts]
    keys = duplicate_keys([long_lines(h) for h in hashes], [document_key(h) for h in hashes])
    parts = [count_lines([h], buckets, [k]) for h, k in zip(hashes, keys, strict=True)]
    found = union(recurring_in(part[b] for part in parts) for b in range(buckets))
    assert set(found.tolist()) == hashes_of(["Share this page"])


def test_a_broken_pool_leaves_the_cleaning_to_this_process():
    from parallel_helpers import setup, task

    from pipeline.run.parallel import Pool

    items = [(str(n), text, None, None) for n, text in enumerate(TEXTS * 3)]
    pool = Pool(setup, ("w",), 2)
    try:
        with contextlib.suppress(Exception):
            pool.submit(task, "die").result()  # as the out-of-memory killer ends a worker
        pooled, _ = clean_pooled(items, pool)
        assert pool.submit(task, "after").result() == "w:after"  # a fresh pool for the chunks
    finally:
        pool.kill()
    here, _ = clean_all(items)
    assert [(k, c) for k, c, _ in pooled] == [(k, c) for k, c, _ in here]
