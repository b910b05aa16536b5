"""References to legal provisions, normalised to a canonical instrument and an article.

"article 6 of the Rome Statute" → (Rome Statute, 6); "Art. II(c) of the Genocide Convention" →
(Genocide Convention, II(c)); "articles 2, 3, 5, 9 and 17 of the Universal Declaration of Human
Rights" → five references; "Security Council resolution 822 (1993)" and "UNSC resolutions 822,
853, 874 and 884" → (UNSC Resolution, 822) …. An article with no instrument named (often a
local law's) is not a reference to international law and is left out.
"""

import re

from . import Candidate

# Canonical name → the ways texts name it (regular expressions, case-insensitive).
INSTRUMENTS = {
    "Genocide Convention": [
        r"Convention on the Prevention and Punishment of the Crime of Genocide(?:\s*(?:of\s*)?\(?1948\)?)?",
        r"Genocide Convention",
        r"Convention against Genocide",
    ],
    "Rome Statute": [
        r"Rome Statute(?: of the International Criminal Court)?",
        r"Statute of the International Criminal Court",
        r"ICC Statute",
    ],
    "UDHR": [r"Universal Declaration of Human Rights", r"UDHR", r"Universal Declaration"],
    "ICCPR": [r"International Covenant on Civil and Political Rights", r"ICCPR"],
    "ECHR": [
        r"European Convention (?:on|for the Protection of) Human Rights(?: and Fundamental Freedoms)?",
        r"Convention for the Protection of Human Rights and Fundamental Freedoms",
        r"ECHR",
    ],
    "UN Charter": [
        r"Charter of the United Nations",
        r"United Nations Charter",
        r"UN Charter",
        r"U\.N\. Charter",
    ],
    "ICTY Statute": [
        r"Statute of the International (?:Criminal )?Tribunal for the Former Yugoslavia",
        r"ICTY Statute",
        r"Statute of the ICTY",
    ],
    "ICTR Statute": [
        r"Statute of the International (?:Criminal )?Tribunal for Rwanda",
        r"ICTR Statute",
        r"Statute of the ICTR",
    ],
    "Nuremberg Charter": [
        r"Charter of the International Military Tribunal",
        r"Nuremberg Charter",
        r"London Charter",
        r"Statute of the Nuremberg (?:Military )?Tribunal",
    ],
    "Geneva Convention I": [
        r"First Geneva Convention",
        r"Geneva Convention I\b",
        r"Geneva Convention for the Amelioration of the Condition of the Wounded and Sick in Armed Forces in the Field",
    ],
    "Geneva Convention II": [r"Second Geneva Convention", r"Geneva Convention II\b"],
    "Geneva Convention III": [
        r"Third Geneva Convention",
        r"Geneva Convention III\b",
        r"Geneva Convention relative to the Treatment of Prisoners of War",
    ],
    "Geneva Convention IV": [
        r"Fourth Geneva Convention",
        r"Geneva Convention IV\b",
        r"Geneva Convention relative to the Protection of Civilian Persons in Time of War",
    ],
    "Additional Protocol I": [
        r"Additional Protocol I\b",
        r"\(?Protocol I\)?(?= to the Geneva)",
        r"First Additional Protocol",
    ],
    "Additional Protocol II": [r"Additional Protocol II\b", r"Second Additional Protocol"],
}
INSTRUMENT_RE = re.compile(
    "|".join(f"(?P<i{n}>{'|'.join(alts)})" for n, alts in enumerate(INSTRUMENTS.values())), re.I
)
NAMES = list(INSTRUMENTS)

ARTICLE_NUMBER = r"(?:\d+[a-z]?|[IVXLC]+)(?:\s*\(\s*[0-9a-zA-Z]+\s*\))*"
ARTICLE_LIST = rf"{ARTICLE_NUMBER}(?:\s*(?:,|and|&|or)\s*(?:and\s+)?{ARTICLE_NUMBER})*"
# "article 6 of the Rome Statute", "Art. II(c) of the Genocide Convention", "articles 2,3 of …"
BEFORE = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST})\s*(?:,\s*)?(?:of|in|under)\s+"
    rf"(?:the\s+)?(?:(?:initial\s+)?provisions\s+of\s+the\s+)?(?:\d{{4}}\s+)?(?P<instrument>{INSTRUMENT_RE.pattern})",
    re.I,
)
# "the Rome Statute, article 7(1)(a)", "Genocide Convention Art. III"
AFTER = re.compile(
    rf"(?P<instrument>{INSTRUMENT_RE.pattern})(?:'s)?\s*[,(]?\s*(?:in\s+)?(?:articles?|arts?\.)\s*"
    rf"(?P<list>{ARTICLE_LIST})",
    re.I,
)
RESOLUTION = re.compile(
    r"\b(?:(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security Council|UNSC|SC)\s+resolutions?|UNSCRs?)\s*"
    r"(?:No\.?\s*)?(?P<list>\d{1,4}(?:\s*\(\d{4}\))?(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{1,4}"
    r"(?:\s*\(\d{4}\))?)*)(?:\s*of\s+\d{4}|\s*\(\d{4}\))?",
    re.I,
)
# "resolution 827 (1993) of the Security Council", "S/RES/822 (1993)"
RESOLUTION_AFTER = re.compile(
    r"\bresolutions?\s+(?P<list>\d{1,4}(?:\s*\(\d{4}\))?(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{1,4}"
    r"(?:\s*\(\d{4}\))?)*)\s+(?:of|by|adopted by)\s+the\s+(?:(?:UN|U\.N\.|United Nations)\s+)?"
    r"Security Council",
    re.I,
)
SYMBOL = re.compile(r"\bS/RES/(?P<list>\d{1,4})(?:\s*\(\d{4}\))?")
SINGLE_NUMBER = re.compile(rf"{ARTICLE_NUMBER}", re.I)


def _instrument(text: str) -> str:
    match = INSTRUMENT_RE.fullmatch(text.strip())
    if match is None:
        match = INSTRUMENT_RE.search(text)
    return NAMES[int(match.lastgroup[1:])]


def normalise_article(article: str) -> str:
    """'ii (c)' → 'II(c)'; '7 (1)(a)' → '7(1)(a)'."""
    article = re.sub(r"\s+", "", article)
    head = re.match(r"[0-9]+[a-z]?|[IVXLCivxlc]+", article)
    if not head:
        return article
    number = head.group()
    number = number.upper() if re.fullmatch(r"[ivxlc]+", number, re.I) else number
    return number + article[head.end() :].lower()


def _articles(listing: str) -> list[str]:
    return [normalise_article(m.group()) for m in SINGLE_NUMBER.finditer(listing)]


def find(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []

    def add(match, instrument: str, articles: list[str]):
        if any(match.start() < e and s < match.end() for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        for article in articles:
            found.append(
                Candidate(
                    "legal_ref",
                    match.start(),
                    match.end(),
                    match.group(),
                    {"instrument": instrument, "article": article},
                )
            )

    for pattern in (BEFORE, AFTER):
        for match in pattern.finditer(text):
            add(match, _instrument(match.group("instrument")), _articles(match.group("list")))
    for pattern in (RESOLUTION, RESOLUTION_AFTER, SYMBOL):
        for match in pattern.finditer(text):
            numbers = re.findall(r"(?<!\()\b\d{1,4}\b(?!\))", match.group("list"))
            add(
                match,
                "UNSC Resolution",
                [n for n in numbers if not re.fullmatch(r"19\d\d|20\d\d", n)],
            )
    return sorted(found, key=lambda c: c.start)
