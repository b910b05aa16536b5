"""Claims: what a source says. Created, changed and reviewed through the pages' forms and
services, so the two-person review rule (vigil/evidence/review.py) holds for the API too."""

import datetime
from typing import Literal

from django.urls import reverse
from ninja import Query, Router, Schema, Status

from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, merged, page_of, run_form
from vigil.cases.access import get_case_for_user
from vigil.evidence import services
from vigil.evidence.access import get_claim_for_user, get_source_for_user, visible_claims
from vigil.evidence.forms import ClaimForm, ReviewForm
from vigil.evidence.models import Claim, Figure
from vigil.law import services as law_services
from vigil.law.access import get_link_for_user
from vigil.law.forms import ElementLinkForm
from vigil.law.models import ElementLink
from vigil.partial_dates import iso_partial

router = Router(tags=["claims"])

ClaimType = Literal[tuple(Claim.Type.values)]
ReviewStatus = Literal[tuple(Claim.Review.values)]
Category = Literal[tuple(Figure.Category.values)]


class FigureOut(Schema):
    category: str
    low: int | None
    high: int | None
    population: str


class ReviewOut(Schema):
    reviewer: str
    decision: str
    reason: str
    at: datetime.datetime

    @staticmethod
    def resolve_reviewer(review) -> str:
        return review.reviewer_name


class ClaimOut(Schema):
    id: int
    url: str
    case: str
    source_id: int
    source: str
    statement: str
    claim_type: str
    locator: str
    credibility: int | None
    review_status: str
    review_note: str
    reviewed_at: datetime.datetime | None
    occurred: str
    occurred_until: datetime.date | None
    figure: FigureOut | None
    created_at: datetime.datetime
    is_published: bool

    @staticmethod
    def resolve_url(claim, context) -> str:
        return absolute_url(context["request"], claim)

    @staticmethod
    def resolve_case(claim) -> str:
        return claim.case.slug

    @staticmethod
    def resolve_source(claim, context) -> str:
        address = reverse("evidence:source", args=[claim.case.slug, claim.source_id])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_occurred(claim) -> str:
        return iso_partial(claim.occurred_on, claim.occurred_precision)

    @staticmethod
    def resolve_figure(claim):
        return getattr(claim, "figure", None) if claim.claim_type == Claim.Type.FIGURE else None

    @staticmethod
    def resolve_is_published(claim) -> bool:
        return claim.published_at is not None


class ClaimDetailOut(ClaimOut):
    reviews: list[ReviewOut]

    @staticmethod
    def resolve_reviews(claim):
        return list(claim.reviews.order_by("at", "pk"))


class ClaimFilters(paging.ListParams):
    review_status: ReviewStatus | None = None
    claim_type: ClaimType | None = None
    source: int | None = None
    occurred_from: datetime.date | None = None
    occurred_to: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["id", "-id", "created_at", "-created_at"] = "id"


class ClaimIn(Schema):
    """A claim as the page's form takes it. `occurred` is YYYY, YYYY-MM or YYYY-MM-DD. A casualty
    figure gives its category and either `value` or a range (`low`, `high`, either may be open).
    Every field may be left out of a change (PATCH)."""

    statement: str | None = None
    claim_type: ClaimType | None = None
    locator: str | None = None
    credibility: int | None = None
    review_status: ReviewStatus | None = None
    review_note: str | None = None
    occurred: str | None = None
    occurred_until: datetime.date | None = None
    category: Category | None = None
    value: int | None = None
    low: int | None = None
    high: int | None = None
    population: str | None = None


class ReviewIn(Schema):
    status: ReviewStatus
    note: str = ""


class LinkIn(Schema):
    element: int
    bearing: Literal[tuple(ElementLink.Bearing.values)]
    strength: Literal[tuple(ElementLink.Strength.values)]
    note: str = ""


class LinkOut(Schema):
    id: int
    claim_id: int
    element: str
    element_id: int
    bearing: str
    strength: str
    note: str

    @staticmethod
    def resolve_element(link) -> str:
        return link.element.code


def _claim_form_data(claim: Claim) -> dict:
    """What the claim's edit page starts from."""
    form = ClaimForm(instance=claim)
    return {name: form[name].value() for name in form.fields}


def _claims(request, slug):
    case = get_case_for_user(request.user, slug)
    return visible_claims(request.user, case).select_related("figure")


@router.get("/cases/{slug}/claims", response=answers(page_of(ClaimOut)), url_name="claims")
def list_claims(request, slug: str, filters: Query[ClaimFilters]):
    claims = _claims(request, slug)
    if filters.review_status:
        claims = claims.filter(review_status=filters.review_status)
    if filters.claim_type:
        claims = claims.filter(claim_type=filters.claim_type)
    if filters.source is not None:
        claims = claims.filter(source_id=filters.source)
    if filters.occurred_from:
        claims = claims.filter(occurred_on__gte=filters.occurred_from)
    if filters.occurred_to:
        claims = claims.filter(occurred_on__lte=filters.occurred_to)
    claims = changed_since(claims, filters.updated_since)
    return paging.page(
        claims, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/cases/{slug}/claims/{int:pk}", response=answers(ClaimDetailOut), url_name="claim")
def get_claim(request, slug: str, pk: int):
    case = get_case_for_user(request.user, slug)
    return get_claim_for_user(request.user, case, pk)


@router.post(
    "/cases/{slug}/sources/{int:pk}/claims",
    response=answers(ClaimDetailOut, 201),
    url_name="source_claims",
)
def add_claim(request, slug: str, pk: int, payload: ClaimIn):
    """Record a claim the source makes (as "Record a claim" on the source page)."""
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    form = ClaimForm(payload.dict(exclude_unset=True), instance=Claim(source=source, case=case))
    run_form(form)
    claim = services.add_claim(
        source, fields=form.claim_fields(), figure=form.figure_fields(), user=request.user
    )
    return Status(201, claim)


@router.patch("/cases/{slug}/claims/{int:pk}", response=answers(ClaimDetailOut), url_name="claim")
def change_claim(request, slug: str, pk: int, payload: ClaimIn):
    """Change a claim; the fields left out keep their values. A new review status obeys the
    review rules, as on the page."""
    case = get_case_for_user(request.user, slug, edit=True)
    claim = get_claim_for_user(request.user, case, pk)
    data = merged(_claim_form_data(claim), payload.dict(exclude_unset=True))
    form = ClaimForm(data, instance=claim)
    run_form(form)
    services.update_claim(
        claim, fields=form.claim_fields(), figure=form.figure_fields(), user=request.user
    )
    return get_claim_for_user(request.user, case, pk)


@router.post(
    "/cases/{slug}/claims/{int:pk}/reviews",
    response=answers(ClaimDetailOut, 201),
    url_name="claim_reviews",
)
def review_claim(request, slug: str, pk: int, payload: ReviewIn):
    """Verify, dispute, reject or propose again. Verifying needs a researcher other than the
    author (VIGIL_REVIEWERS people in all); until enough agree the claim stays as it was."""
    case = get_case_for_user(request.user, slug, edit=True)
    claim = get_claim_for_user(request.user, case, pk)
    form = ReviewForm(payload.dict())
    data = run_form(form)
    services.review_claim(claim, status=data["status"], user=request.user, note=data["note"])
    return Status(201, get_claim_for_user(request.user, case, pk))


@router.get(
    "/cases/{slug}/claims/{int:pk}/links", response=answers(list[LinkOut]), url_name="claim_links"
)
def list_links(request, slug: str, pk: int):
    """The elements of crimes the claim supports or contradicts."""
    case = get_case_for_user(request.user, slug)
    claim = get_claim_for_user(request.user, case, pk)
    return list(claim.element_links.select_related("element__crime").order_by("pk"))


@router.post(
    "/cases/{slug}/claims/{int:pk}/links", response=answers(LinkOut, 201), url_name="claim_links"
)
def link_claim(request, slug: str, pk: int, payload: LinkIn):
    """Link the claim to an element of a crime, as supporting or contradicting it."""
    case = get_case_for_user(request.user, slug, edit=True)
    claim = get_claim_for_user(request.user, case, pk)
    form = ElementLinkForm(payload.dict())
    data = run_form(form)
    link = law_services.link_claim(case, claim=claim, user=request.user, **data)
    return Status(201, link)


@router.delete("/cases/{slug}/links/{int:pk}", response=answers(None, 204), url_name="link")
def unlink_claim(request, slug: str, pk: int):
    """Remove a claim's link to an element."""
    case = get_case_for_user(request.user, slug, edit=True)
    law_services.unlink(get_link_for_user(request.user, case, pk))
    return Status(204, None)
