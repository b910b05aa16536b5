"""Dates at day, month or year precision in the common written forms.

"26 February 1992", "26th of February 1992", "February 26, 1992", "Feb. 26 1992", "26.02.1992",
"1992-02-26", "the night of 25 to 26 February 1992" (both days), "February 1992", "in 1993".
A bare year counts only after a word that makes it a date ("in", "since", "by" …), so page
numbers, article numbers and counts are not taken for years.
"""

import re

from . import Finding, Spans, yearless
from .date_words import (
    DAY,
    DAY2,
    MONTH,
    MONTH2,
    MONTHS,
    RANGE_JOIN,
    THEN_NUMBER,
    YEAR,
    month_number,
    valid_day,
)
from .kinds import Kind

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
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<year>1[5-9]\d\d|20\d\d)\s+(?!(?:people|persons|civilians|men|women|"
    r"children|victims|refugees|residents|soldiers|troops|families|homes|houses|bodies|dead|of)\b)"
    # "the 1949 Geneva Conventions", "the 1948 Convention": the year is part of the name.
    r"(?!(?:[A-Z][\w-]*\s+){0,3}(?:Conventions?|Protocols?|Statute|Charter|Covenant|Declaration)\b)"
    r"[A-Za-z]"
)
# "Fourth Geneva Convention (1949)", "Additional Protocol I (1977)": an instrument's year.
INSTRUMENT_YEAR = re.compile(
    r"(?:Conventions?|Protocol(?:\s+[IV]+)?|Statute|Charter|Covenant|Declaration|Court|Rights)\s*$"
)
# "the four Geneva Conventions of 1949", "both Additional Protocols of 1977", "the Council's
# resolutions of 1993": the year is part of the citation, as in "the 1949 Geneva Conventions".
INSTRUMENT_OF = re.compile(
    r"(?:Conventions?|Protocols?(?:\s+[IV]+)?|Statutes?|Charter|Covenants?|Declaration|Treaty|"
    r"Accords?|[Rr]esolutions?)\s+$"
)
# "a count published in 20051": a footnote mark glued to a year.
YEAR_WITH_MARK = re.compile(
    r"\b(?:in|since|by|of)\s+(?P<year>1[89]\d\d|20\d\d)(?=\d{1,2}[,.;:]?\s)", re.I
)
# "Isayeva v. Russia (2005)": a year standing alone in brackets.
YEAR_IN_BRACKETS = re.compile(r"\((?P<year>1[5-9]\d\d|20\d\d)\)")
# "the approach of Schabas (2009)", "2. Varga, L. (2003). Rivers of Silence": an author's
# name and the year of the work cited, not a date of the events.
AUTHOR_BEFORE = re.compile(
    r"(?:\b(?:of|and|by|see|cf\.|&)\s+[A-Z][\w'’-]+(?:\s+et\s+al\.)?"
    r"|(?:^|\n)\s*(?:\d+\.\s+)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*)+)\s*$"
)
# After a number of up to four digits ("resolution 1502 (2003)", "resolutions 1674 (2006), 1894
# (2009)") the year is part of that number's citation; an application's longer number ("App.
# No. 57950 (2005)") cites a judgment, whose year is a date.
CITED_NUMBER = re.compile(r"(?<![\d/.,])\d{1,4}\s?$")
# "Human Rights Watch/Helsinki, 1993", "grave breaches of Geneva Convention, 1949": a year
# after a name and a comma (not in a list of numbers, and not a count of people).
YEAR_AFTER_COMMA = re.compile(
    r"(?<=[A-Za-z)]),\s(?P<year>1[5-9]\d\d|20\d\d)\b(?![,.]?\d|\s*[-–]\s*\d)(?!\s+(?:people|persons|civilians|"
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


def find(text: str) -> list[Finding]:
    taken = Spans()
    found = _full_dates(text, taken)
    found.extend(_lone_years(text, taken))
    found.extend(_year_ranges(text, taken))
    # Days and months without a year take it from these.
    found.extend(yearless.find(text, found, taken))
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
    month = month_number(match)
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
    if not all(valid_day(year, m, d) for m, d in pairs):
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
        if match.re is YEAR_IN_BRACKETS and (
            INSTRUMENT_YEAR.search(text, max(0, match.start() - 40), match.start())
            or CITED_NUMBER.search(text, max(0, match.start() - 6), match.start())
            or AUTHOR_BEFORE.search(text, max(0, match.start() - 40), match.start())
        ):
            continue
        if (
            match.re is YEAR_CUE
            and match.group("cue").lower() == "of"
            and INSTRUMENT_OF.search(text, max(0, match.start() - 40), match.start())
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
