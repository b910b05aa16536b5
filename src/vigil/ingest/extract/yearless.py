"""Days and months an English text names without their year ("On the night of February 25-26",
"on 26 February", "In November"), dated by the nearest date that has one: a text about 1992
names its days without repeating the year. Days of every year ("every year on 26 February",
"9 December, the day of remembrance") are not dates; a dateline ("DRAVIK, March 14") dates
the report, not the events it tells.
"""

import bisect
import re

from . import Finding, Spans
from .date_words import DAY, DAY2, MONTH, RANGE_JOIN, THEN_NUMBER, month_number, valid_day
from .kinds import Kind
from .lexical.tables import raw_table
from .lexical.tokens import BREAK

YEARLESS = [
    re.compile(rf"\b{DAY}{RANGE_JOIN}{DAY2}\s+(?:of\s+)?{MONTH}(?!\w)(?![\s,]*(?:of\s+)?\d)", re.I),
    re.compile(rf"\b{THEN_NUMBER}{MONTH}\s+{DAY}{RANGE_JOIN}{DAY2}\b(?![\s,]*\d)", re.I),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?!\w)(?![\s,]*(?:of\s+)?\d)", re.I),
    re.compile(
        rf"\b{THEN_NUMBER}{MONTH}\s+{DAY}\b(?![\s,]*\d|\s*(?:[-–%]|per|years?|people))", re.I
    ),
]
# The short forms a month's name may end with a dot in ("Sept. 3"); "September." ends a
# sentence, and the number after it starts another.
ABBREVIATED = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# "In November, the authorities released …": a month named without its year, capitalised,
# after a word that makes it a time (English names only: "may" and "mars" are words too).
# Case-sensitive, so that the search passes most places at once.
ENGLISH_MONTHS = "|".join(names[0].capitalize() for names in raw_table("en")["months"].values())
MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Tt]hrough(?:out)?|[Ee]arly|[Ll]ate|"
    rf"[Mm]id-?)\s+(?:early\s+|late\s+|mid-?)?(?P<month>{ENGLISH_MONTHS})(?!\w)"
    r"(?![\s,]*(?:of\s+)?\d)"
)
# "proclaimed 9 December as the International Day", "30 August, the day of …", "On 9 December,
# as every year, …": a day of every year.
ANNUAL_DAY = re.compile(
    r"\s+as\s+(?:the|a|an|its)\s+(?:\w+\s+){0,3}(?:day|days|anniversary)\b"
    r"|,?\s+(?:the|a)\s+(?:\w+\s+){0,3}(?:day|anniversary)\b"
    r"|,?\s+(?:as\s+)?(?:every|each)\s+year\b|,?\s+annually\b",
    re.I,
)
# "every year on 26 February", "is remembered on 26 February": a day of every year.
ANNUAL_BEFORE = re.compile(
    r"\b(?:(?:every|each)\s+year|annually|yearly|remembered|commemorated|observed|marked)"
    r"\s+(?:\w+\s+){0,2}(?:on|in)\s+(?:the\s+)?$",
    re.I,
)
YEAR_REACH = 1500  # characters within which a yearless date looks for its year
# "Baku. 19 February. REPORT.AZ/", "DRAVIK, Karvenia, March 14 (Meridian News)": a dateline.
DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][\w'’-]*(?:[ ,]+[A-Z][\w'’-]*)*[.,]\s*$")


# "Early on the 22nd", "(some sources give the 15th)": a day alone, in the month of the date
# before it; followed by a mark, so "the 15th century" and "the 22nd Brigade" are not days.
ORDINAL_DAY = re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?=\s*[,;:.)])")


def find(text: str, found: list[Finding], taken: Spans) -> list[Finding]:
    """Days and months without a year, dated by the dates `found` (before them first). In the
    text's order, so that a day dated once dates the next ("Geneva, 8 July 2025 … Since
    1 July … on Wednesday, 9 July"); at one place, the longer forms first."""
    dated = sorted(found, key=lambda c: c.start)
    starts = [c.start for c in dated]
    added = []
    patterns = [*YEARLESS, MONTH_ALONE, ORDINAL_DAY]
    matches = sorted(
        ((m.start(), order, m) for order, p in enumerate(patterns) for m in p.finditer(text)),
        key=lambda row: row[:2],
    )
    for _start, _order, match in matches:
        if match.re is ORDINAL_DAY:
            dates = _ordinal_day(text, match, dated, taken)
        elif not _is_date(text, match, taken):
            continue
        else:
            source = _year_source(text, match, dated, starts)
            year_from = source and source.data.get("year_from", source.text)
            dates = source and _dates(match, int(source.data["value"][:4]), year_from)
        if dates:
            added.extend(dates)
            taken.take(match.start(), match.end())
            for date in dates:
                index = bisect.bisect(starts, date.start)
                starts.insert(index, date.start)
                dated.insert(index, date)
    return added


def _ordinal_day(text: str, match, dated: list[Finding], taken: Spans) -> list[Finding]:
    """A day named by its ordinal alone, in the month of the nearest day before it, else of the
    nearest month."""
    if not taken.free(match.start(), match.end()) or ANNUAL_DAY.match(text, match.end()):
        return []
    before = [c for c in dated if c.end <= match.start() <= c.end + YEAR_REACH]
    source = next(
        (
            max(near, key=lambda c: c.end)
            for precision in ("day", "month")
            if (near := [c for c in before if c.data["precision"] == precision])
        ),
        None,
    )
    if source is None:
        return []
    year, month, day = (
        int(source.data["value"][:4]),
        int(source.data["value"][5:7]),
        int(match["day"]),
    )
    if not valid_day(year, month, day):
        return []
    data = {
        "value": f"{year:04d}-{month:02d}-{day:02d}",
        "precision": "day",
        "year_from": source.data.get("year_from", source.text),
        "rule": "en.date.ordinal_day_taking_month",
    }
    return [Finding(Kind.DATE, match.start(), match.end(), match.group(), data)]


def _is_date(text: str, match, taken: Spans) -> bool:
    """Whether a day or month without its year is a date of the text: its month's name is
    capitalised ("may 5" is a verb and a number), it stays in one sentence, it is free, and it
    is not a day of every year."""
    month = match.group("month")
    if not month[0].isupper() or not taken.free(match.start(), match.end()):
        return False
    if (
        month.endswith(".")
        and match.end("month") < match.end()
        and month[:-1].lower() not in ABBREVIATED
    ):
        return False
    if BREAK.search(text, match.start(), match.end()):
        return False
    # "proclaimed July 11 as the International Day": a day of every year, not a date ("every
    # year in November" has its "in" inside the match).
    start = match.start("month") if match.re is MONTH_ALONE else match.start()
    return not (
        ANNUAL_DAY.match(text, match.end()) or ANNUAL_BEFORE.search(text, max(0, start - 60), start)
    )


def _dates(match, year: int, year_from: str) -> list[Finding]:
    """The days (or the month) a match names, in the year given; none if the calendar has no
    such day."""
    month = month_number(match)
    if month is None:
        return []
    groups = match.groupdict()
    rule = "en.date.day_month_taking_year"
    if groups.get("day") is None:
        values = [(f"{year:04d}-{month:02d}", "month")]
        rule = "en.date.month_taking_year"
    else:
        days = [int(groups["day"])] + ([int(groups["day2"])] if groups.get("day2") else [])
        if not all(valid_day(year, month, day) for day in days):
            return []
        values = [(f"{year:04d}-{month:02d}-{day:02d}", "day") for day in days]
    return [
        # The reviewer sees where the year came from.
        Finding(
            Kind.DATE,
            match.start(),
            match.end(),
            match.group(),
            {"value": value, "precision": precision, "year_from": year_from, "rule": rule},
        )
        for value, precision in values
    ]


def _year_source(text: str, match, dated: list[Finding], starts: list[int]) -> Finding | None:
    """The date whose year a yearless day takes: the nearest before it that names a day, else a
    month, else a year; failing those the nearest after it, in the same order."""
    # Only dates within reach can give the year: look at those alone (`starts` is sorted).
    low = bisect.bisect_left(starts, match.start() - YEAR_REACH - 100)
    high = bisect.bisect_right(starts, match.end() + YEAR_REACH)
    dated = dated[low:high]
    # A full date anywhere near; a month or a year only in the same paragraph, and not a year
    # used as an adjective ("since a 1994 ceasefire" says nothing of when "September 27" was).
    paragraph_start = text.rfind("\n\n", 0, match.start())
    paragraph_end = text.find("\n\n", match.end())
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    dated = [
        c
        for c in dated
        if c.data["precision"] == "day"
        or (paragraph_start <= c.start < paragraph_end and not c.data.get("adjective"))
    ]
    before = [c for c in dated if c.end <= match.start() <= c.end + YEAR_REACH]
    after = [c for c in dated if match.end() <= c.start <= match.end() + YEAR_REACH]
    for precision in ("day", "month", "year"):
        nearest = [c for c in before if c.data["precision"] == precision]
        if nearest:
            return nearest[-1]
    if DATELINE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
        return _dateline_source(match, after)
    for precision in ("day", "month", "year"):
        nearest = [c for c in after if c.data["precision"] == precision]
        if nearest:
            return nearest[0]
    return None


def _dateline_source(match, after: list[Finding]) -> Finding | None:
    """A dateline's year: the report is written after the events it tells, so its day falls
    after the latest day or month the story dates ("March 14 … since a ceasefire collapsed in
    January 2023" is 2023); if the story's latest date is later in its year than the dateline
    ("19 February … on the night of February 25 to 26, 1992"), its year is not the report's."""
    told = [c for c in after if c.data["precision"] in ("day", "month")]
    if not told or match.groupdict().get("day") is None:
        return None
    latest = max(told, key=lambda c: c.data["value"])
    day = f"{month_number(match):02d}-{int(match.group('day')):02d}"
    return latest if latest.data["value"][5:] <= day else None
