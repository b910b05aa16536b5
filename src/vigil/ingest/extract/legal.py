"""References to legal provisions, normalised to a canonical instrument and an article.

"article 6 of the Rome Statute" → (Rome Statute, 6); "Art. II(c) of the Genocide Convention" →
(Genocide Convention, II(c)); "articles 2, 3, 5, 9 and 17 of the Universal Declaration of Human
Rights" → five references; "Security Council resolution 822 (1993)" and "UNSC resolutions 822,
853, 874 and 884" → (UNSC Resolution, 822) …. An article with no instrument named (often a
local law's) is not a reference to international law and is left out.
"""

import bisect
import re

from . import Finding, Spans, resolutions
from .instruments import ENGLISH, INSTRUMENT_RE, NAMES, escaped, instrument_mentions
from .kinds import Kind

# "7(1)(a)", "II(c)", and "6-a" as some write 6(a)
# "57, paragraph 2 a) iii)" and "44 § 2" as others write 57(2)(a)(iii) and 44(2)
ARTICLE_NUMBER = (
    r"(?:\d+[a-z]?|[IVXLC]+\b)(?:-[a-z](?![\w-]))?"
    r"(?:\s*,?\s*(?:paragraph|para\.|§|section)\s*(?:\d+|\([a-z0-9]+\)),?"
    r"|\s*[,(]\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"para(?:graph|\.)?\s*[,)]?)?"
    r"(?:\s*\(\s*[0-9a-zA-Z]+\s*\)|\s+[a-z]\)|\s+[ivx]+\))*"
)
# "(d)" in "7(1)(a), (d) and (i)": a list's item that repeats the article before it with
# another last paragraph.
SUBITEM = r"\(\s*[0-9a-zA-Z]+\s*\)(?:\s*\(\s*[0-9a-zA-Z]+\s*\))*"
# "2, 3 and 5", "2 and Article 13", "7(1)(a), (d) and (i)"
ARTICLE_LIST = (
    rf"{ARTICLE_NUMBER}(?:\s*(?:,|and|&|or)\s*(?:and\s+)?(?:(?:Articles?|Arts?\.)\s*)?"
    rf"(?:{ARTICLE_NUMBER}|{SUBITEM}))*"
)
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


LIST_ITEM = re.compile(rf"(?P<sub>{SUBITEM})|{ARTICLE_NUMBER}", re.I)


# Instruments whose articles are Roman numerals however a text writes them ("Article 2 of the
# Genocide Convention" is its article II).
ROMAN_ARTICLES = {"Genocide Convention"}
ROMAN = [
    "",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
]


def _roman(article: str) -> str:
    head = re.match(r"\d+", article)
    if head is None or not 0 < int(head.group()) < len(ROMAN):
        return article
    return ROMAN[int(head.group())] + article[head.end() :]


def _articles(listing: str) -> list[str]:
    """The articles of a list; an item that is only a paragraph ("(d)" after "7(1)(a)") takes
    the place of the last paragraph of the article before it."""
    listing = re.sub(r"\b(?:articles?|arts?\.)", " ", listing, flags=re.I)
    articles: list[str] = []
    for match in LIST_ITEM.finditer(listing):
        if match.group("sub") is None:
            articles.append(normalise_article(match.group()))
        elif articles:
            parent = re.sub(r"\([^()]*\)$", "", articles[-1])
            articles.append(parent + re.sub(r"\s+", "", match.group("sub")).lower())
    return articles


def find(text: str) -> list[Finding]:
    found: list[Finding] = []
    taken = Spans()

    def add(match, instrument: str, articles: list[str], rule: str):
        if not taken.claim(match.start(), match.end()):
            return
        if instrument in ROMAN_ARTICLES:
            articles = [_roman(article) for article in articles]
        for article in articles:
            data = {"instrument": instrument, "article": article, "rule": f"en.legal.{rule}"}
            found.append(Finding(Kind.LEGAL_REF, match.start(), match.end(), match.group(), data))

    for match in PROTOCOL_ARTICLE.finditer(text):
        protocol = f"ECHR Protocol {match.group('protocol')}"
        add(match, protocol, _articles(match.group("list")), "protocol_article")
    resolutions.find_named(text, add)
    for pattern, rule in ((BEFORE, "article_of_instrument"), (AFTER, "instrument_article")):
        for match in pattern.finditer(text):
            instrument = _instrument(match.group("instrument"))
            add(match, instrument, _articles(match.group("list")), rule)
    named_before = _ShortNames(text)
    for match in SHORT_NAME.finditer(text):
        instrument = named_before(match.group("noun"), match.start())
        if instrument:
            add(match, instrument, _articles(match.group("list")), "article_of_short_name")
    _articles_in_context(text, add, found, named_before)
    resolutions.find_by_context(text, add)
    return sorted(found, key=lambda c: c.start)


# "Articles 2 and 13 of the Convention", "Article 4 of the Statute", "Article 17(1) of the same
# Protocol": an instrument called by its kind, after the text has named it in full (or named the
# court whose statute it is).
SHORT_NAME = re.compile(
    rf"\b(?:articles?|arts?\.)\s*(?P<list>{ARTICLE_LIST})\s*(?:,\s*)?(?:of|in|under)\s+"
    r"(?:the|this|that|its)\s+(?:(?:same|said)\s+)?"
    r"(?P<noun>Convention|Statute|Charter|Covenant|Declaration|Protocol)"
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


SHORT_NOUNS = ("convention", "statute", "charter", "covenant", "declaration", "protocol")
SHORT_MENTION = re.compile(
    r"\bthe\s+(?P<noun>Convention|Statute|Charter|Covenant)\b(?!\s+(?:on|of|for|against|to)\b)"
)


class _ShortNames:
    """The instrument a short name ("the Statute", "the Convention") stands for: of the ones
    named before it whose name has that word, the one in play (named most often so far, the
    nearer on a tie: "the Statute" of an ICC decision that once cites the ICTY Statute is the
    Rome Statute); else, for a statute or charter, the court or body named before. The text is
    searched once; each question is then a look along what was found."""

    def __init__(self, text: str):
        self.instruments = [(start, name) for start, _, name in instrument_mentions(text)]
        # Short noun → canonical instrument → where its names start, in order.
        self.by_noun: dict[str, dict[str, list[int]]] = {}
        for start, name in self.instruments:
            for noun in SHORT_NOUNS:
                if noun in name.lower():
                    places = self.by_noun.setdefault(noun, {})
                    places.setdefault(_instrument(name), []).append(start)
        self.bodies = [(m.start(), m.lastgroup) for m in COURTS.finditer(text)]
        self.body_starts = [start for start, _ in self.bodies]
        # The Charter of a tribunal that tried "Crimes against Peace" is Nuremberg's.
        self.nuremberg = NUREMBERG.search(text) is not None

    def __call__(self, noun: str, position: int) -> str | None:
        noun = noun.lower()
        best, best_key = None, (0, -1)
        for instrument, starts in self.by_noun.get(noun, {}).items():
            count = bisect.bisect_left(starts, position)
            if count and (count, starts[count - 1]) > best_key:
                best, best_key = instrument, (count, starts[count - 1])
        if best:
            return best
        bodies = [body for _, body in self.bodies[: bisect.bisect_left(self.body_starts, position)]]
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
    anchors = _anchors(text, found, named_before)
    cited = _Cited(found)
    for match in BARE_ARTICLE.finditer(text):
        if OTHER_LAW.match(text, match.end()):
            continue
        articles = _articles(match.group("list"))
        # "the sixth paragraph of Article 49": the instrument already cited with article 49;
        # else the instrument named or cited last before it.
        instrument = cited.before(articles, match.start())
        if instrument is None:
            index = bisect.bisect_right(anchors, (match.start(), "\uffff")) - 1
            if index < 0:
                continue
            instrument = anchors[index][1]
        ordinal = PARAGRAPH_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if ordinal and len(articles) == 1:
            articles = [f"{articles[0]}({ORDINALS[ordinal.group('ordinal').lower()]})"]
        before = len(found)
        add(match, instrument, articles, "article_in_context")
        if len(found) > before:
            bisect.insort(anchors, (match.end(), instrument))
            cited.add(found[before:])


# A resolution has no articles: an article after one belongs to an instrument named before.
RESOLUTIONS = {"UNSC Resolution", "UNGA Resolution"}


def _anchors(text: str, found: list, named_before: _ShortNames) -> list[tuple[int, str]]:
    """Where each instrument was named or cited (the end of its name), in the text's order."""
    anchors = [
        (start + len(name), _instrument(name))
        for start, name in named_before.instruments
        if not DRAFT.search(text, max(0, start - 7), start)
        and not text.startswith(" (draft)", start + len(name))
    ]
    anchors += [
        (c.end, c.data["instrument"]) for c in found if c.data["instrument"] not in RESOLUTIONS
    ]
    # "the Charter does not define … Article 6 (a)": an instrument called by its kind.
    for mention in SHORT_MENTION.finditer(text):
        instrument = named_before(mention.group("noun"), mention.start())
        if instrument:
            anchors.append((mention.end(), instrument))
    return sorted(anchors)


class _Cited:
    """The articles cited so far, by number ("49") and in full ("49(6)"), with where and in
    which instrument. A bare article that is only a number belongs to the instrument that last
    cited that number; one with its paragraphs ("25(3)(a)") only to one that cited it whole, so
    that "Article 25 of the Charter" does not claim a later "article 25(3)(a)"."""

    def __init__(self, found: list):
        self.places: dict[str, list[tuple[int, str]]] = {}
        self.add(found)

    def add(self, found: list) -> None:
        for c in found:
            if c.data["instrument"] in RESOLUTIONS:
                continue
            article = c.data["article"]
            for key in {article, article.split("(")[0]}:
                bisect.insort(self.places.setdefault(key, []), (c.end, c.data["instrument"]))

    def before(self, articles: list[str], position: int) -> str | None:
        earlier = []
        for article in set(articles):
            places = self.places.get(article, [])
            index = bisect.bisect_right(places, (position, "\uffff")) - 1
            if index >= 0:
                earlier.append(places[index])
        return max(earlier)[1] if earlier else None
