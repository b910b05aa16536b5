"""Tokens: words, numbers (with the endings some languages hyphenate or apostrophise onto them:
"1993-cü", "40'tan") and single marks, each with its place in the text."""

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d))*(?:/\d+)*)(?P<suffix>['’-][^\W\d_]+)?"
    r"|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*\.?)"
    r"|(?P<mark>[^\w\s])"
)
BREAK = re.compile(r"\n[ \t]*\n")
# "|" parts an infobox's fields ("Kayıp: ~60 | Rehine: 35").
CLAUSE_MARKS = {",", "،", ";", ":", "—", "–", "|"}
SENTENCE_MARKS = {".", "!", "?", "۔", ";"}
ROMAN_CAPS = re.compile(r"[IVXLC]+")
DOTLESS_I = {"tr", "az"}  # languages whose capital "I" is a dotless "ı"


def fold(text: str, dotless: bool = False) -> str:
    """Lower case that keeps every character in its place ("İ" is one letter, not two), with
    "ё" read as "е" (Russian writes either). In Turkish and Azerbaijani (`dotless`) "I" is "ı",
    but for a Roman numeral ("II")."""
    if dotless and not ROMAN_CAPS.fullmatch(text):
        text = text.replace("I", "ı")
    folded = text.replace("İ", "i").lower().replace("ё", "е")
    return folded if len(folded) == len(text) else "".join(c.lower()[:1] or c for c in text)


class TokenKind(StrEnum):
    NUMBER = "number"
    WORD = "word"
    MARK = "mark"


@dataclass(slots=True)  # thousands a text: slots make them quicker to build and read
class Token:
    text: str
    low: str
    start: int
    end: int
    kind: TokenKind
    suffix: str = ""
    value: int | None = None
    # Whether a sentence ends before this token (a full stop, or a blank line between).
    sentence_start: bool = False


def words_of(phrase: str) -> list[str]:
    return [m.group().lower() for m in TOKEN.finditer(phrase)]


NUMBER_SEPARATORS = re.compile(r"[.,\u00a0\u202f ]")


def _number_value(digits: str) -> int | None:
    if "/" in digits:
        return None
    plain = NUMBER_SEPARATORS.sub("", digits)
    return int(plain) if plain.isdigit() else None


# The kind of token each of TOKEN's groups ends (a number's ending is the last group of it).
KIND_OF_LAST_GROUP = {
    "number": TokenKind.NUMBER,
    "suffix": TokenKind.NUMBER,
    "word": TokenKind.WORD,
    "mark": TokenKind.MARK,
}


def tokenize(text: str, tables) -> list[Token]:
    tokens: list[Token] = []
    dotless = tables.language in DOTLESS_I
    previous_end = 0
    sentence_ended = True
    folded: dict[str, str] = {}  # a text repeats its words: each one is folded once
    for match in TOKEN.finditer(text):
        start, end = match.span()
        raw = match.group()
        kind = KIND_OF_LAST_GROUP[match.lastgroup]
        # "г." and "md." (the tables' abbreviations) keep their dot; any other word gives it
        # back as the end of its sentence.
        dot_cut = (
            kind == TokenKind.WORD and raw.endswith(".") and fold(raw) not in tables.abbreviations
        )
        if dot_cut:
            raw = raw[:-1]
            end -= 1
        # A blank line between tokens ends a sentence (most gaps are a space: no search).
        sentence_start = sentence_ended or (
            start - previous_end > 1 and bool(BREAK.search(text, previous_end, start))
        )
        if kind == TokenKind.NUMBER:
            number = match.group("number")
            low, suffix = fold(number), fold(match.group("suffix") or "")
            value = _number_value(number)
        else:
            low, suffix, value = folded.get(raw), "", None
            if low is None:
                low = folded[raw] = fold(raw, dotless)
        tokens.append(Token(raw, low, start, end, kind, suffix, value, sentence_start))
        sentence_ended = kind == TokenKind.MARK and raw in SENTENCE_MARKS
        if dot_cut:
            # The dot cut from the word is a token of its own.
            tokens.append(Token(".", ".", end, end + 1, TokenKind.MARK))
            sentence_ended = True
        previous_end = tokens[-1].end
    _ordinals_end_nothing(text, tokens)
    return tokens


def _ordinals_end_nothing(text: str, tokens: list[Token]) -> None:
    """An ordinal's dot before a word in lower case ends nothing: "7. maddesi", "II. maddesine"."""
    for index in range(2, len(tokens)):
        token = tokens[index]
        if (
            token.sentence_start
            and token.text[:1].islower()
            and tokens[index - 1].text == "."
            and tokens[index - 2].kind == TokenKind.NUMBER
            and not BREAK.search(text, tokens[index - 1].end, token.start)
        ):
            token.sentence_start = False


def sentence_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    start = index
    while start > 0 and not tokens[start].sentence_start:
        start -= 1
    end = index + 1
    while end < len(tokens) and not tokens[end].sentence_start:
        end += 1
    return start, end


def clause_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    """The clause around tokens[index]: its sentence, cut at commas and semicolons."""
    low, high = sentence_bounds(tokens, index)
    start = index
    while start > low and not _cuts(tokens, start - 1):
        start -= 1
    end = index + 1
    while end < high and not _cuts(tokens, end):
        end += 1
    return start, end


def _cuts(tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] ends a clause: a comma, a semicolon, a dash, but not a dash
    between two numbers ("2021–2023", "212—380")."""
    if tokens[index].text not in CLAUSE_MARKS:
        return False
    if tokens[index].text in "—–" and 0 < index < len(tokens) - 1:
        return not (
            tokens[index - 1].kind == TokenKind.NUMBER
            and tokens[index + 1].kind == TokenKind.NUMBER
        )
    return True


def covered(tokens: list[Token], spans) -> set[int]:
    """The indices of the tokens that start inside any of the (start, end) character spans:
    each span is looked up by bisection, so long texts with many spans stay linear."""
    starts = [t.start for t in tokens]
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))
    return inside
