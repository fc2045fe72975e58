"""Matcher patterns answered from the tokens' attribute values: a drop-in for ``spacy.Matcher``.

spaCy's ``Matcher`` tests every pattern at every token. The model's ``attribute_ruler``
holds about 180 patterns, nearly all of one token (``{"TAG": "NN"}`` → POS NOUN), and
runs on every line, as does the gazetteer's ``entity_ruler`` with its 70 one-token
acronyms (``{"TEXT": "UNHCR"}``); with the trigger rules, testing patterns was an
eighth of a run. Whether a one-token pattern matches a token depends only on the few
attributes the patterns read (``LOWER``, ``TAG``, ``POS`` ...), and those combinations
repeat from token to token. So ``IndexedMatcher`` reads them for a whole Doc with
``Doc.to_array``, works out once per distinct combination which keys match, and
remembers that.

A ``REGEX`` on a string attribute is such a test too: it is run once per distinct value.
A longer pattern (operators and all) still goes to spaCy's ``Matcher``, but
only where it can match: every match holds the pattern's *anchor*, its least common
token that no operator makes optional (``{"LEMMA": "agree"}`` rather than
``{"LOWER": "to"}``; stop words count as common), so the pattern is run only on the
window a match may take around each token that passes the anchor's tests (as many
tokens before and after it as the pattern's tokens before and after the anchor may take), and
not at all on a Doc without one (on whole Docs when it has no anchor).

The result is the ``Matcher``'s: the same ``(key, start, end)`` triples, each once
(``tests/test_token_index.py`` compares the two), so the owner's sorting and filtering
is unchanged; only their order may differ, which no caller relies on (all sort).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# pattern attribute -> the name Doc.to_array reads it by (a string's hash, a flag's 0/1)
STRING_ATTRS = {
    "ORTH": "ORTH",
    "TEXT": "ORTH",
    "LOWER": "LOWER",
    "NORM": "NORM",
    "SHAPE": "SHAPE",
    "TAG": "TAG",
    "DEP": "DEP",
    "LEMMA": "LEMMA",
    "POS": "POS",  # a symbol: its string id is the enum value Doc.to_array gives
}
FLAG_ATTRS = {
    name: name
    for name in (
        "IS_ALPHA",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "LIKE_NUM",
    )
}
INDEXED_ATTRS = {**STRING_ATTRS, **FLAG_ATTRS}
ANNOTATED = {"TAG": "TAG", "DEP": "DEP", "LEMMA": "LEMMA", "POS": "POS"}  # set by components
WORD_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM", "LEMMA")  # the selective ones, for anchors
UNSELECTIVE = 10_000  # the cost of an anchor on a stop word, a tag or a flag
UNBOUNDED = 1_000_000  # the length of a pattern with "*", "+" or "{n,}"
MAX_CACHED = 200_000  # distinct attribute combinations remembered before starting over

# one compiled token predicate: (attribute name, allowed values or None, refused values,
# a regex the value's string must contain or None)
Test = tuple[str, frozenset[int] | None, frozenset[int], re.Pattern[str] | None]
REGEX_ATTRS = frozenset(STRING_ATTRS) - {"POS"}  # those whose value is a string's hash
Reach = tuple[int, int, int]  # (rest index, tokens a match may hold before, after the anchor's)


def value_id(attr: str, value: str | bool | int) -> int:
    """The integer ``Doc.to_array`` gives for ``value`` of ``attr``: a string's hash,
    a flag's 0 or 1."""
    if attr in FLAG_ATTRS:
        return int(bool(value))
    return get_string_id(value) if isinstance(value, str) else int(value)


def compile_token(spec: dict[str, Any], with_op: bool = False) -> list[Test] | None:
    """``spec`` (one token of a pattern) as tests on attribute values, or None when
    it needs the real Matcher (an operator, a regex, an attribute not indexed ...).
    ``with_op``: test the token whatever its operator says of it."""
    tests: list[Test] = []
    for attr, wanted in spec.items():
        if with_op and attr == "OP":
            continue
        if attr not in INDEXED_ATTRS:
            return None
        if isinstance(wanted, (str, bool, int)):
            tests.append((attr, frozenset({value_id(attr, wanted)}), frozenset(), None))
        elif isinstance(wanted, dict) and set(wanted) == {"REGEX"} and attr in REGEX_ATTRS:
            if not isinstance(wanted["REGEX"], str):
                return None
            tests.append((attr, None, frozenset(), re.compile(wanted["REGEX"])))
        elif isinstance(wanted, dict) and wanted and set(wanted) <= {"IN", "NOT_IN"}:
            allowed = wanted.get("IN")
            refused = wanted.get("NOT_IN", [])
            if not all(isinstance(v, (str, bool, int)) for v in [*(allowed or []), *refused]):
                return None
            tests.append(
                (
                    attr,
                    None if allowed is None else frozenset(value_id(attr, v) for v in allowed),
                    frozenset(value_id(attr, v) for v in refused),
                    None,
                )
            )
        else:
            return None
    return tests


def repeats(spec: dict[str, Any]) -> tuple[int, int]:
    """How many tokens a pattern token takes, at least and at most (``UNBOUNDED``)."""
    op = spec.get("OP")
    fixed = {None: (1, 1), "!": (1, 1), "?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}
    if op in fixed:
        return fixed[op]
    low, _, high = str(op).strip("{}").partition(",")
    if "," not in str(op):
        return int(low), int(low)
    return int(low or 0), int(high) if high else UNBOUNDED


def anchor_cost(vocab: Vocab, spec: dict[str, Any]) -> int:
    """How often a token may match ``spec``, roughly: words it allows count 1 each, a
    stop word or a spec on no word (a tag, a flag) ``UNSELECTIVE``."""
    costs = [UNSELECTIVE]
    for attr in WORD_ATTRS:
        wanted = spec.get(attr)
        listed: list[Any] = (wanted.get("IN") if isinstance(wanted, dict) else [wanted]) or []
        words = [w for w in listed if isinstance(w, str)]
        if words and len(words) == len(listed):
            costs.append(sum(UNSELECTIVE if vocab[word].is_stop else 1 for word in words))
    return min(costs)


def anchor_of(vocab: Vocab, pattern: list[dict[str, Any]]) -> tuple[list[Test] | None, int, int]:
    """A token every match of ``pattern`` contains, as tests (the least common such token;
    None when no token is sure to be there), and how many tokens a match may hold
    before and after a token the anchor takes (``UNBOUNDED`` at most)."""
    best: tuple[int, int, list[Test]] | None = None
    for position, spec in enumerate(pattern):
        if spec.get("OP") == "!" or repeats(spec)[0] < 1:
            continue
        tests = compile_token(spec, with_op=True)
        if tests is not None and (best is None or anchor_cost(vocab, spec) < best[0]):
            best = (anchor_cost(vocab, spec), position, tests)
    if best is None:
        return None, UNBOUNDED, UNBOUNDED
    _, position, tests = best
    more = repeats(pattern[position])[1] - 1  # the anchor's own other tokens ("+")
    before = more + sum(repeats(spec)[1] for spec in pattern[:position])
    after = more + sum(repeats(spec)[1] for spec in pattern[position + 1 :])
    return tests, min(UNBOUNDED, before), min(UNBOUNDED, after)


class IndexedMatcher:
    """A ``Matcher`` whose one-token patterns are answered from a cache keyed by the
    token's attribute values. Offers what the attribute and entity rulers call:
    ``add``, ``remove``, ``get``, ``in``, ``len`` and calling it on a Doc."""

    def __init__(self, vocab: Vocab, validate: bool = False, **matcher_config: Any) -> None:
        self.vocab = vocab
        self.validate = validate
        self.matcher_config = {"validate": validate, **matcher_config}
        self.full = Matcher(vocab, validate=validate, **matcher_config)  # for Spans, alignments
        self.patterns: dict[int, list[list[dict[str, Any]]]] = {}
        self.single: list[tuple[int, list[Test]]] = []  # in the order added
        self.rest_patterns: list[tuple[int, list[dict[str, Any]]]] = []
        self.rest: list[Matcher] = []  # a Matcher for each of the rest_patterns
        # (rest index, tests, tokens a match may hold before and after the anchor's)
        self.anchors: list[tuple[int, list[Test], int, int]] = []
        self.unanchored: list[int] = []  # rest patterns with no anchor: run on whole Docs
        self.attrs: list[str] = []  # the attributes the one-token patterns and anchors read
        # attribute values -> (keys of one-token patterns, (rest index, before, after) anchored)
        self.cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Reach, ...]]] = {}
        # which single patterns and anchors a token may pass, found by one value each names
        # (a cache miss then tests a handful, not every pattern)
        self.by_value: dict[tuple[str, int], list[int]] = {}
        self.unindexed: list[int] = []  # those that name no value: tested on every miss
        self.stale = False  # patterns added or removed since the index was built

    def _normalize_key(self, key: str | int) -> int:
        return get_string_id(key) if isinstance(key, str) else key

    def __len__(self) -> int:
        return len(self.patterns)

    def __contains__(self, key: str | int) -> bool:
        return self._normalize_key(key) in self.patterns

    def get(self, key: str | int, default: Any = None) -> tuple[None, list[Any]] | Any:
        """``(on_match, patterns)`` as ``Matcher.get`` gives them (no callbacks here)."""
        found = self.patterns.get(self._normalize_key(key))
        return default if found is None else (None, found)

    def add(
        self,
        key: str | int,
        patterns: Sequence[list[dict[str, Any]]],
        *,
        on_match: Callable[..., Any] | None = None,
        greedy: str | None = None,
    ) -> None:
        if on_match is not None or greedy is not None:
            raise ValueError("IndexedMatcher keeps no callbacks or greedy filters; use Matcher")
        self.full.add(key, list(patterns))  # validates the patterns as spaCy does
        key_id = self._normalize_key(key)
        if isinstance(key, str):
            self.vocab.strings.add(key)
        self.patterns.setdefault(key_id, []).extend(patterns)
        for pattern in patterns:
            tests = compile_token(pattern[0]) if len(pattern) == 1 else None
            if tests is None:
                self.rest_patterns.append((key_id, pattern))
            else:
                self.single.append((key_id, tests))
        self.stale = True  # indexed on the next call: rulers add their patterns one by one

    def remove(self, key: str | int) -> None:
        key_id = self._normalize_key(key)
        if key_id not in self.patterns:
            raise ValueError(f"no patterns under {key!r}")
        del self.patterns[key_id]
        self.full.remove(self.vocab.strings[key_id])
        self.single = [(k, tests) for k, tests in self.single if k != key_id]
        self.rest_patterns = [(k, pattern) for k, pattern in self.rest_patterns if k != key_id]
        self.stale = True

    def index(self) -> None:
        """Build the index of the patterns added so far (done by the first call after an
        ``add`` or ``remove``)."""
        if not self.stale:
            return
        self.rest, self.anchors, self.unanchored = [], [], []
        for index, (key_id, pattern) in enumerate(self.rest_patterns):
            matcher = Matcher(self.vocab, **self.matcher_config)
            matcher.add(self.vocab.strings[key_id], [pattern])
            self.rest.append(matcher)
            tests, before, after = anchor_of(self.vocab, pattern)
            if tests is None:
                self.unanchored.append(index)
            else:
                self.anchors.append((index, tests, before, after))
        every = [tests for _, tests in self.single] + [tests for _, tests, _, _ in self.anchors]
        self.attrs = sorted({attr for tests in every for attr, _, _, _ in tests})
        self.cache, self.by_value, self.unindexed = {}, {}, []
        for position, tests in enumerate(every):
            named = next(((attr, allowed) for attr, allowed, _, _ in tests if allowed), None)
            if named is None:
                self.unindexed.append(position)
                continue
            for value in named[1]:
                self.by_value.setdefault((named[0], value), []).append(position)
        self.stale = False

    def __call__(
        self,
        doclike: Doc | Span,
        *,
        as_spans: bool = False,
        allow_missing: bool = False,
        with_alignments: bool = False,
        ends: Sequence[int] | None = None,
    ) -> list[Any]:
        """The matches in ``doclike``; given ``ends`` (the sorted token offsets where the
        Doc's sentences end), only those within one sentence, found without running an
        open-ended pattern ("*", "+") past the end of its anchor's sentence."""
        self.index()
        if not isinstance(doclike, Doc) or with_alignments:
            full: Any = self.full
            return full(
                doclike,
                as_spans=as_spans,
                allow_missing=allow_missing,
                with_alignments=with_alignments,
            )
        if not allow_missing:
            self._require_annotations(doclike)
        found: set[tuple[int, int, int]] = set()
        size = len(doclike)
        windows: dict[int, list[tuple[int, int]]] = {
            index: [(0, size)] for index in self.unanchored
        }
        if self.attrs:
            columns: list[int | str] = [INDEXED_ATTRS[attr] for attr in self.attrs]
            cache = self.cache
            rows: list[list[int]] = (
                doclike.to_array(columns).reshape(len(doclike), len(columns)).tolist()  # type: ignore[assignment]
            )
            for i, row in enumerate(rows):
                values = tuple(row)
                known = cache.get(values)
                if known is None:
                    known = self._keys_for(values)
                    if len(cache) >= MAX_CACHED:
                        cache.clear()
                    cache[values] = known
                keys, anchored = known
                for key_id in keys:
                    found.add((key_id, i, i + 1))
                if not anchored:
                    continue  # most tokens: no sentence bounds to look up
                low, high = sentence_of(ends, i, size)
                for index, before, after in anchored:  # a match holding token i lies within
                    windows.setdefault(index, []).append(
                        (max(low, i - before), min(high, i + after + 1))
                    )
        for index, reach in windows.items():
            matcher = self.rest[index]
            for start, end in merged(reach) if ends is None else split_at(merged(reach), ends):
                found.update(
                    (key, start + s, start + e)
                    for key, s, e in matcher(doclike[start:end], allow_missing=allow_missing)
                )
        matches = sorted(found, key=lambda m: (m[1], m[2]))
        if as_spans:
            return [Span(doclike, start, end, label=key) for key, start, end in matches]
        return matches

    def _keys_for(self, values: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[Reach, ...]]:
        """The keys whose one-token patterns a token with these attribute values matches,
        and ``(rest index, before, after)`` of the other patterns it anchors."""
        by_attr = dict(zip(self.attrs, values, strict=True))
        candidates = set(self.unindexed)
        for attr, value in by_attr.items():
            candidates.update(self.by_value.get((attr, value), ()))
        keys: list[int] = []
        anchored: list[Reach] = []
        n_single = len(self.single)
        for position in sorted(candidates):
            if position < n_single:
                key_id, tests = self.single[position]
            else:
                index, tests, before, after = self.anchors[position - n_single]
            if not all(self._passes(by_attr[test[0]], test) for test in tests):
                continue
            if position >= n_single:
                anchored.append((index, before, after))
            elif key_id not in keys:
                keys.append(key_id)
        return tuple(keys), tuple(anchored)

    def _passes(self, value: int, test: Test) -> bool:
        _, allowed, refused, regex = test
        if regex is not None and not regex.search(self.vocab.strings[value]):
            return False
        return (allowed is None or value in allowed) and value not in refused

    def _require_annotations(self, doc: Doc) -> None:
        """Refuse, as spaCy's Matcher does, patterns on annotation the Doc lacks."""
        for attr in self.attrs:
            if attr in ANNOTATED and not doc.has_annotation(ANNOTATED[attr]):
                raise ValueError(
                    f"a pattern reads {attr}, which this Doc lacks: run the component that "
                    "sets it first, or call with allow_missing=True"
                )


def sentence_of(ends: Sequence[int] | None, i: int, size: int) -> tuple[int, int]:
    """The token range of the sentence holding token ``i`` (the whole Doc without ends)."""
    if not ends:
        return 0, size
    n = bisect.bisect_right(ends, i)
    return (ends[n - 1] if n else 0), (ends[n] if n < len(ends) else size)


def split_at(windows: list[tuple[int, int]], ends: Sequence[int]) -> list[tuple[int, int]]:
    """``windows`` cut where a sentence ends, so that no match crosses one."""
    cut: list[tuple[int, int]] = []
    for start, end in windows:
        n = bisect.bisect_right(ends, start)
        while n < len(ends) and ends[n] < end:
            cut.append((start, ends[n]))
            start, n = ends[n], n + 1
        cut.append((start, end))
    return cut


def merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` windows with those that overlap joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def index_matcher(owner: Any, patterns: Iterable[tuple[str | int, Any]]) -> None:
    """Give ``owner`` (a component with a ``matcher``) an ``IndexedMatcher`` holding
    ``patterns`` (``(key, patterns)`` pairs) in place of its Matcher."""
    matcher = IndexedMatcher(owner.vocab, validate=getattr(owner, "validate", False))
    for key, key_patterns in patterns:
        matcher.add(key, key_patterns)
    owner.matcher = matcher
