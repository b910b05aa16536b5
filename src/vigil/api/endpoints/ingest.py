"""Ingestion jobs (files in, progress out) and the candidates they propose, accepted as claims or
rejected through the same functions as the ingestion pages (vigil.ingest.tasks, .review)."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from vigil.api import paging
from vigil.api.common import absolute_url, answers, page_of, run_form
from vigil.cases.access import get_case_for_user
from vigil.evidence.access import get_source_for_user, visible_sources
from vigil.ingest import review, tasks
from vigil.ingest.models import Candidate, IngestJob
from vigil.ingest.views import UploadForm

router = Router(tags=["ingestion"])

CandidateKind = Literal[tuple(Candidate.Kind.values)]
CandidateStatus = Literal[tuple(Candidate.Status.values)]
JobStatus = Literal[tuple(IngestJob.Status.values)]


class ReportLine(Schema):
    name: str = ""
    outcome: str = ""
    reason: str = ""


class JobOut(Schema):
    id: int
    url: str
    case: str
    status: str
    progress: int
    total: int
    processed: int
    stored: int
    already_present: int
    refused: int
    candidates: int
    failure: str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None

    @staticmethod
    def resolve_url(job, context) -> str:
        return absolute_url(context["request"], job)

    @staticmethod
    def resolve_case(job) -> str:
        return job.case.slug


class JobDetailOut(JobOut):
    report: list[ReportLine]

    @staticmethod
    def resolve_report(job) -> list[dict]:
        return [line for line in job.report if isinstance(line, dict)]


class JobFilters(paging.ListParams):
    status: JobStatus | None = None
    sort: Literal["created_at", "-created_at", "id", "-id"] = "-created_at"


def _jobs(case):
    return IngestJob.objects.filter(case=case).select_related("case")


@router.get("/cases/{slug}/ingest-jobs", response=answers(page_of(JobOut)), url_name="ingest_jobs")
def list_jobs(request, slug: str, filters: Query[JobFilters]):
    jobs = _jobs(get_case_for_user(request.user, slug))
    if filters.status:
        jobs = jobs.filter(status=filters.status)
    return paging.page(
        jobs, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get(
    "/cases/{slug}/ingest-jobs/{int:pk}", response=answers(JobDetailOut), url_name="ingest_job"
)
def get_job(request, slug: str, pk: int):
    """A job's progress (poll it until `status` is done or failed) and its report per file."""
    return get_object_or_404(_jobs(get_case_for_user(request.user, slug)), pk=pk)


@router.post(
    "/cases/{slug}/ingest-jobs", response=answers(JobDetailOut, 202), url_name="ingest_jobs"
)
def start_job(request, slug: str, files: File[list[UploadedFile]]):
    """Ingest documents (PDF, HTML, DOCX, text, or zip archives of them) in the background: each
    becomes a source and its text is searched for candidate facts."""
    case = get_case_for_user(request.user, slug, edit=True)
    # The upload form reads its files as a browser posts them: several under one name.
    form = UploadForm(files=MultiValueDict({"files": list(files)}))
    uploads = run_form(form)["files"]
    job = tasks.start(case, uploads, request.user)
    return Status(202, get_object_or_404(_jobs(case), pk=job.pk))


class CandidateOut(Schema):
    id: int
    url: str
    source_id: int
    source: str
    kind: str
    status: str
    text: str
    start: int
    end: int
    summary: str
    data: dict
    claim: str | None

    @staticmethod
    def resolve_url(candidate, context) -> str:
        # A candidate is shown on its source's review page and has no page of its own.
        address = reverse("api:candidate", args=[candidate.source.case.slug, candidate.pk])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_source(candidate, context) -> str:
        return absolute_url(context["request"], candidate.source)

    @staticmethod
    def resolve_summary(candidate) -> str:
        return str(candidate.summary)

    @staticmethod
    def resolve_claim(candidate, context) -> str | None:
        if candidate.claim_id is None:
            return None
        address = reverse("evidence:claim", args=[candidate.source.case.slug, candidate.claim_id])
        return context["request"].build_absolute_uri(address)


class CandidateFilters(paging.ListParams):
    source: int | None = None
    kind: CandidateKind | None = None
    status: CandidateStatus | None = None
    sort: Literal["id", "-id"] = "id"


class AcceptIn(Schema):
    statement: str = ""


def _candidates(request, case):
    """Candidates in the sources the caller may see."""
    sources = visible_sources(request.user, case).values("pk")
    return Candidate.objects.filter(source__in=sources).select_related("source__case")


@router.get(
    "/cases/{slug}/candidates", response=answers(page_of(CandidateOut)), url_name="candidates"
)
def list_candidates(request, slug: str, filters: Query[CandidateFilters]):
    """Facts ingestion found, waiting for a person (status=pending) or already decided."""
    candidates = _candidates(request, get_case_for_user(request.user, slug))
    if filters.source is not None:
        candidates = candidates.filter(source_id=filters.source)
    if filters.kind:
        candidates = candidates.filter(kind=filters.kind)
    if filters.status:
        candidates = candidates.filter(status=filters.status)
    return paging.page(
        candidates, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get(
    "/cases/{slug}/candidates/{int:pk}", response=answers(CandidateOut), url_name="candidate"
)
def get_candidate(request, slug: str, pk: int):
    case = get_case_for_user(request.user, slug)
    return get_object_or_404(_candidates(request, case), pk=pk)


def _pending_candidate(request, slug: str, pk: int) -> Candidate:
    case = get_case_for_user(request.user, slug, edit=True)
    candidate = get_object_or_404(_candidates(request, case), pk=pk)
    get_source_for_user(request.user, case, candidate.source_id)
    if candidate.status != Candidate.Status.PENDING:
        raise ValidationError(
            _("This candidate has already been decided: %(status)s.")
            % {"status": candidate.get_status_display()}
        )
    return candidate


@router.post(
    "/cases/{slug}/candidates/{int:pk}/accept",
    response=answers(CandidateOut),
    url_name="candidate_accept",
)
def accept(request, slug: str, pk: int, payload: AcceptIn):
    """Record the claim the candidate proposes (its sentence, or `statement` when given), with
    its span as the locator; the claim then waits for review like any other."""
    candidate = _pending_candidate(request, slug, pk)
    statement = " ".join(payload.statement.split())
    review.accept(candidate, user=request.user, statement=statement)
    return candidate


@router.post(
    "/cases/{slug}/candidates/{int:pk}/reject",
    response=answers(CandidateOut),
    url_name="candidate_reject",
)
def reject(request, slug: str, pk: int):
    """Reject the candidate: no claim is made of it."""
    candidate = _pending_candidate(request, slug, pk)
    review.reject(candidate)
    return candidate
