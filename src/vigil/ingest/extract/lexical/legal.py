"""Legal references in a language's own words: "статья 6 Римского статута", "Roma Statüsü'nün
7. maddesi", "روم اسٹیچیوٹ کی دفعہ 6", "822, 853 və 884 saylı qətnamələr", "A/RES/78/282".

An article takes the instrument its language puts beside it (after it in Russian, before it in
Azerbaijani, Turkish and Urdu), else the one on the other side in the same sentence; an article
with no international instrument beside it (a national constitution's) is left out. A
resolution is the General Assembly's when its number has a session ("62/243"), else the
Security Council's or the Assembly's as the body named last before it says.
"""

import re

from .. import Finding
from ..kinds import Kind
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


def _article_number(tokens: list[Token], index: int, roman: bool):
    """The article number at tokens[index] ("7(1)(a)", "II", "2-ci") and the index after it."""
    token = tokens[index]
    if token.kind == TokenKind.NUMBER and token.value is not None:
        text = token.low
    elif roman and token.kind == TokenKind.WORD and ROMAN.fullmatch(token.low):
        text = token.low.upper()
    else:
        return None
    end = index + 1
    while (
        end + 2 < len(tokens)
        and tokens[end].text == "("
        and tokens[end + 2].text == ")"
        and tokens[end].end == tokens[end + 1].start
        and len(tokens[end + 1].text) <= 4
    ):
        text += f"({tokens[end + 1].low})"
        end += 3
    return text, end


def _number_list(tokens, index, tables, roman) -> tuple[list[str], int]:
    """Article numbers from tokens[index] joined by commas and "and": the numbers and the end."""
    numbers, position = [], index
    while position < len(tokens):
        parsed = _article_number(tokens, position, roman)
        if not parsed:
            break
        numbers.append(parsed[0])
        position = parsed[1]
        joined = tables.legal_joiners.match(tokens, position) if position < len(tokens) else None
        if not joined or joined[0] >= len(tokens):
            break
        if not _article_number(tokens, joined[0], roman):
            break
        position = joined[0]
    return numbers, position


def _list_before(tokens, end, tables) -> tuple[list[str], int]:
    """The article numbers that end just before tokens[end] ("7. maddesi", "2 və 13-cü")."""
    if end > 0 and tokens[end - 1].text == ".":
        end -= 1
    start = end
    for candidate in range(end - 1, max(-1, end - 12), -1):
        numbers, stop = _number_list(tokens, candidate, tables, roman=True)
        if numbers and stop == end:
            start = candidate
    if start == end:
        return [], end
    return _number_list(tokens, start, tables, roman=True)[0], start


def _mentions(tokens, phrases) -> list[tuple[int, int, str]]:
    found, index = [], 0
    while index < len(tokens):
        match = phrases.match(tokens, index) if tokens[index].kind != TokenKind.MARK else None
        if match:
            found.append((index, match[0], match[1]))
            index = match[0]
        else:
            index += 1
    return found


def _instrument(mention_start, mention_end, instruments, kinds, tables, tokens):
    low, high = sentence_bounds(tokens, mention_start)
    before = [m for m in instruments if low <= m[0] and m[1] <= mention_start]
    after = [m for m in instruments if mention_end <= m[0] <= mention_end + REACH and m[0] < high]
    kind_after = [k for k in kinds if mention_end <= k[0] <= mention_end + REACH and k[0] < high]
    sides = [after, before] if tables.instrument_after_article else [before, after]
    for side in sides:
        if side:
            return (side[0] if side is after else side[-1])[2]
    # "по статье 7(1)(a) того же Статута": the instrument of that kind named last.
    for start, _end, kind in kind_after:
        named = [m for m in instruments if m[1] <= start and _kind(m[2]) == kind]
        if named:
            return named[-1][2]
    return None


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


def find(text: str, tokens: list[Token], tables) -> list[Finding]:
    found: list[Finding] = []
    language = tables.language
    for match in SYMBOL.finditer(text):
        instrument = "UNGA Resolution" if match.group("body") == "A" else "UNSC Resolution"
        data = {
            "instrument": instrument,
            "article": match.group("number"),
            "rule": f"{language}.legal.symbol",
        }
        found.append(Finding(Kind.LEGAL_REF, match.start(), match.end(), match.group(), data))
    taken = covered(tokens, [(c.start, c.end) for c in found])

    def free(index):
        return index not in taken

    instruments = _mentions(tokens, tables.instruments)
    inside = {i for s, e, _ in instruments for i in range(s, e)}
    kinds = [k for k in _mentions(tokens, tables.instrument_kinds) if k[0] not in inside]
    bodies = _mentions(tokens, tables.bodies)
    for index, token in enumerate(tokens):
        if token.kind != TokenKind.WORD or not free(index):
            continue
        article = tables.article.match(tokens, index)
        if article:
            numbers, end = _number_list(tokens, article[0], tables, roman=True)
            start = index
            if not numbers:
                numbers, start = _list_before(tokens, index, tables)
                end = article[0]
            instrument = numbers and _instrument(start, end, instruments, kinds, tables, tokens)
            for number in numbers if instrument else []:
                found.append(
                    _candidate(
                        text, tokens, start, end, instrument, number, f"{language}.legal.article"
                    )
                )
            continue
        resolution = tables.resolution.match(tokens, index)
        if resolution:
            found += _resolutions(text, tokens, index, resolution[0], tables, bodies, free)
    return found


def _resolutions(text, tokens, index, after, tables, bodies, free) -> list[Finding]:
    # "822, 853 ve 884 sayılı kararlar": the numbers and their mark before the word …
    numbers, start, end = [], index, after
    before = tables.resolution_marks.ends_at(tokens, index, reach=2)
    if before:
        for candidate in range(before[0] - 1, max(-1, before[0] - 16), -1):
            listed, list_end = _resolution_list(tokens, candidate, tables)
            if listed and list_end == before[0]:
                numbers, start = listed, candidate
    if not numbers:
        # … else after it: "резолюции 822, 853 и 884", "قرارداد 62/243".
        position = after
        mark = tables.resolution_marks.match(tokens, position) if position < len(tokens) else None
        position = mark[0] if mark else position
        numbers, end = _resolution_list(tokens, position, tables)
    found = []
    for number in numbers:
        if "/" in number:
            instrument = "UNGA Resolution"
        else:
            named = [b for b in bodies if b[1] <= start]
            if not named:
                continue
            instrument = named[-1][2] == "UN General Assembly" and "UNGA Resolution"
            instrument = instrument or "UNSC Resolution"
        if free(start):
            found.append(
                _candidate(
                    text,
                    tokens,
                    start,
                    end,
                    instrument,
                    number,
                    f"{tables.language}.legal.resolution",
                )
            )
    return found


def _resolution_list(tokens, index, tables) -> tuple[list[str], int]:
    """Resolution numbers from tokens[index], each with its year in brackets if any."""
    numbers, position = [], index
    while position < len(tokens):
        token = tokens[position]
        if token.kind != TokenKind.NUMBER or not re.fullmatch(r"\d{1,4}(?:/\d{1,4})?", token.low):
            break
        numbers.append(token.low)
        position += 1
        if (
            position + 2 < len(tokens)
            and tokens[position].text == "("
            and re.fullmatch(r"\d{4}", tokens[position + 1].low)
            and tokens[position + 2].text == ")"
        ):
            position += 3
        joined = tables.legal_joiners.match(tokens, position) if position < len(tokens) else None
        if not joined or joined[0] >= len(tokens) or tokens[joined[0]].kind != TokenKind.NUMBER:
            break
        position = joined[0]
    return numbers, position
