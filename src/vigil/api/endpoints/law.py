"""The case as argued: figures side by side, the case matrix per crime and the gap list, each
computed by the same functions as the pages, over the claims the caller may see."""

from ninja import Router, Schema

from vigil.api.common import answers
from vigil.cases.access import get_case_for_user
from vigil.evidence.access import visible_claims, visible_levels
from vigil.evidence.figures import figures_table
from vigil.law import matrix
from vigil.law.access import get_crime

router = Router(tags=["law"])


class FigureRowOut(Schema):
    claim_id: int
    claim: str
    source_id: int
    source: str
    low: int | None
    high: int | None
    population: str
    review_status: str
    reliability_grade: str
    credibility: int | None
    locator: str


class FigureSummaryOut(Schema):
    count: int
    lowest: int | None = None
    highest: int | None = None
    open_ended: bool = False
    median: float | None = None
    independent_sources: int = 0


class FigureCategoryOut(Schema):
    category: str
    label: str
    figures: list[FigureRowOut]
    summary: FigureSummaryOut


class ElementRowOut(Schema):
    code: str
    crime: str
    number: int
    kind: str
    element: str
    reference: str
    status: str
    verified_supporting: int
    verified_contradicting: int
    independent_sources: int
    best_grade: str


class CrimeMatrixOut(Schema):
    crime: str
    name: str
    rule: dict
    elements: list[ElementRowOut]


class GapOut(Schema):
    crime: str
    name: str
    elements: list[ElementRowOut]


def _figure_row(request, figure) -> dict:
    claim, source = figure.claim, figure.claim.source
    return {
        "claim_id": claim.pk,
        "claim": request.build_absolute_uri(claim.get_absolute_url()),
        "source_id": source.pk,
        "source": request.build_absolute_uri(source.get_absolute_url()),
        "low": figure.low,
        "high": figure.high,
        "population": figure.population,
        "review_status": claim.review_status,
        "reliability_grade": source.reliability_grade,
        "credibility": claim.credibility,
        "locator": claim.locator,
    }


@router.get("/cases/{slug}/figures", response=answers(list[FigureCategoryOut]), url_name="figures")
def figures(request, slug: str):
    """Every source's casualty figure side by side, per category, with the spread of the verified
    ones (lowest, highest, median, independent sources): never one number as the truth."""
    case = get_case_for_user(request.user, slug)
    table = figures_table(visible_claims(request.user, case))
    return [
        {
            "category": group.category,
            "label": group.label,
            "figures": [_figure_row(request, figure) for figure in group.figures],
            "summary": group.summary,
        }
        for group in table
    ]


@router.get(
    "/cases/{slug}/matrix/{code}", response=answers(CrimeMatrixOut), url_name="crime_matrix"
)
def crime_matrix(request, slug: str, code: str):
    """The case matrix for one crime (e.g. RS-6-a, GC-II-a): each element's status by the rule
    documented in vigil/law/matrix.py."""
    case = get_case_for_user(request.user, slug)
    crime = get_crime(code)
    rows = matrix.crime_matrix(case, crime, levels=visible_levels(request.user, case))
    return {
        "crime": crime.code,
        "name": str(crime),
        "rule": matrix.rule(),
        "elements": [row.as_dict() for row in rows],
    }


@router.get("/cases/{slug}/gaps", response=answers(list[GapOut]), url_name="gaps")
def gaps(request, slug: str):
    """Every element not yet supported, per crime considered; contextual and intent first."""
    case = get_case_for_user(request.user, slug)
    return [
        {"crime": crime.code, "name": str(crime), "elements": [row.as_dict() for row in rows]}
        for crime, rows in matrix.gap_list(case, levels=visible_levels(request.user, case))
    ]
