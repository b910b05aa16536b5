"""Dates at day, month or year precision in the common written forms.

"26 February 1992", "26th of February 1992", "February 26, 1992", "Feb. 26 1992", "26.02.1992",
"1992-02-26", "the night of 25 to 26 February 1992" (both days), "February 1992", "in 1993".
A bare year counts only after a word that makes it a date ("in", "since", "by" …), so page
numbers, article numbers and counts are not taken for years.
"""

import bisect
import datetime
import re

from . import Finding, Spans
from .kinds import Kind
from .lexical.tables import raw_table

# Month names (English, its short forms, and other languages' that English texts quote) from
# the English table.
MONTHS = {
    name: int(number) for number, names in raw_table("en")["months"].items() for name in names
}
MONTH = r"(?P<month>(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?)"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"  # "26th", and "11." as German writes it
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|\.)?"
RANGE_JOIN = r"\s*(?:-|–|—|to|and|/)\s*"

MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
# A cheap look ahead before the long alternation of month names: the word is followed by a
# number (most words are not, so most positions are passed over at once).
THEN_NUMBER = r"(?=[^\W\d]+\.?\s*,?\s*(?:of\s+)?\d)"
PATTERNS = [
    # 7 April to 15 July 1994: the first date takes the second's year
    (
        "day_month_to_day_month_year",
        re.compile(
            rf"\b{DAY}\s+(?:of\s+)?{MONTH}{RANGE_JOIN.replace('/', '')}{DAY2}\s+(?:of\s+)?"
            rf"{MONTH2}\s*,?\s+{YEAR}\b",
            re.I,
        ),
    ),
    # 25 to 26 February 1992, 25-26 February 1992
    (
        "day_range_month_year",
        re.compile(rf"\b{DAY}{RANGE_JOIN}{DAY2}\s+(?:of\s+)?{MONTH}\s*,?\s+{YEAR}\b", re.I),
    ),
    # February 25-26, 1992
    (
        "month_day_range_year",
        re.compile(rf"\b{THEN_NUMBER}{MONTH}\s+{DAY}{RANGE_JOIN}{DAY2},?\s+{YEAR}\b", re.I),
    ),
    # 26 February 1992, 26th of February, 1992
    (
        "day_month_year",
        re.compile(rf"(?<![\d.,/-]){DAY}\s+(?:of\s+)?{MONTH}\s*,?\s+{YEAR}\b", re.I),
    ),
    # February 26, 1992
    ("month_day_year", re.compile(rf"\b{THEN_NUMBER}{MONTH}\s+{DAY},?\s+{YEAR}\b", re.I)),
    # 1992-02-26
    ("iso", re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)\b")),
    # 26.02.1992, 26/02/1992 (day first, as most of the world writes it)
    (
        "numeric_day_first",
        re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<nmonth>[01]?\d)[./](?P<year>1[5-9]\d\d|20\d\d)\b"),
    ),
    # February to April 1993: the first month takes the second's year
    (
        "month_to_month_year",
        re.compile(
            rf"\b(?=[^\W\d]+\.?\s*(?:-|–|—|to\s|and\s|until\s)){MONTH}\s*(?:-|–|—|to|and|until)\s*{MONTH2}\s+(?:of\s+)?{YEAR}\b",
            re.I,
        ),
    ),
    # February 1992, in February of 1992, February, 1992
    ("month_year", re.compile(rf"\b{THEN_NUMBER}{MONTH}\s*,?\s+(?:of\s+)?{YEAR}\b", re.I)),
]
YEAR_CUE = re.compile(
    r"\b(?P<cue>in|since|by|during|until|till|from|to|and|of|between|early|late|mid-?|around|before|"
    r"after|year|spring|summer|autumn|fall|winter)\s+(?:at least\s+|as early as\s+)?"
    r"(?P<year>1[5-9]\d\d|20\d\d)\b(?![-–/.,]\d)"
    r"(?!\s+(?:people|persons|civilians|men|women|children|victims|refugees|residents|soldiers|"
    r"troops|families|homes|houses|bodies|dead|killed|wounded|were|had|have)\b)",
    re.I,
)


# "the 1995 massacre", "the 1994 genocide": a year used as an adjective before a noun.
YEAR_BEFORE_NOUN = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<year>1[5-9]\d\d|20\d\d)\s+(?!(?:people|persons|civilians|men|women|"
    r"children|victims|refugees|residents|soldiers|troops|families|homes|houses|bodies|dead|of)\b)"
    # "the 1949 Geneva Conventions", "the 1948 Convention": the year is part of the name.
    r"(?!(?:[A-Z][\w-]*\s+){0,3}(?:Conventions?|Protocols?|Statute|Charter|Covenant|Declaration)\b)"
    r"[A-Za-z]"
)
# "Fourth Geneva Convention (1949)", "Additional Protocol I (1977)": an instrument's year.
INSTRUMENT_YEAR = re.compile(
    r"(?:Conventions?|Protocol(?:\s+[IV]+)?|Statute|Charter|Covenant|Declaration|Court|Rights)\s*$"
)
# "a count published in 20051": a footnote mark glued to a year.
YEAR_WITH_MARK = re.compile(
    r"\b(?:in|since|by|of)\s+(?P<year>1[89]\d\d|20\d\d)(?=\d{1,2}[,.;:]?\s)", re.I
)
# "Isayeva v. Russia (2005)": a year standing alone in brackets; after "resolution 1502" it is
# part of the resolution's citation.
YEAR_IN_BRACKETS = re.compile(
    r"(?<!\bresolution\s\d\d\d\d\s)(?<!\bresolution\s\d\d\d\s)(?<!\bresolution\s\d\d\s)"
    r"\((?P<year>1[5-9]\d\d|20\d\d)\)",
    re.I,
)
# "Human Rights Watch/Helsinki, 1993", "grave breaches of Geneva Convention, 1949": a year
# after a name and a comma (not in a list of numbers, and not a count of people).
YEAR_AFTER_COMMA = re.compile(
    r"(?<=[A-Za-z)]),\s(?P<year>1[5-9]\d\d|20\d\d)\b(?![,.]?\d)(?!\s+(?:people|persons|civilians|"
    r"men|women|children|victims|refugees|residents|soldiers|troops|families|were|had|have)\b)"
)
# "1991-92", "1992–1995", "the 1992-1995 war": both years (the second within a lifetime).
YEAR_RANGE = re.compile(
    r"(?<![\d/.-])(?P<year>1[5-9]\d\d|20\d\d)\s*[-–]\s*(?P<year2>\d\d|1[5-9]\d\d|20\d\d)"
    r"(?![\d/-]|\.\d|\s*(?:people|persons|civilians|men|women|children|victims)\b)"
)
YEAR_RULES = {
    YEAR_CUE.pattern: "year_after_cue",
    YEAR_BEFORE_NOUN.pattern: "year_as_adjective",
    YEAR_IN_BRACKETS.pattern: "year_in_brackets",
    YEAR_AFTER_COMMA.pattern: "year_after_comma",
    YEAR_WITH_MARK.pattern: "year_with_footnote_mark",
}
# "On the night of February 25-26", "on 26 February": a day and month with no year takes the
# year of the nearest date that has one (a text about 1992 names its days without repeating it).
YEARLESS = [
    re.compile(rf"\b{DAY}{RANGE_JOIN}{DAY2}\s+(?:of\s+)?{MONTH}(?!\w)(?![\s,]*(?:of\s+)?\d)", re.I),
    re.compile(rf"\b{THEN_NUMBER}{MONTH}\s+{DAY}{RANGE_JOIN}{DAY2}\b(?![\s,]*\d)", re.I),
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?!\w)(?![\s,]*(?:of\s+)?\d)", re.I),
    re.compile(
        rf"\b{THEN_NUMBER}{MONTH}\s+{DAY}\b(?![\s,]*\d|\s*(?:[-–%]|per|years?|people))", re.I
    ),
]
ANNUAL_DAY = re.compile(
    r"\s+as\s+(?:the|a|an|its)\s+(?:\w+\s+){0,3}(?:day|days|anniversary)\b"
    r"|,?\s+(?:the|a)\s+(?:\w+\s+){0,3}(?:day|anniversary)\b",
    re.I,
)
# "every year on 26 February", "is remembered on 26 February": a day of every year.
ANNUAL_BEFORE = re.compile(
    r"\b(?:(?:every|each)\s+year|annually|yearly|remembered|commemorated|observed|marked)"
    r"\s+(?:\w+\s+){0,2}on\s+(?:the\s+)?$",
    re.I,
)
YEAR_REACH = 1500  # characters within which a yearless date looks for its year


def _month_number(match) -> int | None:
    groups = match.groupdict()
    if groups.get("nmonth"):
        return int(groups["nmonth"])
    if groups.get("month"):
        return MONTHS.get(groups["month"].rstrip(".").lower())
    return None


def _valid(year: int, month: int, day: int) -> bool:
    """Whether the calendar has this day (30 February does not)."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def find(text: str) -> list[Finding]:
    taken = Spans()
    found = _full_dates(text, taken)
    found.extend(_lone_years(text, taken))
    found.extend(_year_ranges(text, taken))
    found.extend(_yearless(text, found, taken))
    return sorted(found, key=lambda c: c.start)


def _full_dates(text: str, taken: Spans) -> list[Finding]:
    """Dates that name their year with a month, and perhaps a day (PATTERNS, in order)."""
    found = []
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if not taken.free(match.start(), match.end()):
                continue
            dates = _dates_of(match, f"en.date.{name}")
            if dates:
                found.extend(dates)
                taken.take(match.start(), match.end())
    return found


def _dates_of(match, rule: str) -> list[Finding]:
    """The months or days one match names ("February–March 1992" names two), or none when it
    names no real month or day."""
    month = _month_number(match)
    year = int(match.group("year"))
    if month is None or not 1 <= month <= 12:
        return []
    groups = match.groupdict()

    def finding(value: str, precision: str) -> Finding:
        data = {"value": value, "precision": precision, "rule": rule}
        return Finding(Kind.DATE, match.start(), match.end(), match.group(), data)

    if groups.get("day") is None:
        months = [month]
        if groups.get("month2"):
            months.append(MONTHS.get(groups["month2"].rstrip(".").lower()))
        return [finding(f"{year:04d}-{m:02d}", "month") for m in months]
    month2 = MONTHS.get((groups.get("month2") or "").rstrip(".").lower(), month)
    pairs = [(month, int(groups["day"]))]
    if groups.get("day2"):
        pairs.append((month2, int(groups["day2"])))
    if not all(_valid(year, m, d) for m, d in pairs):
        return []
    return [finding(f"{year:04d}-{m:02d}-{d:02d}", "day") for m, d in pairs]


def _lone_years(text: str, taken: Spans) -> list[Finding]:
    """A year standing alone, found by its context (YEAR_RULES); most describe a noun."""
    found = []
    for match in [
        *YEAR_CUE.finditer(text),
        *YEAR_BEFORE_NOUN.finditer(text),
        *YEAR_IN_BRACKETS.finditer(text),
        *YEAR_AFTER_COMMA.finditer(text),
        *YEAR_WITH_MARK.finditer(text),
    ]:
        start, end = match.start("year"), match.end("year")
        if match.re is YEAR_IN_BRACKETS and INSTRUMENT_YEAR.search(
            text, max(0, match.start() - 40), match.start()
        ):
            continue
        if taken.claim(start, end):
            value = {
                "value": match.group("year"),
                "precision": "year",
                "rule": f"en.date.{YEAR_RULES[match.re.pattern]}",
            }
            if match.re not in (YEAR_CUE, YEAR_AFTER_COMMA):
                value["adjective"] = True
            found.append(Finding(Kind.DATE, start, end, match.group("year"), value))
    return found


def _year_ranges(text: str, taken: Spans) -> list[Finding]:
    found = []
    for match in YEAR_RANGE.finditer(text):
        first, second = int(match.group("year")), match.group("year2")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if not first < last <= first + 100 or not taken.claim(match.start(), match.end()):
            continue
        for year in (first, last):
            value = {"value": f"{year:04d}", "precision": "year", "rule": "en.date.year_range"}
            found.append(Finding(Kind.DATE, match.start(), match.end(), match.group(), value))
    return found


# "Baku. 19 February. REPORT.AZ/", "Baku, Azerbaijan, Feb. 1 / Trend": a dateline dates the
# report, so only what came before it can give its year, never the events told after it.
DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][\w'’-]*(?:[ ,]+[A-Z][\w'’-]*)*[.,]\s*$")


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
    if DATELINE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
        after = []
    for precision in ("day", "month", "year"):
        nearest = [c for c in before if c.data["precision"] == precision]
        if nearest:
            return nearest[-1]
    for precision in ("day", "month", "year"):
        nearest = [c for c in after if c.data["precision"] == precision]
        if nearest:
            return nearest[0]
    return None


def _yearless(text: str, found: list[Finding], taken: Spans) -> list[Finding]:
    """Days named without a year, dated by the nearest date that has one (before it first)."""
    dated = sorted(found, key=lambda c: c.start)
    starts = [c.start for c in dated]
    added = []
    for pattern in YEARLESS:
        for match in pattern.finditer(text):
            # Month names are capitalised in running text; "may 5" is a verb and a number.
            if not match.group("month")[0].isupper() or not taken.free(match.start(), match.end()):
                continue
            # "proclaimed July 11 as the International Day": a day of every year, not a date.
            if ANNUAL_DAY.match(text, match.end()) or ANNUAL_BEFORE.search(
                text, max(0, match.start() - 60), match.start()
            ):
                continue
            source = _year_source(text, match, dated, starts)
            if source is None:
                continue
            year = int(source.data["value"][:4])
            month = _month_number(match)
            days = [match.group("day")] + (
                [match.group("day2")] if "day2" in match.groupdict() and match.group("day2") else []
            )
            if month is None or not all(_valid(year, month, int(d)) for d in days):
                continue
            for day in days:
                value = {
                    "value": f"{year:04d}-{month:02d}-{int(day):02d}",
                    "precision": "day",
                    # The reviewer sees where the year came from.
                    "year_from": source.text,
                    "rule": "en.date.day_month_taking_year",
                }
                added.append(Finding(Kind.DATE, match.start(), match.end(), match.group(), value))
            taken.take(match.start(), match.end())
    return added
