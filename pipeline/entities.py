"""Entities an analyst can join on: PERSON, ORG, PLACE and DATE mentions.

Sources, recorded per row in ``source``:
- ``gaz.<body>.<form>`` / ``generic.<rule>``: the EntityRuler patterns in
  ``patterns/organisations.jsonl`` and ``patterns/org_generic.jsonl``;
- ``model.<LABEL>``: spaCy's statistical NER, cleaned (titles, articles,
  possessives and neighbouring words removed; people split from their roles);
- ``office.*``: organisation offices ("IOM Ukraine", "Regional Office of the
  IOM in Vienna") merged onto their parent body;
- ``alias.*``: acronyms defined in brackets and their later uses;
- ``dateline``: the places of a dateline ("Kyiv —");
- ``date.*``: the calendar patterns of ``dates.py``.

Inside a document mentions of one body share an ``entity_id`` and a canonical
``norm``; gazetteer bodies have the same id and name in every document.
Mentions in contact lines ("For more information, please contact ...") are
not extracted: they name press officers, not parties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import dates, places
from .lexicon import gazetteer, words
from .patterns_io import agreement_nouns
from .schemas import empty_frame
from .sentences import doc_text, sentence_spans

LABEL_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
QUOTES_OPEN = {"“", '"', "«", "„"}
QUOTES_CLOSE = {"”", '"', "»"}
POSSESSIVE = {"’s", "'s", "’", "'"}
EDGE_PUNCT = set("()[]{},.;:!?-–—/") | QUOTES_OPEN | QUOTES_CLOSE
DETERMINERS = {"the", "a", "an", "its", "their", "our", "this", "these", "both"}
TRAILING_FUNCTION_WORDS = {"of", "for", "in", "on", "at", "to", "by", "with", "and", "the"}
DATELINE = re.compile(
    r"^(?P<places>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?(?:\s*/\s*[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)*)"
    r"(?:,\s*[^—–\n]{0,40})?\s+[—–-]\s+"
)
SLUG = re.compile(r"[^a-z0-9]+")
ROLE_WINDOW = 12  # tokens before a name in which its role word must stand


@dataclass
class Mention:
    start: int
    end: int
    label: str
    source: str
    entity_key: str | None = None  # gazetteer body
    canonical: str | None = None
    office: str | None = None
    value: str | None = None  # DATE
    date_start: object = None
    date_end: object = None
    norm: str | None = None
    entity_id: str | None = None
    country_code: str | None = None
    nested: bool = False  # a place inside an office name, kept as its own mention
    extra: dict = field(default_factory=dict)


def slug(text: str) -> str:
    return SLUG.sub("-", text.casefold().replace("’", "'")).strip("-")


def contact_ranges(doc: Doc) -> list[tuple[int, int]]:
    markers = words("contact_markers")
    ranges = []
    for span in sentence_spans(doc):
        lowered = span.text.casefold()
        if any(marker in lowered for marker in markers):
            ranges.append((span.start_char, span.end_char))
    return ranges


def inside(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def trim_tokens(span: Span, keep_quotes: bool) -> Span | None:
    """Drop leading articles and punctuation, trailing possessives, prepositions and
    punctuation."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].lower_ in DETERMINERS
        or doc[start].is_space
        or (doc[start].text in EDGE_PUNCT and not (keep_quotes and doc[start].text in QUOTES_OPEN))
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in TRAILING_FUNCTION_WORDS  # "Comptroller-General of"
        or (
            doc[end - 1].text in EDGE_PUNCT
            and not (keep_quotes and doc[end - 1].text in QUOTES_CLOSE)
        )
    ):
        end -= 1
    if start >= end:
        return None
    trimmed = doc[start:end]
    # an unbalanced quote at either edge goes
    if trimmed[0].text in QUOTES_OPEN and not any(t.text in QUOTES_CLOSE for t in trimmed[1:]):
        trimmed = doc[trimmed.start + 1 : trimmed.end]
    if (
        len(trimmed)
        and trimmed[-1].text in QUOTES_CLOSE
        and not any(t.text in QUOTES_OPEN for t in trimmed[:-1])
    ):
        trimmed = doc[trimmed.start : trimmed.end - 1]
    return trimmed if len(trimmed) else None


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline opening the first body line ("Accra, 12 March 2024 – "), if any;
    offsets are relative to that line."""
    first_end = text.find("\n")
    if first_end < 0:
        return None
    line_end = text.find("\n", first_end + 1)
    return DATELINE.match(text[first_end + 1 : line_end if line_end >= 0 else len(text)])


def dateline_end(text: str) -> int:
    """Character offset where the text after the dateline starts (0 without a dateline)."""
    match = dateline_match(text)
    return text.find("\n") + 1 + match.end() if match else 0


def crosses_line(span: Span) -> bool:
    return "\n" in span.text


def name_like(token: Token) -> bool:
    """A token that can be part of a person's name."""
    return (
        token.is_title
        and token.is_alpha
        and token.lower_ not in words("role_words")
        and token.lower_ not in words("org_heads")
        and token.lower_ not in words("honorifics")
    )


def person_tail(span: Span, after_role: bool = False) -> Span | None:
    """ "the Interior of Ukraine Ihor Klymenko" -> "Ihor Klymenko" (role words before a name)."""
    tokens = list(span)
    n = 0
    while (
        n < len(tokens)
        and name_like(tokens[-1 - n])
        and not places.is_known_place(tokens[-1 - n].text)
    ):
        n += 1
    if n < 2 or n == len(tokens):
        return None
    head = tokens[: len(tokens) - n]
    if head[-1].lower_ in ("of", "for", "and", "on"):
        return None  # "Minister of Economic Inclusion": the run is the portfolio
    if not after_role and not any(
        t.lower_ in words("role_heads") or t.lower_ in words("honorifics") for t in head
    ):
        return None
    return span.doc[span.end - min(n, 3) : span.end]


def preceded_by_role(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].text == "," or doc[i].is_space or doc[i].lower_ == "the"):
        i -= 1
    for token in doc[max(0, i - 2) : i + 1]:  # "Minister of [the Interior ...]"
        if token.lower_ in words("honorifics") or token.lower_ in words("role_heads"):
            return True
    return False


def portfolio_of_role(span: Span) -> bool:
    """The span follows "<role word> for/of": "Director General for [Operations]"."""
    doc, i = span.doc, span.start
    return (
        i >= 2
        and doc[i - 1].lower_ in ("for", "of")
        and (doc[i - 2].lower_ in words("role_heads") or doc[i - 2].lower_ in words("role_words"))
    )


def speech_subject(span: Span) -> bool:
    """The span is who speaks: "..., said X" / "X said"."""
    root = span.root
    return root.dep_ in ("nsubj", "dobj", "attr", "npadvmod") and root.head.lemma_ in words(
        "speech_verbs"
    )


def looks_like_person(span: Span) -> bool:
    tokens = [t for t in span if not t.is_punct]
    return (
        2 <= len(tokens) <= 3
        and all(name_like(t) for t in tokens)
        and not any(places.is_known_place(t.text) for t in tokens)
    )


def refine(span: Span, label: str, source: str) -> list[tuple[Span, str, str]]:
    """Clean one raw entity span into zero or more (span, label, source) mentions."""
    if crosses_line(span) and source.startswith("model."):
        return []
    trimmed = trim_tokens(span, keep_quotes=label == "ORG")
    if trimmed is None:
        return []
    doc = span.doc
    out: list[tuple[Span, str, str]] = []
    # "Ukraine’s Ministry of the Interior" -> PLACE Ukraine + ORG Ministry of the Interior
    for i, token in enumerate(trimmed):
        if token.text in POSSESSIVE and 0 < i < len(trimmed) - 1:
            owner = doc[trimmed.start : token.i]
            if places.is_known_place(owner.text):
                out.append((owner, "PLACE", source + ".possessive"))
                rest = doc[token.i + 1 : trimmed.end]
                return out + refine(rest, label, source)
            break
    # honorific first: a person
    if trimmed[0].lower_ in words("honorifics") and label in ("PERSON", "ORG", "PLACE"):
        rest = trim_tokens(doc[trimmed.start + 1 : trimmed.end], keep_quotes=False)
        if rest is not None and rest[0].is_title:
            return [(rest, "PERSON", source + ".honorific")]
        return []
    if label in ("ORG", "PERSON") and not source.startswith(("gaz.", "generic.")):
        tail = person_tail(trimmed, after_role=preceded_by_role(span))
        if tail is not None:
            return [(tail, "PERSON", source + ".role_split")]
    if (
        label == "ORG"
        and source.startswith("model.")
        and looks_like_person(trimmed)
        and (preceded_by_role(trimmed) or speech_subject(trimmed))
    ):
        return [(trimmed, "PERSON", source + ".person_context")]
    if label == "PERSON" and any(t.lower_ in words("org_heads") for t in trimmed):
        return []
    if label == "PERSON" and len(trimmed) == 1 and sum(c.isupper() for c in trimmed.text) >= 2:
        return []  # "MoU", "UNHCR": acronyms are not people
    if label == "PERSON" and places.is_known_place(trimmed.text):
        return [(trimmed, "PLACE", source + ".known_place")]
    if not (
        trimmed.text[0].isupper() or trimmed.text[0].isdigit() or trimmed.text[0] in QUOTES_OPEN
    ):
        return []
    if label == "ORG" and source.startswith("model."):
        if any(t.lower_ in agreement_nouns() for t in trimmed):
            return []  # "the Agreement of Cooperation" is an agreement, not a body
        if trimmed[0].lower_ in words("role_openers"):
            return []  # "Minister of Foreign Affairs" is a role
        if trimmed[-1].lower_ in words("role_heads"):
            return []  # "Regional Migration Health Advisor" is a role
        if trimmed[-1].lower_ in words("document_nouns"):
            return []  # "the National Migration Policy" is a text, not a body
        if len(trimmed) == 1 and portfolio_of_role(trimmed):
            return []  # "Operations" in "Deputy Director General for Operations"
        if places.is_known_place(trimmed.text):
            return [(trimmed, "PLACE", source + ".known_place")]
    modifier = trimmed[0]
    if (
        label in ("PLACE", "PERSON")
        and len(trimmed) == 1
        and modifier.dep_ in ("amod", "compound")
        and (modifier.head.i > modifier.i and modifier.head.is_lower)
    ) and not places.is_known_place(trimmed.text):
        return []  # "Kyrgyz couple", "Tajik family": an adjective, not a place or a person
    if len(trimmed) == 1 and label != "PERSON":
        lowered = trimmed[0].lower_
        if lowered in words("org_heads") or lowered in words("role_heads"):
            return []  # a bare "Network" or "Ministry" is a short form, not a name
    if (
        label == "PLACE"
        and trimmed.end < len(doc)
        and doc[trimmed.end].lower_
        in ("region", "province", "oblast", "district", "governorate", "county", "dam")
    ):
        trimmed = doc[trimmed.start : trimmed.end + 1]  # "Issyk-Kul region"
    return [(trimmed, label, source)]


class EntityExtractor:
    """Turns one parsed document into mentions; see the module docstring."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.contact = contact_ranges(doc)
        self.misc: list[tuple[int, int]] = []
        self.regions: list[Span] = []  # "West Africa": the regions rules' places
        self.mentions: list[Mention] = []

    # -- collection ---------------------------------------------------------
    def taken(self, start: int, end: int) -> bool:
        return overlaps(start, end, [(m.start, m.end) for m in self.mentions if not m.nested])

    def add(self, mention: Mention) -> None:
        if inside(mention.start, mention.end, self.contact):
            return
        if not mention.nested and self.taken(mention.start, mention.end):
            return
        self.mentions.append(mention)

    def collect(self) -> list[Mention]:
        doc = self.doc
        ruler, model = [], []
        for ent in doc.ents:
            if ent.label_ == "MISC":
                self.misc.append((ent.start_char, ent.end_char))
            elif ent.ent_id_ and ent.label_ == "LOC":
                self.regions.append(ent)
            elif ent.ent_id_:
                ruler.append(ent)
            else:
                model.append(ent)
        for ent in ruler:
            self.add_ruler_org(ent)
        for ent in self.regions:
            span = trim_tokens(ent, keep_quotes=False)
            if span is not None:
                self.add(Mention(span.start_char, span.end_char, "PLACE", ent.ent_id_))
        self.merge_offices()
        self.add_dateline()
        for ent in model:
            label = LABEL_MAP.get(ent.label_)
            if label is None or overlaps(ent.start_char, ent.end_char, self.misc):
                continue
            for span, new_label, source in refine(ent, label, f"model.{ent.label_}"):
                self.add(Mention(span.start_char, span.end_char, new_label, source))
        self.drop_unattested_headline_guesses()
        self.relabel_named_persons()
        self.relabel_known_people()
        self.complete_known_surnames()
        self.add_acronym_aliases()
        self.add_dates()
        self.trim_headline_orgs()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.resolve()
        return self.mentions

    def add_ruler_org(self, ent: Span) -> None:
        source = ent.ent_id_
        keep_quotes = source.startswith("generic.acronym_quoted") or source.startswith(
            "generic.titled_body_quoted"
        )
        span = trim_tokens(ent, keep_quotes=keep_quotes)
        if span is None:
            return
        if source == "generic.quoted_after_type":  # movement “Bir Duyno Kyrgyzstan”
            span = trim_tokens(self.doc[span.start + 1 : span.end], keep_quotes=False)
            if span is None:
                return
        info = gazetteer().get(source, {})
        self.add(
            Mention(
                span.start_char,
                span.end_char,
                "ORG",
                source,
                entity_key=info.get("entity"),
                canonical=info.get("canonical"),
            )
        )

    # -- offices -------------------------------------------------------------
    def merge_offices(self) -> None:
        """ "IOM Ukraine", "IOM Regional Office in Vienna", "Regional Office of the IOM in
        Vienna": one ORG mention of the parent body, with the office recorded."""
        doc = self.doc
        for mention in list(self.mentions):
            if mention.entity_key is None:
                continue
            span = doc.char_span(mention.start, mention.end)
            if span is None:
                continue
            start, end, office_tokens = span.start, span.end, []
            # right: a place ("IOM Ukraine") or an office name ("WHO Regional Office for Europe")
            j = end
            while (
                j < len(doc)
                and doc[j].is_title
                and doc[j].lower_ not in ("and", "the")
                and (
                    doc[j].ent_type_ in ("GPE", "LOC")
                    or places.is_known_place(doc[j].text)
                    or doc[j].lower_
                    in (
                        "regional",
                        "country",
                        "sub-regional",
                        "liaison",
                        "office",
                        "mission",
                        "european",
                    )
                )
            ):
                j += 1
            if j > end and (
                doc[j - 1].ent_type_ in ("GPE", "LOC")
                or places.is_known_place(doc[j - 1].text)
                or doc[j - 1].lower_ in ("office", "mission")
            ):
                office_tokens = list(doc[end:j])
                end = j
                if doc[end - 1].lower_ in ("office", "mission"):
                    end = self.extend_location(end)
                    office_tokens = list(doc[span.end : end])
            # left: "[the] Regional Office [in X | for X] of [the] IOM [in X]"
            i = start
            if i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of":
                i -= 2
            elif i >= 1 and doc[i - 1].lower_ == "of":
                i -= 1
            if i < start:
                k = i
                # skip an optional "in Vienna" / "for Europe" between office and "of"
                m = k - 1
                while m >= 0 and m > k - 4 and doc[m].is_title:
                    m -= 1
                if m >= 0 and doc[m].lower_ in ("in", "for") and m < k - 1:
                    k = m
                if k >= 1 and doc[k - 1].lower_ in ("office", "mission", "offices"):
                    left = k - 1
                    while (
                        left >= 1
                        and doc[left - 1].is_title
                        and doc[left - 1].lower_ not in ("the", "and", "of", "on", "in", "at", "by")
                        and not doc[left - 1].is_sent_start
                    ):
                        left -= 1
                    if (
                        left >= 1
                        and doc[left - 1].is_title
                        and doc[left - 1].is_sent_start
                        and doc[left - 1].lower_ != "the"
                    ):
                        left -= 1
                    office_tokens = list(doc[left:start]) + office_tokens
                    start = left
                    end = self.extend_location(end)
            if (start, end) == (span.start, span.end):
                continue
            new = doc[start:end]
            if crosses_line(new):
                continue
            self.mentions.remove(mention)
            office = (
                " ".join(t.text for t in office_tokens if t.lower_ not in ("of", "the")).strip()
                or None
            )
            self.mentions = [
                m
                for m in self.mentions
                if not overlaps(m.start, m.end, [(new.start_char, new.end_char)])
            ]
            merged = Mention(
                new.start_char,
                new.end_char,
                "ORG",
                "office." + mention.source,
                entity_key=mention.entity_key,
                canonical=mention.canonical,
                office=office,
            )
            self.mentions.append(merged)
            regions = [ent for ent in self.regions if new.start <= ent.start < new.end]
            for ent in regions:  # "IOM Regional Office for West and Central Africa"
                self.mentions.append(
                    Mention(ent.start_char, ent.end_char, "PLACE", ent.ent_id_, nested=True)
                )
            for token in new:
                if any(ent.start <= token.i < ent.end for ent in regions):
                    continue
                if (
                    token.is_title
                    and token.lower_ not in words("direction_words")  # "Central" is a town too
                    and places.country_code(token.text)
                ):
                    self.mentions.append(
                        Mention(
                            token.idx,
                            token.idx + len(token.text),
                            "PLACE",
                            "office.place",
                            nested=True,
                        )
                    )

    def extend_location(self, end: int) -> int:
        """Include a following "in Vienna" / "for Europe"."""
        doc = self.doc
        if (
            end + 1 < len(doc)
            and doc[end].lower_ in ("in", "for")
            and doc[end + 1].ent_type_ in ("GPE", "LOC")
        ):
            j = end + 1
            while j < len(doc) and doc[j].ent_type_ in ("GPE", "LOC") and doc[j].ent_iob_ != "O":
                j += 1
            return j
        return end

    # -- other sources ---------------------------------------------------------
    def add_dateline(self) -> None:
        match = dateline_match(self.text)
        if not match:
            return
        offset = self.text.find("\n") + 1
        names = match.group("places")
        for part in re.finditer(r"[^/]+", names):
            name = part.group(0).strip()
            if not places.is_known_place(name):
                continue
            start = offset + part.start() + (len(part.group(0)) - len(part.group(0).lstrip()))
            self.add(Mention(start, start + len(name), "PLACE", "dateline"))

    def drop_unattested_headline_guesses(self) -> None:
        """Title-case headlines fool the statistical NER ("Nigeria Sign Memorandum" as a
        person): keep a model mention of the headline only if the body names it too."""
        title_end = self.text.find("\n")
        if title_end < 0:
            return
        body = self.text[title_end:]
        self.mentions = [
            m
            for m in self.mentions
            if m.start > title_end
            or not m.source.startswith("model.")
            or self.text[m.start : m.end] in body
        ]

    def relabel_named_persons(self) -> None:
        """A model place that is no known place, in apposition to a noun for a person, is a
        person: "One Kyrgyz couple, Sanobahor and Asanbai, ..."."""
        for mention in self.mentions:
            if not self.place_guess(mention):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            root = span.root
            if root.dep_ == "conj" and root.head.dep_ == "appos":
                root = root.head
            if root.dep_ == "appos" and root.head.lower_ in words("person_nouns"):
                mention.label = "PERSON"
                mention.source += ".person_apposition"

    def relabel_known_people(self) -> None:
        """A name the model calls a person anywhere is a person everywhere in the document."""
        people = {self.text[m.start : m.end] for m in self.mentions if m.label == "PERSON"}
        for mention in self.mentions:
            if mention.label == "PERSON" or mention.entity_key:
                continue
            surface = self.text[mention.start : mention.end]
            if surface in people:
                mention.label = "PERSON"
                mention.source += ".known_person"
                continue
            for name in people:
                if len(name.split()) >= 2 and surface.endswith(" " + name):
                    mention.start = mention.end - len(name)
                    mention.label = "PERSON"
                    mention.source += ".known_person"
                    break
        self.add_unlabelled_people()

    def add_unlabelled_people(self) -> None:
        """Names the model missed right after a role or an office, or in apposition to one:
        "... Advisor of IOM Regional Office in Vienna Jaime Calderon took part", "the
        Minister of Labour of Guatemala, Rafael Rodríguez Pellecer, signed". A model place
        that is no known place ("Rafael") does not stop such a name."""
        doc = self.doc
        guesses = [m for m in self.mentions if self.place_guess(m)]
        solid = [(m.start, m.end) for m in self.mentions if m not in guesses]
        ends = {m.end for m in self.mentions if m.label in ("ORG", "PLACE")}
        i = 0
        while i < len(doc):
            token = doc[i]
            if not self.after_role(i, ends) or not name_like(token) or token.tag_ != "NNP":
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 3 and name_like(doc[j]) and doc[j].tag_ == "NNP":
                j += 1
            run = doc[i:j]
            window = doc[max(0, i - ROLE_WINDOW) : i]
            if (
                len(run) >= 2
                and not overlaps(run.start_char, run.end_char, solid)
                and any(t.lower_ in words("role_heads") for t in window)
                and not any(places.is_known_place(t.text) for t in run)
            ):
                self.replace_overlapped(
                    Mention(run.start_char, run.end_char, "PERSON", "role.name_after_role"),
                    lambda m: m in guesses,
                )
            i = j

    def place_guess(self, mention: Mention) -> bool:
        """A place only the statistical model vouches for, and no known place ("Rafael")."""
        return (
            mention.label == "PLACE"
            and mention.source.startswith("model.")
            and not places.is_known_place(self.surface(mention))
        )

    def replace_overlapped(self, mention: Mention, replaceable) -> None:
        """Add ``mention`` in place of the ``replaceable`` mentions it overlaps."""
        where = [(mention.start, mention.end)]
        self.mentions = [
            m for m in self.mentions if not (replaceable(m) and overlaps(m.start, m.end, where))
        ]
        self.add(mention)

    def after_role(self, i: int, ends: set[int]) -> bool:
        """Token ``i`` follows a role word or a named body or place, maybe after a comma."""
        doc = self.doc
        if i == 0:
            return False
        previous = doc[i - 1]
        if previous.text == "," and i >= 2:
            previous = doc[i - 2]
        return previous.lower_ in words("role_heads") or previous.idx + len(previous.text) in ends

    def complete_known_surnames(self) -> None:
        """A surname the text names alone ("Ms. Ndiaye") makes a run of given names in front
        of it elsewhere ("Fatou Diallo Ndiaye") one person, where the model missed the full
        name or took part of it for a place."""
        doc = self.doc
        surnames = {
            self.text[m.start : m.end]
            for m in self.mentions
            if m.label == "PERSON" and " " not in self.text[m.start : m.end]
        }
        if not surnames:
            return
        orgs = [(m.start, m.end) for m in self.mentions if m.label == "ORG"]
        for token in doc:
            if token.text not in surnames:
                continue
            start = token.i
            while (
                start > 0
                and token.i - start < 3
                and doc[start - 1].tag_ in ("NNP", "NNPS")
                and name_like(doc[start - 1])
                and not doc[start - 1].is_stop
                and not places.is_known_place(doc[start - 1].text)
            ):
                start -= 1
            run = doc[start : token.i + 1]
            if len(run) < 2 or overlaps(run.start_char, run.end_char, orgs):
                continue
            self.replace_overlapped(
                Mention(run.start_char, run.end_char, "PERSON", "person.surname_known"),
                lambda m: m.label != "ORG",
            )

    def add_acronym_aliases(self) -> None:
        """ "Full Name (ACR)": ACR and its later uses are the same entity."""
        doc = self.doc
        for mention in list(self.mentions):
            if mention.label != "ORG":
                continue
            span = doc.char_span(mention.start, mention.end)
            if span is None or span.end + 2 >= len(doc) or doc[span.end].text != "(":
                continue
            j = span.end + 1
            k = j
            while k < len(doc) and doc[k].text != ")" and k - j < 4:
                k += 1
            if k >= len(doc) or doc[k].text != ")" or k == j:
                continue
            alias = doc[j:k]
            if not (alias.text[0].isupper() and len(alias.text) <= 30):
                continue
            mention.extra["alias"] = alias.text
            self.mentions = [
                m
                for m in self.mentions
                if m is mention or self.text[m.start : m.end] != alias.text or m.label == "ORG"
            ]
            for match in re.finditer(rf"(?<![\w-]){re.escape(alias.text)}(?![\w-])", self.text):
                start, end = match.span()
                existing = [m for m in self.mentions if m.start == start and m.end == end]
                if existing:
                    for m in existing:
                        m.label = "ORG"
                        m.extra["alias_of"] = mention
                    continue
                if self.taken(start, end) or inside(start, end, self.contact):
                    continue
                self.mentions.append(
                    Mention(start, end, "ORG", "alias.acronym", extra={"alias_of": mention})
                )

    def add_dates(self) -> None:
        found = dates.find_dates(self.text)
        kept = [
            d
            for d in found
            if not inside(d.start, d.end, self.contact)
            and not overlaps(d.start, d.end, self.misc)
            and not overlaps(
                d.start, d.end, [(m.start, m.end) for m in self.mentions if m.label == "ORG"]
            )
        ]
        for d in dates.normalise_dates(kept):
            self.mentions.append(
                Mention(
                    d.start,
                    d.end,
                    "DATE",
                    d.rule,
                    value=d.value,
                    date_start=d.date_start,
                    date_end=d.date_end,
                )
            )

    def trim_headline_orgs(self) -> None:
        """Title-case headlines make generic patterns run on ("Ministry of Interior Boost
        Cooperation"): cut a headline mention to a name the body attests."""
        title_end = self.text.find("\n")
        if title_end < 0:
            return
        body_orgs = [
            self.words_of(m) for m in self.mentions if m.label == "ORG" and m.start > title_end
        ]
        for mention in self.mentions:
            if mention.label != "ORG" or mention.start > title_end or mention.entity_key:
                continue
            tokens = self.words_of(mention)
            best = 0
            for body in body_orgs:
                if len(body) < len(tokens) and tokens[: len(body)] == body:
                    best = max(best, len(body))
            if best:
                span = self.doc.char_span(mention.start, mention.end)
                kept = [t for t in span if t.lower_ != "the"][:best]
                mention.end = kept[-1].idx + len(kept[-1].text)

    def words_of(self, mention: Mention) -> list[str]:
        return [
            w
            for w in re.findall(r"[\w’'-]+", self.text[mention.start : mention.end].casefold())
            if w != "the"
        ]

    # -- resolution ------------------------------------------------------------
    def resolve(self) -> None:
        """Canonical names and entity ids shared by every mention of one entity."""
        orgs = [m for m in self.mentions if m.label == "ORG"]
        # acronym aliases take their definition's identity
        for m in orgs:
            definition = m.extra.get("alias_of")
            if definition is not None:
                m.entity_key = m.entity_key or definition.entity_key
                m.canonical = definition.canonical or self.surface(definition)
        # generic names: a shorter name contained in a longer one is the same body
        surfaces = sorted({self.surface(m) for m in orgs if not m.canonical}, key=len, reverse=True)
        for m in orgs:
            if m.canonical:
                continue
            own = self.surface(m)
            own_words = words_key(own)
            for longer in surfaces:
                if longer == own or len(own_words) < 2 and own_words[0] not in words("org_heads"):
                    break
                if contains_words(words_key(longer), own_words):
                    own = longer
                    break
            m.canonical = own
        by_alias = {m.extra["alias"]: m.canonical for m in orgs if "alias" in m.extra}
        for m in orgs:
            if self.surface(m) in by_alias:
                m.canonical = by_alias[self.surface(m)]
            m.norm = m.canonical
            m.entity_id = f"org:{m.entity_key}" if m.entity_key else f"org:{slug(m.norm)}"
        # people: a surname alone is the person named in full elsewhere
        persons = [m for m in self.mentions if m.label == "PERSON"]
        full = sorted({self.surface(m) for m in persons}, key=len, reverse=True)
        for m in persons:
            own = self.surface(m)
            for name in full:
                if name != own and name.split()[-1] == own.split()[-1] and len(name) > len(own):
                    own = name
                    break
            m.norm = own
            m.entity_id = f"person:{slug(own)}"
        for m in self.mentions:
            if m.label == "PLACE":
                surface = self.surface(m)
                if surface.isupper() and len(surface) > 3 and places.is_known_place(surface):
                    surface = surface.title()  # a dateline's "KAMPALA"
                m.country_code = places.country_code(surface)
                m.norm = surface
                if m.country_code and places.is_country(surface):
                    m.entity_id = f"country:{m.country_code}"
                else:
                    m.entity_id = f"place:{slug(surface)}"
            elif m.label == "DATE":
                m.norm = m.value
                m.entity_id = f"date:{m.value}" if m.value else None

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]


def words_key(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]+", name.casefold()) if w not in ("the", "of")]


def contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def doc_mentions(doc: Doc) -> list[Mention]:
    """All entity mentions of one parsed document (cached on the Doc)."""
    cached = doc.user_data.get("accords_mentions")
    if cached is None:
        cached = EntityExtractor(doc).collect()
        doc.user_data["accords_mentions"] = cached
    return cached


def mention_rows(doc: Doc) -> list[dict]:
    spans = sentence_spans(doc)
    rows = []
    for m in doc_mentions(doc):
        sent_id = next((i for i, s in enumerate(spans) if s.start_char <= m.start < s.end_char), -1)
        rows.append(
            {
                "doc_id": doc.user_data["doc_id"],
                "sent_id": sent_id,
                "start": m.start,
                "end": m.end,
                "text": doc_text(doc)[m.start : m.end],
                "label": m.label,
                "norm": m.norm,
                "entity_id": m.entity_id,
                "source": m.source,
                "office": m.office,
                "country_code": m.country_code,
                "date_start": m.date_start,
                "date_end": m.date_end,
            }
        )
    return rows


def extract_entities(docs: Iterable[Doc]) -> pd.DataFrame:
    """One row per entity mention of each parsed document."""
    rows = [row for doc in docs for row in mention_rows(doc)]
    return pd.DataFrame(rows) if rows else empty_frame("entities")
