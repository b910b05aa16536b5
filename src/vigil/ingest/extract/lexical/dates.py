"""Dates in a language's own words: "26 февраля 2022 года", "25-26 Şubat 1992", "1992-ci il
fevralın 25-dən 26-na", "یکم فروری 2012", "Temmuz 2015", "1993-cü ildə", "2024'te".

A day without its year ("martın 9-da", "14 октября") takes the text's year; one that recurs
every year ("каждый год 26 февраля", the table's `recurring` words) is not a date. Spans of
months and years give each end ("Şubat-Nisan 2023", "в 2019–2021 годах"). A year beside an
instrument's name ("Женевские конвенции 1949 года") is part of the name, and a year inside a
resolution's citation is part of the reference.
"""

from itertools import pairwise

from .. import Finding
from ..kinds import Kind
from .tokens import Token, TokenKind, covered


def _year(token: Token) -> int | None:
    if (
        token.kind == TokenKind.NUMBER
        and token.value
        and len(token.low) == 4
        and 1500 <= token.value <= 2099
    ):
        return token.value
    return None


def _day(tokens, index, tables) -> int | None:
    token = tokens[index]
    if (
        token.kind == TokenKind.NUMBER
        and token.value
        and 1 <= token.value <= 31
        and len(token.low) <= 2
    ):
        return token.value
    if tables.first_day.match(tokens, index):
        return 1
    return None


def _month(tokens, index, tables):
    if index < len(tokens) and tokens[index].kind == TokenKind.WORD:
        return tables.months.match(tokens, index)
    return None


def _second_month(token, tables) -> int | None:
    """The month after the hyphen of one word that spans two: "Şubat-Nisan"."""
    _, hyphen, second = token.low.partition("-")
    if not hyphen or not second:
        return None
    found = tables.months.match([Token(second, second, 0, 0, TokenKind.WORD)], 0)
    return found[1] if found else None


def _days(tokens, index, tables) -> tuple[list[int], int]:
    """A day or a span of two ("25-26", "с 25 на 26", "25 اور 26"), and the index after it."""
    first = _day(tokens, index, tables)
    if first is None:
        return [], index
    joined = tables.day_joiners.match(tokens, index + 1) if index + 1 < len(tokens) else None
    # "fevralın 25-dən 26-na": a day with a case ending runs on to the next.
    if not joined and tokens[index].suffix and index + 1 < len(tokens):
        joined = (index + 1, None)
    if joined and joined[0] < len(tokens):
        second = _day(tokens, joined[0], tables)
        if second is not None and second > first:
            return [first, second], joined[0] + 1
    return [first], index + 1


def _near_instrument(tokens, index, tables) -> bool:
    """Whether the year is part of an instrument's or a law's name: the name stands within
    three words after it ("1949 Cenevre Sözleşmeleri", "۱۹۴۸ء کے ... کنونشن"), or before it
    where the language writes the year after the name ("конвенции 1949 года", "ایکٹ 1946ء")
    or in brackets ("کنونشن (1949ء)")."""
    # "۱۹۴۸ء کے انسداد نسل کشی کنونشن": after a word for "of" the name may be longer.
    glued = next((i for i in (index + 1, index + 2) if i < len(tokens) and tokens[i].low != "ء"), 0)
    reach = 7 if glued and tables.part_glue.match(tokens, glued) else 4
    nearby = list(range(index + 1, min(len(tokens), index + reach)))
    if tables.year_after_name:
        nearby += range(max(0, index - 3), index)
    elif index > 1 and tokens[index - 1].text == "(":
        nearby.append(index - 2)
    return any(
        tokens[other].kind == TokenKind.WORD
        and (
            tables.instrument_kinds.match(tokens, other)
            or tables.instruments.match(tokens, other)
            or tables.national_laws.match(tokens, other)
        )
        for other in nearby
    )


def _date(rule, tokens, start, end, text, value, precision, language) -> Finding:
    first, last = tokens[start].start, tokens[end - 1].end
    data = {"value": value, "precision": precision, "rule": f"{language}.date.{rule}"}
    return Finding(Kind.DATE, first, last, text[first:last], data)


def find(text: str, tokens: list[Token], tables, taken: list[Finding]) -> list[Finding]:
    skip = covered(tokens, [(c.start, c.end) for c in taken])
    found: list[Finding] = []
    index = 0
    while index < len(tokens):
        if index in skip or tokens[index].kind == TokenKind.MARK:  # every date starts with a word
            index += 1  # or a number
            continue
        matched = _day_month_year(text, tokens, index, tables) or _year_month_day(
            text, tokens, index, tables
        )
        for reader in (_numeric, _month_year, _year_alone, _yearless):
            matched = matched or reader(text, tokens, index, tables)
        if matched:
            candidates, index = matched
            found += candidates
        else:
            index += 1
    return _give_years(found)


def _give_years(found: list[Finding]) -> list[Finding]:
    """A day without its year ("martın 9-da", "14 октября") takes the text's year: the year of
    its first date (a dateline's, a header's, an infobox's), which fits the texts better than
    the year named last before the day; in a text that gives none it is left out."""
    years = [c.data["value"][:4] for c in found if c.data["value"]]
    dated = []
    for candidate in found:
        if not candidate.data["value"]:
            if not years:
                continue
            year = int(years[0]) - candidate.data.pop("years_back", 0)
            candidate.data["value"] = f"{year:04d}-{candidate.data.pop('month_day')}"
        dated.append(candidate)
    return dated


def _recurring(tokens, index, tables) -> bool:
    """Whether words before a day say it recurs every year ("hər il", "ежегодно", "ہر سال")."""
    return any(tables.recurring.match(tokens, i) for i in range(max(0, index - 4), index))


def _yearless(text, tokens, index, tables):
    """A day and a month with no year: "14 октября", "21 Mart'ta", "martın 9-da" (a month in
    the genitive, then a day with its ending)."""
    days, after = _days(tokens, index, tables)
    month = days and _month(tokens, after, tables)
    start, end = index, month and month[0]
    if not month:
        if index + 1 >= len(tokens) or not tokens[index + 1].suffix:  # no day with an ending
            return None
        month = _month(tokens, index, tables)
        if not month or month[0] >= len(tokens) or not tokens[month[0]].suffix:
            return None
        days, end = _days(tokens, month[0], tables)
        if not days:
            return None
    if _recurring(tokens, start, tables):
        return [], end
    # "keçən il oktyabrın 12-də", "Geçtiğimiz yıl 15 Mart'ta": the year before the text's.
    back = 1 if start and tables.last_year.ends_at(tokens, start, reach=3) else 0
    found = []
    for day in days:
        candidate = _date("day-month", tokens, start, end, text, None, "day", tables.language)
        candidate.data["month_day"] = f"{month[1]:02d}-{day:02d}"
        if back:
            candidate.data["years_back"] = back
        found.append(candidate)
    return found, end


def _numeric(text, tokens, index, tables):
    """ "05.03.2015": a day, a month and a year in figures, joined by dots."""
    parts = tokens[index : index + 5]
    if len(parts) < 5 or [t.text for t in parts[1::2]] != [".", "."]:
        return None
    if any(a.end != b.start for a, b in pairwise(parts)) or not _year(parts[4]):
        return None
    day, month = parts[0].value, parts[2].value
    if not (day and month and 1 <= day <= 31 and 1 <= month <= 12 and len(parts[2].low) == 2):
        return None
    value = f"{parts[4].value}-{month:02d}-{day:02d}"
    return [_date("numeric", tokens, index, index + 5, text, value, "day", tables.language)], (
        index + 5
    )


def _day_month_year(text, tokens, index, tables):
    days, after = _days(tokens, index, tables)
    month = days and _month(tokens, after, tables)
    if not month or month[0] >= len(tokens) or not _year(tokens[month[0]]):
        return None
    year, end = _year(tokens[month[0]]), month[0] + 1
    if end < len(tokens) and tables.year_after.match(tokens, end):
        end = tables.year_after.match(tokens, end)[0]
    values = [f"{year}-{month[1]:02d}-{day:02d}" for day in days]
    return [
        _date("day-month-year", tokens, index, end, text, v, "day", tables.language) for v in values
    ], end


def _year_month_day(text, tokens, index, tables):
    """Azerbaijani order: "1992-ci il fevralın 25-dən 26-na", "2015-ci ilin iyul ayına"."""
    year = _year(tokens[index])
    if not year or index + 1 >= len(tokens):
        return None
    position = index + 1
    year_word = tables.year_after.match(tokens, position)
    if year_word:
        position = year_word[0]
    if not (year_word or tokens[index].suffix) or position >= len(tokens):
        return None
    month = _month(tokens, position, tables)
    days, after = [], position
    if month:
        position = month[0]
        days, after = _days(tokens, position, tables) if position < len(tokens) else ([], position)
    else:  # "2015-ci il 16 aprel tarixli"
        days, after = _days(tokens, position, tables)
        month = days and _month(tokens, after, tables)
        if not month:
            return None
        after = month[0]
    language = tables.language
    if days:
        values = [f"{year}-{month[1]:02d}-{day:02d}" for day in days]
        return [
            _date("year-month-day", tokens, index, after, text, v, "day", language) for v in values
        ], after
    months, position = _months(tokens, index + 1, tables, month)
    values = [f"{year}-{m:02d}" for m in months]
    return [
        _date("year-month", tokens, index, position, text, v, "month", language) for v in values
    ], position


def _months(tokens, index, tables, month) -> tuple[list[int], int]:
    """A month, or a span of two ("Şubat-Nisan", "мае — июне", "aprel–iyun"), and the index
    after it."""
    second = _second_month(tokens[month[0] - 1], tables)
    if second and second > month[1]:
        return [month[1], second], month[0]
    joined = month[0] < len(tokens) and tables.day_joiners.match(tokens, month[0])
    following = joined and joined[0] < len(tokens) and _month(tokens, joined[0], tables)
    if following and following[1] > month[1]:
        return [month[1], following[1]], following[0]
    return [month[1]], month[0]


def _month_year(text, tokens, index, tables):
    month = _month(tokens, index, tables)
    if not month:
        return None
    months, position = _months(tokens, index, tables, month)
    if position >= len(tokens) or not _year(tokens[position]):
        return None
    year, end = _year(tokens[position]), position + 1
    if end < len(tokens) and tables.year_after.match(tokens, end):
        end = tables.year_after.match(tokens, end)[0]
    language = tables.language
    return [
        _date("month-year", tokens, index, end, text, f"{year}-{m:02d}", "month", language)
        for m in months
    ], end


def _year_range(tokens, index, tables) -> int | None:
    """The index of a second year after a dash that ends a span of years ("1992—1996 годов",
    "2015–2016-cı illərdə", "۲۰۱۹ء–۲۰ء"), or None."""
    position = index + 1
    if position < len(tokens) and tokens[position].low == "ء":
        position += 1
    if position + 1 >= len(tokens) or tokens[position].text not in "-–—":
        return None
    second = tokens[position + 1]
    if second.kind != TokenKind.NUMBER or len(second.low) not in (2, 4):
        return None
    said = second.suffix or tables.year_after.match(tokens, position + 2)
    bracketed = (
        tokens[index - 1].text == "("
        and tokens[position + 2 :][:1]
        and (tokens[position + 2].text == ")")
    )  # "(2014–2016)"
    return position + 1 if said or bracketed else None


def _cited(tokens, index) -> bool:
    """Whether a year closes a source's citation: "(Veldor, 2016)", "… aktı, 2016."."""
    following = tokens[index + 1].text if index + 1 < len(tokens) else "."
    return index > 0 and tokens[index - 1].text == "," and following in {")", ".", ";"}


def _year_alone(text, tokens, index, tables):
    """A year that its words say is one: "в 1993 году", "1993 yılında", "2024'te", "1993 میں"."""
    year = _year(tokens[index])
    if not year:
        return None
    second = _year_range(tokens, index, tables)
    if second is not None and not _near_instrument(tokens, second, tables):
        last = tokens[second].value
        last = last if last >= 1000 else year // 100 * 100 + last
        end = tables.year_after.match(tokens, second + 1)
        end = end[0] if end else second + 1
        language = tables.language
        return [
            _date("year-range", tokens, index, end, text, str(y), "year", language)
            for y in (year, last)
        ], end
    end = index + 1
    said = tables.year_after.match(tokens, end) if end < len(tokens) else None
    before = tables.year_before.ends_at(tokens, index, reach=2)
    if not (said or before or tokens[index].suffix or _cited(tokens, index)):
        return None
    if _near_instrument(tokens, index, tables):
        return None
    end = said[0] if said else end
    return [_date("year", tokens, index, end, text, str(year), "year", tables.language)], end
