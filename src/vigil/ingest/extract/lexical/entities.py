"""Countries and organisations in a language's own words: names from the locale data (Babel's
territory names) and the language's table, national adjectives before a word for the state
("российский посол", "Fransız heyeti", "روسی سفیر"), and organisations' names per language.
A name inside an organisation's or an instrument's name is not a mention of its country."""

from .. import Finding
from ..kinds import Kind
from .tokens import DOTLESS_I, Token, TokenKind, fold


def _spans(tokens, phrases) -> list[tuple[int, int, object]]:
    return phrases.spans(tokens, (TokenKind.WORD,))


def _candidate(kind, text, tokens, start, end, data) -> Finding:
    first, last = tokens[start].start, tokens[end - 1].end
    return Finding(kind, first, last, text[first:last], data)


def find(text: str, tokens: list[Token], tables) -> list[Finding]:
    language = tables.language
    found = []
    organizations = _spans(tokens, tables.organizations)
    instruments = _spans(tokens, tables.instruments)
    in_instrument = {i for s, e, _ in instruments for i in range(s, e)}
    # An instrument's name names no organisation ("Birleşmiş Milletler Şartı").
    organizations = [o for o in organizations if o[0] not in in_instrument]
    inside = {i for s, e, _ in organizations for i in range(s, e)} | in_instrument
    for start, end, name in organizations:
        data = {"name": name, "rule": f"{language}.organization.name"}
        found.append(_candidate(Kind.ORGANIZATION, text, tokens, start, end, data))
    for start, end, code in _spans(tokens, tables.country_names):
        if start not in inside:
            data = {"code": code, "rule": f"{language}.country.name"}
            found.append(_candidate(Kind.COUNTRY, text, tokens, start, end, data))
    found += _pairs(text, tokens, tables, inside)
    found += adjectives(text, tokens, tables, inside)
    return found


def _pairs(text, tokens, tables, inside) -> list[Finding]:
    """Each state of a hyphenated pair written as one word: "Ermənistan-Azərbaycan"."""
    found = []
    for index, token in enumerate(tokens):
        if token.kind != TokenKind.WORD or "-" not in token.text or index in inside:
            continue
        for part in token.text.split("-") if token.text[:1].isupper() else []:
            alone = [Token(part, fold(part, tables.language in DOTLESS_I), 0, 0, TokenKind.WORD)]
            match = tables.country_names.match(alone, 0)
            if match:
                data = {"code": match[1], "rule": f"{tables.language}.country.name"}
                found.append(_candidate(Kind.COUNTRY, text, tokens, index, index + 1, data))
    return found


def adjectives(text, tokens, tables, inside=frozenset()) -> list[Finding]:
    """National adjectives before a word for the state: "Russian veto", "российский посол",
    also when joined to others before it ("the Swiss and Irish governments") or to what the
    state did ("a French-funded ambulance")."""
    found = []
    spans = _spans(tokens, tables.country_adjectives)
    ends = {start: end for start, end, _ in spans}
    for start, end, code in spans:
        if start in inside:
            continue
        if _compound(tokens[end - 1], tables) or _state_after(tokens, end, ends, tables):
            data = {"code": code, "rule": f"{tables.language}.country.adjective"}
            found.append(_candidate(Kind.COUNTRY, text, tokens, start, end, data))
    return found


def _compound(token, tables) -> bool:
    """ "French-funded", "Canadian-led": the adjective and what its state did, in one word."""
    return "-" in token.low and token.low.rsplit("-", 1)[1] in tables.adjective_compounds


def _state_after(tokens, end, ends, tables) -> bool:
    """Whether a word for the state follows, perhaps after other adjectives joined by "and"."""
    while end < len(tokens):
        if tables.state_nouns.match(tokens, end):
            return True
        if tokens[end].low not in tables.adjective_joins or end + 1 not in ends:
            return False
        end = ends[end + 1]
    return False
