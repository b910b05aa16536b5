"""The names of the instruments of international law that texts cite, as patterns: mostly
reference data, read by vigil.ingest.extract.legal."""

import re
from functools import lru_cache

from vigil.law.reference import instrument_names

from .lexical.tables import raw_table

# The English table's legal words: instruments' names, courts and bodies.
ENGLISH = raw_table("en")["legal"]


def _law_names(instrument: str) -> list[str]:
    """The names the law app's reference data gives an instrument (one table for extraction and
    the case matrix), as patterns, longest first; its full title may carry its year."""
    title, *aliases = instrument_names()[instrument]
    year = r"(?:\s*(?:of\s*)?\(?\d{4}\)?)?"
    names = [escaped(title) + year] + [escaped(alias) for alias in aliases]
    return sorted(names, key=len, reverse=True)


def _table_names(instrument: str) -> list[str]:
    """An instrument's names in the English table, as patterns, longest first."""
    names = ENGLISH["instruments"][instrument]
    return sorted((escaped(name) for name in names), key=len, reverse=True)


def escaped(name: str) -> str:
    return re.escape(name).replace(r"\ ", " ")


# Canonical name → the ways texts name it (regular expressions, case-insensitive). The
# instruments whose crimes the case matrix holds take their names from the law app, most
# others from the English table; the Geneva Conventions' numbers need patterns.
INSTRUMENTS = {
    "Genocide Convention": _law_names("Genocide Convention"),
    "Rome Statute": _law_names("Rome Statute"),
    "UDHR": _law_names("UDHR"),
    **{name: _table_names(name) for name in ENGLISH["instruments"]},
    "Geneva Convention I": [
        r"First Geneva Convention",
        r"Geneva Convention I\b",
        r"Geneva Convention \(I\)",
        r"Convention \(I\) for the Amelioration",
        r"Geneva Convention for the Amelioration of the Condition of the Wounded and Sick in Armed Forces in the Field",
    ],
    "Geneva Convention II": [
        r"Second Geneva Convention",
        r"Geneva Convention II\b",
        r"Geneva Convention \(II\)",
        r"Convention \(II\) for the Amelioration",
    ],
    "Geneva Convention III": [
        r"Third Geneva Convention",
        r"Geneva Convention III\b",
        r"Geneva Convention \(III\)",
        r"Convention \(III\) relative to the Treatment of Prisoners of War",
        r"Geneva Convention relative to the Treatment of Prisoners of War",
    ],
    "Geneva Convention IV": [
        r"Fourth Geneva Convention",
        r"Geneva Convention IV\b",
        r"Geneva Convention \(IV\)",
        r"Convention \(IV\) relative to the Protection of Civilian Persons",
        r"GC ?IV\b",
        r"Geneva Convention relative to the Protection of Civilian Persons in Time of War",
    ],
    "Additional Protocol I": [
        r"Additional Protocol I\b",
        r"\(?Protocol I\)?(?= to the Geneva)",
        r"First Additional Protocol",
        # "Protocol I" alone is the Additional Protocol in IHL writing; the weapons treaty's
        # protocols are named with their convention.
        r"Protocol I\b(?!\s+(?:to|of|annexed to)\s+the\s+(?:Convention on Certain|CCW))",
        r"AP ?I\b",
    ],
    "Additional Protocol II": [
        r"Additional Protocol II\b",
        r"Second Additional Protocol",
        r"Protocol II\b(?!\s+(?:to|of|annexed to)\s+the\s+(?:Convention on Certain|CCW))",
        r"AP ?II\b",
    ],
}


def _first_characters(alternative: str) -> set[str]:
    """The characters a name's pattern can start with: its first letter or escaped mark
    ("\\("), and the next one's too when that one is optional ("\\(?Protocol"). A pattern
    that starts otherwise (a group, a class, an alternation of its own) is refused, as its first
    characters cannot be read off it so."""
    atom = alternative[:2] if alternative[:1] == "\\" else alternative[:1]
    if (
        not atom
        or atom in "([.^$*+?{|)"
        or (len(atom) == 2 and atom[1].isalnum())  # "\\b", "\\s": not one character
        or _alternatives_of_its_own(alternative)
    ):
        raise ValueError(f"write the start of {alternative!r} plainly")
    rest = alternative[len(atom) :]
    if rest[:1] in ("?", "*"):
        return {atom[-1], *_first_characters(rest[1:])}
    if rest[:1] == "{":
        raise ValueError(f"write the start of {alternative!r} plainly")
    return {atom[-1]}


def _alternatives_of_its_own(pattern: str) -> bool:
    """Whether the pattern has a "|" outside its groups and classes."""
    depth, in_class, index = 0, False, 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 1
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
        elif character in "()":
            depth += 1 if character == "(" else -1
        elif character == "|" and depth == 0:
            return True
        index += 1
    return False


# Only where a name can start is the alternation of names tried (a look ahead at its first
# characters passes over most words at once; same matches).
_STARTS = sorted(
    {c for alts in INSTRUMENTS.values() for alt in alts for c in _first_characters(alt)}
)
# A name may be broken across lines: any run of white space between its words.
_SPACE = r"\s+"
INSTRUMENT_RE = re.compile(
    # Names start at a word boundary ("(Protocol I)" at its bracket): far quicker to search.
    r"(?:\b|(?=\())"
    + f"(?=[{re.escape(''.join(_STARTS))}])(?:"
    + "|".join(
        "(?P<i{}>{})".format(n, "|".join(alt.replace(" ", _SPACE) for alt in alts))
        for n, alts in enumerate(INSTRUMENTS.values())
    )
    + ")",
    re.I,
)
NAMES = list(INSTRUMENTS)


# English extraction looks for instruments' names twice in a text (organisations and countries
# are not taken inside them; a short name stands for one named before): searched once.
@lru_cache(maxsize=1)
def instrument_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each instrument's name in the text: (start, end, the name as written)."""
    return tuple((m.start(), m.end(), m.group()) for m in INSTRUMENT_RE.finditer(text))
