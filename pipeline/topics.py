"""Topics of an agreement: keywords of ``patterns/topics.jsonl`` in the headline, the
agreement's sentence and its commitments."""

from __future__ import annotations

import re
from functools import cache

from .rules.files import read_jsonl


@cache
def topic_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(topic, one regex of all its keywords as whole words) from ``topics.jsonl``."""
    rules = []
    for row in read_jsonl("topics.jsonl", ("id", "topic", "keywords")):
        keywords = "|".join(re.escape(k.casefold()) for k in row["keywords"])
        rules.append((row["topic"], re.compile(rf"\b(?:{keywords})\b")))
    return tuple(rules)


def topics_of(texts: list[str]) -> list[str]:
    joined = " ".join(texts).casefold()
    return [topic for topic, keywords in topic_rules() if keywords.search(joined)]
