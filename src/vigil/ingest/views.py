from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from vigil.cases.access import get_case_for_user
from vigil.counting import count_of
from vigil.evidence.access import get_source_for_user, visible_levels, visible_sources
from vigil.evidence.models import OcrRun
from vigil.law.models import Element, ElementLink
from vigil.paging import paginate
from vigil.uploads import UploadField

from . import review, tasks, verdict_tallies
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
    pending = Candidate.objects.filter(status=Candidate.Status.PENDING)
    sources = (
        visible_sources(request.user, case)
        .filter(Exists(pending.filter(source=OuterRef("pk"))))
        .annotate(pending_count=count_of(pending, "source"))
        .defer("text")  # the list names each source; its text is long
        .order_by("-created_at", "-pk")
    )
    context = {
        "case": case,
        "form": form,
        "jobs": paginate(
            request, case.ingest_jobs.order_by("-created_at", "-pk"), param="jobs_page"
        ),
        "sources": paginate(request, sources, param="sources_page"),
        # A rule reviewers often reject is a rule to fix: its precision from their verdicts.
        "rule_verdicts": verdict_tallies.rule_verdicts(case, visible_levels(request.user, case)),
    }
    return render(request, "ingest/ingest.html", context)


@require_safe
def job_status(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    job = get_object_or_404(IngestJob, case=case, pk=pk)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "status": job.status,
                "status_label": job.get_status_display(),
                "progress": job.progress,
                "stage": ngettext(
                    "%(done)s of %(total)s document", "%(done)s of %(total)s documents", job.total
                )
                % {"done": job.processed, "total": job.total},
                "error": job.failure,
            }
        )
    report = paginate(request, job.report, param="report_page")
    report.object_list = with_ocr(report.object_list)
    return render(request, "ingest/job.html", {"case": case, "job": job, "report": report})


def with_ocr(lines: list[dict]) -> list[dict]:
    """The report's lines, each scan's with its OCR run (one query for the page)."""
    ids = [line["source_id"] for line in lines if line.get("source_id")]
    runs = {}
    for run in OcrRun.objects.filter(source_id__in=ids).order_by("source_id", "-pk"):
        runs.setdefault(run.source_id, run)
    return [{**line, "ocr": runs.get(line.get("source_id"))} for line in lines]


@require_safe
def source_review(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    # The text is shown whole, so its highlights need every candidate; the lists under it (each
    # pending candidate with its forms) are paged.
    candidates = list(source.candidates.select_related("claim__case"))
    pending = paginate(
        request,
        [c for c in candidates if c.status == Candidate.Status.PENDING],
        param="pending_page",
    )
    offered = review.elements_offered(pending.object_list)
    for candidate in pending.object_list:
        # What "Edit as a claim" starts from: the sentence, and the span as locator.
        candidate.sentence = review.sentence_around(source.text, candidate.start, candidate.end)
        candidate.locator = review.locator(candidate)
        candidate.elements_offered = offered.get(candidate.pk, [])
    context = {
        "case": case,
        "source": source,
        "bearings": ElementLink.Bearing.choices,
        "strengths": ElementLink.Strength.choices,
        "pieces": review.highlighted(source.text, candidates),
        "pending": pending,
        "kinds": Candidate.Kind.choices,
        "done": paginate(
            request,
            [c for c in candidates if c.status != Candidate.Status.PENDING],
            param="done_page",
        ),
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
    if candidate.status == Candidate.Status.PENDING and "elements" in request.POST:
        _accept_with_links(request, candidate)
    elif candidate.status == Candidate.Status.PENDING:
        statement = " ".join(request.POST.get("statement", "").split())
        review.accept(candidate, user=request.user, statement=statement)
        messages.success(request, _("Claim created from “%(text)s”.") % {"text": candidate.text})
    return redirect("ingest:review", slug=slug, pk=candidate.source_id)


def _accept_with_links(request, candidate: Candidate) -> None:
    """A legal reference accepted as a claim linked to the chosen elements of crimes."""
    ids = [int(i) for i in request.POST.getlist("elements") if i.isdigit()]
    bearing, strength = request.POST.get("bearing", ""), request.POST.get("strength", "")
    if bearing not in ElementLink.Bearing.values or strength not in ElementLink.Strength.values:
        messages.error(request, _("Say whether the claim supports the elements, and how strongly."))
        return
    try:
        review.accept_legal_reference(
            candidate,
            elements=Element.objects.filter(pk__in=ids),
            bearing=bearing,
            strength=strength,
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(
        request,
        ngettext(
            "Claim created from “%(text)s” and linked to %(n)s element.",
            "Claim created from “%(text)s” and linked to %(n)s elements.",
            len(ids),
        )
        % {"text": candidate.text, "n": len(ids)},
    )


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
        created = ngettext("%(n)s claim created.", "%(n)s claims created.", count)
        messages.success(request, created % {"n": count})
    return redirect("ingest:review", slug=slug, pk=source.pk)
