"""The English words the figure rules read, kept in the English table (`../tables/en.toml`,
section `figures`) like the other languages' words, and turned here into the alternations the
patterns use."""

import re

from ..alternation import alternation
from ..lexical.tables import raw_table

WORDS: dict[str, list[str]] = raw_table("en")["figures"]
CATEGORY_NAMES = ("hostage", "missing", "wounded", "displaced", "killed")


def _phrase(phrase: str) -> str:
    return r"\s+".join(r"\w+" if word == "*" else re.escape(word) for word in phrase.split())


def alternatives(key: str) -> str:
    """The table's phrases under `key` as one alternation that matches as the phrases in the
    table's order would (grouped by first letter, see ..alternation, when none starts with a
    word left open)."""
    phrases = WORDS[key]
    if any(phrase.split()[:1] == ["*"] for phrase in phrases):
        return "|".join(_phrase(phrase) for phrase in phrases)
    return alternation(phrases, _phrase, either_case=frozenset(phrases))
