"""Extraction for the languages whose words are tables (`../tables/<language>.toml`): Azerbaijani,
Russian, Turkish and Urdu. The text is cut into tokens once; each extractor walks the tokens and
asks the language's tables what a word is (a month, a casualty word, a hedge, an article, a
country), so a new word form is a line in a table, not a change to a pattern.

Every candidate carries the id of the rule that produced it (`data["rule"]`); the rules, with
their example sentences, are listed in `../tables/rules/<language>.toml` (see `../rules.py`).
"""

from .. import Finding
from .tables import LANGUAGES, tables_for
from .tokens import tokenize


def find(text: str, language: str, additions=()) -> list[Finding]:
    """Every candidate in a text of the language; `additions` as `tables_for` takes them."""
    from . import dates, entities, figures, legal

    tables = tables_for(language, additions)
    tokens = tokenize(text, tables)
    refs = legal.find(text, tokens, tables)
    found_dates = dates.find(text, tokens, tables, refs)
    found_figures = figures.find(text, tokens, tables, refs + found_dates)
    return refs + found_dates + found_figures + entities.find(text, tokens, tables)


__all__ = ["LANGUAGES", "find"]
