"""The slug an entity id is made of ("org:international-organization-for-migration"),
shared by the entity stage and the corrections (which read it without parsing)."""

from __future__ import annotations

import re

SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return SLUG.sub("-", text.casefold().replace("’", "'")).strip("-")
