"""Casualty figures: a number (or range, or hedge) tied to a category by the words around it.

"613 residents of Khojaly were mercilessly killed" → killed 613; "at least 161" → 161 or more;
"more than 600" → over 600; "hundreds of civilians" → 100 or more; "between 200 and 300" and
"500-1,000" → ranges. Numbers that are years, articles, pages, money, ages or phone numbers
are not figures.

`find` reads the text in four steps, each in a module of its own:
- counts.py finds the numbers and keeps those that may count people;
- hedges.py reads each one's hedge and range (its bounds);
- categories.py finds what happened to those counted (its category), from its own words;
- subjects.py decides, when its own words do not say, whose count it is: a part of the figure
  before it, the same verb not repeated, or an alternative of the figure after it.
Each figure names the rule that gave its category (`data["rule"]`, listed in
`../tables/rules/en.toml`).
"""

from .. import Finding
from ..kinds import Kind
from . import categories, counts, hedges, subjects


def find(text: str) -> list[Finding]:
    numbers = counts.numbers_in(text)
    # Bullet lines under a label line, and table rows flattened to a line.
    layouts = (categories.labelled_lists(text), categories.table_rows(text))
    found: list[Finding] = []
    pending: list[hedges.Reading] = []  # counts whose category a later figure may give
    head: list[Finding] = []  # the last figure with categories of its own: a whole of parts
    skip_until = -1
    for index, match in enumerate(numbers):
        if match.start() < skip_until or not counts.is_count(text, match):
            continue
        reading = hedges.read(text, numbers, index)
        if reading is None:
            continue
        if reading.took_next:
            skip_until = reading.end
        named, population, rule, own = _categories(text, numbers, index, reading, head, layouts)
        if not named:
            pending.append(reading)
            continue
        # "as many as 200,000—and possibly as many as 400,000 people—have been murdered": a
        # figure joined to the next one counts what that one counts.
        link = reading.start
        for earlier in reversed(pending):
            if not subjects.joined(text, earlier.end, link):
                break
            link = earlier.start
            found.extend(
                _figure(text, earlier, category, "", "alternative_of_next") for category in named
            )
        pending = []
        added = [_figure(text, reading, category, population, rule) for category in named]
        found.extend(added)
        # The whole whose parts ("including 106 women and 63 children") may follow.
        if own:
            head = added
    return found


def _categories(text, numbers, index, reading, head, layouts):
    """The categories of a count, the population it counts, the rule that found them, and
    whether they are its own (so that counts after it may be its parts)."""
    start, end = reading.start, reading.end
    # The number after this count's own span (after the range's end when it took the next).
    after = index + 2 if reading.took_next else index + 1
    # "Eleven men aged over 60 were among the dead": a number that is no count (an age, a page)
    # does not end the words that say what this one counts.
    while after < len(numbers) and counts.not_a_count_before(text, numbers[after].start()):
        after += 1
    next_start = numbers[after].start() if after < len(numbers) else len(text)
    if reading.took_next and after >= len(numbers):
        next_start = numbers[index + 1].start()
    limit = next_start if next_start > end else len(text)
    # "151 people had died from gunshot wounds, 20 from shrapnel wounds": the verb is not
    # repeated, so "20" counts what "151" counted.
    gapped = subjects.GAPPED.match(text, end)
    if head and subjects.shares_verb(text, head[0].end, start, end):
        return [c.data["category"] for c in head], "", "gapped", False
    named, population, rule = categories.category(text, start, end, limit)
    lists, rows = layouts
    if not named and not gapped:
        named, rule = categories.listed_under(text, start, lists), "listed_under_label"
    if not named and not gapped:
        named, rule = categories.in_table_row(text, start, end, rows), "table_row"
    own = bool(named) and not gapped
    # "613 civilians, including 106 women and 63 children", "27 of them": the parts count what
    # the whole counts.
    if (
        not named
        and head
        and (
            subjects.is_part(text, head[0].end, start)
            or subjects.is_share(text, head[0].end, start, end)
        )
    ):
        return [c.data["category"] for c in head], population, "part_of_whole", own
    if not named and not gapped:
        named, rule = categories.part_of_named(text, start), "part_of_named_whole"
    # "613 … killed; the parliament gave a figure of 485": another figure for the same thing.
    if not named and head and subjects.restates(text, head[0].end, start):
        return [c.data["category"] for c in head], population, "restated", False
    return named, population, rule, own


def _figure(text: str, reading, category: str, population: str, rule: str) -> Finding:
    data = {
        "category": category,
        "low": reading.low,
        "high": reading.high,
        "population": population,
        "rule": f"en.figure.{rule}",
    }
    return Finding(Kind.FIGURE, reading.start, reading.end, text[reading.start : reading.end], data)
