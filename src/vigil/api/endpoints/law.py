"""The case as argued: figures side by side, the case matrix per crime and the gap list, each
computed by the same functions as the pages, over the claims the caller may see."""

from typing import Literal

from django.http import Http404
from django.urls import reverse
from ninja import Query, Router, Schema

from vigil.api import paging
from vigil.api.common import answers, page_of
from vigil.cases.access import get_case_for_user
from vigil.evidence.access import visible_figures, visible_levels
from vigil.evidence.figures import figure_groups, shown_figures
from vigil.evidence.models import Figure
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
    count: int  # the figures the category shows (all but rejected ones)
    summary: FigureSummaryOut  # of the verified ones
    figures: str  # the address of the category's figures, a page at a time


class FigureFilters(paging.ListParams):
    sort: Literal["id", "-id"] = "id"


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
    """Each category of casualty figures the case has, with how many there are and the spread of
    the verified ones (lowest, highest, median, independent sources): never one number as the
    truth. Every source's figure, side by side, is at the category's `figures` address."""
    case = get_case_for_user(request.user, slug)
    groups = figure_groups(visible_figures(request.user, case), lambda _c, _f, count: count)
    return [
        {
            "category": group.category,
            "label": group.label,
            "count": group.figures,
            "summary": group.summary,
            "figures": request.build_absolute_uri(
                reverse("api:category_figures", args=[case.slug, group.category])
            ),
        }
        for group in groups
    ]


@router.get(
    "/cases/{slug}/figures/{category}",
    response=answers(page_of(FigureRowOut)),
    url_name="category_figures",
)
def category_figures(request, slug: str, category: str, filters: Query[FigureFilters]):
    """Every source's figure of one category (killed, wounded, missing, hostage, displaced), a
    page at a time, rejected ones left out; proposed and disputed ones say so."""
    case = get_case_for_user(request.user, slug)
    if category not in Figure.Category.values:
        raise Http404
    shown = shown_figures(visible_figures(request.user, case)).filter(category=category)
    result = paging.page(
        shown, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )
    result["items"] = [_figure_row(request, figure) for figure in result["items"]]
    return result


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
