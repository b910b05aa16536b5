"""The category of a count (killed, wounded, missing, displaced, hostage): named after it in
its clause ("613 residents were killed"), just before it ("killing 12", "Dead: 5,856"), as a
label it is linked to ("the death toll … is 613"), or as the label line of a bullet list; with
categories joined to it ("killed, wounded, or taken hostage") and the words between count and
category, as the population counted."""

import re

from ..numbers import NUMBER_RE, VAGUE_RE
from .words import CATEGORY_NAMES, alternatives

# Each category with its words, from the English table, in the order they are tried.
CATEGORIES = [(name, alternatives(name)) for name in CATEGORY_NAMES]
CATEGORY_RE = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in CATEGORIES), re.I
)
LEADING_CATEGORY = re.compile(
    "(?:"
    + "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in CATEGORIES)
    + r")(?:\[\w+\])*:?(?:,?\s+of)?(?P<tail>\s+(?:the|at least|more than|over|some|about|around|"
    r"nearly|almost|an estimated|up to|as many as|approximately|approx\.|a further|another))*"
    r"\s*(?:[•·▪*]\s*)?$",
    re.I,
)
SUBCOUNT = re.compile(
    r"(?:\s+\w+){0,3}\s*[,(]\s*(?:including|among them|among whom|of whom)\b", re.I
)
COUNTED = re.compile(rf"\s+(?:{alternatives('counted')})\b")
# A clause ends at a full stop (even with citation marks after it: "earlier.[2] In 1988"), a
# blank line, a bullet, or a line that is a heading ("Civilian deaths:").
CLAUSE_END = re.compile(
    # "|" parts an infobox's fields ("Injured: approx. 150 | Missing: 17").
    r"[.;:!?](?:\[\w+\])*(?:\s|$)|\n\n|\n\s*(?:[•·▪*]|-\s)|\n(?=[^\n]{0,60}:[ \t]*(?:\n|$))|\|"
)
AUXILIARY = re.compile(r"\b(?:were|was|are|is|had|have|has|been)\b", re.I)
# "71 children, and the taking of hostages": past the comma another noun phrase starts.
NEW_SUBJECT = re.compile(r"\s*(?:(?:and|or)\s+)?(?:the|a|an|this|that|its|their|his|her)\b", re.I)
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
    rf"(?:\b(?:{alternatives('linking')})|[:\n(]|\bDeaths)\s*"
    r"(?:(?:at least|more than|over|about|around|some|"
    r"nearly|almost|an estimated|up to|as many as|approximately|approx\.|somewhere)\s*)?$",
    re.I,
)
# The words that may follow a number whose category is named before it ("the death toll is 613
# civilians"); other nouns ("400 armed peacekeepers") mean the number counts something else.
PEOPLE_AFTER = re.compile(
    # "put the displaced population at about 41,000 at the end of the year": a count, then when
    # or where.
    r"\s*(?:\+|[()\]]|\w+\s+(?:of|more|others)\b|\s(?:at|by|in|on|since|across|throughout)\s+"
    r"(?:the|a|an|\d)|(?:(?:[\w-]+\s+){0,3}"
    + COUNTED.pattern.removeprefix(r"\s+")
    + r")|names\b|[.,;:!?•·▪*]|\n|$)",
    re.I,
)


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


def category(
    text: str, number_start: int, number_end: int, next_number: int
) -> tuple[list, str, str]:
    """The categories named just before the number, else after it (up to the next number or
    clause end), else by a label it is linked to; with the words between number and category,
    as the population counted, and the name of the rule that found them."""
    before = _verb_before(text, number_start)
    if before:
        return before, "", "verb_before"
    after = _named_after(text, number_start, number_end, next_number)
    if after:
        return (*after, "category_after")
    labelled = _label_before(text, number_start, number_end)
    if labelled:
        return labelled, "", "label_before"
    return [], "", ""


def _verb_before(text: str, number_start: int) -> list[str]:
    """A verb right before the number names what it counts: "killed 12, wounding 50 others"."""
    lead = LEADING_CATEGORY.search(text, max(0, number_start - 40), number_start)
    if not lead:
        return []
    categories = _run_before(text[max(0, number_start - 60) : number_start])
    # "• Dead: 5,856": a label and a colon; the colon ends no clause here.
    return categories or [n for n, _ in CATEGORIES if lead.group(n)][:1]


def _named_after(
    text: str, number_start: int, number_end: int, next_number: int
) -> tuple[list[str], str] | None:
    """The categories named after the number in its clause, with the population between."""
    after_limit = min(next_number, number_end + 120)
    # "• 240 (later list)": a bullet line's count ends with its line.
    line_start = text.rfind("\n", 0, number_start) + 1
    if BULLET_START.match(text, line_start):
        line_end = text.find("\n", number_end)
        after_limit = min(after_limit, len(text) if line_end < 0 else line_end)
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
    if not match:
        return None
    population = re.sub(NOT_POPULATION, "", after[: match.start()].strip(" ,"))
    # Coordination may look past the next number ("flee, and capturing thousands").
    wider = text[number_end : number_end + len(after) + 40]
    return _coordinated(wider, match), " ".join(population.split())[:200]


# Words between a count and its category that do not say whom it counts.
NOT_POPULATION = re.compile(
    r"\b(?:were|was|had been|have been|are|is|been|being|who|that|may|"
    r"have|has|had|still|also|reportedly|mercilessly|brutally|"
    r"allegedly|were all|all)\b"
)


def _label_before(text: str, number_start: int, number_end: int) -> list[str]:
    """A category named earlier in the sentence ("the death toll … is 613 civilians"), if what
    follows the number is whom it counts, or nothing."""
    if not (
        PEOPLE_AFTER.match(text, number_end)
        and LINK_BEFORE.search(text, max(0, number_start - 40), number_start)
    ):
        return []
    before = text[max(0, number_start - 100) : number_start]
    label = list(LABEL.finditer(before))
    clause_start = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
    tail = before[label[-1].end() :] if label else ""
    labelled = label and (
        label[-1].start() >= clause_start
        # "Missing: 17 | … | Convicted: 3", "Displaced: 18,000\n\n3. The worst …": a label's
        # colon reaches no further than its field or its paragraph.
        or (tail.lstrip().startswith(":") and "|" not in tail and "\n\n" not in tail)
    )
    if not labelled:
        return []
    weak = WEAK.fullmatch(label[-1].group())
    if weak and _in_court(text, number_start, number_end + 40):
        return []
    # "Dead: 11,557[5]\n25,000–30,000 (…)": the label's own category.
    own = CATEGORY_RE.match(label[-1].group())
    return _run_before(before) or ([own.lastgroup] if own else [])


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


# An infobox flattened to text: "Civilians missing:" then one bullet line per figure.
LIST_LABEL = re.compile(
    r"(?m)(?P<label>deaths|dead|killed|wounded|injured|missing|displaced|refugees|hostages|"
    r"captured)\s*:\s*$",
    re.I,
)
BULLET_START = re.compile(r"[ \t]*[•·▪*]")
BULLET_LINE = re.compile(r"\n[ \t]*[•·▪*][^\n]*|\n[ \t]*(?=\n)")


def labelled_lists(text: str) -> list[tuple[int, int, str]]:
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


def listed_under(text: str, start: int, spans: list) -> list[str]:
    for span_start, span_end, category in spans:
        line_start = text.rfind("\n", 0, start) + 1
        # The number opens its bullet line ("• 16,000 Azerbaijani civilians").
        if span_start <= start < span_end and re.fullmatch(
            r"[ \t]*[•·▪*][ \t]*", text[line_start:start]
        ):
            return [category]
    return []


# "the killing of civilians in the Highlands, including at least 71 children": a part of a whole
# that its category names without a count.
INCLUDED_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s*$", re.I)


def part_of_named(text: str, start: int) -> list[str]:
    """The categories of the whole a count is a part of, when the whole has no count."""
    if not INCLUDED_BEFORE.search(text, max(0, start - 30), start):
        return []
    return _run_before(text[max(0, start - 150) : start])


# A table flattened to one line: a heading that names what it counts, a colon, then cells of a
# name and a number ("Victims identified by name, by village: Oszten 74 | Kessa 41 | Total
# 412").
TABLE_ROW = re.compile(r"(?m)^(?P<head>[^|:\n]{3,160}):(?P<cells>[^:\n]*\|[^:\n]*\|[^:\n]*)$")
CELL_END = re.compile(r"[ \t]*(?:\||$)", re.M)


def table_rows(text: str) -> list[tuple[int, int, str]]:
    """The spans of the cells of such rows, with the category their heading names."""
    rows = []
    for row in TABLE_ROW.finditer(text):
        named = CATEGORY_RE.search(row.group("head"))
        if named:
            rows.append((row.start("cells"), row.end("cells"), named.lastgroup))
    return rows


def in_table_row(text: str, start: int, end: int, rows: list) -> list[str]:
    """The category of a number that ends a cell of a table row."""
    for row_start, row_end, category in rows:
        if row_start <= start < row_end and CELL_END.match(text, end):
            return [category]
    return []
