"""Single-token Matcher patterns looked up, not matched: a drop-in for ``spacy.Matcher``.

spaCy's ``Matcher`` tests every pattern at every token. The model's ``attribute_ruler``
holds about 180 patterns, nearly all of one token (``{"TAG": "NN"}`` → POS NOUN), and
runs on every line, as does the gazetteer's ``entity_ruler`` with its 70 one-token
acronyms (``{"TEXT": "UNHCR"}``): testing them was an eighth of a run. Whether a
one-token pattern matches a token depends only on the few attributes the patterns
read (``LOWER``, ``TAG``, ``DEP`` ...), and those combinations repeat from token to
token. So ``IndexedMatcher`` reads them for a whole Doc with ``Doc.to_array``, works
out once per distinct combination which keys match it, and remembers that.

Patterns it cannot read this way (more than one token, an ``OP``, a regex, a fuzzy or
numeric predicate, an attribute not in ``INDEXED_ATTRS``) stay in an ordinary
``Matcher`` it runs alongside. The result is the ``Matcher``'s: the same
``(key, start, end)`` triples, each once (``tests/test_token_index.py`` compares the
two on real text), so the owner's sorting and filtering is unchanged; only their
order may differ, which the attribute and entity rulers do not rely on (both sort).
"""

from __future__ import annotations

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
ANNOTATED = {"TAG": "TAG", "DEP": "DEP", "LEMMA": "LEMMA"}  # need a component to have run
MAX_CACHED = 200_000  # distinct attribute combinations remembered before starting over

# one compiled token predicate: (attribute name, allowed values or None, refused values)
Test = tuple[str, frozenset[int] | None, frozenset[int]]


def value_id(attr: str, value: str | bool | int) -> int:
    """The integer ``Doc.to_array`` gives for ``value`` of ``attr``: a string's hash,
    a flag's 0 or 1."""
    if attr in FLAG_ATTRS:
        return int(bool(value))
    return get_string_id(value) if isinstance(value, str) else int(value)


def compile_token(spec: dict[str, Any]) -> list[Test] | None:
    """``spec`` (one token of a pattern) as tests on attribute values, or None when
    it needs the real Matcher (an operator, a regex, an attribute not indexed ...)."""
    tests: list[Test] = []
    for attr, wanted in spec.items():
        if attr not in INDEXED_ATTRS:
            return None
        if isinstance(wanted, (str, bool, int)):
            tests.append((attr, frozenset({value_id(attr, wanted)}), frozenset()))
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
                )
            )
        else:
            return None
    return tests


class IndexedMatcher:
    """A ``Matcher`` whose one-token patterns are answered from a cache keyed by the
    token's attribute values. Offers what the attribute and entity rulers call:
    ``add``, ``remove``, ``get``, ``in``, ``len`` and calling it on a Doc."""

    def __init__(self, vocab: Vocab, validate: bool = False, **matcher_config: Any) -> None:
        self.vocab = vocab
        self.validate = validate
        self.rest = Matcher(vocab, validate=validate, **matcher_config)
        self.full = Matcher(vocab, validate=validate, **matcher_config)  # for Spans, alignments
        self.patterns: dict[int, list[list[dict[str, Any]]]] = {}
        self.single: list[tuple[int, list[Test]]] = []  # in the order added
        self.attrs: list[str] = []  # the attributes the one-token patterns read
        self.cache: dict[tuple[int, ...], tuple[int, ...]] = {}

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
        rest = []
        for pattern in patterns:
            tests = compile_token(pattern[0]) if len(pattern) == 1 else None
            if tests is None:
                rest.append(pattern)
            else:
                self.single.append((key_id, tests))
        if rest:
            self.rest.add(key, rest)
        self._reindex()

    def remove(self, key: str | int) -> None:
        key_id = self._normalize_key(key)
        if key_id not in self.patterns:
            raise ValueError(f"no patterns under {key!r}")
        del self.patterns[key_id]
        self.full.remove(self.vocab.strings[key_id])
        name = self.vocab.strings[key_id]
        if name in self.rest:
            self.rest.remove(name)
        self.single = [(k, tests) for k, tests in self.single if k != key_id]
        self._reindex()

    def _reindex(self) -> None:
        self.attrs = sorted({attr for _, tests in self.single for attr, _, _ in tests})
        self.cache = {}

    def __call__(
        self,
        doclike: Doc | Span,
        *,
        as_spans: bool = False,
        allow_missing: bool = False,
        with_alignments: bool = False,
    ) -> list[Any]:
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
        found = set(self.rest(doclike, allow_missing=allow_missing)) if len(self.rest) else set()
        if self.single:
            columns: list[int | str] = [INDEXED_ATTRS[attr] for attr in self.attrs]
            cache = self.cache
            rows: list[list[int]] = (
                doclike.to_array(columns).reshape(len(doclike), len(columns)).tolist()  # type: ignore[assignment]
            )
            for i, row in enumerate(rows):
                values = tuple(row)
                keys = cache.get(values)
                if keys is None:
                    keys = self._keys_for(values)
                    if len(cache) >= MAX_CACHED:
                        cache.clear()
                    cache[values] = keys
                for key_id in keys:
                    found.add((key_id, i, i + 1))
        matches = sorted(found, key=lambda m: (m[1], m[2]))
        if as_spans:
            return [Span(doclike, start, end, label=key) for key, start, end in matches]
        return matches

    def _keys_for(self, values: tuple[int, ...]) -> tuple[int, ...]:
        """The keys whose one-token patterns a token with these attribute values matches."""
        by_attr = dict(zip(self.attrs, values, strict=True))
        keys: list[int] = []
        for key_id, tests in self.single:
            if key_id in keys:
                continue
            if all(
                (allowed is None or by_attr[attr] in allowed) and by_attr[attr] not in refused
                for attr, allowed, refused in tests
            ):
                keys.append(key_id)
        return tuple(keys)

    def _require_annotations(self, doc: Doc) -> None:
        """Refuse, as spaCy's Matcher does, patterns on annotation the Doc lacks."""
        for attr in self.attrs:
            if attr in ANNOTATED and not doc.has_annotation(ANNOTATED[attr]):
                raise ValueError(
                    f"a pattern reads {attr}, which this Doc lacks: run the component that "
                    "sets it first, or call with allow_missing=True"
                )


def index_matcher(owner: Any, patterns: Iterable[tuple[str | int, Any]]) -> None:
    """Give ``owner`` (a component with a ``matcher``) an ``IndexedMatcher`` holding
    ``patterns`` (``(key, patterns)`` pairs) in place of its Matcher."""
    matcher = IndexedMatcher(owner.vocab, validate=getattr(owner, "validate", False))
    for key, key_patterns in patterns:
        matcher.add(key, key_patterns)
    owner.matcher = matcher
