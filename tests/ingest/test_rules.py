"""Every extraction rule is data with its own examples (`extract/tables/rules/<language>.toml`),
and each example runs here: a positive example must yield exactly what it lists, from that
rule; a negative one nothing from that rule."""

import json
from pathlib import Path

import pytest

from vigil.evidence.text import normalise
from vigil.ingest.extract import extract_all
from vigil.ingest.extract.rules import rules

RULES = sorted(rules().values(), key=lambda r: r.id)
DEVSET = Path(__file__).parent / "devset"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_the_rule_finds_what_its_examples_say(rule):
    from vigil.ingest.extract.rules import findings

    assert rule.positive and rule.negative, f"{rule.id} needs a positive and a negative example"
    for example in rule.positive:
        assert findings(example.text, rule) == list(example.finds), example.text
    for example in rule.negative:
        assert findings(example.text, rule) == [], example.text


def test_every_language_has_its_rules_for_every_kind():
    for language in ("en", "az", "ru", "tr", "ur"):
        kinds = {r.kind for r in RULES if r.language == language}
        assert kinds == {"date", "figure", "legal_ref", "country", "organization"}, language


def test_every_rule_the_extractors_name_on_the_development_set_is_listed():
    listed = rules()
    for doc in sorted((DEVSET / "docs").glob("*.txt")):
        language = json.loads((DEVSET / "truth" / f"{doc.stem}.json").read_text())["language"]
        for candidate in extract_all(normalise(doc.read_text()), language=language):
            rule = listed.get(candidate.data.get("rule"))
            assert rule is not None, f"{doc.name}: {candidate.data} names no listed rule"
            assert (rule.kind, rule.language) == (candidate.kind, language)


def test_the_english_figure_words_come_from_the_english_table():
    from vigil.ingest.extract.figures.categories import CATEGORY_RE
    from vigil.ingest.extract.figures.words import CATEGORY_NAMES, WORDS

    for category in CATEGORY_NAMES:
        assert WORDS[category], category
        for phrase in WORDS[category]:
            # A phrase broken across lines is the same phrase.
            found = CATEGORY_RE.fullmatch(phrase.replace(" ", "\n"))
            assert found and found.lastgroup == category, phrase


def test_a_hedge_from_the_english_table_bounds_the_count():
    [figure] = [
        c for c in extract_all("No fewer than 40 civilians were killed.") if c.kind == "figure"
    ]
    assert (figure.data["low"], figure.data["high"]) == (40, None)
    [figure] = [
        c for c in extract_all("As many as 40 civilians were killed.") if c.kind == "figure"
    ]
    assert (figure.data["low"], figure.data["high"]) == (None, 40)
