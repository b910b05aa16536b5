"""The publish step's pages: a review screen of what is verified but not yet public, a preview of
exactly what a batch makes public, and publishing or withdrawing one claim, source or act."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from vigil.accounts import permissions
from vigil.accounts.redirects import redirect_next
from vigil.cases.access import get_case_for_user
from vigil.evidence import claim_tallies
from vigil.evidence.access import visible_claims, visible_sources
from vigil.evidence.models import Source
from vigil.paging import paginate
from vigil.recognition.models import RecognitionAct

from . import publishing


def _record(request, case, kind: str, pk: int):
    if kind == publishing.RecordKind.CLAIM:
        return get_object_or_404(visible_claims(request.user, case).select_related("source"), pk=pk)
    if kind == publishing.RecordKind.SOURCE:
        return get_object_or_404(visible_sources(request.user, case), pk=pk)
    if kind == publishing.RecordKind.ACT:
        return get_object_or_404(RecognitionAct.objects.filter(case=case), pk=pk)
    raise Http404


def _unpublished_sources(request, case):
    return (
        visible_sources(request.user, case)
        .filter(access_level=Source.Access.PUBLIC, published_at__isnull=True)
        .defer("text")
        .order_by("title", "pk")
    )


def _unpublished_acts(case):
    return RecognitionAct.objects.filter(
        case=case, review=RecognitionAct.Review.VERIFIED, published_at__isnull=True
    ).select_related("actor", "case")


@require_http_methods(["GET", "HEAD", "POST"])
def review(request, slug):
    """GET: what is verified and may be published. POST with chosen claims: the preview of exactly
    what becomes public; POST with confirm: publish it."""
    case = get_case_for_user(request.user, slug, edit=True)
    awaiting = publishing.awaiting_publication(case)
    # Every claim awaiting publication has a public source: the reader sees all or none of them
    # (a test of the level, rather than a list of every visible claim of the case to match).
    count = claim_tallies.awaiting_publication_count(case)
    if Source.Access.PUBLIC not in permissions.source_levels(request.user, case):
        awaiting, count = awaiting.none(), 0
    context = {
        "case": case,
        "awaiting": paginate(
            request,
            awaiting.select_related("source__case").defer("source__text"),
            count=count,  # kept by the database: counting them read every public source
        ),
        "sources": paginate(request, _unpublished_sources(request, case), param="sources_page"),
        "acts": paginate(request, _unpublished_acts(case), param="acts_page"),
        "mismatches": publishing.summary_mismatches(case),
    }
    if request.method != "POST":
        return render(request, "dossier/publish_review.html", context)
    chosen = list(awaiting.filter(pk__in=request.POST.getlist("claim")))
    if not chosen:
        messages.error(request, _("Choose the claims to publish."))
        return redirect("dossier:publish_review", slug=case.slug)
    try:
        plan = publishing.plan_claims(chosen)
        if request.POST.get("confirm"):
            publishing.publish_claims(case, chosen, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("dossier:publish_review", slug=case.slug)
    if request.POST.get("confirm"):
        messages.success(
            request,
            _("Published %(claims)s and %(sources)s.")
            % {
                "claims": ngettext("%(n)s claim", "%(n)s claims", len(plan.claims))
                % {"n": len(plan.claims)},
                "sources": ngettext("%(n)s source", "%(n)s sources", len(plan.sources))
                % {"n": len(plan.sources)},
            },
        )
        return redirect("dossier:publish_review", slug=case.slug)
    return render(request, "dossier/publish_preview.html", {**context, "plan": plan})


@require_POST
def publish_one(request, slug, kind, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    record = _record(request, case, kind, pk)
    try:
        if kind == publishing.RecordKind.CLAIM:
            publishing.publish_claims(case, [record], user=request.user)
        elif kind == publishing.RecordKind.SOURCE:
            publishing.publish_source(record, user=request.user)
        else:
            publishing.publish_act(record, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Published: it is now on the public site."))
    return redirect_next(request, record)


@require_POST
def withdraw_one(request, slug, kind, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    record = _record(request, case, kind, pk)
    publishing.withdraw(record)
    messages.success(request, _("Withdrawn: it is no longer public."))
    return redirect_next(request, record)
