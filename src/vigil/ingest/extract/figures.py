"""Casualty figures: a number (or range, or hedge) tied to a category by the words around it.

"613 residents of Khojaly were mercilessly killed" → killed 613; "at least 161" → 161 or more;
"more than 600" → over 600; "hundreds of civilians" → 100 or more; "between 200 and 300" and
"500-1,000" → ranges. Numbers that are years, articles, pages, money, ages or phone numbers
are not figures.
"""

import re

from . import Candidate
from .dates import MONTHS
from .numbers import (
    FRACTION_RE,
    NUMBER,
    NUMBER_RE,
    SCALES,
    VAGUE,
    VAGUE_RE,
    fraction_value,
    to_int,
)

CATEGORIES = [
    (
        "hostage",
        r"taken hostages?|held hostages?|hostages?|captured|capturing|captives?|captivity|"
        r"held captive|abducted|abducting|abductions?|kidnapped|taken prisoner|prisoners|"
        r"(?:be|being|been|are|were|still)\s+held|enslaved",
    ),
    (
        "missing",
        r"missing|disappeared|unaccounted for|whereabouts unknown|fate of|"
        r"(?:is|are|remains?)\s+(?:still\s+)?unknown",
    ),
    (
        "wounded",
        r"wounded|wounding|injured|injuring|injuries|disabled|handicapped|maimed|crippled|hurt|invalids?|"
        r"wounds",
    ),
    (
        "displaced",
        r"displaced|displacing|displacement|expelled|expelling|expulsions?|deported|"
        r"deportations?|fled|flee|fleeing|forced to flee|refugees|evicted|driven out|"
        r"driven abroad|driven from|driven into exile|from their homes|uprooted|"
        r"forcibly transferred|homeless|took refuge|sought refuge|taking refuge|"
        r"left their (?:homes?|territory|towns?|villages?|lands?)|"
        r"left the (?:district|region|area|city|town|country|province)",
    ),
    (
        "killed",
        r"killed|killings?|dead|deaths?|died|murdered|massacred|massacres?|slaughtered|perished|"
        r"executed|executions?|lost their lives|death toll|lives|bodies|corpses|slain|shot dead|"
        r"fatalities|losses|"
        r"fell victims?|decimated|"
        r"decimating|exterminated|annihilated|"
        r"victims|buried",
    ),
]
CATEGORY_RE = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in CATEGORIES), re.I
)
LOWER_BOUND = re.compile(
    r"(?:at least|more than|over|upwards of|in excess of|no fewer than|"
    r"not less than|no less than|a minimum of|exceeding|some\s+\w+\s+over)\s*$",
    re.I,
)
UPPER_BOUND = re.compile(
    r"(?:up to|at most|fewer than|less than|no more than|as many as|"
    r"a maximum of|under)\s*$",
    re.I,
)
APPROX = re.compile(
    r"(?:around|about|approximately|roughly|some|nearly|almost|an estimated|"
    r"estimated|close to|c\.)\s*$",
    re.I,
)
NOT_A_COUNT_BEFORE = re.compile(
    r"(?:article|art\.|articles|arts\.|resolution|resolutions|paragraph|para\.|paras\.|page|"
    r"pages|p\.|pp\.|no\.|nos\.|number|chapter|section|§|rule|rules|\$|€|£|usd|eur|aged|"
    r"age of|born in|\+|tel\.?|phone|fax|km|volume|vol\.|protocol|case|application|regiment|"
    r"brigade|battalion|division|unit|route|highway|room|floor|item|annex|"
    # a population is not a toll; "boys over 12" and "as young as nine" are ages
    r"population(?:\s+of)?(?:\s+(?:about|some|around|approximately|nearly|over))?|"
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
    # counts of things, not of people ("two joint criminal enterprises", "five acts")
    r"(?:[\w-]+\s+){0,2}(?:enterprises|acts|shells|rounds|missiles|rockets|attacks|incidents|"
    r"crimes|reports|cases|trials|operations|parties|states|countries)\b|"
    r"st\b|nd\b|rd\b|th\b|/|\.\d)",
    re.I,
)
BETWEEN = re.compile(r"(?:between|from)\s*$", re.I)
LEADING_CATEGORY = re.compile(
    "(?:"
    + "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in CATEGORIES)
    + r")(?:\[\w+\])*:?(?:,?\s+of)?(?P<tail>\s+(?:the|at least|more than|over|some|about|around|"
    r"nearly|almost|an estimated|up to|as many as|approximately|a further|another))*"
    r"\s*(?:[•·▪*]\s*)?$",
    re.I,
)
SUBCOUNT = re.compile(
    r"(?:\s+\w+){0,3}\s*[,(]\s*(?:including|among them|among whom|of whom)\b", re.I
)
COUNTED = re.compile(
    r"\s+(?:people|persons|civilians|men|women|children|victims|refugees|residents|soldiers|"
    r"villagers|inhabitants|Muslims|Christians|Jews|Tutsis?|Bosniaks|Azerbaijanis|Armenians|"
    r"casualties)\b"
)
INCLUDED = re.compile(
    r"[^.;:!?\n]{0,60}?\b(?:including|among them|among whom|of whom|of which|in which|of them)\b"
    r"[^.;:!?\n]{0,60}?",
    re.I,
)
GAPPED = re.compile(r"\s+(?P<prep>from|by|with)\s")
# "181 corpses (130 male and 51 female, including 13 children)": parts in brackets after a whole.
IN_BRACKETS = re.compile(r"[^()\n]{0,40}\([^()\n]{0,80}")
# "(now more than 500,000)": a later count of what the figure before it counted.
UPDATED = re.compile(r"[^.;:!?\n]{0,60}?\(\s*(?:now|later|today|since then|eventually)?\s*", re.I)
# "106 women, 63 children, 70 old men were killed", "76 out of 487 people wounded": the items
# of a list, and a part of a whole, count what the last one counts.
LIST_ITEM = re.compile(
    r"(?:\s+[\w'-]+){0,2}\s*(?:,\s*(?:and\s+)?|\band\s+|\bout of\s+|\bof\s+the\s+)", re.I
)
ALTERNATIVE = re.compile(
    r"\s*(?:[,—–-]\s*)?(?:and|or|to)\b(?:\s+(?:possibly|perhaps|even|maybe))?\s*"
    r"(?:at least|more than|over|as many as|up to|some|about|around|nearly)?\s*",
    re.I,
)
RANGE_AFTER = re.compile(r"^(?:\[\w+\])*\s*(?:-|–|—|to|and)\s*", re.I)
PHONE = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.-]\d{2,}){2,}")
# A clause ends at a full stop (even with citation marks after it: "earlier.[2] In 1988"), a
# blank line, a bullet, or a line that is a heading ("Civilian deaths:").
CLAUSE_END = re.compile(
    r"[.;:!?](?:\[\w+\])*(?:\s|$)|\n\n|\n\s*(?:[•·▪*]|-\s)|\n(?=[^\n]{0,60}:[ \t]*(?:\n|$))"
)
# "[3]" and "documented.1": citation and footnote marks, not counts.
CITATION = re.compile(r"\[\s*$")
FOOTNOTE_BEFORE = re.compile(r"[^\W\d][.,;:)\]”\"’']$")
AUXILIARY = re.compile(r"\b(?:were|was|are|is|had|have|has|been)\b", re.I)
NEW_SUBJECT = re.compile(r"\s*(?:the|a|an|this|that|its|their|his|her)\b", re.I)
APPOSITIVE = re.compile(r"[^,]*,[^,]{1,40},\s*(?:\w+\s+){0,3}")
IN_COURT = re.compile(
    r"\b(?:participat\w*|represent\w*|testif\w*|testimony|registered|compensat\w*|"
    r"reparations?|legal counsel|applicants?)\b",
    re.I,
)
RELEASED = re.compile(r"\b(?:released|freed|returned|exchanged|liberated)\b(?:\s+from)?\s*$", re.I)
WEAK = re.compile(r"victims|bodies|lives|buried|losses", re.I)
# Nouns that label a figure given after them ("the death toll … is 613", "Deaths 161+ or 200+",
# "the number of internally displaced people … has reached more than 10 million") …
LABEL = re.compile(
    r"\b(?:deaths?|death toll|casualties|fatalities|dead|killed|victims|wounded|injured|missing|"
    r"refugees|displaced|hostages|captives|losses)\b",
    re.I,
)
# … when the words just before the number link it to that label.
LINK_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|be|of|at|as|reached|stood at|rose to|to|numbered|totalled|totaled|or|"
    r"includes|included|contains|lists|"
    r"and|estimated at)|[:\n(]|\bDeaths)\s*(?:(?:at least|more than|over|about|around|some|"
    r"nearly|almost|an estimated|up to|as many as|approximately|somewhere)\s*)?$",
    re.I,
)
# The words that may follow a number whose category is named before it ("the death toll is 613
# civilians"); other nouns ("400 armed peacekeepers") mean the number counts something else.
PEOPLE_AFTER = re.compile(
    r"\s*(?:\+|[()\]]|\w+\s+(?:of|more|others)\b|(?:(?:[\w-]+\s+){0,3}"
    + COUNTED.pattern.removeprefix(r"\s+")
    + r")|names\b|[.,;:!?•·▪*]|\n|$)",
    re.I,
)


def _bounds(text: str, start: int) -> tuple[str, int]:
    before = text[max(0, start - 30) : start]
    for kind, pattern in (("lower", LOWER_BOUND), ("upper", UPPER_BOUND), ("approx", APPROX)):
        match = pattern.search(before)
        if match:
            return kind, start - (len(before) - match.start())
    return "exact", start


HAS_OWN_COUNT = re.compile(
    r"\s+(?:(?:at least|more than|over|some|about|around|nearly|an estimated)\s+)?"
    r"(?:\d|(?:dozens|scores|hundreds|thousands|millions|tens of thousands)\b)",
    re.I,
)


def _coordinated(segment: str, first) -> list[str]:
    """The first category and any joined to it by commas, "and" or "or" ("killed, wounded, or
    taken hostage"): the figure counts each of them."""
    categories = [first.lastgroup]
    position = first.end()
    while True:
        joined = re.match(r"\s*(?:,\s*(?:and|or)?|and|or)\s*", segment[position:])
        if not joined:
            break
        following = CATEGORY_RE.match(segment, position + joined.end())
        # "to flee, and capturing thousands": the next verb has a count of its own.
        if not following or HAS_OWN_COUNT.match(segment, following.end()):
            break
        if following.lastgroup not in categories:
            categories.append(following.lastgroup)
        position = following.end()
    return categories


def _category(
    text: str, number_start: int, number_end: int, next_number: int
) -> tuple[list, str, str]:
    """The categories named after the number (up to the next number or clause end), else just
    before it; with the words between number and category, as the population counted, and the
    name of the rule that found them."""
    # A verb right before the number names what it counts: "killed 12, wounding 50 others".
    lead = LEADING_CATEGORY.search(text, max(0, number_start - 40), number_start)
    if lead:
        categories = _run_before(text[max(0, number_start - 60) : number_start])
        # "• Dead: 5,856": a label and a colon; the colon ends no clause here.
        categories = categories or [n for n, _ in CATEGORIES if lead.group(n)][:1]
        if categories:
            return categories, "", "verb_before"
    after_limit = min(next_number, number_end + 120)
    # "613 people, including 106 women and 63 children, were killed": the sub-counts do not
    # end the sentence that says what the first number counts.
    if SUBCOUNT.match(text, number_end):
        after_limit = number_end + 200
    clause = CLAUSE_END.search(text, number_end, after_limit)
    after = text[number_end : clause.start() if clause else after_limit]
    match = CATEGORY_RE.search(after)
    # "with 100 abstentions, the Assembly … the displaced": past a comma the category belongs to
    # another clause, unless the commas only set off a part ("613 people, mostly women, died").
    if match and "," in after[: match.start()] and not SUBCOUNT.match(text, number_end):
        head, _, tail = after[: match.start()].partition(",")
        if not APPOSITIVE.fullmatch(after, 0, match.start()) and (
            AUXILIARY.search(head) or NEW_SUBJECT.match(tail)
        ):
            match = None
    # "1,165 people were released from captivity": a count of releases, not of hostages.
    if match and match.lastgroup == "hostage" and RELEASED.search(after, 0, match.start()):
        match = None
    # "two million victims have been displaced": "victims" says only who they are.
    if match and WEAK.fullmatch(match.group()):
        stronger = next(
            (m for m in CATEGORY_RE.finditer(after, match.end()) if not WEAK.fullmatch(m.group())),
            None,
        )
        match = stronger or match
        if WEAK.fullmatch(match.group()) and _in_court(text, number_start, number_end + len(after)):
            match = None
    if match:
        population = after[: match.start()].strip(" ,")
        population = re.sub(
            r"\b(?:were|was|had been|have been|are|is|been|being|who|that|may|"
            r"have|has|had|still|also|reportedly|mercilessly|brutally|"
            r"allegedly|were all|all)\b",
            "",
            population,
        )
        # Coordination may look past the next number ("flee, and capturing thousands").
        wider = text[number_end : number_end + len(after) + 40]
        return _coordinated(wider, match), " ".join(population.split())[:200], "category_after"
    # Else a category named earlier in the sentence ("the death toll … is 613 civilians"), if
    # what follows the number is whom it counts, or nothing.
    if PEOPLE_AFTER.match(text, number_end) and LINK_BEFORE.search(
        text, max(0, number_start - 40), number_start
    ):
        before = text[max(0, number_start - 100) : number_start]
        label = list(LABEL.finditer(before))
        clause_start = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
        labelled = label and (
            label[-1].start() >= clause_start or before[label[-1].end() :].lstrip().startswith(":")
        )
        if labelled:
            weak = WEAK.fullmatch(label[-1].group())
            if not (weak and _in_court(text, number_start, number_end + 40)):
                # "Dead: 11,557[5]\n25,000–30,000 (…)": the label's own category.
                own = CATEGORY_RE.match(label[-1].group())
                categories = _run_before(before) or ([own.lastgroup] if own else [])
                return categories, "", "label_before"
    return [], "", ""


def _in_court(text: str, number_start: int, end: int) -> bool:
    """Whether the sentence speaks of victims in a court ("2,129 victims … participated in the
    trial", "legal representatives of the victims"), not of a toll."""
    sentence_start = max(
        (m.end() for m in CLAUSE_END.finditer(text, max(0, number_start - 200), number_start)),
        default=max(0, number_start - 200),
    )
    return IN_COURT.search(text, sentence_start, end) is not None


def _run_before(before: str) -> list[str]:
    """The run of joined categories that ends nearest the number ("killed and wounded 300"),
    within the number's clause."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
    segment = before[clause_start:]
    matches = list(CATEGORY_RE.finditer(segment))
    if not matches:
        return []
    first = matches[-1]
    for candidate in reversed(matches[:-1]):
        between = segment[candidate.end() : first.start()]
        if not re.fullmatch(r"\s*(?:,\s*(?:and|or)?|and|or)\s*", between):
            break
        # "tens of thousands of them to flee, and capturing thousands": "flee" has its count.
        if NUMBER_RE.search(segment, max(0, candidate.start() - 40), candidate.start()) or (
            VAGUE_RE.search(segment, max(0, candidate.start() - 40), candidate.start())
        ):
            break
        first = candidate
    return _coordinated(segment, first)


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


# An infobox flattened to text: "Civilians missing:" then one bullet line per figure.
LIST_LABEL = re.compile(
    r"(?m)(?P<label>deaths|dead|killed|wounded|injured|missing|displaced|refugees|hostages|"
    r"captured)\s*:\s*$",
    re.I,
)
BULLET_LINE = re.compile(r"\n[ \t]*[•·▪*][^\n]*|\n[ \t]*(?=\n)")


def _labelled_lists(text: str) -> list[tuple[int, int, str]]:
    """The spans of bullet lines under a label line, with the label's category."""
    spans = []
    for label in LIST_LABEL.finditer(text):
        position = label.end()
        while bullet := BULLET_LINE.match(text, position):
            position = bullet.end()
        if position > label.end():
            category = CATEGORY_RE.fullmatch(label.group("label")).lastgroup
            spans.append((label.end(), position, category))
    return spans


def _listed_under(text: str, start: int, spans: list) -> list[str]:
    for span_start, span_end, category in spans:
        line_start = text.rfind("\n", 0, start) + 1
        # The number opens its bullet line ("• 16,000 Azerbaijani civilians").
        if span_start <= start < span_end and re.fullmatch(
            r"[ \t]*[•·▪*][ \t]*", text[line_start:start]
        ):
            return [category]
    return []


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
HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|suppose|supposing|imagine|hypothetical(?:ly)?|would|(?:do|does|did)\s+not\s+need"
    r"|need\s+not)\b",
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


def _is_count(text: str, match) -> bool:
    before = text[max(0, match.start() - 25) : match.start()]
    # Long enough for "two joint criminal enterprises": up to two words before the noun.
    after = text[match.end() : match.end() + 40]
    if NOT_A_COUNT_BEFORE.search(before) or NOT_A_COUNT_AFTER.match(after):
        return False
    raw = match.group()
    # "1,000 deaths every day": a rate, not a toll.
    if RATE.match(text, match.end()):
        return False
    if (
        raw.isdigit()
        and int(raw) <= 31
        and (
            DAY_OF_MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or DAY_OF_MONTH_AFTER.match(text, match.end())
        )
    ):
        return False
    # "No one shall be held", "In one attack": "one" counts a person only when it says so.
    if raw.lower() == "one" and not ONE_PERSON.match(text, match.end()):
        return False
    if raw[:1].isdigit() and (
        CITATION.search(text, max(0, match.start() - 2), match.start())
        or (
            text[match.start() - 1 : match.start()] == "("
            and text[match.end() : match.end() + 1] == ")"
        )
        or FOOTNOTE_BEFORE.search(text, max(0, match.start() - 2), match.start())
    ):
        return False
    # "published in 20051": a year with a footnote mark glued on.
    if re.fullmatch(r"(?:1[89]|20)\d\d\d{1,2}", raw) and YEAR_CUE_BEFORE.search(before):
        return False
    # "you do not need six million people killed", "if 10,000 people were expelled": a toll
    # that is supposed, not reported.
    if HYPOTHETICAL.search(_sentence(text, match.start())):
        return False
    # A bare four-digit number from 1500 to 2099 is a year, unless hedged like a count ("more
    # than 2000") or followed by whom it counts ("2000 people").
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", raw) and not (
        LOWER_BOUND.search(before)
        or UPPER_BOUND.search(before)
        or APPROX.search(before)
        or COUNTED.match(text[match.end() : match.end() + 30])
    ):
        return False
    # Digits inside a run of digit groups (+49 30 1234567, 030-123-456) are a phone or an ID.
    if raw[:1].isdigit():
        window_start = max(0, match.start() - 15)
        for phone in PHONE.finditer(text, window_start, match.end() + 15):
            if phone.start() <= match.start() and match.end() <= phone.end():
                return False
    return True


def find(text: str) -> list[Candidate]:
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
    found, skip_until, pending, head = [], -1, [], []
    labelled_lists = _labelled_lists(text)
    for index, match in enumerate(numbers):
        if match.start() < skip_until or not _is_count(text, match):
            continue
        vague = match.group().lower() in VAGUE
        if vague:
            value = VAGUE[match.group().lower()]
        else:
            value = fraction_value(match.group()) or to_int(match.group())
        if value is None or value == 0:
            continue
        start, end = match.start(), match.end()
        low, high = value, value
        kind, hedge_start = _bounds(text, start)
        if kind == "lower" or vague:
            high = None
        elif kind == "upper":
            low = None
        if kind != "exact":
            start = hedge_start
        # "161+" and "8,000+": at least that many.
        if re.match(r"\+(?!\d)", text[end : end + 2]):
            low, high, end = value, None, end + 1
        # Ranges: "500-1,000", "between 200 and 300", "from 30 to 40".
        if index + 1 < len(numbers) and not vague:
            following = numbers[index + 1]
            joiner = text[end : following.start()]
            between = BETWEEN.search(text, max(0, match.start() - 12), match.start())
            if RANGE_AFTER.fullmatch(joiner) and (between or joiner.strip().lower() != "and"):
                second = to_int(following.group())
                # "1.7-2 million": the scale of the second number is the first's too, when
                # that makes a range ("between 500 and 1 million" keeps its 500).
                scale = re.search(r"\b(thousand|million)\s*$", following.group(), re.I)
                if scale and re.fullmatch(r"\d+(?:\.\d+)?", match.group()) and second:
                    scaled = round(float(match.group()) * SCALES[scale.group(1).lower()])
                    if scaled < second:
                        value = low = scaled
                if second is not None and second > value:
                    low, high, end = value, second, following.end()
                    if between:
                        start = min(start, between.start())
                    skip_until = following.end()
        next_start = numbers[index + 1].start() if index + 1 < len(numbers) else len(text)
        if skip_until > end - 1 and index + 2 < len(numbers):
            next_start = numbers[index + 2].start()
        limit = next_start if next_start > end else len(text)
        # "151 people had died from gunshot wounds, 20 from shrapnel wounds": the verb is not
        # repeated, so "20" counts what "151" counted.
        gapped = GAPPED.match(text, end)
        if (
            head
            and gapped
            and not CLAUSE_END.search(text, head[0].end, start)
            and re.search(rf"\b{gapped.group('prep')}\b", text[head[0].end : start])
        ):
            categories, population, rule = [c.data["category"] for c in head], "", "gapped"
        else:
            categories, population, rule = _category(text, start, end, limit)
        if not categories and not gapped:
            categories, rule = _listed_under(text, start, labelled_lists), "listed_under_label"
        own_categories = bool(categories) and not gapped
        # "613 civilians, including 106 women and 63 children": the parts count what the whole
        # counts.
        if (
            not categories
            and head
            and (
                INCLUDED.fullmatch(text, head[0].end, start)
                or UPDATED.fullmatch(text, head[0].end, start)
                or IN_BRACKETS.fullmatch(text, head[0].end, start)
                # "killing two in Israel and three in the Gaza Strip"
                or LIST_ITEM.fullmatch(text, head[0].end, start)
            )
        ):
            categories, rule = [c.data["category"] for c in head], "part_of_whole"
        if not categories:
            pending.append((start, end, low, high))
            continue
        # "as many as 200,000—and possibly as many as 400,000 people—have been murdered": a
        # figure joined to the next one counts what that one counts.
        link = start
        for p_start, p_end, p_low, p_high in reversed(pending):
            joined = ALTERNATIVE.fullmatch(text, p_end, link) or LIST_ITEM.fullmatch(
                text, p_end, link
            )
            if not joined:
                break
            link = p_start
            found.extend(
                Candidate(
                    "figure",
                    p_start,
                    p_end,
                    text[p_start:p_end],
                    {
                        "category": category,
                        "low": p_low,
                        "high": p_high,
                        "population": "",
                        "rule": "en.figure.alternative_of_next",
                    },
                )
                for category in categories
            )
        pending = []
        added = [
            Candidate(
                "figure",
                start,
                end,
                text[start:end],
                {
                    "category": category,
                    "low": low,
                    "high": high,
                    "population": population,
                    "rule": f"en.figure.{rule}",
                },
            )
            for category in categories
        ]
        found.extend(added)
        # The whole whose parts ("including 106 women and 63 children") may follow.
        if own_categories:
            head = added
    return found
