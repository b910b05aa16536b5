"""Every extraction rule is data with its own examples (`extract/tables/rules/<language>.toml`),
and each example runs here: a positive example must yield exactly what it lists, from that
rule; a negative one nothing from that rule."""

import json
from pathlib import Path

import pytest

from vigil.ingest.extract import extract_all
from vigil.ingest.extract.rules import rules
from vigil.ingest.normalise import normalise

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
