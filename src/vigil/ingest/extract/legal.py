"""References to legal provisions, normalised to a canonical instrument and an article.

"article 6 of the Rome Statute" → (Rome Statute, 6); "Art. II(c) of the Genocide Convention" →
(Genocide Convention, II(c)); "articles 2, 3, 5, 9 and 17 of the Universal Declaration of Human
Rights" → five references; "Security Council resolution 822 (1993)" and "UNSC resolutions 822,
853, 874 and 884" → (UNSC Resolution, 822) …. An article with no instrument named (often a
local law's) is not a reference to international law and is left out.
"""

import bisect
import re

from . import Finding, Spans
from .instruments import ENGLISH, INSTRUMENT_RE, NAMES, escaped
from .kinds import Kind

# "7(1)(a)", "II(c)", and "6-a" as some write 6(a)
# "57, paragraph 2 a) iii)" and "44 § 2" as others write 57(2)(a)(iii) and 44(2)
ARTICLE_NUMBER = (
    r"(?:\d+[a-z]?|[IVXLC]+)(?:-[a-z](?![\w-]))?"
    r"(?:\s*,?\s*(?:paragraph|para\.|§|section)\s*(?:\d+|\([a-z0-9]+\)),?"
    r"|\s*[,(]\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"para(?:graph|\.)?\s*[,)]?)?"
    r"(?:\s*\(\s*[0-9a-zA-Z]+\s*\)|\s+[a-z]\)|\s+[ivx]+\))*"
)
# "2, 3 and 5", "2 and Article 13"
ARTICLE_LIST = rf"{ARTICLE_NUMBER}(?:\s*(?:,|and|&|or)\s*(?:and\s+)?(?:(?:Articles?|Arts?\.)\s*)?{ARTICLE_NUMBER})*"
# "Article 2 (right to life) of the Convention": a gloss between an article and its instrument.
GLOSS = r"(?:\s*\([^()\d][^()]{0,80}\))?"
# "article 6 of the Rome Statute", "Art. II(c) of the Genocide Convention", "articles 2,3 of …"
BEFORE = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST}){GLOSS}\s*(?:,\s*)?(?:of|in|under)\s+"
    rf"(?:the\s+)?(?:same\s+)?(?:(?:initial\s+)?provisions\s+of\s+the\s+)?(?:\d{{4}}\s+)?"
    rf"(?P<instrument>{INSTRUMENT_RE.pattern})",
    re.I,
)
# "the Rome Statute, article 7(1)(a)", "Genocide Convention Art. III"
AFTER = re.compile(
    rf"(?P<instrument>{INSTRUMENT_RE.pattern})(?:'s)?(?:\s*\(\d{{4}}\))?\s*[,(]?\s*(?:in\s+)?"
    r"(?:articles?|arts?\.)\s*"
    rf"(?P<list>{ARTICLE_LIST})",
    re.I,
)
# What may follow a resolution's number: its year, "(1993)", or the day it was adopted ("822 of
# April 30, 1993", "822 of 30 April 1993").
ADOPTED_ON = (
    r"(?:\s*\(\d{4}\)|\s*\((?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+|[A-Z][a-z]+\.?\s+\d{1,2},?\s+)\d{4}\)"
    r"|\s+of\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}"
    r"|\d{4})(?!\d))"
)
ADOPTED_RE = re.compile(ADOPTED_ON)
ADOPTED = ADOPTED_ON + "?"
RESOLUTION_LIST = (
    rf"\d{{1,4}}(?![/\d]){ADOPTED}(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{{1,4}}(?![/\d]){ADOPTED})*"
)
DATED = r"\s*\((?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+|[A-Z][a-z]+\.?\s+\d{1,2},?\s+)\d{4}\)"
DATED_RESOLUTIONS = re.compile(
    rf"\b\d{{1,4}}{DATED}(?:\s*(?:,|and)\s*(?:and\s+)?\d{{1,4}}{DATED})+"
)
RESOLUTION = re.compile(
    r"\b(?:(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security\s+Council|UNSC|SC)\s+resolutions?|UNSCRs?)\s*"
    rf"(?:No\.?\s*)?(?P<list>{RESOLUTION_LIST})",
    re.I,
)
# "resolution 827 (1993) of the Security Council", "S/RES/822 (1993)"
RESOLUTION_AFTER = re.compile(
    rf"\bresolutions?\s+(?P<list>{RESOLUTION_LIST})\s+(?:of|by|adopted by)\s+the\s+"
    r"(?:(?:UN|U\.N\.|United Nations)\s+)?Security\s+Council",
    re.I,
)
# "the Security Council designated a safe area in Resolution 819": a resolution named in a
# sentence whose last-named body is the Security Council.
RESOLUTION_NEARBY = re.compile(rf"\bresolutions?\s+(?:No\.?\s*)?(?P<list>{RESOLUTION_LIST})", re.I)
BODY = re.compile(
    r"\b(?P<sc>Security\s+Council|UNSC)\b|\b(?:General\s+Assembly|Human\s+Rights\s+Council|"
    r"Parliament|Congress|Senate|House|Assembly|Council of Europe|Committee|Commission)\b",
    re.I,
)
# "S/RES/822 (1993)", "A/RES/78/282", and glued to a word as converted pages leave them.
SYMBOL = re.compile(r"(?P<body>[AS])/RES/(?P<list>\d{1,4}(?:/\d{1,4})?)(?:\s*\(\d{4}\))?")
# "resolution 62/243", "General Assembly resolution 60/1": a session and a number.
ASSEMBLY_RESOLUTION = re.compile(r"\bresolutions?\s+(?:No\.?\s*)?(?P<list>\d{1,3}/\d{1,4})\b", re.I)
# "Article 1 of Protocol No. 1 to the Convention": the ECHR's protocols.
PROTOCOL_ARTICLE = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST})\s+of\s+(?:the\s+)?Protocol\s+No\.?\s*"
    r"(?P<protocol>\d{1,2})(?:\s+to\s+the\s+(?:European\s+)?Convention(?:\s+on\s+Human\s+Rights)?)?",
    re.I,
)
# "the sixth paragraph of Article 49" is 49(6).
PARAGRAPH_BEFORE = re.compile(
    r"\b(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"paragraph\s+of\s+$",
    re.I,
)
SINGLE_NUMBER = re.compile(rf"{ARTICLE_NUMBER}", re.I)


def _instrument(text: str) -> str:
    match = INSTRUMENT_RE.fullmatch(text.strip())
    if match is None:
        match = INSTRUMENT_RE.search(text)
    return NAMES[int(match.lastgroup[1:])]


ORDINALS = {
    word: n
    for n, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ],
        start=1,
    )
}


def normalise_article(article: str) -> str:
    """'ii (c)' → 'II(c)'; '7 (1)(a)' → '7(1)(a)'."""
    article = re.sub(
        r",?\s*(?:paragraph|para\.|§|section)\s*\(?(\w+)\)?,?", r"(\1)", article, flags=re.I
    )
    article = re.sub(
        r"\s*[,(]\s*(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
        r"para(?:graph|\.)?\s*[,)]?",
        lambda m: f"({ORDINALS[m.group(1).lower()]})",
        article,
        flags=re.I,
    )
    article = re.sub(r"\s+([a-z]|[ivx]+)\)", r"(\1)", article)
    article = re.sub(r"\s+", "", article)
    head = re.match(r"[0-9]+[a-z]?|[IVXLCivxlc]+", article)
    if not head:
        return article
    number = head.group()
    number = number.upper() if re.fullmatch(r"[ivxlc]+", number, re.I) else number
    rest = article[head.end() :].lower()
    if re.match(r"-[a-z]", rest):  # "6-a" → "6(a)"
        rest = f"({rest[1]}){rest[2:]}"
    return number + rest


def _articles(listing: str) -> list[str]:
    listing = re.sub(r"\b(?:articles?|arts?\.)", " ", listing, flags=re.I)
    return [normalise_article(m.group()) for m in SINGLE_NUMBER.finditer(listing)]


def find(text: str) -> list[Finding]:
    found: list[Finding] = []
    taken = Spans()

    def add(match, instrument: str, articles: list[str], rule: str):
        if not taken.claim(match.start(), match.end()):
            return
        for article in articles:
            data = {"instrument": instrument, "article": article, "rule": f"en.legal.{rule}"}
            found.append(Finding(Kind.LEGAL_REF, match.start(), match.end(), match.group(), data))

    for match in PROTOCOL_ARTICLE.finditer(text):
        protocol = f"ECHR Protocol {match.group('protocol')}"
        add(match, protocol, _articles(match.group("list")), "protocol_article")
    for match in SYMBOL.finditer(text):
        body = "UNGA Resolution" if match.group("body") == "A" else "UNSC Resolution"
        add(match, body, [match.group("list")], "resolution_symbol")
    for match in ASSEMBLY_RESOLUTION.finditer(text):
        add(match, "UNGA Resolution", [match.group("list")], "assembly_resolution")
    for pattern, rule in ((BEFORE, "article_of_instrument"), (AFTER, "instrument_article")):
        for match in pattern.finditer(text):
            instrument = _instrument(match.group("instrument"))
            add(match, instrument, _articles(match.group("list")), rule)
    for pattern, rule in (
        (RESOLUTION, "council_resolution"),
        (RESOLUTION_AFTER, "resolution_of_council"),
    ):
        for match in pattern.finditer(text):
            add(match, "UNSC Resolution", _resolution_numbers(match.group("list")), rule)
    named_before = _ShortNames(text)
    for match in SHORT_NAME.finditer(text):
        instrument = named_before(match.group("noun"), match.start())
        if instrument:
            add(match, instrument, _articles(match.group("list")), "article_of_short_name")
    _articles_in_context(text, add, found, named_before)
    # "four resolutions: 822 (30 April 1993), 853 (29 July 1993) …": numbers with their days.
    for match in DATED_RESOLUTIONS.finditer(text):
        if _security_council_named_last(text, match.start()) and re.search(
            r"\bresolutions\b", text[max(0, match.start() - 300) : match.start()], re.I
        ):
            add(match, "UNSC Resolution", _resolution_numbers(match.group()), "dated_resolutions")
    for match in RESOLUTION_NEARBY.finditer(text):
        if _security_council_named_last(text, match.start()):
            numbers = _resolution_numbers(match.group("list"))
            add(match, "UNSC Resolution", numbers, "resolution_after_council_named")
    return sorted(found, key=lambda c: c.start)


# "Articles 2 and 13 of the Convention", "Article 4 of the Statute": an instrument called by its
# kind, after the text has named it in full (or named the court whose statute it is).
SHORT_NAME = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST})\s*(?:,\s*)?(?:of|in|under)\s+"
    r"(?:the|this|that|its)\s+(?P<noun>Convention|Statute|Charter|Covenant|Declaration|Protocol)"
    r"\b(?!\s+(?:on|of|for|against|relating|relative|to)\b)",
    re.I,
)
# The courts and bodies of the English table, each a named group ("ICTY", "UN").
COURTS = re.compile(
    "|".join(
        rf"\b(?P<{court}>{'|'.join(escaped(name) for name in names)})(?!\w)"
        for court, names in ENGLISH["courts"].items()
    ),
    re.I,
)
NUREMBERG = re.compile(
    r"Crimes against Peace|Military Tribunal|N(?:u|ü|ue)rnberg|N(?:u|ü|ue)remberg", re.I
)
COURT_INSTRUMENT = {"ICTY": "ICTY Statute", "ICTR": "ICTR Statute", "ICC": "Rome Statute"}


SHORT_MENTION = re.compile(
    r"\bthe\s+(?P<noun>Convention|Statute|Charter|Covenant)\b(?!\s+(?:on|of|for|against|to)\b)"
)


class _ShortNames:
    """The instrument a short name ("the Convention") stands for: the nearest one named before
    it whose name has that word, or for a statute or charter the court or body named before.
    The text is searched once; each question is then a look along what was found."""

    def __init__(self, text: str):
        self.instruments = [(m.start(), m.group()) for m in INSTRUMENT_RE.finditer(text)]
        self.bodies = [(m.start(), m.lastgroup) for m in COURTS.finditer(text)]
        # The Charter of a tribunal that tried "Crimes against Peace" is Nuremberg's.
        self.nuremberg = NUREMBERG.search(text) is not None

    def __call__(self, noun: str, position: int) -> str | None:
        noun = noun.lower()
        named = [
            name for start, name in self.instruments if start < position and noun in name.lower()
        ]
        if named:
            return _instrument(named[-1])
        bodies = [body for start, body in self.bodies if start < position]
        if noun == "statute":
            courts = [b for b in bodies if b in COURT_INSTRUMENT]
            return COURT_INSTRUMENT[courts[-1]] if courts else None
        if noun == "charter" and self.nuremberg:
            return "Nuremberg Charter"
        if noun == "charter" and "UN" in bodies:
            return "UN Charter"
        return None


# "Article 25(3)(a) of the Rome Statute … [Article 7(1)(a)]": an article named without an
# instrument belongs to the one named just before it, unless it names another law itself.
BARE_ARTICLE = re.compile(rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST})", re.I)
OTHER_LAW = re.compile(r"\s*,?\s*(?:of|in|under)\s+(?:the\s+|this\s+|that\s+|its\s+)?\w", re.I)
DRAFT = re.compile(r"\bdraft\s+$", re.I)


def _articles_in_context(text: str, add, found: list, named_before: _ShortNames) -> None:
    anchors = [
        (start + len(name), _instrument(name))
        for start, name in named_before.instruments
        if not DRAFT.search(text, max(0, start - 7), start)
        and not text.startswith(" (draft)", start + len(name))
    ]
    anchors += [(c.end, c.data["instrument"]) for c in found]
    # "the Charter does not define … Article 6 (a)": an instrument called by its kind.
    for mention in SHORT_MENTION.finditer(text):
        instrument = named_before(mention.group("noun"), mention.start())
        if instrument:
            anchors.append((mention.end(), instrument))
    anchors.sort()
    # Article number → where it was cited, and in which instrument.
    cited: dict[str, list[tuple[int, str]]] = {}
    for c in found:
        cited.setdefault(c.data["article"].split("(")[0], []).append((c.end, c.data["instrument"]))
    for places in cited.values():
        places.sort()
    for match in BARE_ARTICLE.finditer(text):
        if OTHER_LAW.match(text, match.end()):
            continue
        articles = _articles(match.group("list"))
        ordinal = PARAGRAPH_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if ordinal and len(articles) == 1:
            articles = [f"{articles[0]}({ORDINALS[ordinal.group('ordinal').lower()]})"]
        # "the sixth paragraph of Article 49": the instrument already cited with article 49.
        earlier = []
        for article in {a.split("(")[0] for a in articles}:
            places = cited.get(article, [])
            index = bisect.bisect_right(places, (match.start(), "\uffff")) - 1
            if index >= 0:
                earlier.append(places[index])
        if earlier:
            instrument = max(earlier)[1]
        else:
            # Else the instrument named last, close before it and in the same paragraph.
            index = bisect.bisect_right(anchors, (match.start(), "\uffff")) - 1
            if index < 0:
                continue
            instrument = anchors[index][1]
        before = len(found)
        add(match, instrument, articles, "article_in_context")
        if len(found) > before:
            bisect.insort(anchors, (match.end(), instrument))
            for article in {a.split("(")[0] for a in articles}:
                bisect.insort(cited.setdefault(article, []), (match.end(), instrument))


def _resolution_numbers(listing: str) -> list[str]:
    return re.findall(r"\b\d{1,4}\b", ADOPTED_RE.sub(" ", listing))


def _security_council_named_last(text: str, position: int) -> bool:
    """Whether the body named last before a resolution is the Security Council ("The Security
    Council, Recalling its resolution 1556 (2004)", a heading "Resolution 853 (1993)" under a
    paragraph about the Council), however many sentences back."""
    bodies = list(BODY.finditer(text, max(0, position - 3000), position))
    return bool(bodies) and bodies[-1].group("sc") is not None
