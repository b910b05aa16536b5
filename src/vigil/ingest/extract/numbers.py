"""Numbers as sources write them: "1,275", "8 000", "6.5 million", "six hundred", "hundreds"."""

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals read as a range with no upper bound: "hundreds of civilians" is at least 100.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
}

WORD = "|".join(sorted((k for k in UNITS if k not in ("a", "an")), key=len, reverse=True))
SCALE = "|".join(SCALES)
DIGITS = r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?"
WORDS = rf"(?:(?:{WORD}|a|an)(?:[\s-]+(?:{WORD}|{SCALE}|and))*)"
NUMBER = (
    rf"(?:(?:{DIGITS})(?:\s+(?:{SCALE}))?|(?:{WORDS})(?=[\s-]+(?:{SCALE})\b)[\s-]+(?:{SCALE})"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:{WORD}))*|(?:{WORD})(?:[\s-]+(?:{WORD}))?)"
)
# A number starts with a digit or a number word's first letter: a look ahead at those passes
# over the other words at once (the alternation of number words is slow to try).
NUMBER_START = "(?=[\\d" + "".join(sorted({word[0] for word in UNITS})) + "])"
NUMBER_RE = re.compile(rf"\b{NUMBER_START}(?:{NUMBER})\b", re.I)
VAGUE_RE = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b", re.I)


def to_int(text: str) -> int | None:
    """The value of a number written in digits, words or both; None if it is not one."""
    cleaned = text.strip().lower().replace("\u202f", " ").replace("\u00a0", " ")
    digits = re.fullmatch(
        r"(\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million))?", cleaned
    )
    if digits:
        value = float(digits.group(1).replace(",", "").replace(" ", ""))
        scale = SCALES.get(digits.group(2) or "", 1)
        if scale == 100 and value >= 100:  # "200 hundred": a slip for 200
            scale = 1
        return round(value * scale)
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s-]+", cleaned):
        if token == "and":  # noqa: S105 - a word of a number, not a password
            continue
        if token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


# Fractions of large numbers, read whole: "a quarter of a million" is 250,000, not a million.
FRACTIONS = {
    "a quarter of a": 0.25,
    "half a": 0.5,
    "three quarters of a": 0.75,
    "three-quarters of a": 0.75,
}
FRACTION_RE = re.compile(
    r"\b(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\s+(million|thousand)\b", re.I
)


def fraction_value(text: str) -> int | None:
    match = FRACTION_RE.fullmatch(text.strip())
    if not match:
        return None
    return round(FRACTIONS[match.group(1).lower()] * SCALES[match.group(2).lower()])
