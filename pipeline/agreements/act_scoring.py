"""The learned act detector: does a release in which the rules find no act report one,
and which agreement noun (or verb: "have partnered") tells it.

The rules report an act where an agreement noun is governed by a verb of signing,
adopting or launching. Releases that print a statement whole, announce that two bodies
"have partnered", or name a network or programme they set up tell their act without
such a verb, and the rules find none there: on the development set that is the largest
loss of agreements and of their parties. Here, in a release with no act the rules find,
every agreement noun (headline and body) is a candidate described by named features;
a model trained on the gold says whether the best of them is the release's act, which
is then read as the rules read any act (name, parties, signatories, date, place). With no
model nothing changes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from ..learn import Features, LinearModel
from ..nlp.extensions import agreements
from ..nlp.headline import headline_bodies
from ..nlp.learned import MODELS, load_linear
from ..nlp.payloads import Agreement, Mention
from ..nlp.syntax import coordinated_under
from ..nlp.text import matches_by_sentence
from ..nlp.token_index import IndexedMatcher
from ..rules.lexicon import agreement_nouns, words
from . import in_a_portfolio, in_the_framework_of
from .context import DocContext
from .detect import (
    act_verbs,
    build_matcher,
    candidate_rows,
    heading_only,
    inside_another_name,
    noun_token,
    reporting_verb,
    rules,
    verb_rule,
)
from .headings import SPOKEN_TYPES
from .merge import is_back_reference
from .name_sides import with_listed_sides
from .names import name_of
from .parties import parties_of, subject_parties
from .signers import signatories, signing_people
from .when_where import date_and_place

MODEL_FILE = MODELS / "acts.json"  # where `make train` ships it
MAX_CANDIDATES = 24  # a release's first agreement nouns; later ones seldom name its act
STATUS = {"network": "launched", "partnership": "launched"}  # else signed, or adopted if spoken

Candidate = tuple[int, str, int, int]  # sentence index, rule id, match start and end


def rule_row(rule_id: str) -> dict:
    """An agreement noun's rule, or a candidate-only rule's (an act verb, an act noun)."""
    return rules()[0].get(rule_id) or candidate_rows()[rule_id]


def head_of(sentence, rule_id: str, start: int, end: int):
    """The noun of a noun's match, the token at a candidate-only rule's ``head`` (an act
    verb's verb, an act noun's noun)."""
    row = candidate_rows().get(rule_id)
    if row is None:
        return noun_token(sentence, rule_id, start, end)
    return sentence.doc[sentence.start + start + row.get("head", 0)]


def build_act_matcher(vocab) -> IndexedMatcher:
    """The agreement nouns' matcher with the act verbs' and candidate nouns' patterns
    added."""
    matcher = build_matcher(vocab)
    for rule_id, row in candidate_rows().items():
        matcher.add(rule_id, [row["pattern"]])
    return matcher


def candidates(ctx: DocContext, matcher: IndexedMatcher) -> list[tuple[Candidate, Features]]:
    """Every agreement noun of the release with its features (the headline's, read only
    there, and the body's), and every verb that tells an act without naming it."""
    found: list[tuple[Candidate, Features]] = []
    seen: set[int] = set()
    by_sentence = matches_by_sentence(ctx.doc, matcher, ctx.found_sentences)
    every = [
        (index, ctx.doc.vocab.strings[match_id], start, end)
        for index, matches in enumerate(by_sentence)
        for match_id, start, end in matches
    ]
    types = [rule_row(rule_id)["type"] for _, rule_id, _, _ in every]
    heads = [head_of(ctx.sentences[i], r, s, e) for i, r, s, e in every]
    by_sentence_heads: dict[int, set[int]] = {}
    for (i, *_), head in zip(every, heads, strict=True):
        by_sentence_heads.setdefault(i, set()).add(head.i)
    firsts = {head.i: kind for kind, head in reversed(list(zip(types, heads, strict=True)))}
    counts = Counter(firsts.values())  # one noun matched by two rules counts once
    for candidate, kind, noun in zip(every, types, heads, strict=True):
        index, rule_id = candidate[:2]
        verb = rule_id in act_verbs()
        heading = rule_id in rules()[0] and heading_only(rule_id)
        if heading and ctx.kinds[index] != "title":
            continue
        if noun.i in seen or excluded(noun):
            continue
        seen.add(noun.i)
        f = noun_features(ctx, noun, index, by_sentence_heads[index])
        f |= {
            "rule=" + rule_id: 1.0,
            "type=" + kind: 1.0,
            "told_by=" + ("verb" if verb else "noun"): 1.0,
        }
        f["same_type=" + str(min(counts[kind], 4))] = 1.0
        found.append((candidate, f))
        if len(found) == MAX_CANDIDATES:
            break
    return found


def excluded(noun: Token) -> bool:
    """The noun of a longer one ("partnership agreement"), a role's portfolio ("Director of
    Partnerships"), the idiom "in the framework of", the source of a report ("IOM said in a
    statement")."""
    compound = noun.dep_ == "compound" and noun.head.lower_ in agreement_nouns()
    return compound or in_a_portfolio(noun) or in_the_framework_of(noun) or said_in(noun)


def said_in(noun: Token) -> bool:
    """ "said in a statement", "in a statement issued on Friday, UNHCR welcomed": a report's
    source, no act."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    )


def noun_features(ctx: DocContext, noun: Token, index: int, nouns: set[int]) -> dict[str, float]:
    sentence = ctx.sentences[index]
    titles = sum(kind == "title" for kind in ctx.kinds[:index])  # body sentences before it
    place = "title" if ctx.kinds[index] == "title" else f"body{min(index - titles, 4)}"
    det = next((c.lower_ for c in noun.children if c.dep_ in ("det", "poss")), "none")
    det = det if det in ("a", "an", "the", "this", "our", "its", "their", "none") else "other"
    f: dict[str, float] = {
        "where=" + place: 1.0,
        "det=" + det: 1.0,
        "dep=" + noun.dep_: 1.0,
        "head=" + noun.head.lemma_.casefold(): 0.5,
        "head_pos=" + noun.head.pos_: 1.0,
    }
    if noun.is_title:
        f["capitalised"] = 1.0
    if noun.tag_ in ("NNS", "NNPS"):
        f["plural"] = 1.0
    if noun.ent_type_:
        f["ent=" + noun.ent_type_] = 1.0
    if inside_another_name(noun, nouns):
        f["inside_another"] = 1.0
    if reporting_verb(noun) is not None:
        f["governed"] = 1.0  # a verb the rules read, whose act they still turned down
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "by", "among", "on", "of"):
            f["prep=" + child.lower_] = 1.0
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and verb_rule(token) is not None:
            f["sentence_verb=" + token.lemma_.casefold()] = 0.5
    orgs = len(ctx.in_sentence(sentence, "ORG"))
    f["orgs=" + str(min(orgs, 3))] = 1.0
    if any(t.lower_ in ("joint", "jointly") for t in sentence):
        f["joint"] = 1.0
    if any(t.text in ("“", '"') for t in sentence):
        f["quoted"] = 1.0
    return f


def act_of(ctx: DocContext, candidate: Candidate, tag: str) -> Agreement:
    """The candidate read as an act, as the rules read one: its name, its parties from its
    phrase (else the headline's bodies), the people who sign it, its date and place."""
    index, rule_id, start, end = candidate
    sentence = ctx.sentences[index]
    noun = head_of(sentence, rule_id, start, end)
    kind = rule_row(rule_id)["type"]
    told_by_verb = rule_id in act_verbs()  # "X and Y have partnered": the verb is the act
    verb = noun if told_by_verb else (reporting_verb(noun) or noun.head)
    status = "adopted" if kind in SPOKEN_TYPES else STATUS.get(kind, "signed")
    name = None if told_by_verb else name_of(ctx, noun, sentence)
    act = Agreement(sentence, index, noun, kind, status, f"{rule_id}+{tag}", name)
    signers: list[Mention] = []
    if told_by_verb:
        act.parties = verb_parties(ctx, verb, sentence)
    else:
        act.parties, signers, act.parties_guessed = parties_of(ctx, verb, noun, sentence)
    act.signatories = signatories(ctx, signing_people(ctx, index, signers))
    date_and_place(ctx, act, verb, index)
    if not act.parties:
        act.parties, act.parties_guessed = headline_bodies(ctx.doc, acts=True), True
    return with_listed_sides(ctx, [act])[0]


def verb_parties(ctx: DocContext, verb: Token, sentence) -> list[Mention]:
    """The sides of an act a verb tells: its subject ("UNICEF and IOM have partnered") and
    the bodies of a "with" that hangs on the verb or its particle or object ("teamed up
    with UNHCR", "joined forces with the ILO"), not those of the clauses under it ("to
    support talks between A and B")."""
    found = [m for m in subject_parties(ctx, verb, sentence) if m.label != "PERSON"]
    holders = [verb, *(c for c in verb.children if c.dep_ in ("prt", "dobj"))]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        if prep.lower_ != "with":
            continue
        for token in prep.subtree:
            m = ctx.index.get(token.i)
            if m is not None and m.label != "PERSON" and coordinated_under(token, prep):
                found += [m] if m not in found else []
    return found


def load_act_model(path: Path | None = None) -> LinearModel | None:
    return load_linear(MODEL_FILE.name, path)


class ActScorer:
    """In a release the rules find no act in, adds the candidate the model scores highest
    if it passes the model's threshold; ``keep_all`` records every candidate, read as an
    act, with its features (training data) in ``doc._.accords_act_candidates``."""

    def __init__(self, nlp, model: LinearModel | None, keep_all: bool = False):
        self.matcher = build_act_matcher(nlp.vocab)
        self.model = model
        self.keep_all = keep_all

    def __call__(self, doc: Doc) -> Doc:
        if agreements(doc) and not self.keep_all:
            self.sides_named_before(doc)
            return doc
        if (self.model is None and not self.keep_all) or agreements(doc):
            return doc
        ctx = DocContext(doc)
        found = candidates(ctx, self.matcher)
        if self.keep_all:
            doc._.accords_act_candidates = [(act_of(ctx, c, "model:acts"), f) for c, f in found]
            return doc
        assert self.model is not None
        scored = [(self.model.probability(f), n) for n, (_, f) in enumerate(found)]
        if scored:
            p, best = max(scored, key=lambda pair: (pair[0], -pair[1]))
            if p >= self.model.threshold:
                act = act_of(ctx, found[best][0], f"model:acts@{p:.2f}")
                if not act.parties:
                    sides = antecedent_sides(ctx, [c for c, _ in found], found[best][0])
                    if sides:
                        act.parties, act.parties_guessed = sides, False
                doc._.accords_agreements = [act]
        return doc

    def sides_named_before(self, doc: Doc) -> None:
        """An act the rules found that names no side and refers back ("the said agreement
        was signed in Doha by the two parties") takes the sides of the nearest earlier
        mention of the same kind of act ("ratified the agreement between the Gambia and
        Qatar"), which no verb of signing made an act of its own."""
        unnamed = [a for a in agreements(doc) if not a.parties and is_back_reference(a)]
        if not unnamed:
            return
        ctx = DocContext(doc)
        found = [c for c, _ in candidates(ctx, self.matcher)]
        for act in unnamed:
            chosen = next(
                (c for c in found if head_of(ctx.sentences[c[0]], *c[1:]).i == act.noun.i), None
            )
            sides = antecedent_sides(ctx, found, chosen) if chosen is not None else []
            if sides:
                act.parties, act.parties_guessed = sides, False
                act.rule_id += "+sides_named_before"


def antecedent_sides(ctx: DocContext, found: list[Candidate], chosen: Candidate) -> list[Mention]:
    """The sides named by the nearest earlier mention of the same kind of act, when the
    one the model chose names none and refers back to it ("MPs ratified a Slovenia-Serbia
    agreement ... The agreement is meant to ..."; not "a new agreement")."""
    if not refers_back(head_of(ctx.sentences[chosen[0]], *chosen[1:])):
        return []
    kind = rule_row(chosen[1])["type"]
    earlier = [c for c in found if (c[0], c[2]) < (chosen[0], chosen[2])]
    for candidate in reversed(earlier):
        if rule_row(candidate[1])["type"] != kind:
            continue
        noun = head_of(ctx.sentences[candidate[0]], *candidate[1:])
        if any(c.lower_ in words("failed_act_modifiers") for c in noun.children):
            return []  # "the failed agreement between X and Y": another act
        other = act_of(ctx, candidate, "model:acts")
        return [] if other.parties_guessed else other.parties
    return []


REFERRING = ("the", "this", "that")
NEW_ACT = ("new", "another", "second", "further", "separate")


def refers_back(noun: Token) -> bool:
    """ "the agreement", "this MoU": an act named before; not "a new agreement"."""
    children = [c.lower_ for c in noun.children]
    return any(w in REFERRING for w in children) and not any(w in NEW_ACT for w in children)
