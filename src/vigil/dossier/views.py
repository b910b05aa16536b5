from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.cases.access import get_case_for_user
from vigil.evidence import archive
from vigil.paging import paginate

from .builder import request_build
from .content import build_content
from .models import DossierBuild
from .render import render_html


@require_safe
def dossier_page(request, slug):
    case = get_case_for_user(request.user, slug)
    builds = case.dossier_builds.select_related("archived_file", "requested_by").order_by(
        "-created_at", "-pk"
    )
    return render(
        request, "dossier/builds.html", {"case": case, "builds": paginate(request, builds)}
    )


@require_POST
def build(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    fmt = request.POST.get("format", "pdf")
    if fmt not in DossierBuild.Format.values:
        messages.error(request, _("Unknown format."))
        return redirect("dossier:page", slug=case.slug)
    dossier_build = request_build(case, fmt, request.user)
    messages.info(request, _("The dossier is being built; this page shows its progress."))
    return redirect(dossier_build)


@require_safe
def build_status(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    dossier_build = get_object_or_404(DossierBuild, case=case, pk=pk)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "status": dossier_build.status,
                "status_label": dossier_build.get_status_display(),
                "progress": dossier_build.progress,
                "stage": dossier_build.stage_label,
                "error": dossier_build.error,
            }
        )
    return render(request, "dossier/build.html", {"case": case, "build": dossier_build})


@require_safe
def download(request, slug, pk):
    case = get_case_for_user(request.user, slug)
    dossier_build = get_object_or_404(
        DossierBuild, case=case, pk=pk, status=DossierBuild.Status.DONE
    )
    if dossier_build.archived_file is None:
        raise Http404
    return archive.download_response(dossier_build.archived_file.sha256, dossier_build.filename)


@require_safe
def preview(request, slug):
    """The dossier as a web page, built at once (the same template as the PDF)."""
    case = get_case_for_user(request.user, slug)
    return HttpResponse(render_html(build_content(case)))
