"""Casualty figures in a language's own words: a count (digits, number words, a vague plural),
its hedge ("не менее", "en az", "ən azı", "کم از کم"; "40'tan fazla", "40 سے زائد"), and the
category a casualty word in its clause gives it.

In steps: `_counts` finds the numbers; `_is_toll` drops those that count something else (a
population, votes, a rate, an article, a footnote's number, a day of a month, a year); `_hedged`
reads the bounds (also from an ending: "240-dək") and ranges; `_categories` takes a casualty word
just before the count ("Погибшие 212", an infobox's label), else looks for one after the number
in its clause, then before it; a
number with none that follows a figure as one of its parts ("в том числе 106 женщин") or as the
next item of its list counts what that figure counts.
"""

from dataclasses import dataclass

from .. import Finding
from ..kinds import Hedge, Kind
from .tokens import CLAUSE_MARKS, Token, TokenKind, clause_bounds, covered, sentence_bounds

AFTER_REACH = 6  # tokens after a number in which its casualty word may stand


@dataclass
class Count:
    start: int  # token indices
    end: int
    value: int
    vague: bool = False


def _number_words(tokens, index, tables) -> Count | None:
    """ "сорок пять" = 45, "üç bin" = 3,000, "двенадцать" = 12."""
    total, current, position = 0, 0, index
    while position < len(tokens) and tokens[position].kind == TokenKind.WORD:
        scale = tables.scales.match(tokens, position)
        if scale and position > index:
            total += max(current, 1) * scale[1]
            current, position = 0, scale[0]
            continue
        word = tables.number_words.match(tokens, position)
        if not word:
            break
        current += word[1]
        position = word[0]
    total += current
    if total == 1 and position == index + 1:  # "bir", "ایک", "один" alone: "a", not a count
        return None
    return Count(index, position, total) if position > index and total else None


def _scaled(tokens, index, tables) -> Count:
    """A number with its scale, in parts each of a smaller scale: "2 тысячи", "2 لاکھ 40 ہزار"."""
    total, position, last = 0, index, None
    while position + 1 < len(tokens) and tokens[position].kind == TokenKind.NUMBER:
        token = tokens[position]
        scale = None if token.suffix else tables.scales.match(tokens, position + 1)
        if not scale or not token.value or (last is not None and scale[1] >= last):
            break
        total, last, position = total + token.value * scale[1], scale[1], scale[0]
    following = tokens[position] if position < len(tokens) else None
    # "2 bin 300'ü": the last part, smaller than the scale before it, needs none.
    if (
        last
        and following
        and following.kind == TokenKind.NUMBER
        and following.value
        and following.value < last
        and not {",", "."} & set(following.low)
    ):
        total, position = total + following.value, position + 1
    if position == index:
        return Count(index, index + 1, tokens[index].value)
    return Count(index, position, total)


def _counts(tokens, tables, skip) -> list[Count]:
    counts, index = [], 0
    while index < len(tokens):
        token = tokens[index]
        if index in skip:
            index += 1
            continue
        count = None
        if token.kind == TokenKind.NUMBER and token.value:
            count = _scaled(tokens, index, tables)
        elif token.kind == TokenKind.WORD:
            vague = tables.vague.match(tokens, index)
            if vague and not (index > 0 and tokens[index - 1].kind == TokenKind.NUMBER):
                # A vague plural's value is its table's ("on binlerce" = 10,000), else its scale's.
                value = vague[1] if type(vague[1]) is int else tables.scales.match(tokens, index)
                value = value if type(value) is int else value[1] if value else 100
                count = Count(index, vague[0], value, vague=True)
            else:
                count = _number_words(tokens, index, tables)
        if count:
            counts.append(count)
            index = count.end
        else:
            index += 1
    return counts


def _is_toll(tokens, count: Count, tables) -> bool:
    token = tokens[count.start]
    following = count.end
    if following < len(tokens) and tokens[following].text == ".":
        following += 1
    if following < len(tokens):
        if tables.not_counted_after.match(tokens, following):
            return False
        if tables.months.match(tokens, following) and count.value <= 31:
            return False
        if tokens[following].text in "/)":
            return False
        # "3. МАСШТАБ", "3. требует": a paragraph's number at the head of its line.
        if token.sentence_start and tokens[count.end].text in (".", "۔", ")"):
            return False
    ranged = count.start > 1 and tokens[count.start - 2].kind == TokenKind.NUMBER  # "212—380"
    if count.start > 0:
        if not ranged and tables.not_counted_before.ends_at(tokens, count.start, reach=2):
            return False
        if tokens[count.start - 1].text in "(/№[":  # "[3]": a footnote's number
            return False
        if count.value <= 31 and tables.months.ends_at(tokens, count.start, reach=1):
            return False  # "martın 4-ü": a day
    if token.kind == TokenKind.NUMBER and len(token.low) == 4 and 1500 <= count.value <= 2099:
        return False
    if token.suffix in tables.ordinal_suffixes:  # "98'inci", "7-ci": an ordinal counts nothing
        return False
    clause_start, clause_end = clause_bounds(tokens, count.start)
    for index in range(clause_start, count.start):
        if tables.population.match(tokens, index):
            return False
    # "по 40 раненых в сутки", "hər gün 5-6 nəfər": a rate is not a toll; nor is a feared one.
    return not any(
        tables.rates.match(tokens, i) or tables.hypothetical.match(tokens, i)
        for i in range(clause_start, clause_end)
    )


def _hedged(tokens, count: Count, tables) -> tuple[int, int | None, int | None, int]:
    """(first token, low, high, last token) with the hedges around the count read."""
    low, high, start, end = count.value, count.value, count.start, count.end
    if count.vague:
        high = None
    before = tables.hedge_before.ends_at(tokens, count.start, reach=4)
    after = tables.hedge_after.match(tokens, count.end) if count.end < len(tokens) else None
    suffix = tokens[count.end - 1].suffix  # "240-dək"
    if not (before or after) and suffix in tables.hedge_suffixes:
        low, high = _bound(tables.hedge_suffixes[suffix], count.value, low, high)
        return start, low, high, end
    if before:
        start = before[0]
        low, high = _bound(before[1], count.value, low, high)
    elif after:
        end = after[0]
        low, high = _bound(after[1], count.value, low, high)
    return start, low, high, end


def _bound(kind: str, value: int, low, high):
    if kind == Hedge.LOWER:
        return value, None
    if kind == Hedge.UPPER:
        return None, value
    return low, high


def _categories(tokens, start: int, end: int, tables) -> list[str]:
    # "Погибшие 212—380", "Girovlar 96", "убиты не менее 212": the word just before.
    # "ہلاکتیں: ۱۶۱+", "погибших — девять", "Didərgin düşənlər ~9 000"
    # "Kayıp: ~60": a colon and a mark of approximation both.
    marks = 0
    while marks < 2 and start - marks > 0 and tokens[start - marks - 1].text in ":—~":
        marks += 1
    label = tables.categories.ends_at(tokens, start - marks, reach=3)
    if label:
        return [label[1]]
    if marks and tokens[start - marks].text == ":":
        # "həlak olanlar: 143": a label of a few words before its colon, in its own line.
        for index in range(start - marks - 1, max(-1, start - marks - 4), -1):
            found = tables.categories.match(tokens, index)
            if found and found[0] <= start - marks:
                return [found[1]]
            if tokens[index].sentence_start or tokens[index].text in CLAUSE_MARKS:
                break
    clause_start, clause_end = clause_bounds(tokens, start)
    limit = min(clause_end, end + AFTER_REACH)
    index = end
    while index < limit:
        if tokens[index].kind == TokenKind.NUMBER:
            break
        found = tables.categories.match(tokens, index)
        if found:
            return _joined(tokens, found, tables)
        index += 1
    for index in range(start - 1, clause_start - 1, -1):
        found = tables.categories.match(tokens, index)
        if found and found[0] <= start:
            return [found[1]]
    return []


def _joined(tokens, first, tables) -> list[str]:
    """The category found and any joined to it ("убиты и ранены")."""
    categories, position = [first[1]], first[0]
    while position < len(tokens):
        joiner = tables.list_joiners.match(tokens, position)
        following = (
            joiner and joiner[0] < len(tokens) and tables.categories.match(tokens, joiner[0])
        )
        if not following:
            break
        if following[1] not in categories:
            categories.append(following[1])
        position = following[0]
    return categories


def _part_of(tokens, previous_end: int, start: int, tables) -> bool:
    """Whether the words between a figure and this count make it a part or the next item:
    "613 … жителей, в том числе 106", "106 женщин и 63"."""
    sentence_start = sentence_bounds(tokens, start)[0]
    if sentence_start > previous_end:
        # "… 96'sının öldürüldüğü belgelenmiştir; bunların 31'i kadın": a sentence that begins
        # with a word for "of them" speaks of the figure just before it.
        follows = sentence_bounds(tokens, sentence_start - 1)[0] <= previous_end
        return follows and bool(tables.included.match(tokens, sentence_start))
    between = range(previous_end, start)
    if any(tables.included.match(tokens, i) for i in between):
        return True
    words = [i for i in between if tokens[i].kind == TokenKind.WORD]
    joined = any(tables.list_joiners.match(tokens, i) for i in between)
    return joined and len(words) <= 3


def find(text: str, tokens: list[Token], tables, taken: list[Finding]) -> list[Finding]:
    skip = covered(tokens, [(c.start, c.end) for c in taken])
    counts = [c for c in _counts(tokens, tables, skip) if _is_toll(tokens, c, tables)]
    found: list[Finding] = []
    head: tuple[list[str], int] | None = None  # the last figure's categories and end
    index = 0
    while index < len(counts):
        count = counts[index]
        start, low, high, end = _hedged(tokens, count, tables)
        rule = "figure.category"
        # "от 500 до 1000", "500 ile 1.000 arasında", "500-dən 1000-ə qədər": a range.
        if index + 1 < len(counts):
            following = counts[index + 1]
            between = (
                tables.range_between.match(tokens, count.end) if count.end < len(tokens) else None
            )
            adjacent = following.start == count.end and count.vague is False
            if (
                (between and between[0] == following.start) or adjacent
            ) and following.value > count.value:
                low, high = count.value, following.value
                # "40 سے 50 ہزار", "20 ila 25 bin": the scale after the second is the first's too.
                first_value = tokens[following.start].value
                if count.end == count.start + 1 and following.end > following.start + 1:
                    scale = following.value // first_value if first_value else 1
                    low = count.value * scale if count.value * scale <= following.value else low
                _, _, follow_high, end = _hedged(tokens, following, tables)
                high = follow_high if follow_high is not None else following.value
                if start == count.start and tables.range_before.ends_at(tokens, start, reach=1):
                    start -= 1
                rule = "figure.range"
                index += 1
        categories = _categories(tokens, start, end, tables)
        if not categories and head and _part_of(tokens, head[1], start, tables):
            categories, rule = head[0], "figure.part"
        index += 1
        if not categories:
            continue
        head = (categories, end)
        first, last = tokens[start].start, tokens[end - 1].end
        for category in categories:
            data = {
                "category": category,
                "low": low,
                "high": high,
                "population": "",
                "rule": f"{tables.language}.{rule}",
            }
            found.append(Finding(Kind.FIGURE, first, last, text[first:last], data))
    return found
