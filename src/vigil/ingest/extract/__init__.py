"""Extraction of candidate facts from a document's text, each with its exact character span.

Every extractor is a plain function `find(text) -> list[Finding]`; `extract_all` runs them in
an order that lets later ones skip spans that earlier ones already explain (a year inside a
resolution's citation is not a date of its own).
"""

import bisect
from dataclasses import dataclass, field

from .kinds import Kind


@dataclass
class Finding:
    """What one rule found in a text (stored, for review, as an ingest.models.Candidate)."""

    kind: Kind
    start: int
    end: int
    text: str
    data: dict = field(default_factory=dict)

    def overlaps(self, other: "Finding") -> bool:
        return self.start < other.end and other.start < self.end


class Spans:
    """Spans of text already taken by a candidate, kept sorted so that a new one is checked
    against its two neighbours only (long documents have thousands)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, start)
        if index > 0 and self.ends[index - 1] > start:
            return False
        return not (index < len(self.starts) and self.starts[index] < end)

    def take(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)

    def claim(self, start: int, end: int) -> bool:
        """Take the span if it overlaps none taken; say whether it was taken."""
        if not self.free(start, end):
            return False
        self.take(start, end)
        return True


def extract_all(
    text: str, gazetteer=None, language: str | None = None, words=()
) -> list["Finding"]:
    """Every candidate in the text, in the order of the text. `language` (ISO 639-1) chooses the
    word tables; without it the text's language is detected as ingestion detects it. `words`
    are the (language, table, phrase, value) rows users added to the tables."""
    from . import entities, lexical

    if language is None:
        from vigil.evidence.text import detect_language

        language = detect_language(text)
    if language in lexical.LANGUAGES:
        # The gazetteer's names (in any language and script) are looked for in every text.
        organisations = [c for c in entities.find(text, gazetteer) if c.kind == Kind.ORGANIZATION]
        for candidate in organisations:
            candidate.data["rule"] = f"{language}.organization.gazetteer"
        additions = [row[1:] for row in words if row[0] == language]
        found = sorted(
            lexical.find(text, language, additions) + organisations,
            key=lambda c: (c.start, c.kind),
        )
    else:
        found = _english(text, gazetteer, [row[1:] for row in words if row[0] == "en"])
    return _name_provisions(found)


def _name_provisions(found: list["Finding"]) -> list["Finding"]:
    """A legal reference to an instrument the law app holds names its provisions there
    (`data["provisions"]`, their codes), so that accepting it can offer their elements."""
    from vigil.law.reference import provisions_cited

    for candidate in found:
        if candidate.kind == Kind.LEGAL_REF:
            codes = provisions_cited(candidate.data["instrument"], candidate.data["article"])
            if codes:
                candidate.data["provisions"] = codes
    return found


def _english(text: str, gazetteer=None, additions=()) -> list["Finding"]:
    from . import dates, entities, figures, legal
    from .lexical import entities as lexical_entities
    from .lexical.tables import tables_for
    from .lexical.tokens import tokenize

    legal_refs = legal.find(text)
    # A year inside a resolution's citation ("822 (1993)") is part of it; a day ("822 of April 30,
    # 1993") and an instrument's year ("the 1977 Additional Protocol I") are dates of their own.
    found_dates = [
        d
        for d in dates.find(text)
        if d.data["precision"] != "year"
        or not any(d.overlaps(r) and r.data["instrument"] == "UNSC Resolution" for r in legal_refs)
    ]
    found_figures = [
        f
        for f in figures.find(text)
        if not any(f.overlaps(d) and d.data.get("precision") != "year" for d in found_dates)
    ]
    english = tables_for("en", additions)
    adjectives = lexical_entities.adjectives(text, tokenize(text, english), english)
    return sorted(
        legal_refs + found_dates + found_figures + entities.find(text, gazetteer) + adjectives,
        key=lambda c: (c.start, c.kind),
    )
