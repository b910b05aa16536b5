"""Finding the numbers that may be counts of people, and leaving out those that are not: years,
articles, pages, money, ages, rates, phone numbers, footnote marks, days of a month, counts of
things ("two joint criminal enterprises") and tolls that are only supposed ("you do not need six
million people killed")."""

import re
from functools import lru_cache

from ..date_words import MONTHS
from ..numbers import FRACTION_RE, NUMBER, NUMBER_RE, VAGUE_RE, to_int
from .categories import CATEGORIES, COUNTED
from .hedges import APPROX, LOWER_BOUND, UPPER_BOUND

NOT_A_COUNT_BEFORE = re.compile(
    r"(?:article|art\.|articles|arts\.|resolution|resolutions|paragraph|para\.|paras\.|page|"
    r"pages|p\.|pp\.|no\.|nos\.|number|chapter|section|§|rule|rules|\$|€|£|usd|eur|aged|"
    r"age of|born in|\+|tel\.?|phone|fax|km|volume|vol\.|protocol|case|application|regiment|"
    r"brigade|battalion|division|unit|route|highway|room|floor|item|annex|appendix|table|chart|"
    r"map|footnote|"
    # a population is not a toll; "boys over 12" and "as young as nine" are ages
    r"population(?:\s+of)?(?:\s+(?:about|some|around|approximately|nearly|over))?|"
    # "a village of about 1,200 people": its size, not a toll
    r"(?:village|town|city|hamlet|settlement)\s+of(?:\s+(?:about|some|around|approximately|nearly|over))?|"
    r"(?:boys|girls|men|women|children|males|females|persons|people|those)\s+(?:over|under|"
    r"above|below|aged|older than|younger than)|aged\s+(?:over|under|above|below)|"
    r"as young as|as old as)\s*$",
    re.I,
)
NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|years?\b|year-old|-year|km|kilometres|kilometers|miles|metres|"
    r"meters|hours|days|weeks|months|minutes|kg|tons|tonnes|dollars|euros|manat|usd|eur|"
    r"houses|homes|villages|buildings|tanks|vehicles|hectares|witnesses|judges|hearings|counts|"
    r"charges|votes|abstentions|interviews|sessions|pages|camps|sites|locations|districts|towns|"
    r"cities|regions|provinces|hospitals|schools|churches|mosques|graves|mass graves|families|"
    r"households|in the (?:morning|afternoon|evening)|a\.m\.|p\.m\.|am\b|pm\b|o'clock|"
    r"st\b|nd\b|rd\b|th\b|/|\.\d)",
    re.I,
)
# Counts of things, not of people ("two joint criminal enterprises", "five acts"), with up to two
# words describing the thing …
THINGS_AFTER = re.compile(
    r"\s*(?P<filler>(?:[\w-]+\s+){0,2})(?P<noun>enterprises|acts|shells|rounds|missiles|"
    r"rockets|attacks|incidents|crimes|reports|cases|trials|operations|parties|states|countries)\b"
    r"(?P<tail>\s+of\s+(?:[\w-]+\s+)?[\w-]+)?",
    re.I,
)
CATEGORY_WORDS = re.compile("|".join(rf"\b(?:{words})\b" for _, words in CATEGORIES), re.I)
# … unless those words say what happened to the people counted, or start another clause ("120
# injured when rockets hit" counts the injured); "233 cases of enforced disappearance" counts
# people too.
NOT_DESCRIBING = re.compile(
    r"\b(?:when|while|as|after|before|in|by|and|or|were|was|had|have|of)\b", re.I
)


def _counts_things(after: str) -> bool:
    """Whether the words after a number say it counts things, not people."""
    things = THINGS_AFTER.match(after)
    if things is None:
        return False
    filler = things.group("filler")
    if CATEGORY_WORDS.search(filler) or NOT_DESCRIBING.search(filler):
        return False
    return not (
        things.group("noun").lower() == "cases"
        and CATEGORY_WORDS.search(things.group("tail") or "")
    )


PHONE = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.-]\d{2,}){2,}")
# "[3]" and "documented.1": citation and footnote marks, not counts.
CITATION = re.compile(r"\[\s*$")
FOOTNOTE_BEFORE = re.compile(r"[^\W\d][.,;:)\]”\"’']$")


ONE_PERSON = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:person|man|woman|child|boy|girl|baby|civilian|soldier|victim|resident|"
    r"villager|refugee|journalist|officer|peacekeeper|member|hostage|prisoner)\b|"
    r"\s*(?:was\s+|is\s+|has\s+been\s+)?(?:killed|dead|died|wounded|injured|missing)\b",
    re.I,
)


GLUED_NUMBER = re.compile(rf"(?:{NUMBER})\b", re.I)
GLUED_LABEL = re.compile(
    r"\b(?:Deaths|Killed|Dead|Injured|Wounded|Missing|Displaced|Refugees|Hostages)"
    r"(?=\d[\d,.–-]*(?!\S*:))"
)


def _is_citation_mark(text: str, match) -> bool:
    """A footnote mark ("[4]" in "5,856[4] –6,000"), which must not break the range around it."""
    return (
        text[match.start() - 1 : match.start()] == "["
        and text[match.end() : match.end() + 1] == "]"
    )


# "August 21 killed 1,429", "on 21 August": a day of a month (named without its year). Month
# names as the date extractor knows them, capitalised as running text writes them.
MONTH_NAMES = (
    "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
)
DAY_OF_MONTH_BEFORE = re.compile(rf"\b{MONTH_NAMES}\s*$")
DAY_OF_MONTH_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}\b")


YEAR_CUE_BEFORE = re.compile(r"\b(?:in|since|by|of)\s*$", re.I)
# "whether 40 or 4,000 persons are killed, the question is …": a toll weighed, not reported.
HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|suppose|supposing|imagine|hypothetical(?:ly)?|would|"
    r"(?:do|does|did)\s+not\s+need|need\s+not)\b",
    re.I,
)
SENTENCE_MARK = re.compile(r"[.!?](?:\s|$)|\n\n")


def _sentence(text: str, position: int) -> str:
    """The sentence around a position (its full stops, or blank lines)."""
    starts = [m.end() for m in SENTENCE_MARK.finditer(text, max(0, position - 300), position)]
    start = starts[-1] if starts else max(0, position - 300)
    end_mark = SENTENCE_MARK.search(text, position, position + 300)
    return text[start : end_mark.start() if end_mark else position + 300]


RATE = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:every|per|a|each)\s+(?:day|week|month|hour)\b", re.I)


def is_count(text: str, match) -> bool:
    """Whether a number found in the text may count people (see the module's docstring for
    what is left out)."""
    before = text[max(0, match.start() - 25) : match.start()]
    # Long enough for "two joint criminal enterprises": up to two words before the noun.
    after = text[match.end() : match.end() + 40]
    if (
        not_a_count_before(text, match.start())
        or NOT_A_COUNT_AFTER.match(after)
        or _counts_things(after)
    ):
        return False
    raw = match.group()
    return not (
        # "3.4 Wounded", "Table 3.1": a section's or a table's number; counts are whole, but
        # for the first of a range with a scale ("1.7-2 million").
        (re.fullmatch(r"\d+\.\d+", raw) and not re.match(r"\s*(?:[-–]|to\s)", after))
        or _is_rate_or_day(text, match, raw)
        # "No one shall be held", "In one attack": "one" counts a person only when it says so.
        or (raw.lower() == "one" and not ONE_PERSON.match(text, match.end()))
        or _is_mark(text, match, raw)
        or _is_year(text, match, raw, before)
        # "you do not need six million people killed", "if 10,000 people were expelled": a
        # toll that is supposed, not reported.
        or HYPOTHETICAL.search(_sentence(text, match.start()))
        or _in_phone_number(text, match, raw)
    )


# Asked twice of most numbers (is_count, and figures.find looking past the next number), and the
# slowest of a count's checks: remembered for the numbers of the text at hand.
@lru_cache(maxsize=512)
def not_a_count_before(text: str, position: int) -> bool:
    """Whether the words just before a number say it counts no one ("article 5", "aged 12")."""
    return NOT_A_COUNT_BEFORE.search(text, max(0, position - 25), position) is not None


def _is_rate_or_day(text: str, match, raw: str) -> bool:
    # "1,000 deaths every day": a rate, not a toll.
    if RATE.match(text, match.end()):
        return True
    return bool(
        raw.isdigit()
        and int(raw) <= 31
        and (
            DAY_OF_MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or DAY_OF_MONTH_AFTER.match(text, match.end())
        )
    )


def _is_mark(text: str, match, raw: str) -> bool:
    """A citation or footnote mark: "[3]", "(4)", "documented.1"."""
    return bool(
        raw[:1].isdigit()
        and (
            CITATION.search(text, max(0, match.start() - 2), match.start())
            or (
                text[match.start() - 1 : match.start()] == "("
                and text[match.end() : match.end() + 1] == ")"
            )
            or FOOTNOTE_BEFORE.search(text, max(0, match.start() - 2), match.start())
        )
    )


def _is_year(text: str, match, raw: str, before: str) -> bool:
    # "published in 20051": a year with a footnote mark glued on.
    if re.fullmatch(r"(?:1[89]|20)\d\d\d{1,2}", raw) and YEAR_CUE_BEFORE.search(before):
        return True
    # A bare four-digit number from 1500 to 2099 is a year, unless hedged like a count ("more
    # than 2000") or followed by whom it counts ("2000 people").
    return bool(
        re.fullmatch(r"1[5-9]\d\d|20\d\d", raw)
        and not (
            LOWER_BOUND.search(before)
            or UPPER_BOUND.search(before)
            or APPROX.search(before)
            or COUNTED.match(text[match.end() : match.end() + 30])
        )
    )


def _in_phone_number(text: str, match, raw: str) -> bool:
    """Digits inside a run of digit groups (+49 30 1234567, 030-123-456): a phone or an ID."""
    if not raw[:1].isdigit():
        return False
    window_start = max(0, match.start() - 15)
    return any(
        phone.start() <= match.start() and match.end() <= phone.end()
        for phone in PHONE.finditer(text, window_start, match.end() + 15)
    )


def numbers_in(text: str) -> list:
    """Every number, number word, vague count ("hundreds") and fraction ("a quarter of a
    million") in the text, as matches in the order of the text."""
    numbers = [
        m
        for m in NUMBER_RE.finditer(text)
        if to_int(m.group()) is not None and not _is_citation_mark(text, m)
    ]
    # "Deaths3,200–5,000": an infobox flattened to text glues its labels to its numbers.
    for label in GLUED_LABEL.finditer(text):
        glued = GLUED_NUMBER.match(text, label.end())
        if glued:
            numbers = [m for m in numbers if not glued.start() <= m.start() < glued.end()]
            numbers.append(glued)
    numbers += list(VAGUE_RE.finditer(text))
    fractions = list(FRACTION_RE.finditer(text))
    # A number inside "a quarter of a million" is part of that fraction, not a count of its own.
    numbers = [m for m in numbers if not any(f.start() <= m.start() < f.end() for f in fractions)]
    numbers += fractions
    numbers.sort(key=lambda m: m.start())
    return numbers
