"""The bodies a joint statement or an open letter lists under its signing line, one per
line ("Signed,", "Signed by:", "Endorsing organisations:"): each line is an
organisation's name (``page_lines.signer_lines``). The model, with no sentence around a
name, misses or cuts most of them ("Amnesty International", "APS Refugee Issues and
Psychology Interest Group"). A person's entry ("John Smith, Chair of ...") ends the
list's bodies: the people stage reads such lists."""

from __future__ import annotations

from ..nlp import places
from ..nlp.payloads import Mention
from ..page_lines import listed_name, signer_lines
from .mentions import MentionSet

RULE = "signer_list.line"


def add_signer_lists(found: MentionSet) -> None:
    """Each line of a list under a signing line is an organisation, in place of the
    model's pieces of it."""
    for start, end in listed_lines(found.text):
        if whole_person(found, start, end) or places.is_country(found.text[start:end]):
            continue  # people and states listed as signers are what the model says they are
        found.replace_overlapped(
            Mention(start, end, "ORG", RULE),
            lambda m: m.label in ("ORG", "PERSON", "PLACE") and m.source.startswith("model."),
        )


def whole_person(found: MentionSet, start: int, end: int) -> bool:
    return any(m.label == "PERSON" and (m.start, m.end) == (start, end) for m in found.mentions)


def listed_lines(text: str) -> list[tuple[int, int]]:
    """The character spans of the names listed under each signing line of ``text``."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    found = []
    for i in signer_lines(lines):
        span = listed_name(lines[i])
        if span is not None:
            found.append((offsets[i] + span[0], offsets[i] + span[1]))
    return found
