"""Legal references in a language's own words: "статья 6 Римского статута", "Roma Statüsü'nün
7. maddesi", "روم اسٹیچیوٹ کی دفعہ 6", "822, 853 və 884 saylı qətnamələr", "A/RES/78/282".

An article takes the instrument its language puts beside it (after it in Russian, before it in
Azerbaijani, Turkish and Urdu), else the one on the other side in the same sentence; an article
with no international instrument beside it (a national constitution's) is left out. A
resolution is the General Assembly's when its number has a session ("62/243"), else the
Security Council's or the Assembly's as the body named last before it says.
"""

import re
from bisect import bisect_left

from .. import Finding
from ..kinds import Kind
from . import provisions
from .tokens import Token, TokenKind, covered, sentence_bounds

SYMBOL = re.compile(r"(?P<body>[AS])/RES/(?P<number>\d+(?:/\d+)?)(?:\s*\(\d{4}\))?")
ROMAN = re.compile(r"[ivxlc]+")
ROMAN_NUMERALS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                  "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"]  # fmt: skip
# Instruments whose articles are Roman numerals, however a text writes them.
ROMAN_ARTICLES = {"Genocide Convention"}
# What each instrument is called by its kind ("того же Статута", "the Convention").
KIND = {
    "Rome Statute": "Statute",
    "ICTY Statute": "Statute",
    "ICTR Statute": "Statute",
    "UN Charter": "Charter",
    "Nuremberg Charter": "Charter",
    "ICCPR": "Covenant",
    "UDHR": "Declaration",
}
REACH = 10  # tokens between an article and its instrument, at most


def _kind(instrument: str) -> str:
    if instrument in KIND:
        return KIND[instrument]
    return "Protocol" if "Protocol" in instrument else "Convention"


def _article_number(tokens: list[Token], index: int, roman: bool, tables):
    """The article number at tokens[index] ("7(1)(a)", "II", "2-ci", "اوّل") and the index
    after it."""
    token = tokens[index]
    end = index + 1
    ordinal = token.kind == TokenKind.WORD and tables.part_ordinals.match(tokens, index)
    if token.kind == TokenKind.NUMBER and token.value is not None:
        text = str(token.value)  # "۷" is 7
    elif roman and token.kind == TokenKind.WORD and ROMAN.fullmatch(token.low):
        text = token.low.upper()
    elif ordinal:
        text, end = str(ordinal[1]), ordinal[0]
    else:
        return None
    while (
        end + 2 < len(tokens)
        and tokens[end].text == "("
        and tokens[end + 2].text == ")"
        and tokens[end].end == tokens[end + 1].start
        and len(tokens[end + 1].text) <= 4
    ):
        text += f"({provisions.label(tokens[end + 1].low, tables)})"
        end += 3
    return text, end


def _number_list(tokens, index, tables, roman) -> tuple[list[str], int]:
    """Article numbers from tokens[index] joined by commas and "and": the numbers and the end."""
    numbers, position = [], index
    while position < len(tokens):
        parsed = _article_number(tokens, position, roman, tables)
        if not parsed:
            break
        numbers.append(parsed[0])
        position = parsed[1]
        joined = tables.legal_joiners.match(tokens, position) if position < len(tokens) else None
        if not joined or joined[0] >= len(tokens):
            break
        if not _article_number(tokens, joined[0], roman, tables):
            break
        position = joined[0]
    return numbers, position


def _list_before(tokens, end, tables) -> tuple[list[str], int]:
    """The article numbers that end just before tokens[end] ("7. maddesi", "2 və 13-cü")."""
    if end > 0 and tokens[end - 1].text == ".":
        end -= 1
    start = end
    for candidate in range(end - 1, max(-1, end - 16), -1):
        numbers, stop = _number_list(tokens, candidate, tables, roman=True)
        if numbers and stop == end:
            start = candidate
    if start == end:
        return [], end
    return _number_list(tokens, start, tables, roman=True)[0], start


def _mentions(tokens, phrases) -> list[tuple[int, int, str]]:
    return phrases.spans(tokens, (TokenKind.WORD, TokenKind.NUMBER))


def _between(mentions, low: int, high: int) -> list:
    """The mentions (sorted) that start at token `low` or after and before token `high`."""
    return mentions[
        bisect_left(mentions, low, key=_first) : bisect_left(mentions, high, key=_first)
    ]


def _first(mention) -> int:
    return mention[0]


def _last(mentions, before: int, wanted=None):
    """The last mention that ends by token `before` (and is `wanted`), looked for backwards."""
    for index in range(bisect_left(mentions, before, key=_first) - 1, -1, -1):
        mention = mentions[index]
        if mention[1] <= before and (wanted is None or wanted(mention)):
            return mention
    return None


def _named_by_kind(instruments, kinds) -> list:
    """Every mention of an instrument, by its name or by its kind ("Statutun" after the Rome
    Statute was named), in the order of the text."""
    found = list(instruments)
    for start, end, kind in kinds:
        named = _last(instruments, start, lambda m, kind=kind: m[2] and _kind(m[2]) == kind)
        if named:
            found.append((start, end, named[2]))
    return sorted(found)


def _instrument(mention_start, mention_end, mentions, tables, tokens):
    """The instrument an article belongs to, and whether it was found beyond the article's
    sentence (by its kind word or as the one named last, by name or by kind)."""
    instruments, kinds, named = mentions
    low, high = sentence_bounds(tokens, mention_start)
    reach = min(high, mention_end + REACH + 1)
    # Before it, the instrument named last, by name or by its kind ("Sözleşme'nin 13.
    # maddesiyle birlikte 8. maddenin": the Convention's, not a protocol named earlier).
    before = [m for m in _between(named, low, mention_start) if m[1] <= mention_start]
    after = _between(instruments, mention_end, reach)
    kind_after = _between(kinds, mention_end, reach)
    sides = [after, before] if tables.instrument_after_article else [before, after]
    if mention_start and tables.pointing_back.ends_at(tokens, mention_start, reach=1):
        sides = [before, after]  # "её статьи 3 и 5": its articles, the one named before
    elif kind_after and kind_after[0][0] == mention_end and not after:
        sides = []  # "статьи 6 и 9 Пакта": the kind written right after it says which
    for side in sides:
        if side:  # a national law's mention (None) names no instrument
            chosen = side[0] if side is after else side[-1]
            # Named by its kind ("Statü'nün 14. maddesi"), it was found beyond the sentence.
            return chosen[2], chosen not in _between(instruments, chosen[0], chosen[0] + 1)
    # "по статье 7(1)(a) того же Статута", "Statutun 14-cü maddəsi": the instrument of that
    # kind named last.
    kind_before = [k for k in _between(kinds, low, mention_start) if k[1] <= mention_start]
    for start, _end, kind in kind_after + kind_before[-1:]:
        named = _last(instruments, start, lambda m, kind=kind: m[2] and _kind(m[2]) == kind)
        if named:
            return named[2], not kind_after
    if kind_after or kind_before:
        return None, False
    # Else the instrument named last before it, however far back.
    earlier = _last(named, mention_start)
    return (earlier[2], True) if earlier else (None, False)


def _candidate(text, tokens, start, end, instrument, article, rule) -> Finding:
    if instrument in ROMAN_ARTICLES and article.split("(")[0].isdigit():
        head, _, rest = article.partition("(")
        if int(head) < len(ROMAN_NUMERALS):
            article = ROMAN_NUMERALS[int(head)] + (f"({rest}" if rest else "")
    first, last = tokens[start].start, tokens[end - 1].end
    return Finding(
        Kind.LEGAL_REF,
        first,
        last,
        text[first:last],
        {"instrument": instrument, "article": article, "rule": rule},
    )


def _article_numbers(tokens, index, after, tables):
    """The numbers of the article whose word is tokens[index:after], the index of the first
    token before the word if they stand there (else None), and the index after them."""
    # "7-ci maddəsinin 1-ci bəndi": where the number comes first, one after the article word is
    # a paragraph's.
    if tables.article_number_first:
        numbers, start = _list_before(tokens, index, tables)
        if numbers:
            return numbers, start, after
    numbers, end = _number_list(tokens, after, tables, roman=True)
    if numbers:
        return numbers, None, end
    numbers, start = _list_before(tokens, index, tables)
    return numbers, start, after


def _symbols(text: str, language: str) -> list[Finding]:
    found = []
    for match in SYMBOL.finditer(text):
        instrument = "UNGA Resolution" if match.group("body") == "A" else "UNSC Resolution"
        data = {
            "instrument": instrument,
            "article": match.group("number"),
            "rule": f"{language}.legal.symbol",
        }
        found.append(Finding(Kind.LEGAL_REF, match.start(), match.end(), match.group(), data))
    return found


def find(text: str, tokens: list[Token], tables) -> list[Finding]:
    language = tables.language
    found = _symbols(text, language)
    taken = covered(tokens, [(c.start, c.end) for c in found])

    def free(index):
        return index not in taken

    instruments = _mentions(tokens, tables.instruments)
    inside = {i for s, e, _ in instruments for i in range(s, e)}
    national = [(s, e, None) for s, e, _ in _mentions(tokens, tables.national_laws)]
    courts = [m for m in _mentions(tokens, tables.courts) if m[0] not in inside]
    instruments = sorted(instruments + courts + [m for m in national if m[0] not in inside])
    kinds = [k for k in _mentions(tokens, tables.instrument_kinds) if k[0] not in inside]
    named = _named_by_kind(instruments, kinds)
    bodies = _mentions(tokens, tables.bodies)
    resume = 0
    for index, token in enumerate(tokens):
        if index < resume or token.kind != TokenKind.WORD or not free(index):
            continue
        outer, start = [], index
        if tables.parts.match(tokens, index):  # "пункта 2 статьи 51"
            outer, position = provisions.before(tokens, index, tables)
            index = position if outer and tables.article.match(tokens, position) else start
        article = tables.article.match(tokens, index)
        if article:
            numbers, first, end = _article_numbers(tokens, index, article[0], tables)
            start = first if first is not None else start
            inner, end = provisions.after(tokens, end, tables)
            instrument, far = _instrument(start, end, (instruments, kinds, named), tables, tokens)
            way = "paragraph" if outer or inner else "article-far" if far else "article"
            rule = f"{language}.legal.{way}"
            for number in numbers if instrument else []:
                for path in provisions.paths(number, outer + inner):
                    found.append(_candidate(text, tokens, start, end, instrument, path, rule))
            resume = end
            continue
        index = start
        resolution = tables.resolution.match(tokens, index)
        if resolution:
            found += _resolutions(text, tokens, index, resolution[0], tables, bodies, free)
    return found


def _resolutions(text, tokens, index, after, tables, bodies, free) -> list[Finding]:
    # "822, 853 ve 884 sayılı kararlar": the numbers and their mark before the word …
    numbers, start, end = [], index, after
    before = tables.resolution_marks.ends_at(tokens, index, reach=2)
    if before:
        # Reach enough for four numbers with their years: "822 (1993), … və 884 (1993) saylı".
        for candidate in range(before[0] - 1, max(-1, before[0] - 24), -1):
            listed, list_end = _resolution_list(tokens, candidate, tables)
            if listed and list_end == before[0]:
                numbers, start = listed, candidate
    if not numbers:
        # … else after it: "резолюции 822, 853 и 884", "قرارداد 62/243", perhaps with its
        # body between ("резолюции Совета Безопасности 1325 (2000)").
        position = after
        body = _between(bodies, position, position + 1)
        if body:
            bodies, position = [(start, start, body[0][2])], body[0][1]
        mark = tables.resolution_marks.match(tokens, position) if position < len(tokens) else None
        position = mark[0] if mark else position
        numbers, end = _resolution_list(tokens, position, tables)
    found = []
    # A list with dates in it ("60/1 от 16 сентября 2005 года, 60/147 …") marks each number
    # alone, so that its dates stay dates.
    dated = any(number[2] for number in numbers)
    for number, first, _ in numbers:
        first, last = (first, first + 1) if dated else (start, end)
        if "/" in number:
            instrument = "UNGA Resolution"
        else:
            named = [b for b in bodies if b[1] <= start]
            if not named:
                continue
            instrument = named[-1][2] == "UN General Assembly" and "UNGA Resolution"
            instrument = instrument or "UNSC Resolution"
        if free(start):
            rule = f"{tables.language}.legal.resolution"
            found.append(_candidate(text, tokens, first, last, instrument, number, rule))
    return found


def _dated(tokens, index, tables) -> int:
    """The index after a resolution's date at tokens[index] ("от 16 декабря 2005 года",
    "11 Kasım 2009 tarihli"), or `index` if none stands there."""
    position = index
    word = tables.resolution_date_before.match(tokens, position) if position < len(tokens) else None
    position = word[0] if word else position
    if position + 2 >= len(tokens) or tokens[position].kind != TokenKind.NUMBER:
        return index
    month = tables.months.match(tokens, position + 1)
    if not month or month[0] >= len(tokens) or tokens[month[0]].kind != TokenKind.NUMBER:
        return index
    # A date may end the text ("… от 16 декабря 2005"): no word after it then.
    after = (
        tables.resolution_date_after.match(tokens, month[0] + 1)
        if month[0] + 1 < len(tokens)
        else None
    )
    if not (word or after):
        return index
    return after[0] if after else month[0] + 1


def _resolution_list(tokens, index, tables) -> tuple[list[tuple[str, int, bool]], int]:
    """Resolution numbers from tokens[index], each with its year in brackets if any, and each
    perhaps with its date: (number, its index, whether a date stands beside it), and the end."""
    numbers, position = [], index
    while position < len(tokens):
        dated = _dated(tokens, position, tables)
        with_date, position = dated > position, dated
        if position >= len(tokens):
            break
        token = tokens[position]
        if token.kind != TokenKind.NUMBER or not re.fullmatch(r"\d{1,4}(?:/\d{1,4})?", token.low):
            break
        numbers.append([token.low, position, with_date])
        position += 1
        if (
            position + 2 < len(tokens)
            and tokens[position].text == "("
            and re.fullmatch(r"\d{4}", tokens[position + 1].low)
            and tokens[position + 2].text == ")"
        ):
            position += 3
        dated = _dated(tokens, position, tables)
        numbers[-1][2] = numbers[-1][2] or dated > position
        position = dated
        joined = tables.legal_joiners.match(tokens, position) if position < len(tokens) else None
        following = joined and _dated(tokens, joined[0], tables)
        if not joined or following >= len(tokens) or tokens[following].kind != TokenKind.NUMBER:
            break
        position = joined[0]
    return numbers, position
