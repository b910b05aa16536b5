"""Countries and organisations in a language's own words: names from the locale data (Babel's
territory names) and the language's table, national adjectives before a word for the state
("российский посол", "Fransız heyeti", "روسی سفیر"), and organisations' names per language.
A name inside an organisation's or an instrument's name is not a mention of its country."""

from .. import Finding
from ..kinds import Kind
from .tokens import Token, TokenKind


def _spans(tokens, phrases) -> list[tuple[int, int, object]]:
    found, index = [], 0
    while index < len(tokens):
        match = phrases.match(tokens, index) if tokens[index].kind == TokenKind.WORD else None
        if match:
            found.append((index, match[0], match[1]))
            index = match[0]
        else:
            index += 1
    return found


def _candidate(kind, text, tokens, start, end, data) -> Finding:
    first, last = tokens[start].start, tokens[end - 1].end
    return Finding(kind, first, last, text[first:last], data)


def find(text: str, tokens: list[Token], tables) -> list[Finding]:
    language = tables.language
    found = []
    organizations = _spans(tokens, tables.organizations)
    instruments = _spans(tokens, tables.instruments)
    inside = {i for s, e, _ in organizations + instruments for i in range(s, e)}
    for start, end, name in organizations:
        data = {"name": name, "rule": f"{language}.organization.name"}
        found.append(_candidate(Kind.ORGANIZATION, text, tokens, start, end, data))
    for start, end, code in _spans(tokens, tables.country_names):
        if start not in inside:
            data = {"code": code, "rule": f"{language}.country.name"}
            found.append(_candidate(Kind.COUNTRY, text, tokens, start, end, data))
    found += adjectives(text, tokens, tables, inside)
    return found


def adjectives(text, tokens, tables, inside=frozenset()) -> list[Finding]:
    """National adjectives before a word for the state: "Russian veto", "российский посол"."""
    found = []
    for start, end, code in _spans(tokens, tables.country_adjectives):
        if start in inside or end >= len(tokens):
            continue
        if tables.state_nouns.match(tokens, end):
            data = {"code": code, "rule": f"{tables.language}.country.adjective"}
            found.append(_candidate(Kind.COUNTRY, text, tokens, start, end, data))
    return found
