"""Dates in a language's own words: "26 февраля 2022 года", "25-26 Şubat 1992", "1992-ci il
fevralın 25-dən 26-na", "یکم فروری 2012", "Temmuz 2015", "1993-cü ildə", "2024'te".

A day without its year ("каждый год 26 февраля") is not dated: a day that recurs every year is
not a date. A year beside an instrument's name ("Женевские конвенции 1949 года") is part of the
name, and a year inside a resolution's citation is part of the reference.
"""

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
    """Whether an instrument's name stands within three words ("1949 Cenevre Sözleşmeleri")."""
    nearby = range(max(0, index - 3), min(len(tokens), index + 4))
    return any(
        tokens[other].kind == TokenKind.WORD
        and (
            tables.instrument_kinds.match(tokens, other) or tables.instruments.match(tokens, other)
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
        if index in skip:
            index += 1
            continue
        matched = _day_month_year(text, tokens, index, tables) or _year_month_day(
            text, tokens, index, tables
        )
        if matched is None:
            matched = _month_year(text, tokens, index, tables) or _year_alone(
                text, tokens, index, tables
            )
        if matched:
            candidates, index = matched
            found += candidates
        else:
            index += 1
    return found


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
    month = _month(tokens, position, tables)
    if not month or not (year_word or tokens[index].suffix):
        return None
    position = month[0]
    days, after = _days(tokens, position, tables) if position < len(tokens) else ([], position)
    language = tables.language
    if days:
        values = [f"{year}-{month[1]:02d}-{day:02d}" for day in days]
        return [
            _date("year-month-day", tokens, index, after, text, v, "day", language) for v in values
        ], after
    value = f"{year}-{month[1]:02d}"
    return [_date("year-month", tokens, index, position, text, value, "month", language)], position


def _month_year(text, tokens, index, tables):
    month = _month(tokens, index, tables)
    if not month or month[0] >= len(tokens) or not _year(tokens[month[0]]):
        return None
    end = month[0] + 1
    if end < len(tokens) and tables.year_after.match(tokens, end):
        end = tables.year_after.match(tokens, end)[0]
    value = f"{_year(tokens[month[0]])}-{month[1]:02d}"
    return [_date("month-year", tokens, index, end, text, value, "month", tables.language)], end


def _year_alone(text, tokens, index, tables):
    """A year that its words say is one: "в 1993 году", "1993 yılında", "2024'te", "1993 میں"."""
    year = _year(tokens[index])
    if not year:
        return None
    end = index + 1
    said = tables.year_after.match(tokens, end) if end < len(tokens) else None
    before = tables.year_before.ends_at(tokens, index, reach=2)
    if not (said or before or tokens[index].suffix):
        return None
    if _near_instrument(tokens, index, tables):
        return None
    end = said[0] if said else end
    return [_date("year", tokens, index, end, text, str(year), "year", tables.language)], end
