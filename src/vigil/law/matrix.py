"""The case matrix: for each element of a crime, what the evidence shows, by one documented rule.

The status rule (settings.MATRIX_RULE, from VIGIL_MATRIX_* in the environment):

- *qualifying* evidence is a link whose claim is verified and whose source's reliability grade is
  in ``grades`` (default A–C); it is *enough* when it counts at least ``min_claims`` claims
  (default 2) from at least ``min_sources`` independent sources (default 2);
- **contested**: the support is enough, and the contradiction is enough too, or a single verified
  contradicting claim comes from a source graded as well as or better than the best support;
- **supported**: the support is enough and not contested;
- **thin**: some support exists (any claim not rejected), but not enough;
- **gap**: no support at all.

Everything is computed from two queries, whatever the number of claims.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models import Claim
from vigil.law.models import Crime, Element, ElementLink

SUPPORTED, CONTESTED, THIN, GAP = "supported", "contested", "thin", "gap"
STATUSES = [SUPPORTED, CONTESTED, THIN, GAP]
STATUS_LABELS = {
    SUPPORTED: _("supported"),
    CONTESTED: _("contested"),
    THIN: _("thin"),
    GAP: _("gap"),
}


@dataclass
class ElementRow:
    element: Element
    supporting: list[ElementLink] = field(default_factory=list)
    contradicting: list[ElementLink] = field(default_factory=list)
    status: str = GAP

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def verified_supporting(self) -> list[ElementLink]:
        return [link for link in self.supporting if _verified(link)]

    @property
    def verified_contradicting(self) -> list[ElementLink]:
        return [link for link in self.contradicting if _verified(link)]

    @property
    def independent_sources(self) -> int:
        return _independent(self.verified_supporting)

    @property
    def independent_contradicting_sources(self) -> int:
        return _independent(self.verified_contradicting)

    @property
    def best_grade(self) -> str:
        grades = [link.claim.source.reliability_grade for link in self.verified_supporting]
        return min(grades) if grades else ""

    def as_dict(self) -> dict:
        return {
            "code": self.element.code,
            "crime": self.element.crime.code,
            "number": self.element.number,
            "kind": self.element.kind,
            "element": self.element.text,
            "reference": self.element.reference,
            "status": self.status,
            "verified_supporting": len(self.verified_supporting),
            "verified_contradicting": len(self.verified_contradicting),
            "independent_sources": self.independent_sources,
            "best_grade": self.best_grade,
        }


def _verified(link: ElementLink) -> bool:
    return link.claim.review_status == Claim.Review.VERIFIED


def _independent(links: list[ElementLink]) -> int:
    return len({link.claim.source.independence_key for link in links})


def rule() -> dict:
    return settings.MATRIX_RULE


def element_status(
    supporting: list[ElementLink], contradicting: list[ElementLink], rule: dict
) -> str:
    """Apply the status rule (see the module docstring) to one element's links."""

    def qualifying(links):
        return [
            link
            for link in links
            if _verified(link) and link.claim.source.reliability_grade in rule["grades"]
        ]

    def enough(links):
        return len(links) >= rule["min_claims"] and _independent(links) >= rule["min_sources"]

    support = qualifying(supporting)
    contra = qualifying(contradicting)
    if enough(support):
        best = min(link.claim.source.reliability_grade for link in support)
        as_good = [
            link
            for link in contradicting
            if _verified(link) and link.claim.source.reliability_grade <= best
        ]
        if enough(contra) or as_good:
            return CONTESTED
        return SUPPORTED
    if any(link.claim.review_status != Claim.Review.REJECTED for link in supporting):
        return THIN
    return GAP


def _links_by_element(case, crimes, claims=None) -> dict[int, list[ElementLink]]:
    links = ElementLink.objects.filter(case=case, element__crime__in=crimes).select_related(
        "claim__case", "claim__source__case"
    )
    if claims is not None:
        links = links.filter(claim__in=claims)
    by_element = defaultdict(list)
    for link in links:
        by_element[link.element_id].append(link)
    return by_element


def case_matrix(case, crimes, claims=None) -> dict[Crime, list[ElementRow]]:
    """Rows for every element of the given crimes; `claims` limits the evidence (e.g. to what a
    user may see, or to public sources for a dossier)."""
    crimes = list(crimes)
    elements = Element.objects.filter(crime__in=crimes).select_related("crime")
    by_element = _links_by_element(case, crimes, claims)
    current_rule = rule()
    result = {crime: [] for crime in crimes}
    crime_by_id = {crime.pk: crime for crime in crimes}
    for element in elements:
        links = by_element.get(element.pk, [])
        row = ElementRow(
            element,
            supporting=[ln for ln in links if ln.bearing == ElementLink.Bearing.SUPPORTS],
            contradicting=[ln for ln in links if ln.bearing == ElementLink.Bearing.CONTRADICTS],
        )
        row.status = element_status(row.supporting, row.contradicting, current_rule)
        result[crime_by_id[element.crime_id]].append(row)
    return result


def crime_matrix(case, crime, claims=None) -> list[ElementRow]:
    return case_matrix(case, [crime], claims)[crime]


def status_counts(rows: list[ElementRow]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def considered_crimes(case):
    """The crimes a campaign argues for the case; by default, those with any evidence linked."""
    chosen = Crime.objects.filter(pk__in=case.considered_crimes.values("crime"))
    if chosen.exists():
        return chosen.select_related("provision__instrument")
    linked = ElementLink.objects.filter(case=case).values("element__crime")
    return Crime.objects.filter(pk__in=linked).select_related("provision__instrument")


def gap_list(case, claims=None) -> list[tuple[Crime, list[ElementRow]]]:
    """Every element not supported, per crime considered; contextual and intent elements first."""
    matrix = case_matrix(case, considered_crimes(case), claims)
    gaps = []
    for crime, rows in matrix.items():
        open_rows = [row for row in rows if row.status != SUPPORTED]
        open_rows.sort(key=lambda row: (not row.element.asked_first, row.element.number))
        if open_rows:
            gaps.append((crime, open_rows))
    return gaps
