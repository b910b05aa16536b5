"""Resolutions of the UN Security Council and General Assembly in English texts, read by
legal.py: "Security Council resolution 822 (1993)", "UNSC resolutions 822, 853 and 874",
"resolutions 1265 (1999) of 17 September 1999, 1674 (2006) of 28 April 2006 …", "S/RES/822",
"A/RES/78/282", "its resolutions 60/1 of 16 September 2005 and 60/147 …".

Each finder takes `add(match, instrument, numbers, rule)`, legal.py's way of recording a
reference once per span.
"""

import re

# A day as resolutions cite it: "30 April 1993", "April 30, 1993", "Sept. 17 1999".
DAY = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+|[A-Z][a-z]+\.?\s+\d{1,2},?\s+)\d{4}"
# What may follow a resolution's number: its year "(1993)", the day it was adopted ("of 30
# April 1993", "(30 April 1993)"), or both ("1265 (1999) of 17 September 1999").
ADOPTED_ON = (
    rf"(?:\s*\(\d{{4}}\)(?:\s+of\s+{DAY}(?!\d))?|\s*\({DAY}\)|\s+of\s+(?:{DAY}|\d{{4}})(?!\d))"
)
ADOPTED_RE = re.compile(ADOPTED_ON)
ADOPTED = ADOPTED_ON + "?"
RESOLUTION_LIST = (
    rf"\d{{1,4}}(?![/\d]){ADOPTED}(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{{1,4}}(?![/\d]){ADOPTED})*"
)
DATED = rf"\s*\({DAY}\)"
DATED_RESOLUTIONS = re.compile(
    rf"\b\d{{1,4}}{DATED}(?:\s*(?:,|and)\s*(?:and\s+)?\d{{1,4}}{DATED})+"
)
RESOLUTION = re.compile(
    r"\b(?:(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security\s+Council|UNSC|SC)\s+resolutions?|"
    rf"UNSCRs?)\s*(?:No\.?\s*)?(?P<list>{RESOLUTION_LIST})",
    re.I,
)
# "resolution 827 (1993) of the Security Council"
RESOLUTION_AFTER = re.compile(
    rf"\bresolutions?\s+(?P<list>{RESOLUTION_LIST})\s+(?:of|by|adopted by)\s+the\s+"
    r"(?:(?:UN|U\.N\.|United Nations)\s+)?Security\s+Council",
    re.I,
)
# "the Security Council designated a safe area in Resolution 819": a resolution named after the
# Security Council was the body named last.
RESOLUTION_NEARBY = re.compile(rf"\bresolutions?\s+(?:No\.?\s*)?(?P<list>{RESOLUTION_LIST})", re.I)
# The bodies that adopt resolutions: the Security Council, the UN's other bodies (whose
# resolutions are numbered by session: "60/147"), and the others (parliaments, assemblies).
BODY = re.compile(
    r"\b(?P<sc>Security\s+Council|UNSC)\b|\b(?P<un>General\s+Assembly|Human\s+Rights\s+Council)\b"
    r"|\b(?:Parliament|Congress|Senate|House|Assembly|Council of Europe|Committee|Commission)\b",
    re.I,
)
# "resolution 1593 (2005)": a number with its year in brackets, as the Security Council's
# resolutions are cited (the General Assembly's have been numbered by session since 1976).
WITH_YEAR = re.compile(r"\d{1,4}\s*\(\d{4}\)")
# "S/RES/822 (1993)", "A/RES/78/282", and glued to a word as converted pages leave them.
SYMBOL = re.compile(r"(?P<body>[AS])/RES/(?P<list>\d{1,4}(?:/\d{1,4})?)(?:\s*\(\d{4}\))?")
# "resolution 62/243", "its resolutions 60/1 of 16 September 2005, 60/147 … and 65/209": a
# session and a number, each perhaps with its day.
ASSEMBLY_ITEM = rf"\d{{1,3}}/\d{{1,4}}(?![/\d])(?:\s+of\s+{DAY}(?!\d))?"
ASSEMBLY_RESOLUTION = re.compile(
    rf"\bresolutions?\s+(?:No\.?\s*)?(?P<list>{ASSEMBLY_ITEM}"
    rf"(?:\s*(?:,|and)\s*(?:and\s+)?{ASSEMBLY_ITEM})*)",
    re.I,
)
# "Human Rights Council resolution 49/1": numbered by session too, but not the Assembly's.
OTHER_BODY_BEFORE = re.compile(
    r"(?:Human\s+Rights\s+Council|HRC|Commission\s+on\s+Human\s+Rights|Committee|Board)\s+$", re.I
)


def numbers(listing: str) -> list[str]:
    """The resolutions' numbers in a list, without their years and days."""
    return re.findall(r"\b\d{1,4}\b", ADOPTED_RE.sub(" ", listing))


def find_named(text: str, add) -> None:
    """Resolutions that say whose they are: by symbol, by session and number, or with the
    Security Council named before or after them."""
    for match in SYMBOL.finditer(text):
        body = "UNGA Resolution" if match.group("body") == "A" else "UNSC Resolution"
        add(match, body, [match.group("list")], "resolution_symbol")
    for match in ASSEMBLY_RESOLUTION.finditer(text):
        if not OTHER_BODY_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            sessions = re.findall(r"\d{1,3}/\d{1,4}", match.group("list"))
            add(match, "UNGA Resolution", sessions, "assembly_resolution")
    for pattern, rule in (
        (RESOLUTION, "council_resolution"),
        (RESOLUTION_AFTER, "resolution_of_council"),
    ):
        for match in pattern.finditer(text):
            add(match, "UNSC Resolution", numbers(match.group("list")), rule)


def find_by_context(text: str, add) -> None:
    """Resolutions whose body the text said before them: lists of numbers with their days, and
    "resolution 853" after the Security Council was named; "resolution 1593 (2005)", the
    Council's form, unless a parliament or another assembly was named last."""
    # "four resolutions: 822 (30 April 1993), 853 (29 July 1993) …": numbers with their days.
    for match in DATED_RESOLUTIONS.finditer(text):
        if _body_named_last(text, match.start()) == "sc" and re.search(
            r"\bresolutions\b", text[max(0, match.start() - 300) : match.start()], re.I
        ):
            add(match, "UNSC Resolution", numbers(match.group()), "dated_resolutions")
    for match in RESOLUTION_NEARBY.finditer(text):
        body = _body_named_last(text, match.start())
        if body == "sc":
            rule = "resolution_after_council_named"
        elif body in ("un", None) and WITH_YEAR.match(match.group("list")):
            rule = "resolution_with_year"
        else:
            continue
        add(match, "UNSC Resolution", numbers(match.group("list")), rule)


def _body_named_last(text: str, position: int) -> str | None:
    """Which body was named last before a resolution ("The Security Council, Recalling its
    resolution 1556 (2004)", a heading "Resolution 853 (1993)" under a paragraph about the
    Council), however many sentences back: "sc", "un" (the General Assembly or the Human Rights
    Council), "other", or None when none was."""
    bodies = list(BODY.finditer(text, max(0, position - 3000), position))
    if not bodies:
        return None
    last = bodies[-1]
    return "sc" if last.group("sc") else "un" if last.group("un") else "other"
