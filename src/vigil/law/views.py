from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.cases.access import get_case_for_user
from vigil.evidence.access import get_claim_for_user, visible_levels
from vigil.law import matrix, services
from vigil.law.access import get_crime, get_link_for_user
from vigil.law.forms import CrimeChoiceForm, ElementLinkForm
from vigil.law.models import Crime, Element, ElementLink
from vigil.paging import paginate


@require_safe
def crimes_compared(request, slug):
    """Genocide, crimes against humanity and war crimes side by side for the case."""
    case = get_case_for_user(request.user, slug)
    crimes = Crime.objects.select_related("provision__instrument")
    levels = visible_levels(request.user, case)
    rows_by_crime = matrix.case_matrix(case, crimes, levels=levels)
    considered = set(case.considered_crimes.values_list("crime_id", flat=True))
    categories = []
    for value, label in Crime.Category.choices:
        crimes_here = [
            {
                "crime": crime,
                "counts": matrix.status_counts(rows),
                "total": len(rows),
                "considered": crime.pk in considered,
            }
            for crime, rows in rows_by_crime.items()
            if crime.category == value
        ]
        totals = dict.fromkeys(matrix.STATUSES, 0)
        for item in crimes_here:
            for status, count in item["counts"].items():
                totals[status] += count
        categories.append(
            {"label": label, "crimes": crimes_here, "totals": totals, "total": sum(totals.values())}
        )
    context = {
        "case": case,
        "categories": categories,
        "statuses": matrix.STATUSES,
        "rule": matrix.rule(),
    }
    return render(request, "law/crimes_compared.html", context)


@require_safe
def crime_matrix(request, slug, code):
    case = get_case_for_user(request.user, slug)
    crime = get_crime(code)
    rows = matrix.crime_matrix(case, crime, levels=visible_levels(request.user, case))
    context = {
        "case": case,
        "crime": crime,
        "rows": rows,
        "counts": matrix.status_counts(rows),
        "rule": matrix.rule(),
        "crimes": Crime.objects.all(),
    }
    return render(request, "law/matrix.html", context)


@require_safe
def element_evidence(request, slug, code, number):
    """One cell of the matrix opened: the claims on each side and their sources."""
    case = get_case_for_user(request.user, slug)
    crime = get_crime(code)
    element = get_object_or_404(Element.objects.select_related("crime"), crime=crime, number=number)
    levels = visible_levels(request.user, case)
    row = matrix.element_row(case, element, levels=levels)
    context = {
        "case": case,
        "crime": crime,
        "row": row,
        # The row's tallies count the same links as the lists: no list is counted again.
        "supporting": paginate(
            request,
            matrix.element_links(case, element, ElementLink.Bearing.SUPPORTS, levels),
            param="supporting_page",
            count=row.supporting_count,
        ),
        "contradicting": paginate(
            request,
            matrix.element_links(case, element, ElementLink.Bearing.CONTRADICTS, levels),
            param="contradicting_page",
            count=row.contradicting_count,
        ),
    }
    return render(request, "law/element.html", context)


def claim_links(request, slug, pk):
    """The elements a claim bears on, and a form to link it to another."""
    case = get_case_for_user(request.user, slug, edit=request.method == "POST")
    claim = get_claim_for_user(request.user, case, pk)
    form = ElementLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_claim(case, claim=claim, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim linked to the element."))
            return redirect("law:claim_links", slug=case.slug, pk=claim.pk)
    links = claim.element_links.select_related("element__crime").order_by("element__crime__order")
    return render(
        request,
        "law/claim_links.html",
        {"case": case, "claim": claim, "links": links, "form": form},
    )


@require_POST
def unlink(request, slug, pk):
    case = get_case_for_user(request.user, slug, edit=True)
    link = get_link_for_user(request.user, case, pk)
    claim_pk = link.claim_id
    services.unlink(link)
    messages.success(request, _("Link removed."))
    return redirect("law:claim_links", slug=case.slug, pk=claim_pk)


@require_POST
def consider(request, slug):
    case = get_case_for_user(request.user, slug, edit=True)
    form = CrimeChoiceForm(request.POST)
    if form.is_valid():
        services.set_considered(case, form.cleaned_data["crime"], form.cleaned_data["considered"])
    else:
        messages.error(request, _("Unknown crime."))
    return redirect("law:compare", slug=case.slug)
