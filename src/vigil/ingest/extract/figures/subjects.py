"""Whose count a number is when its own words do not say: a part of the figure before it ("613
civilians, including 106 women"), the same verb not repeated ("151 had died from gunshot
wounds, 20 from shrapnel"), or an alternative joined to the figure after it ("200,000—and
possibly 400,000 people—have been murdered")."""

import re

from .categories import CLAUSE_END

INCLUDED = re.compile(
    r"[^.;:!?\n]{0,60}?\b(?:including|among them|among whom|of whom|of which|in which|of them)\b"
    r"[^.;:!?\n]{0,60}?",
    re.I,
)
GAPPED = re.compile(r"\s+(?P<prep>from|by|with)\s")
# "181 corpses (130 male and 51 female, including 13 children)": parts in brackets after a whole.
IN_BRACKETS = re.compile(r"[^()\n]{0,40}\([^()\n]{0,80}")
# "(now more than 500,000)": a later count of what the figure before it counted.
UPDATED = re.compile(r"[^.;:!?\n]{0,60}?\(\s*(?:now|later|today|since then|eventually)?\s*", re.I)
# "106 women, 63 children, 70 old men were killed", "76 out of 487 people wounded": the items
# of a list, and a part of a whole, count what the last one counts.
LIST_ITEM = re.compile(
    r"(?:\s+[\w'-]+){0,2}\s*(?:,\s*(?:and\s+)?|\band\s+|\bout of\s+|\bof\s+the\s+)", re.I
)
ALTERNATIVE = re.compile(
    r"\s*(?:[,—–-]\s*)?(?:and|or|to)\b(?:\s+(?:possibly|perhaps|even|maybe))?\s*"
    r"(?:at least|more than|over|as many as|up to|some|about|around|nearly)?\s*",
    re.I,
)


def shares_verb(text: str, head_end: int, start: int, end: int) -> bool:
    """Whether the count at start..end repeats the preposition after the figure ending at
    head_end, in the same clause, so counts what that figure counted."""
    gapped = GAPPED.match(text, end)
    return bool(
        gapped
        and not CLAUSE_END.search(text, head_end, start)
        and re.search(rf"\b{gapped.group('prep')}\b", text[head_end:start])
    )


def is_part(text: str, head_end: int, start: int) -> bool:
    """Whether the words from the figure ending at head_end to this count make it a part of
    that figure, a later count of it, or the next item of its list."""
    return bool(
        INCLUDED.fullmatch(text, head_end, start)
        or UPDATED.fullmatch(text, head_end, start)
        or IN_BRACKETS.fullmatch(text, head_end, start)
        # "killing two in Israel and three in the Gaza Strip"
        or LIST_ITEM.fullmatch(text, head_end, start)
    )


def joined(text: str, end: int, next_start: int) -> bool:
    """Whether a count ending at `end` is joined to the one at next_start as its alternative or
    as an item of the same list."""
    return bool(
        ALTERNATIVE.fullmatch(text, end, next_start) or LIST_ITEM.fullmatch(text, end, next_start)
    )


# "the remains of 61 people …; 27 of them have been identified": a part of the figure before.
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)


def is_share(text: str, head_end: int, start: int, end: int) -> bool:
    """Whether a count followed by "of them" is a share of the figure ending at head_end: near it
    and in the same paragraph."""
    return bool(
        OF_THEM.match(text, end) and start - head_end < 300 and "\n\n" not in text[head_end:start]
    )


# "the government gives 613 as the number killed; the parliament gave a figure of 485": a count
# given as another figure, total or estimate of what the figure before it in its sentence counted.
RESTATED = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:figure|toll|total|count|estimate|tally)\s+"
    r"(?:of|at|as)\s*$",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?](?:\[\w+\])*\s|\n\n")


def restates(text: str, head_end: int, start: int) -> bool:
    return bool(
        start - head_end < 200
        and RESTATED.search(text, max(0, start - 40), start)
        and not SENTENCE_END.search(text, head_end, start)
    )
