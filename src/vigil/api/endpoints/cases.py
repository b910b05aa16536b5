"""Cases: those the caller holds a role in (every case, for an administrator)."""

import datetime
from typing import Literal

from ninja import Query, Router, Schema

from vigil.accounts import permissions
from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, page_of
from vigil.cases.access import get_case_for_user, visible_cases

router = Router(tags=["cases"])


class CaseOut(Schema):
    id: int
    url: str
    slug: str
    title: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    place: str
    country_code: str
    summary: str
    is_public: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    your_role: str | None

    @staticmethod
    def resolve_url(case, context) -> str:
        return absolute_url(context["request"], case)

    @staticmethod
    def resolve_your_role(case, context) -> str | None:
        return permissions.case_role(context["request"].user, case)


class CaseFilters(paging.ListParams):
    country: str | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["title", "-title", "id", "-id", "updated_at", "-updated_at"] = "title"


@router.get("/cases", response=answers(page_of(CaseOut)), url_name="cases")
def list_cases(request, filters: Query[CaseFilters]):
    cases = visible_cases(request.user)
    if filters.country:
        cases = cases.filter(country_code=filters.country.upper())
    cases = changed_since(cases, filters.updated_since)
    return paging.page(
        cases, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/cases/{slug}", response=answers(CaseOut), url_name="case")
def get_case(request, slug: str):
    return get_case_for_user(request.user, slug)
