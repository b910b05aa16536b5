from django import forms
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from vigil.cases.access import get_case_for_user
from vigil.evidence.access import get_source_for_user, visible_sources
from vigil.uploads import UploadField

from . import review, tasks
from .models import Candidate, IngestJob


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(UploadField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if not data:
            return [single(None, initial)]
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Documents"),
        help_text=gettext_lazy("PDF, HTML, DOCX or text files, or zip archives of them."),
    )


def ingest_page(request, slug):
    case = get_case_for_user(request.user, slug, edit=request.method == "POST")
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        job = tasks.start(case, form.cleaned_data["files"], request.user)
        messages.info(request, _("The documents are being ingested; this page shows progress."))
        return redirect(job)
    jobs = case.ingest_jobs.all()[:10]
    sources = (
        visible_sources(request.user, case)
        .filter(candidates__status="pending")
        .distinct()
        .order_by("-created_at")[:50]
    )
    return render(
        request,
        "ingest/ingest.html",
        {"case": case, "form": form, "jobs": jobs, "sources": sources},
    )


@require_safe
def job_status(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    job = get_object_or_404(IngestJob, case=case, pk=pk)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "status": job.status,
                "progress": job.progress,
                "stage": _("%(done)s of %(total)s documents")
                % {"done": job.processed, "total": job.total},
                "error": "",
            }
        )
    return render(request, "ingest/job.html", {"case": case, "job": job})


@require_safe
def source_review(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    candidates = list(source.candidates.all())
    pending = [c for c in candidates if c.status == Candidate.Status.PENDING]
    for candidate in pending:
        # What "Edit as a claim" starts from: the sentence, and the span as locator.
        candidate.sentence = review.sentence_around(source.text, candidate.start, candidate.end)
        candidate.locator = review.locator(candidate)
    context = {
        "case": case,
        "source": source,
        "pieces": review.highlighted(source.text, candidates),
        "pending": pending,
        "kinds": Candidate.Kind.choices,
        "done": [c for c in candidates if c.status != Candidate.Status.PENDING],
    }
    return render(request, "ingest/review.html", context)


def _candidate(request, slug, pk) -> Candidate:
    case = get_case_for_user(request.user, slug, edit=True)
    candidate = get_object_or_404(
        Candidate.objects.select_related("source"), pk=pk, source__case=case
    )
    get_source_for_user(request.user, case, candidate.source_id)
    return candidate


@require_POST
def accept(request, slug, pk):
    candidate = _candidate(request, slug, pk)
    if candidate.status == Candidate.Status.PENDING:
        statement = " ".join(request.POST.get("statement", "").split())
        review.accept(candidate, user=request.user, statement=statement)
        messages.success(request, _("Claim created from “%(text)s”.") % {"text": candidate.text})
    return redirect("ingest:review", slug=slug, pk=candidate.source_id)


@require_POST
def reject(request, slug, pk):
    candidate = _candidate(request, slug, pk)
    review.reject(candidate)
    return redirect("ingest:review", slug=slug, pk=candidate.source_id)


@require_POST
def accept_kind(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    kind = request.POST.get("kind", "")
    if kind not in Candidate.Kind.values:
        messages.error(request, _("Unknown kind."))
    else:
        count = review.accept_kind(source, kind, user=request.user)
        messages.success(request, _("%(n)s claims created.") % {"n": count})
    return redirect("ingest:review", slug=slug, pk=source.pk)
