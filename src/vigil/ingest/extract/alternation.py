"""Long alternations of names (countries, organisations) written so that the regular expression
engine passes over most places of a text at once.

The engine tries every alternative at every place it searches; with hundreds of names that is
most of a 5 KB text's extraction time. Two rewrites keep the same matches: a look ahead at the
characters the names can start with, so that a place no name starts at fails before any
alternative is tried; and the alternatives grouped by their first character, each group behind
its own look ahead, so that at a place that passes only the names starting there are tried.
"""

import re
from collections.abc import Callable


def first_character(name: str) -> str:
    """The character a name's pattern (words joined by any white space) starts with."""
    return name.split()[0][0]


def starts(exact: list[str], either_case: list[str] = ()) -> str:
    """A look ahead that passes only where one of the names can start: `exact` as written,
    `either_case` in either case. Empty (no look ahead) if a name is blank, as then the
    alternation may match anywhere."""
    names = [*exact, *either_case]
    if not names or any(not name.split() for name in names):
        return ""
    classes = []
    if exact:
        classes.append(_character_class(exact))
    if either_case:
        classes.append(f"(?i:{_character_class(either_case)})")
    return f"(?={'|'.join(classes)})"


def _character_class(names: list[str]) -> str:
    return "[" + "".join(sorted({re.escape(first_character(n)) for n in names})) + "]"


def alternation(
    names: list[str], pattern: Callable[[str], str], either_case: frozenset[str] = frozenset()
) -> str:
    """The names' patterns (`pattern(name)`; those in `either_case` matched in either case)
    as one alternation, led by a look ahead at their first characters and grouped by them.

    The first name that matches at a place is the one the plain alternation, in the names'
    order, would match: a group keeps its names in order, and names of different groups cannot
    match at the same place. Where two first characters are one letter in either case ("s" and
    "ſ"), the groups could overlap and the names are not grouped."""
    if not starts(names):
        return "|".join(pattern(n) for n in names)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(first_character(name).lower(), []).append(name)
    if _overlapping(groups):
        groups = {"": names}

    def group(members: list[str]) -> str:
        exact = [n for n in members if n not in either_case]
        guard = starts(exact, [n for n in members if n in either_case])
        return guard + "(?:" + "|".join(pattern(n) for n in members) + ")"

    return (
        starts([n for n in names if n not in either_case], [n for n in names if n in either_case])
        + "(?:"
        + "|".join(group(members) for members in groups.values())
        + ")"
    )


def _overlapping(groups: dict[str, list[str]]) -> bool:
    firsts = {key: {first_character(n) for n in members} for key, members in groups.items()}
    return any(
        re.fullmatch(f"(?i:{re.escape(a)})", b)
        for key, characters in firsts.items()
        for other, others in firsts.items()
        if key != other
        for a in characters
        for b in others
    )
