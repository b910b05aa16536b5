"""Precision, recall and F1 of the extractors against hand-labelled truth.

Truth, one JSON object per document: "dates": ["1992-02-26", "1993-04", "1993"]; "figures":
[{"category": "killed", "value": 613} or with "low"/"high"]; "legal_refs": [{"instrument":
"Rome Statute", "article": "6"}]; "countries": ["AZE"]; "organizations": ["…"]. Items are
compared as multisets per document (organisations through the gazetteer's names). "language"
(an ISO 639-1 code) says which language's figures a document counts towards; without it, the
language is detected as ingestion detects it.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract_all
from .extract.entities import canonical_organisation
from .extract.legal import normalise_article
from .normalise import detect_language, normalise

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

    def add(self, kind: str, expected: Counter, got: Counter) -> None:
        score = self.scores[kind]
        score.tp += sum((expected & got).values())
        score.fp += sum((got - expected).values())
        score.fn += sum((expected - got).values())

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


def _found_items(text: str) -> dict[str, Counter]:
    found = {kind: Counter() for kind in KINDS}
    seen_dates = set()
    for candidate in extract_all(text):
        data = candidate.data
        if candidate.kind == "date" and (candidate.start, data["value"]) not in seen_dates:
            seen_dates.add((candidate.start, data["value"]))
            found["dates"][data["value"]] += 1
        elif candidate.kind == "figure":
            found["figures"][(data["category"], data["low"], data["high"])] += 1
        elif candidate.kind == "legal_ref":
            found["legal_refs"][(data["instrument"], data["article"])] += 1
        elif candidate.kind == "country":
            found["countries"][data["code"]] = 1
        elif candidate.kind == "organization":
            found["organizations"][data["name"]] = 1
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
            result.add(kind, expected, found[kind])
            per_language.add(kind, expected, found[kind])
        result.documents += 1
        per_language.documents += 1
    return result
