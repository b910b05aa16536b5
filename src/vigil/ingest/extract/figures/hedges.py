"""The hedge of a count: "at least 161" (161 or more), "up to 30", "about 600", "161+", and
ranges ("500-1,000", "between 200 and 300", "1.7-2 million")."""

import re
from dataclasses import dataclass

from ..kinds import Hedge
from ..numbers import SCALES, VAGUE, fraction_value, to_int
from .words import alternatives

LOWER_BOUND = re.compile(rf"(?:{alternatives('lower_before')})\s*$", re.I)
UPPER_BOUND = re.compile(rf"(?:{alternatives('upper_before')})\s*$", re.I)
APPROX = re.compile(rf"(?:{alternatives('approx_before')})\s*$", re.I)
BETWEEN = re.compile(r"(?:between|from)\s*$", re.I)
RANGE_AFTER = re.compile(r"^(?:\[\w+\])*\s*(?:-|–|—|to|and)\s*", re.I)


@dataclass
class Reading:
    """A count as its hedge reads it: the span it covers (hedge and range included) and the
    bounds it gives, None where it is open."""

    start: int
    end: int
    low: int | None
    high: int | None
    took_next: bool  # a range that took the next number as its upper end


def bounds(text: str, start: int) -> tuple[Hedge, int]:
    before = text[max(0, start - 30) : start]
    for kind, pattern in (
        (Hedge.LOWER, LOWER_BOUND),
        (Hedge.UPPER, UPPER_BOUND),
        (Hedge.APPROX, APPROX),
    ):
        match = pattern.search(before)
        if match:
            return kind, start - (len(before) - match.start())
    return Hedge.EXACT, start


def read(text: str, numbers: list, index: int) -> Reading | None:
    """The count numbers[index] with its hedge and any range it opens; None for a nought."""
    match = numbers[index]
    vague = match.group().lower() in VAGUE
    if vague:
        value = VAGUE[match.group().lower()]
    else:
        value = fraction_value(match.group()) or to_int(match.group())
    if value is None or value == 0:
        return None
    start, end = match.start(), match.end()
    low, high = value, value
    kind, hedge_start = bounds(text, start)
    if kind == Hedge.LOWER or vague:
        high = None
    elif kind == Hedge.UPPER:
        low = None
    if kind != Hedge.EXACT:
        start = hedge_start
    # "161+" and "8,000+": at least that many.
    if re.match(r"\+(?!\d)", text[end : end + 2]):
        low, high, end = value, None, end + 1
    took_next = False
    # Ranges: "500-1,000", "between 200 and 300", "from 30 to 40".
    if index + 1 < len(numbers) and not vague:
        following = numbers[index + 1]
        joiner = text[end : following.start()]
        between = BETWEEN.search(text, max(0, match.start() - 12), match.start())
        if RANGE_AFTER.fullmatch(joiner) and (between or joiner.strip().lower() != "and"):
            second = to_int(following.group())
            # "1.7-2 million": the scale of the second number is the first's too, when that
            # makes a range ("between 500 and 1 million" keeps its 500).
            scale = re.search(r"\b(thousand|million)\s*$", following.group(), re.I)
            if scale and re.fullmatch(r"\d+(?:\.\d+)?", match.group()) and second:
                scaled = round(float(match.group()) * SCALES[scale.group(1).lower()])
                if scaled < second:
                    value = low = scaled
            if second is not None and second > value:
                low, high, end = value, second, following.end()
                if between:
                    start = min(start, between.start())
                took_next = True
    return Reading(start, end, low, high, took_next)
