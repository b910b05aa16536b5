from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.accounts.redirects import redirect_next
from vigil.cases.access import get_case_for_user
from vigil.evidence import archive, ocr_jobs, services, working_copies
from vigil.evidence.access import (
    get_claim_for_user,
    get_source_for_user,
    visible_claims,
    visible_figures,
    visible_sources,
)
from vigil.evidence.figures import paged_figure_groups
from vigil.evidence.forms import (
    ClaimForm,
    ReviewForm,
    SourceFilterForm,
    SourceMetadataForm,
    SourceTextForm,
    SourceUploadForm,
    SourceWebForm,
)
from vigil.evidence.models import Claim, WorkingCopy
from vigil.evidence.search import search_case
from vigil.evidence.source_picker import matching_sources
from vigil.evidence.text import UnreadableDocument
from vigil.paging import paginate, sorted_by

SOURCE_ORDERS = {
    "date": ("-published_on", "title", "pk"),
    "title": ("title", "pk"),
    "reliability": ("reliability_grade", "title", "pk"),
    "added": ("-pk",),
}


@require_safe
def source_list(request, slug):
    case = get_case_for_user(request.user, slug)
    filters = SourceFilterForm(request.GET)
    sources = filters.apply(visible_sources(request.user, case))
    sources, sort = sorted_by(request, sources, SOURCE_ORDERS, default="date")
    page = paginate(request, sources.defer("text"))
    page.object_list = list(page.object_list)
    _count_claims(page.object_list)
    context = {"case": case, "page": page, "filters": filters, "sort": sort}
    return render(request, "evidence/source_list.html", context)


@require_safe
def source_choices(request, slug):
    """One page of the case's sources matching `?q=` (title words or a number), as JSON, for the
    source pickers of forms: {"results": [{id, title, author, url}], "more": bool}."""
    case = get_case_for_user(request.user, slug)
    query = request.GET.get("q", "").strip()[:200]
    matches, more = matching_sources(
        visible_sources(request.user, case), query, page=_page_number(request)
    )
    for match in matches:
        match["url"] = reverse("evidence:source", kwargs={"slug": case.slug, "pk": match["id"]})
    return JsonResponse(
        {"results": matches, "more": more}, json_dumps_params={"ensure_ascii": False}
    )


def _count_claims(sources) -> None:
    """Give each of a page of sources its claim_count and verified_count, from one aggregate
    over the claims of these sources only (not of every source of the case before paging)."""
    counts = {
        row["source"]: row
        for row in Claim.objects.filter(source__in=[source.pk for source in sources])
        .order_by()
        .values("source")
        .annotate(
            claim_count=Count("pk"),
            verified_count=Count("pk", filter=Q(review_status=Claim.Review.VERIFIED)),
        )
    }
    for source in sources:
        found = counts.get(source.pk, {})
        source.claim_count = found.get("claim_count", 0)
        source.verified_count = found.get("verified_count", 0)


def _report_added(request, result):
    if result.created:
        messages.success(request, _("Source added and archived."))
    else:
        messages.info(
            request,
            _("These exact bytes are already archived as this source; nothing new was stored."),
        )
    return redirect(result.source.get_absolute_url())


def source_upload(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = SourceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.add_source_from_bytes(
                case,
                data=upload.read(),
                filename=upload.name,
                metadata=form.metadata(),
                user=request.user,
            )
        except UnreadableDocument as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _report_added(request, result)
    return render(request, "evidence/source_add.html", {"case": case, "form": form, "mode": "file"})


def source_web(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = SourceWebForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.add_source_from_web(
                case,
                url=form.cleaned_data["url"],
                text=form.cleaned_data["text"],
                metadata=form.metadata(),
                user=request.user,
            )
        except (ValidationError, UnreadableDocument) as error:
            form.add_error(None, str(error) if isinstance(error, UnreadableDocument) else error)
        else:
            return _report_added(request, result)
    return render(request, "evidence/source_add.html", {"case": case, "form": form, "mode": "web"})


@require_safe
def source_detail(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    claims = paginate(
        request,
        source.claims.select_related("figure", "reviewed_by", "text_version")
        .defer("text_version__text")
        .order_by("pk"),
    )
    versions = paginate(
        request, working_copies.text_versions(source), per_page=20, param="versions_page"
    )
    context = {
        "case": case,
        "source": source,
        "claims": claims,
        "versions": versions,
        "ocr_run": ocr_jobs.latest_run(source),
    }
    return render(request, "evidence/source_detail.html", context)


@require_safe
def source_ocr(request, slug, pk):
    """The progress of the source's OCR, as JSON for the page's progress bar."""
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    if not request.headers.get("Accept", "").startswith("application/json"):
        return redirect(source.get_absolute_url())
    run = ocr_jobs.latest_run(source)
    if run is None:
        raise Http404(_("This source has no OCR run."))
    stage = _("page %(done)s of %(total)s") % {"done": run.pages_done, "total": run.pages_total}
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "progress": run.progress,
            "stage": stage,
            "error": run.failure,
        }
    )


@require_POST
def source_ocr_retry(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    try:
        ocr_jobs.retry(source, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("OCR will run again; this page shows its progress."))
    return redirect(source.get_absolute_url())


@require_safe
def source_version(request, slug, pk, version):
    """One version of the source's text, with how it was made: earlier ones stay readable."""
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    copy = get_object_or_404(
        WorkingCopy.objects.select_related("made_by"),
        source=source,
        kind=WorkingCopy.Kind.TEXT,
        version=version,
    )
    newest = working_copies.text_versions(source).values_list("version", flat=True).first()
    context = {"case": case, "source": source, "copy": copy, "newest": newest}
    return render(request, "evidence/source_version.html", context)


def source_text_edit(request, slug, pk):
    """Correct the source's text: the correction becomes its next version."""
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    form = SourceTextForm(request.POST or None, initial={"text": source.text})
    if request.method == "POST" and form.is_valid():
        try:
            copy = working_copies.edit_text(
                source,
                text=form.cleaned_data["text"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The text is saved as version %(n)s.") % {"n": copy.version}
            )
            return redirect(source.get_absolute_url())
    return render(
        request, "evidence/source_text_edit.html", {"case": case, "source": source, "form": form}
    )


def source_edit(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    form = SourceMetadataForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        services.update_source(source, changes=form.metadata(), user=request.user)
        messages.success(request, _("Source updated."))
        return redirect(source.get_absolute_url())
    return render(
        request, "evidence/source_edit.html", {"case": case, "source": source, "form": form}
    )


@require_safe
def source_file(request, slug, pk):
    """The archived bytes, exactly as stored, as a download (never rendered as a page)."""
    case = get_case_for_user(request.user, slug)
    source = get_source_for_user(request.user, case, pk)
    archived = source.archived_file
    if archived is None or not archive.path_for(archived.sha256).exists():
        raise Http404(_("This source has no archived file."))
    return archive.download_response(archived.sha256, archived.original_name)


def claim_add(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    source = get_source_for_user(request.user, case, pk)
    initial = {
        "locator": request.GET.get("locator", ""),
        "statement": request.GET.get("statement", ""),
    }
    form = ClaimForm(
        request.POST or None, initial=initial, instance=Claim(source=source, case=case)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_claim(
                source, fields=form.claim_fields(), figure=form.figure_fields(), user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim recorded."))
            return redirect(source.get_absolute_url())
    return render(
        request, "evidence/claim_form.html", {"case": case, "source": source, "form": form}
    )


def claim_edit(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    claim = get_claim_for_user(request.user, case, pk)
    form = ClaimForm(request.POST or None, instance=claim)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_claim(
                claim, fields=form.claim_fields(), figure=form.figure_fields(), user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim updated."))
            return redirect(claim.source.get_absolute_url())
    return render(
        request,
        "evidence/claim_form.html",
        {"case": case, "source": claim.source, "form": form, "claim": claim},
    )


@require_safe
def claim_detail(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    claim = get_claim_for_user(request.user, case, pk)
    history = claim.reviews.select_related("reviewer")
    quote = working_copies.check_quote(claim)
    return render(
        request,
        "evidence/claim_detail.html",
        {"case": case, "claim": claim, "history": history, "quote": quote},
    )


@require_POST
def claim_review(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    claim = get_claim_for_user(request.user, case, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        try:
            services.review_claim(
                claim, status=status, user=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if claim.review_status == status:
                text = _("Claim marked %(status)s.") % {"status": claim.get_review_status_display()}
            else:
                text = _("Your verification is recorded; the claim awaits another reviewer.")
            messages.success(request, text)
    else:
        messages.error(request, _("Unknown review status."))
    return redirect_next(request, claim.source)


@require_safe
def review_queue(request, slug):
    case = get_case_for_user(request.user, slug)
    queue = visible_claims(request.user, case).filter(review_status=Claim.Review.PROPOSED)
    # By source title, then source, then claim: the database walks the case's sources by title
    # (a claim's source is of its case; saying so lets it) and stops after the page, instead of
    # sorting every proposed claim. Only the page's rows are then read whole.
    in_order = queue.filter(source__case=case).order_by("source__title", "source_id", "pk")
    # Counted without the sources, from the claims' index (case, review status) alone.
    page = paginate(request, in_order.values_list("pk", flat=True), count=queue.count())
    shown = (
        queue.select_related("source__case", "figure")
        .defer("source__text")
        .in_bulk(list(page.object_list))
    )
    page.object_list = [shown[pk] for pk in page.object_list]
    return render(request, "evidence/review_queue.html", {"case": case, "page": page})


# Figures shown per category and page: the page shows every category at once, with its summary,
# and each category pages on by itself. Fifty a category (300 rows) took most of the page's time.
FIGURES_PER_PAGE = 10


@require_safe
def figures(request, slug):
    case = get_case_for_user(request.user, slug)
    table = paged_figure_groups(request, visible_figures(request.user, case), FIGURES_PER_PAGE)
    return render(request, "evidence/figures.html", {"case": case, "table": table})


@require_safe
def search(request, slug):
    case = get_case_for_user(request.user, slug)
    query = request.GET.get("q", "").strip()
    levels = permissions.source_levels(request.user, case)
    hits = search_case(case, query, levels=levels, page=_page_number(request)) if query else []
    return render(request, "evidence/search.html", {"case": case, "query": query, "hits": hits})


def _page_number(request, last: int = 10_000) -> int:
    """`?page=` as a number from 1 to `last` (anything else asks for the first page)."""
    number = request.GET.get("page", "")
    if not number.isdecimal() or len(number) > 5:
        return 1
    return max(1, min(int(number), last))
