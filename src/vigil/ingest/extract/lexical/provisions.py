"""The paragraphs of an article, in a language's own words: "7-ci maddəsinin 1-ci bəndinin (a)
yarımbəndi" and "25. maddesinin 3. fıkrasının (a) bendi" (after the article), "دفعہ 6 کی شق 1"
(a part word before its number), "подпункт i) пункта 2 e) статьи 8" (before the article,
innermost first). The words for parts are the table's `legal.parts`; a part's number may be a
digit, a letter in brackets or quotes ("(a)", "«i»", "e)"), an ordinal word ("ikinci") or a
letter of the language's own alphabet ("(الف)" is "(a)").

A part is a list of levels, each level a list of alternatives ("(a) və (d) yarımbəndləri" is one
level with two); `paths` spells every combination.
"""

from itertools import product

from .tokens import TokenKind

QUOTES = {'"', "«", "»", "“", "”", "„", "'"}


def label(text: str, tables) -> str:
    """A paragraph's number or letter as labels write it: ASCII digits, Latin letters."""
    if text.isdigit():
        return str(int(text))
    return tables.part_letters.get(text, text)


def _short(token) -> bool:
    return token.kind in (TokenKind.WORD, TokenKind.NUMBER) and len(token.text) <= 4


def _value(tokens, index, tables):
    """One paragraph number at tokens[index] and the index after it, or None."""
    if index >= len(tokens):
        return None
    token, rest = tokens[index], len(tokens) - index
    if token.text in QUOTES or token.text == "(":
        closing = ")" if token.text == "(" else None
        if (
            rest >= 3
            and _short(tokens[index + 1])
            and (
                tokens[index + 2].text == closing
                or (closing is None and tokens[index + 2].text in QUOTES)
            )
        ):
            return label(tokens[index + 1].low, tables), index + 3
        return None
    if token.kind == TokenKind.NUMBER and token.value is not None and token.value < 1000:
        end = index + 2 if rest > 1 and tokens[index + 1].text == "." else index + 1
        return str(token.value), end
    ordinal = tables.part_ordinals.match(tokens, index) if token.kind == TokenKind.WORD else None
    if ordinal:
        return str(ordinal[1]), ordinal[0]
    if _short(token) and rest > 1 and tokens[index + 1].text == ")":  # "e)", "iii)"
        return label(token.low, tables), index + 2
    return None


def _level(value: str, above: list[list[str]]) -> str:
    """A level's sort: a number, a letter, or a Roman numeral under a letter ("(2)(b)(i)")."""
    if value.isdigit():
        return "number"
    if above and _level(above[-1][0], above[:-1]) == "letter" and set(value) <= set("ivx"):
        return "roman"
    return "letter"


def _values(tokens, index, tables) -> tuple[list[list[str]], int]:
    """The levels written at tokens[index]: "2" → [[2]], "2 e)" → [[2], [e]], "(a) və (d)" →
    [[a, d]]; and the index after them."""
    first = _value(tokens, index, tables)
    if not first:
        return [], index
    levels, position = [[first[0]]], first[1]
    while position < len(tokens):
        joined = tables.legal_joiners.match(tokens, position)
        following = joined and _value(tokens, joined[0], tables)
        if following:
            levels[-1].append(following[0])
        else:
            following = _value(tokens, position, tables)  # "2 e)": the next level at once
            if not following or _level(following[0], levels) == _level(levels[-1][0], levels[:-1]):
                break
            levels.append([following[0]])
        position = following[1]
    return levels, position


def after(tokens, index, tables) -> tuple[list[list[str]], int]:
    """The parts written after an article (its number already read) from tokens[index]."""
    levels, position = [], index
    while position < len(tokens):
        start = position
        glue = tables.part_glue.match(tokens, start)
        start = glue[0] if glue else start
        found, end = _values(tokens, start, tables)
        word = found and end < len(tokens) and tables.parts.match(tokens, end)
        if word:  # "1-ci bəndinin", "(a) və (d) yarımbəndlərində"
            levels += found
            position = word[0]
            continue
        word = start < len(tokens) and tables.parts.match(tokens, start)
        found, end = _values(tokens, word[0], tables) if word else ([], start)
        if not found:  # "شق 1", "пункт 2"
            break
        levels += found
        position = end
    return levels, position


def before(tokens, index, tables) -> tuple[list[list[str]], int]:
    """Parts before the article, from a part word at tokens[index] ("подпункт i) пункта 2 e)"):
    the levels outermost first, and the index of the word after them."""
    parts, position = [], index
    while position < len(tokens):
        word = tables.parts.match(tokens, position)
        found, end = _values(tokens, word[0], tables) if word else ([], position)
        if not found:
            break
        parts.append(found)
        position = end
    return [level for part in reversed(parts) for level in part], position


def paths(article: str, levels: list[list[str]]) -> list[str]:
    """ "8" with [[2], [c], [i, iii]] → "8(2)(c)(i)", "8(2)(c)(iii)"."""
    return [article + "".join(f"({p})" for p in combo) for combo in product(*levels)]
