"""The rule files under ``pipeline/patterns/``: reading and validating them, word lists,
and the character classes every stage shares. The lowest layer: imports nothing else
of the package."""
