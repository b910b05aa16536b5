"""Precision, recall and F1 of the extractors against hand-labelled truth.

Truth, one JSON object per document: "dates": ["1992-02-26", "1993-04", "1993"]; "figures":
[{"category": "killed", "value": 613} or with "low"/"high"]; "legal_refs": [{"instrument":
"Rome Statute", "article": "6"}]; "countries": ["AZE"]; "organizations": ["…"]. Items are
compared as multisets per document (organisations through the gazetteer's names). "language"
(an ISO 639-1 code) says which language's figures a document counts towards; without it, the
language is detected as ingestion detects it.

Each found item is also scored for the rule that produced it (`data["rule"]`): a true positive
when it matches an expected item not already matched, else a false positive. A rule's share is
the part of its kind's expected items that it found: the rules' shares of a kind add up to the
kind's recall.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vigil.evidence.text import detect_language, normalise

from .extract import extract_all
from .extract.entities import canonical_organisation
from .extract.kinds import Kind
from .extract.legal import normalise_article

KINDS = ["dates", "figures", "legal_refs", "countries", "organizations"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    documents: int = 0
    # The same figures for each language's documents alone.
    languages: dict[str, "Evaluation"] = field(default_factory=dict)
    # Rule id → its true and false positives (fn stays 0: a miss belongs to no rule).
    rules: dict[str, Score] = field(default_factory=dict)
    rule_kinds: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, expected: Counter, got: Counter) -> None:
        score = self.scores[kind]
        score.tp += sum((expected & got).values())
        score.fp += sum((got - expected).values())
        score.fn += sum((expected - got).values())

    def add_rules(self, kind: str, expected: Counter, found: list[tuple[object, str]]) -> None:
        """Score each found item of the kind, in the text's order, for the rule that found it."""
        unmatched = Counter(expected)
        for item, rule in found:
            score = self.rules.setdefault(rule, Score())
            self.rule_kinds[rule] = kind
            if unmatched[item] > 0:
                unmatched[item] -= 1
                score.tp += 1
            else:
                score.fp += 1

    def share(self, rule: str) -> float:
        """The part of the expected items of the rule's kind that the rule found."""
        kind_score = self.scores[self.rule_kinds[rule]]
        expected = kind_score.tp + kind_score.fn
        return self.rules[rule].tp / expected if expected else 0.0

    @property
    def overall(self) -> Score:
        return Score(
            *(sum(getattr(s, a) for s in self.scores.values()) for a in ("tp", "fp", "fn"))
        )


def _truth_items(truth: dict, kind: str) -> Counter:
    rows = truth.get(kind, [])
    if kind == "dates":
        return Counter(rows)
    if kind == "figures":
        return Counter(
            (r["category"], r.get("low", r.get("value")), r.get("high", r.get("value")))
            for r in rows
        )
    if kind == "legal_refs":
        return Counter((r["instrument"], normalise_article(str(r["article"]))) for r in rows)
    if kind == "countries":
        return Counter(set(rows))
    return Counter({canonical_organisation(name) for name in rows})


def _found_items(text: str) -> dict[str, list[tuple[object, str]]]:
    """Per kind, each item found with the rule that found it, counted as the truth counts them
    (dates and figures per mention, countries and organisations once per document)."""
    found = {kind: [] for kind in KINDS}
    seen = set()
    for candidate in extract_all(text):
        data = candidate.data
        rule = data.get("rule", "?")
        if candidate.kind == Kind.DATE:
            kind, item, key = "dates", data["value"], (candidate.start, data["value"])
        elif candidate.kind == Kind.FIGURE:
            kind, item, key = "figures", (data["category"], data["low"], data["high"]), None
        elif candidate.kind == Kind.LEGAL_REF:
            kind, item, key = "legal_refs", (data["instrument"], data["article"]), None
        elif candidate.kind == Kind.COUNTRY:
            kind, item, key = "countries", data["code"], ("country", data["code"])
        else:
            kind, item, key = "organizations", data["name"], ("organization", data["name"])
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        found[kind].append((item, rule))
    return found


def evaluate(directory: Path) -> Evaluation:
    result = Evaluation()
    for doc in sorted((directory / "docs").glob("*.txt")):
        truth_file = directory / "truth" / f"{doc.stem}.json"
        if not truth_file.exists():
            continue
        truth = json.loads(truth_file.read_text())
        # The same normalisation as ingestion: what is scored is what reviewers see.
        text = normalise(doc.read_text())
        found = _found_items(text)
        language = truth.get("language") or detect_language(text) or "?"
        per_language = result.languages.setdefault(language, Evaluation())
        for kind in KINDS:
            expected = _truth_items(truth, kind)
            got = Counter(item for item, _rule in found[kind])
            for evaluation in (result, per_language):
                evaluation.add(kind, expected, got)
                evaluation.add_rules(kind, expected, found[kind])
        result.documents += 1
        per_language.documents += 1
    return result
