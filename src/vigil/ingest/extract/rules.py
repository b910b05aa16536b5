"""The extraction rules as data: `tables/rules/<language>.toml` lists, for each language, every
rule an extractor may name in a candidate's `data["rule"]`, with its kind, what it reads, and
its own examples: positive ones (a text and what the rule must find in it) and negative ones (a
text in which the rule must find nothing). The test suite runs every example, so a rule's
examples are its specification; `vigil eval-extract` and the ingestion page report per rule.

What a rule finds is written as `finding(candidate)` prints it: a date's value ("1992-02-26"),
a figure's category and count ("killed 613", "killed 161..", "missing 500..1000", "displaced
..20000"), a legal reference's instrument and article ("Rome Statute 7(1)(a)"), a country's
ISO alpha-3 code, an organisation's canonical name.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import Finding
from .kinds import Kind

RULES = Path(__file__).resolve().parent / "tables" / "rules"
KINDS = tuple(Kind.values)


@dataclass(frozen=True)
class Example:
    text: str
    finds: tuple[str, ...]  # empty for a negative example


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    language: str
    reads: str
    positive: tuple[Example, ...]
    negative: tuple[Example, ...]


def finding(candidate: Finding) -> str:
    """What a candidate found, in the words the rules' examples use."""
    data = candidate.data
    if candidate.kind == Kind.DATE:
        return data["value"]
    if candidate.kind == Kind.FIGURE:
        low, high = data["low"], data["high"]
        if low == high:
            return f"{data['category']} {low}"
        return f"{data['category']} {'' if low is None else low}..{'' if high is None else high}"
    if candidate.kind == Kind.LEGAL_REF:
        return f"{data['instrument']} {data['article']}"
    if candidate.kind == Kind.COUNTRY:
        return data["code"]
    return data["name"]


@cache
def rules() -> dict[str, Rule]:
    """Every rule of every language, by id."""
    found = {}
    for path in sorted(RULES.glob("*.toml")):
        language = path.stem
        for row in tomllib.loads(path.read_text())["rules"]:
            rule = Rule(
                id=row["id"],
                kind=row["kind"],
                language=language,
                reads=row["reads"],
                positive=tuple(
                    Example(e["text"], tuple(e["finds"])) for e in row.get("positive", [])
                ),
                negative=tuple(Example(text, ()) for text in row.get("negative", [])),
            )
            if rule.id in found:
                raise ValueError(f"rule {rule.id} is listed twice")
            if rule.kind not in KINDS or not rule.id.startswith(f"{language}.{kind_word(rule)}."):
                raise ValueError(f"rule {rule.id} of kind {rule.kind} is misnamed in {path.name}")
            found[rule.id] = rule
    return found


def kind_word(rule: Rule) -> str:
    """The word a rule's id uses for its kind ("legal" for legal references)."""
    return "legal" if rule.kind == Kind.LEGAL_REF else rule.kind


def findings(text: str, rule: Rule) -> list[str]:
    """What the rule finds in a text, as its examples write it, in the order of the text."""
    from . import extract_all

    return [
        finding(c)
        for c in extract_all(text, language=rule.language)
        if c.data.get("rule") == rule.id
    ]
