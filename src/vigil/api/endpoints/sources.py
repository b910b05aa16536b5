"""Sources: metadata, the original file (by the same access rules as the page), the working text,
and adding one from a file or a web address through the pages' forms and services."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, merged, page_of, run_form
from vigil.api.problems import FormInvalid
from vigil.cases.access import get_case_for_user
from vigil.evidence import archive, services
from vigil.evidence.access import get_source_for_user, visible_sources
from vigil.evidence.forms import (
    METADATA_FIELDS,
    SourceMetadataForm,
    SourceUploadForm,
    SourceWebForm,
)
from vigil.evidence.models import ReliabilityGrade, Source
from vigil.evidence.text import UnreadableDocument

router = Router(tags=["sources"])

Kind = Literal[tuple(Source.Kind.values)]
Standing = Literal[tuple(Source.Standing.values)]
Access = Literal[tuple(Source.Access.values)]
Grade = Literal[tuple(ReliabilityGrade.values)]


class SourceOut(Schema):
    id: int
    url: str
    case: str
    kind: str
    title: str
    author: str
    published: str
    language: str
    web_address: str
    accessed_on: datetime.date | None
    standing: str
    side: str
    reliability_grade: str
    reliability_reason: str
    access_level: str
    sha256: str | None
    media_type: str | None
    size: int | None
    file: str | None
    text: str
    created_at: datetime.datetime
    is_published: bool

    @staticmethod
    def resolve_url(source, context) -> str:
        return absolute_url(context["request"], source)

    @staticmethod
    def resolve_case(source) -> str:
        return source.case.slug

    @staticmethod
    def resolve_published(source) -> str:
        return source.published_iso

    @staticmethod
    def resolve_web_address(source) -> str:
        return source.url

    @staticmethod
    def resolve_sha256(source) -> str | None:
        return source.archived_file.sha256 if source.archived_file else None

    @staticmethod
    def resolve_media_type(source) -> str | None:
        return source.archived_file.media_type if source.archived_file else None

    @staticmethod
    def resolve_size(source) -> int | None:
        return source.archived_file.size if source.archived_file else None

    @staticmethod
    def resolve_file(source, context) -> str | None:
        if source.archived_file is None:
            return None
        address = reverse("api:source_file", args=[source.case.slug, source.pk])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_text(source, context) -> str:
        address = reverse("api:source_text", args=[source.case.slug, source.pk])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_is_published(source) -> bool:
        return source.published_at is not None


class SourceFilters(paging.ListParams):
    kind: Kind | None = None
    access_level: Access | None = None
    reliability_grade: Grade | None = None
    q: str | None = None
    published_from: datetime.date | None = None
    published_to: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["id", "-id", "title", "-title", "created_at", "-created_at"] = "id"


class SourceMetadataIn(Schema):
    """A source's metadata as the page's form takes it; `published` is YYYY, YYYY-MM or
    YYYY-MM-DD. Every field may be left out of a change (PATCH)."""

    kind: Kind | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    standing: Standing | None = None
    side: str | None = None
    reliability_grade: Grade | None = None
    reliability_reason: str | None = None
    access_level: Access | None = None
    accessed_on: datetime.date | None = None


class SourceWebIn(SourceMetadataIn):
    web_address: str
    text: str


def _sources_of(request, slug):
    return visible_sources(request.user, get_case_for_user(request.user, slug)).select_related(
        "archived_file"
    )


@router.get("/cases/{slug}/sources", response=answers(page_of(SourceOut)), url_name="sources")
def list_sources(request, slug: str, filters: Query[SourceFilters]):
    sources = _sources_of(request, slug).defer("text")
    if filters.kind:
        sources = sources.filter(kind=filters.kind)
    if filters.access_level:
        sources = sources.filter(access_level=filters.access_level)
    if filters.reliability_grade:
        sources = sources.filter(reliability_grade=filters.reliability_grade)
    if filters.q:
        sources = sources.filter(title__icontains=filters.q) | sources.filter(
            author__icontains=filters.q
        )
    if filters.published_from:
        sources = sources.filter(published_on__gte=filters.published_from)
    if filters.published_to:
        sources = sources.filter(published_on__lte=filters.published_to)
    sources = changed_since(sources, filters.updated_since)
    return paging.page(
        sources, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/cases/{slug}/sources/{int:pk}", response=answers(SourceOut), url_name="source")
def get_source(request, slug: str, pk: int):
    case = get_case_for_user(request.user, slug)
    return get_source_for_user(request.user, case, pk)


@router.get(
    "/cases/{slug}/sources/{int:pk}/file",
    response={200: bytes, **answers(None)},
    url_name="source_file",
    openapi_extra={
        "responses": {
            200: {
                "description": "The archived bytes, exactly as stored",
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        }
    },
)
def download_source_file(request, slug: str, pk: int):
    """The original file as archived (as the source page's download)."""
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    archived = source.archived_file
    if archived is None or not archive.path_for(archived.sha256).exists():
        raise Http404("This source has no archived file.")
    return archive.download_response(archived.sha256, archived.original_name)


@router.get(
    "/cases/{slug}/sources/{int:pk}/text",
    response={200: str, **answers(None)},
    url_name="source_text",
    openapi_extra={
        "responses": {
            200: {
                "description": "The working text extracted from the file",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        }
    },
)
def source_text(request, slug: str, pk: int):
    """The working text Vigil extracted from the source (what claims quote and search reads)."""
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    return HttpResponse(source.text, content_type="text/plain; charset=utf-8")


def _form_data(metadata: SourceMetadataIn) -> dict:
    return {key: value for key, value in metadata.dict(exclude_unset=True).items()}


def _refused(form, error) -> None:
    form.add_error(None, str(error) if isinstance(error, UnreadableDocument) else error)
    raise FormInvalid(form)


@router.post(
    "/cases/{slug}/sources/upload", response=answers(SourceOut, 201), url_name="source_upload"
)
def upload_source(request, slug: str, metadata: Form[SourceMetadataIn], file: File[UploadedFile]):
    """Archive a file (PDF, HTML, DOCX, plain text, a scan) as a new source. The same bytes
    already in the case answer 200 with that source."""
    case = get_case_for_user(request.user, slug, edit=True)
    form = SourceUploadForm(_form_data(metadata), {"file": file})
    run_form(form)
    file.seek(0)
    try:
        result = services.add_source_from_bytes(
            case,
            data=file.read(),
            filename=file.name,
            metadata=form.metadata(),
            user=request.user,
        )
    except (UnreadableDocument, ValidationError) as error:
        _refused(form, error)
    return Status(201 if result.created else 200, result.source)


@router.post("/cases/{slug}/sources/web", response=answers(SourceOut, 201), url_name="source_web")
def add_web_source(request, slug: str, payload: SourceWebIn):
    """Record a web page by its address and its text as a new source."""
    case = get_case_for_user(request.user, slug, edit=True)
    data = _form_data(payload)
    data["url"] = data.pop("web_address")
    form = SourceWebForm(data)
    run_form(form)
    try:
        result = services.add_source_from_web(
            case,
            url=form.cleaned_data["url"],
            text=form.cleaned_data["text"],
            metadata=form.metadata(),
            user=request.user,
        )
    except (UnreadableDocument, ValidationError) as error:
        _refused(form, error)
    return Status(201 if result.created else 200, result.source)


@router.patch("/cases/{slug}/sources/{int:pk}", response=answers(SourceOut), url_name="source")
def change_source(request, slug: str, pk: int, payload: SourceMetadataIn):
    """Change a source's metadata; the fields left out keep their values."""
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    current = {name: getattr(source, name) for name in METADATA_FIELDS}
    current["published"] = source.published_iso
    form = SourceMetadataForm(merged(current, _form_data(payload)), instance=source)
    run_form(form)
    return services.update_source(source, changes=form.metadata(), user=request.user)
