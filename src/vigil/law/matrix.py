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

Everything is computed from two queries, whatever the number of claims: the elements, and the
counts of each element's links by bearing, review status, source grade and voice (standing and
side). The rule then reads those counts, never the links themselves. The counts come from the
tallies the database keeps in step with every write (law.ElementTally, vigil/law/tallies.py),
one row per kind of link rather than per link, read with no join, for everyone or for the access
levels a person may see; only a set of claims chosen otherwise (a dossier's public claims) is
counted from the links themselves.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Sum
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models import Claim
from vigil.law.models import Crime, Element, ElementLink, ElementTally

SUPPORTED, CONTESTED, THIN, GAP = "supported", "contested", "thin", "gap"
STATUSES = [SUPPORTED, CONTESTED, THIN, GAP]
STATUS_LABELS = {
    SUPPORTED: _("supported"),
    CONTESTED: _("contested"),
    THIN: _("thin"),
    GAP: _("gap"),
}


@dataclass(frozen=True)
class Tally:
    """How many links of one element and bearing share a review status, a grade and a voice."""

    review_status: str
    grade: str
    voice: tuple[str, str]
    links: int


@dataclass
class ElementRow:
    element: Element
    supporting: list[Tally] = field(default_factory=list)
    contradicting: list[Tally] = field(default_factory=list)
    status: str = GAP

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def supporting_count(self) -> int:
        return _claims(self.supporting)

    @property
    def contradicting_count(self) -> int:
        return _claims(self.contradicting)

    @property
    def verified_supporting(self) -> int:
        return _claims(_verified(self.supporting))

    @property
    def verified_contradicting(self) -> int:
        return _claims(_verified(self.contradicting))

    @property
    def independent_sources(self) -> int:
        return _independent(_verified(self.supporting))

    @property
    def independent_contradicting_sources(self) -> int:
        return _independent(_verified(self.contradicting))

    @property
    def best_grade(self) -> str:
        return min((tally.grade for tally in _verified(self.supporting)), default="")

    def as_dict(self) -> dict:
        return {
            "code": self.element.code,
            "crime": self.element.crime.code,
            "number": self.element.number,
            "kind": self.element.kind,
            "element": self.element.text,
            "reference": self.element.reference,
            "status": self.status,
            "verified_supporting": self.verified_supporting,
            "verified_contradicting": self.verified_contradicting,
            "independent_sources": self.independent_sources,
            "best_grade": self.best_grade,
        }


def _verified(tallies: list[Tally]) -> list[Tally]:
    return [tally for tally in tallies if tally.review_status == Claim.Review.VERIFIED]


def _claims(tallies: list[Tally]) -> int:
    return sum(tally.links for tally in tallies)


def _independent(tallies: list[Tally]) -> int:
    return len({tally.voice for tally in tallies})


def rule() -> dict:
    return settings.MATRIX_RULE


def element_status(supporting: list[Tally], contradicting: list[Tally], rule: dict) -> str:
    """Apply the status rule (see the module docstring) to one element's tallies."""

    def qualifying(tallies):
        return [tally for tally in _verified(tallies) if tally.grade in rule["grades"]]

    def enough(tallies):
        return (
            _claims(tallies) >= rule["min_claims"] and _independent(tallies) >= rule["min_sources"]
        )

    support = qualifying(supporting)
    if enough(support):
        best = min(tally.grade for tally in support)
        as_good = any(tally.grade <= best for tally in _verified(contradicting))
        if enough(qualifying(contradicting)) or as_good:
            return CONTESTED
        return SUPPORTED
    if any(tally.review_status != Claim.Review.REJECTED for tally in supporting):
        return THIN
    return GAP


def _counted_links(case, elements: dict, claims):
    """The links of `claims` among the elements (a filter on the element), counted by kind."""
    links = ElementLink.objects.filter(case=case, claim__in=claims, **_on("element", elements))
    return (
        links.values(
            "element_id",
            "bearing",
            review_status=F("claim__review_status"),
            grade=F("claim__source__reliability_grade"),
            standing=F("claim__source__standing"),
            side=F("claim__source__side"),
        )
        .annotate(links=Count("pk"))
        .order_by()
    )


def _tallied_links(case, elements: dict, levels):
    """The kept tallies of the case among the elements, for sources of `levels` (None: all)."""
    tallies = ElementTally.objects.filter(case=case, links__gt=0, **_on("element", elements))
    if levels is not None:
        tallies = tallies.filter(access_level__in=levels)
    return (
        tallies.values("element_id", "bearing", "review_status", "grade", "standing", "side")
        .annotate(links=Sum("links"))
        .order_by()
    )


def _on(field: str, elements: dict) -> dict:
    return {f"{field}__{lookup}": value for lookup, value in elements.items()}


def _tallies_by_element(case, elements: dict, claims=None, levels=None):
    """{(element id, bearing): tallies} from one aggregate query: over the kept tallies, or over
    the links of `claims` when given. `elements` filters the elements (e.g. {"crime__in": …})."""
    if claims is not None:
        groups = _counted_links(case, elements, claims)
    else:
        groups = _tallied_links(case, elements, levels)
    by_element = defaultdict(list)
    for group in groups:
        # The same voice as Source.independence_key: sides that differ only in case or spacing.
        voice = (group["standing"], group["side"].strip().casefold())
        tally = Tally(group["review_status"], group["grade"], voice, group["links"])
        by_element[group["element_id"], group["bearing"]].append(tally)
    return by_element


def _row(element: Element, tallies: dict, current_rule: dict) -> ElementRow:
    row = ElementRow(
        element,
        supporting=tallies.get((element.pk, ElementLink.Bearing.SUPPORTS), []),
        contradicting=tallies.get((element.pk, ElementLink.Bearing.CONTRADICTS), []),
    )
    row.status = element_status(row.supporting, row.contradicting, current_rule)
    return row


def case_matrix(case, crimes, claims=None, levels=None) -> dict[Crime, list[ElementRow]]:
    """Rows for every element of the given crimes. The evidence is every link of the case, or
    the links of sources at `levels` (what a person may see), or of `claims` (e.g. a dossier's
    public claims, counted from the links themselves)."""
    crimes = list(crimes)
    elements = Element.objects.filter(crime__in=crimes).select_related("crime")
    tallies = _tallies_by_element(case, {"crime__in": crimes}, claims, levels)
    current_rule = rule()
    result = {crime: [] for crime in crimes}
    crime_by_id = {crime.pk: crime for crime in crimes}
    for element in elements:
        result[crime_by_id[element.crime_id]].append(_row(element, tallies, current_rule))
    return result


def crime_matrix(case, crime, claims=None, levels=None) -> list[ElementRow]:
    return case_matrix(case, [crime], claims, levels)[crime]


def element_row(case, element: Element, claims=None, levels=None) -> ElementRow:
    """The matrix row of one element (one query)."""
    tallies = _tallies_by_element(case, {"pk": element.pk}, claims, levels)
    return _row(element, tallies, rule())


def element_links(case, element: Element, bearing: str, levels=None):
    """The links of one element and bearing, with their claims and sources, for a paged list;
    of sources at `levels` only (None: every level). The links are found from their own index
    (case, element, bearing): a filter on the case's claims instead made the database list every
    claim of the case first."""
    links = ElementLink.objects.filter(case=case, element=element, bearing=bearing)
    if levels is not None:
        links = links.filter(claim__source__access_level__in=levels)
    return (
        links.select_related("claim__case", "claim__source__case")
        .defer("claim__source__text")  # long, and not shown
        .order_by("pk")
    )


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
    linked = ElementTally.objects.filter(case=case, links__gt=0).values("element__crime")
    return Crime.objects.filter(pk__in=linked).select_related("provision__instrument")


def gap_list(case, claims=None, levels=None) -> list[tuple[Crime, list[ElementRow]]]:
    """Every element not supported, per crime considered; contextual and intent elements first
    (`claims` and `levels` as for case_matrix)."""
    matrix = case_matrix(case, considered_crimes(case), claims, levels)
    gaps = []
    for crime, rows in matrix.items():
        open_rows = [row for row in rows if row.status != SUPPORTED]
        open_rows.sort(key=lambda row: (not row.element.asked_first, row.element.number))
        if open_rows:
            gaps.append((crime, open_rows))
    return gaps
