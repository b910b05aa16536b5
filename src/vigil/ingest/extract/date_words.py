"""The words and numbers the date finders share (dates.py, yearless.py): English month names
and the patterns of a day, a month, a year and a range between two of them."""

import datetime

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
# number (most words are not, so most positions are passed over at once). The word is taken
# whole ("++", no backtracking into it): a shorter part of it could only be followed by a number
# through an "of" ending the word, which the whole word passes too.
THEN_NUMBER = r"(?=[^\W\d]++\.?\s*,?\s*(?:of\s+)?\d)"


def month_number(match) -> int | None:
    groups = match.groupdict()
    if groups.get("nmonth"):
        return int(groups["nmonth"])
    if groups.get("month"):
        return MONTHS.get(groups["month"].rstrip(".").lower())
    return None


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the calendar has this day (30 February does not)."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
