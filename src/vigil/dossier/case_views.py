"""The case pages: the list of cases, each case's page (its numbers, timeline and the gaps in its
evidence against the law), and opening, editing and translating a case. They draw on every part
of the case, so they live here, above evidence and law, beside the public case page.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vigil.accounts import permissions
from vigil.cases import translations
from vigil.cases.access import get_case_for_user, get_case_to_translate, visible_cases
from vigil.cases.models import CaseTranslation
from vigil.counting import count_of, sum_of
from vigil.dossier.case_forms import CaseForm, CaseTranslationForm
from vigil.evidence import claim_tallies
from vigil.evidence.access import (
    levels_by_case,
    visible_claims,
    visible_levels,
    visible_sources,
)
from vigil.evidence.models import Claim, Source
from vigil.law.matrix import gap_list
from vigil.paging import paginate


@require_safe
def case_list(request):
    """Each case with the counts of the sources and claims the reader may see: the claims from
    the kept counts (a few rows a case, however many claims it holds)."""
    levels = levels_by_case(request.user)
    sources = Source.objects.all() if levels is None else Source.objects.filter(levels)
    cases = (
        visible_cases(request.user)
        .annotate(
            source_count=count_of(sources, "case"),
            claim_count=sum_of(claim_tallies.counted(levels), "case", "claims"),
        )
        .order_by("-start_date", "title", "pk")
    )
    return render(request, "cases/case_list.html", {"page": paginate(request, cases)})


@require_safe
def case_detail(request, slug):
    case = get_case_for_user(request.user, slug)
    claims = visible_claims(request.user, case)
    timeline = (
        claims.filter(claim_type=Claim.Type.EVENT, occurred_on__isnull=False)
        .exclude(review_status=Claim.Review.REJECTED)
        # Only the source (and not the case, twice): with a join on the few cases first, SQLite
        # would sort every event of the case instead of reading the timeline's index in order.
        .select_related(None)
        .select_related("source")
        .defer("source__text")
        .order_by("occurred_on", "pk")
    )
    page = paginate(request, timeline, param="timeline_page")
    for claim in page:  # their addresses name the case, which is this one
        claim.case = claim.source.case = case
    context = {
        "case": case,
        "timeline": page,
        "source_count": visible_sources(request.user, case).count(),
        **claim_tallies.case_counts(case, visible_levels(request.user, case)),
        "gaps": gap_list(case, levels=visible_levels(request.user, case)),
        "text": translations.case_text(case),
        "may_translate": case.editable or request.user.has_perm("cases.translate_case"),
        "translations": translations.languages_of(case),
    }
    return render(request, "cases/case_detail.html", context)


def case_create(request):
    if not permissions.can_create_case(request.user):
        raise PermissionDenied(_("Only administrators may open a case."))
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = form.save()
        messages.success(request, _("Case created."))
        return redirect(case)
    return render(request, "cases/case_form.html", {"form": form})


def case_edit(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Case updated."))
        return redirect(case)
    return render(request, "cases/case_form.html", {"form": form, "case": case})


def case_translate(request, slug, language):
    """The case's title and summary in one of Vigil's other languages, beside the original."""
    case = get_case_to_translate(request.user, slug)
    if language not in dict(settings.LANGUAGES) or language == case.original_language:
        raise Http404("No such language to translate into")
    found = CaseTranslation.objects.filter(case=case, language=language).first()
    form = CaseTranslationForm(request.POST or None, instance=found, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        translations.save_translation(
            case, language=language, title=data["title"], summary=data["summary"]
        )
        messages.success(request, _("Translation saved."))
        return redirect(case)
    context = {"form": form, "case": case, "language": language}
    return render(request, "cases/case_translate.html", context)
