"""Dossier builds: ask for a case's dossier (PDF or HTML), follow its progress, download it, as
the dossier page does (vigil.dossier.builder)."""

import datetime
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema, Status

from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, page_of
from vigil.cases.access import get_case_for_user
from vigil.dossier.builder import request_build
from vigil.dossier.models import DossierBuild
from vigil.evidence import archive

router = Router(tags=["dossier"])

Format = Literal[tuple(DossierBuild.Format.values)]
BuildStatus = Literal[tuple(DossierBuild.Status.values)]


class BuildOut(Schema):
    id: int
    url: str
    case: str
    format: str
    status: str
    progress: int
    stage: str
    error: str
    requested_by: str | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    download: str | None

    @staticmethod
    def resolve_url(build, context) -> str:
        return absolute_url(context["request"], build)

    @staticmethod
    def resolve_case(build) -> str:
        return build.case.slug

    @staticmethod
    def resolve_requested_by(build) -> str | None:
        return build.requested_by.get_username() if build.requested_by else None

    @staticmethod
    def resolve_download(build, context) -> str | None:
        if build.status != DossierBuild.Status.DONE or build.archived_file_id is None:
            return None
        address = reverse("api:dossier_build_file", args=[build.case.slug, build.pk])
        return context["request"].build_absolute_uri(address)


class BuildFilters(paging.ListParams):
    status: BuildStatus | None = None
    format: Format | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["created_at", "-created_at", "id", "-id"] = "-created_at"


class BuildIn(Schema):
    format: Format = "pdf"


def _builds(case):
    return DossierBuild.objects.filter(case=case).select_related("case", "requested_by")


@router.get(
    "/cases/{slug}/dossier-builds", response=answers(page_of(BuildOut)), url_name="dossier_builds"
)
def list_builds(request, slug: str, filters: Query[BuildFilters]):
    builds = _builds(get_case_for_user(request.user, slug))
    if filters.status:
        builds = builds.filter(status=filters.status)
    if filters.format:
        builds = builds.filter(format=filters.format)
    builds = changed_since(builds, filters.updated_since)
    return paging.page(
        builds, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.post(
    "/cases/{slug}/dossier-builds", response=answers(BuildOut, 202), url_name="dossier_builds"
)
def start_build(request, slug: str, payload: BuildIn):
    """Build the case's dossier in the background; poll the build until it is done or failed."""
    case = get_case_for_user(request.user, slug, edit=True)
    build = request_build(case, payload.format, request.user)
    return Status(202, get_object_or_404(_builds(case), pk=build.pk))


@router.get(
    "/cases/{slug}/dossier-builds/{int:pk}", response=answers(BuildOut), url_name="dossier_build"
)
def get_build(request, slug: str, pk: int):
    return get_object_or_404(_builds(get_case_for_user(request.user, slug)), pk=pk)


@router.get(
    "/cases/{slug}/dossier-builds/{int:pk}/file",
    response={200: bytes, **answers(None)},
    url_name="dossier_build_file",
    openapi_extra={
        "responses": {
            200: {
                "description": "The dossier as built (PDF or HTML), always as a download",
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        }
    },
)
def download_build(request, slug: str, pk: int):
    """The finished dossier (404 until the build is done)."""
    case = get_case_for_user(request.user, slug)
    build = get_object_or_404(_builds(case), pk=pk, status=DossierBuild.Status.DONE)
    if build.archived_file is None or not archive.path_for(build.archived_file.sha256).exists():
        raise Http404("This build has no file.")
    return archive.download_response(build.archived_file.sha256, build.filename)
