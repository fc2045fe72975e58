"""How far a committed phrase runs, and how it is written out.

A phrase is its head's subtree to the right, up to a clause with a subject of its own
("..., while UNHCR will fund ...") or a speech tag ("..., he said"). The small model
often hangs the rest of a coordinated list higher up than its first item; a verb of the
same form after a comma ("monitor flows, increase cooperation, and step up returns"), a
purpose hung on the trigger's verb (", in order to follow up ...") and a list after a
colon ("in the areas of: research, training and dialogue") continue the phrase. A phrase
longer than ``ACTION_LIMIT`` tokens is cut between two words outside any name and ends
in "…"."""

from __future__ import annotations

from spacy.tokens import Token

from ..rules.lexicon import words

ACTION_LIMIT = 48
ELLIPSIS = "…"
TRAILING = {",", ";", ":", ".", "—", "–", "-", "(", "“", "‘", "«", '"', "”", "’", "»"}
TRAILING |= {"and", "or", "but"}
STOPS = (".", "!", "?", ";", ",")
OPENING = ("“", '"', "‘", "«")
CLOSING_QUOTES = ("”", "’", "»", '"')
CUT_BEFORE = ("prep", "cc", "punct", "mark", "relcl", "advcl", "acl", "conj", "aux")
PURPOSE_MARKS = frozenset({"so", "that", "in", "order"})
NOMINAL = ("NOUN", "PROPN", "NUM")
SUBJECTS = ("nsubj", "nsubjpass", "expl")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom", "whose")
CONTINUING_TAGS = ("VB", "VBG")
CONTINUING_CLAUSES = ("advcl", "xcomp", "acl", "prep")
MAX_CONTINUATIONS = 4

Word = tuple[str, str]  # a word of the action and the whitespace after it


def phrase_end(head: Token, start: int, trigger: Token) -> int:
    """The last token of ``head``'s phrase from ``start``; ``trigger`` is the verb of the
    trigger, the highest word a continuation may hang on (but for a verb, hung anywhere)."""
    end = subtree_end(head)
    for _ in range(MAX_CONTINUATIONS):
        following = continuation(head, end, trigger)
        if following is None:
            break
        end = max(end, subtree_end(following))
    sentence = head.sent
    colon = next((t for t in head.doc[start : end + 2] if t.text == ":"), None)
    if colon is not None and colon.i < sentence.end - 2:
        end = sentence.end - 1  # "in the areas of: research and policy, training and ..."
    if head.pos_ in NOMINAL and nominal_list_follows(head, end):
        end = sentence.end - 1
    return end


def nominal_list_follows(head: Token, end: int) -> bool:
    """ "the control over migration flows, the struggle against illegal migration and
    regulation of legal entry": noun phrases after a comma, with no verb to the end of
    the sentence, continue a nominal phrase's list (the parse hangs them anywhere)."""
    doc, sentence = head.doc, head.sent
    i = end if doc[end].text == "," else end + 1
    if i >= sentence.end - 1 or doc[i].text != ",":
        return False
    rest = doc[i + 1 : sentence.end]
    nouns = [t for t in rest if t.pos_ in NOMINAL]
    return bool(nouns) and not any(t.pos_ in ("VERB", "AUX") for t in rest)


def subtree_end(head: Token) -> int:
    """The last token of ``head``'s subtree before a clause of its own, at any depth."""
    end = head.i
    for child in head.rights:
        if clause_of_its_own(child):
            break
        if child.text not in STOPS:  # a final stop hung on the head closes nothing
            end = max(end, subtree_end(child))
    return end


def continuation(head: Token, end: int, trigger: Token) -> Token | None:
    """What continues the phrase after ``end``, hung higher up by the parse: after a comma
    (", and", ", to"), a verb of a coordinated list with no subject of its own, hung on any
    of ``head``'s ancestors, or a clause or a preposition leading to a verb; right after
    it, a participle ("citizens [working] in the sector"), or after "and" a noun that the
    parse coordinated with a verb ("extend the terms ... [and the possibility] of ...");
    these hung between ``head`` and ``trigger``."""
    doc, sentence = head.doc, head.sent
    i = end if doc[end].text == "," else end + 1  # the subtree may end in the comma
    comma = i < sentence.end and doc[i].text == ","
    i += comma
    linked = i < sentence.end and doc[i].lower_ in ("and", "also")
    while i < sentence.end and doc[i].lower_ in ("and", "also"):
        i += 1
    if i >= sentence.end:
        return None
    token = doc[i]
    ancestors = list(head.ancestors)
    if comma:
        verb = doc[i + 1] if token.lower_ == "to" and i + 1 < sentence.end else token
        if verb.tag_ in CONTINUING_TAGS and verb.pos_ == "VERB" and verb.head in ancestors:
            return None if own_clause_or_subject(verb) else verb
    if trigger not in ancestors:
        return None
    near = ancestors[: ancestors.index(trigger) + 1]
    for child in (c for a in near for c in a.rights):
        if child.left_edge == token and continues(child, comma, linked):
            return child
    return None


def continues(child: Token, comma: bool, linked: bool) -> bool:
    if own_clause_or_subject(child):
        return False
    if child.dep_ == "conj" and child.pos_ in NOMINAL and child.head.pos_ in ("VERB", "AUX"):
        return comma or linked  # a noun coordinated with a verb: a list the parse broke
    if comma and child.dep_ in CONTINUING_CLAUSES:
        return any(t.pos_ == "VERB" for t in child.subtree)
    if not comma and not linked:
        return child.dep_ in ("advcl", "acl") and child.tag_ in ("VBG", "VBN")
    return False


def own_clause_or_subject(verb: Token) -> bool:
    return clause_of_its_own(verb) or any(c.dep_ in SUBJECTS for c in verb.children)


def clause_of_its_own(child: Token) -> bool:
    """ "..., while UNHCR will fund ...", "... and UNICEF will train ...", "..., he said":
    a clause with a subject of its own is no part of the action (a purpose "so that ..."
    is)."""
    if child.dep_ == "parataxis":
        return True
    if child.dep_ not in ("conj", "advcl", "ccomp"):
        return False
    subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return False
    if child.dep_ == "ccomp":
        return child.lemma_ in words("speech_verbs")
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    return child.dep_ == "conj" or not marks & PURPOSE_MARKS


def passive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in verb.children)


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb, when it has a nominal one; a passive coordinated
    with another passive shares its subject ("the MoU has been finalised and will be
    signed soon"), as does one that complements it ("an agreement is expected to be
    signed")."""
    if not passive(verb):
        return None
    own = nominal_passive_subject(verb)
    if own is None and verb.dep_ in ("conj", "xcomp") and passive(verb.head):
        # "is expected to be signed": the subject of the passive it complements
        return nominal_passive_subject(verb.head)
    if own is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        # "is due to be signed": the subject of the copula
        return next(
            (c for c in verb.head.head.lefts if c.dep_ == "nsubj" and c.pos_ in NOMINAL), None
        )
    return own


def nominal_passive_subject(verb: Token) -> Token | None:
    for child in verb.lefts:
        if child.dep_ == "nsubjpass" and (child.pos_ in NOMINAL or child.tag_ == "VBG"):
            return child
    return None


def active_words(verb: Token, tokens: list[Token]) -> list[Word]:
    """ "special attention will be given to the protection of ..." -> "give special
    attention to the protection of ...": the verb in base form after its adverbs, then its
    passive subject, then the rest of the phrase without its agent ("by IOM and ILO")."""
    subject = passive_subject(verb)
    if subject is None:  # "this will be done under an MoU" -> "be done under an MoU"
        return [("be", " "), *base_form(verb, tokens)]
    own = trim(list(verb.doc[subject.left_edge.i : subject.right_edge.i + 1]))
    inside = {t.i for t in own}
    agent = {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
    adverbs = [t for t in tokens if t.i < verb.i and t.dep_ in ("advmod", "neg")]
    particles = [t for t in tokens if t.head == verb and t.dep_ == "prt"]  # "carry out"
    after = [t for t in tokens if t.i > verb.i and t.i not in agent and t not in particles]
    found: list[Word] = [(t.text, " ") for t in adverbs if t.i not in inside]
    found.append((verb.lemma_.casefold(), " "))
    found += [(t.text.casefold(), " ") for t in particles]
    for token in own:
        text = token.text
        if token.is_sent_start and token.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PRON"):
            text = text.lower()  # "The program will be implemented" -> "implement the program"
        found.append((text, token.whitespace_))
    if after:
        found[-1] = (found[-1][0], " ")
    found += [(t.text, t.whitespace_) for t in after]
    return found


def base_form(head: Token, tokens: list[Token]) -> list[Word]:
    """ "aims at strengthening relations and promoting ..." -> "strengthen relations and
    promote ...": the head verb and the verbs coordinated with it in base form."""
    verbs = {head.i} | {c.i for c in head.conjuncts if c.tag_ == head.tag_}
    being = [c for c in head.lefts if c.dep_ in ("aux", "auxpass") and c.lower_ == "being"]
    if being:  # "to being welcoming communities" -> "be welcoming communities"
        verbs = {being[0].i}
    out: list[Word] = []
    for token in tokens:
        text = token.text
        if token.i in verbs and token.tag_ in ("VBG", "VBZ", "VBD"):
            text = token.lemma_
            if token.text[:1].isupper():
                text = text[:1].upper() + text[1:]
        out.append((text, token.whitespace_))
    return out


def trim(tokens: list[Token]) -> list[Token]:
    """``tokens`` without closing punctuation (but a quotation's closing mark), spaces and
    a dangling conjunction."""
    while tokens and (tokens[-1].text in TRAILING or tokens[-1].is_space):
        if tokens[-1].text in CLOSING_QUOTES and quoted(tokens):
            break
        tokens = tokens[:-1]
    return tokens


def quoted(tokens: list[Token]) -> bool:
    """Whether the closing quote that ends ``tokens`` closes a quotation they open."""
    texts = [t.text for t in tokens]
    if texts[-1] == '"':
        return texts.count('"') % 2 == 0
    return any(t in OPENING for t in texts[:-1])


def cut(tokens: list[Token]) -> tuple[list[Token], bool]:
    """A phrase longer than ``ACTION_LIMIT`` is cut before a preposition, conjunction or
    clause, else between two words, never inside a name (``render`` marks it "…")."""
    if len(tokens) <= ACTION_LIMIT:
        return tokens, False
    cuts = [j for j in range(ACTION_LIMIT, 1, -1) if tokens[j].ent_iob_ != "I"]
    j = next((j for j in cuts if tokens[j].dep_ in CUT_BEFORE), cuts[0] if cuts else 1)
    return trim(tokens[:j]), True


def render(found: list[Word], was_cut: bool = False) -> str:
    text = "".join(word + space for word, space in found).strip()
    return f"{text} {ELLIPSIS}" if was_cut else text
