"""Outreach: contacts and their history, follow-ups, tasks and materials."""

import contextlib
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.accounts.redirects import redirect_next
from vigil.campaigns import materials, overviews, privacy, services
from vigil.campaigns.access import (
    get_contact_for_user,
    get_interaction_for_user,
    get_material_for_user,
    get_material_version_for_user,
    get_task_for_user,
    require_admin,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.filters import (
    CONTACT_ORDERS,
    CONTACT_SORTS,
    TASK_ORDERS,
    TASK_SORTS,
    ContactFilterForm,
    TaskFilterForm,
)
from vigil.campaigns.forms import (
    ContactForm,
    InteractionForm,
    MaterialForm,
    MaterialVersionForm,
    TaskForm,
)
from vigil.campaigns.importers import CONTACT_COLUMNS, contact_rows, import_contacts
from vigil.campaigns.models import Contact, Material, Task
from vigil.paging import paginate, sorted_by
from vigil.tabular import ImportForm, csv_download, read_upload


@require_safe
def contact_list(request):
    require_campaigns(request.user)
    filters = ContactFilterForm(request.GET)
    contacts = filters.apply(Contact.objects.select_related("actor", "chapter"))
    contacts, sort = sorted_by(request, contacts, CONTACT_ORDERS, default="name")
    overdue = overviews.overdue_follow_ups(timezone.localdate())
    context = {
        "page": paginate(request, contacts),
        "filters": filters,
        "sort": sort,
        "sorts": CONTACT_SORTS,
        "overdue": paginate(request, overdue, param="overdue_page"),
    }
    return render(request, "campaigns/contact_list.html", context)


def contact_add(request):
    require_coordinator(request.user)
    form = ContactForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, _("Contact added."))
        return redirect(contact)
    return render(request, "campaigns/form_page.html", {"form": form, "title": _("Add a contact")})


def contact_detail(request, pk):
    contact = get_contact_for_user(request.user, pk, manage=request.method == "POST")
    form = InteractionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_interaction(contact, form.cleaned_data, user=request.user)
        messages.success(request, _("Interaction recorded."))
        return redirect(contact)
    context = {
        "contact": contact,
        "form": form,
        "interactions": paginate(
            request, contact.interactions.select_related("recorded_by"), param="interactions_page"
        ),
        "shows_details": privacy.can_see_contact_details(request.user, contact),
        "today": timezone.localdate(),
    }
    return render(request, "campaigns/contact_detail.html", context)


@require_POST
def follow_up_done(request, pk):
    interaction = get_interaction_for_user(request.user, pk)
    services.mark_follow_up_done(interaction)
    messages.success(request, _("Follow-up marked done."))
    return redirect_next(request, interaction.contact)


@require_safe
def contact_list_export(request):
    """Every contact as CSV that imports back; email and phone only where the person may see
    them."""
    require_campaigns(request.user)
    return csv_download(contact_rows(request.user, request), CONTACT_COLUMNS, "contacts.csv")


def contact_import(request):
    require_admin(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        text = read_upload(form)
        if text is not None:
            report = import_contacts(
                io.StringIO(text), skip_invalid=form.cleaned_data["skip_invalid"]
            )
    return render(
        request,
        "import_page.html",
        {
            "form": form,
            "report": report,
            "title": _("Import contacts"),
            "columns_help": _("A CSV file (UTF-8) with the columns %(columns)s.")
            % {"columns": ", ".join(CONTACT_COLUMNS)},
        },
    )


def task_list(request):
    require_campaigns(request.user)
    if request.method == "POST":
        require_coordinator(request.user)
    form = TaskForm(request.POST or None, initial={"assignee": request.user.pk}, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Task added."))
        return redirect("campaigns:tasks")
    tasks = Task.objects.select_related(
        "assignee", "chapter", "event", "target__actor", "target__case", "material"
    )
    filters = TaskFilterForm(request.GET)
    tasks, sort = sorted_by(request, filters.apply(tasks), TASK_ORDERS, default="due")
    context = {
        "page": paginate(request, tasks),
        "filters": filters,
        "sort": sort,
        "sorts": TASK_SORTS,
        "form": form,
        "today": timezone.localdate(),
        "statuses": Task.Status.choices,
    }
    return render(request, "campaigns/task_list.html", context)


@require_POST
def task_status(request, pk):
    task = get_task_for_user(request.user, pk)
    # A value that is not a status changes nothing (the list is shown again either way).
    with contextlib.suppress(ValidationError):
        services.set_task_status(task, request.POST.get("status", ""))
    return redirect("campaigns:tasks")


def material_list(request):
    require_campaigns(request.user)
    form = MaterialForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        material = materials.create_material(request.user, **form.cleaned_data)
        messages.success(request, _("Material created; add its language versions."))
        return redirect(material)
    listed = paginate(
        request, Material.objects.prefetch_related("versions").order_by("title", "pk")
    )
    return render(request, "campaigns/material_list.html", {"page": listed, "form": form})


def material_detail(request, pk):
    """The material, its versions (approved, pending, the one served publicly) and, for those
    who may change it, the upload of a new version."""
    posting = request.method == "POST"
    material = get_material_for_user(request.user, pk, manage=posting)
    form = MaterialVersionForm(request.POST or None, request.FILES or None)
    if posting and form.is_valid():
        materials.add_version(
            material,
            language=form.cleaned_data["language"],
            upload=form.cleaned_data["file"],
            user=request.user,
        )
        messages.success(request, _("Version saved; it is public only once it is approved."))
        return redirect(material)
    context = {
        "material": material,
        "form": form,
        "versions": materials.version_rows(material),
        "shows_case": material.case is not None
        and permissions.can_view_case(request.user, material.case),
        "can_manage": permissions.can_manage_material(request.user, material),
        "can_approve": permissions.can_approve_material(request.user, material),
    }
    return render(request, "campaigns/material_detail.html", context)


@require_POST
def material_version_approve(request, pk):
    version = get_material_version_for_user(request.user, pk)
    materials.approve_version(version, request.user)
    messages.success(
        request, _("Version approved (%(language)s).") % {"language": version.language}
    )
    return redirect(version.material)


@require_POST
def material_publish(request, pk):
    material = get_material_for_user(request.user, pk, approve=True)
    try:
        materials.set_public(material, request.user, request.POST.get("public") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(material)
    messages.success(
        request,
        _("Material is now public.") if material.is_public else _("Material is no longer public."),
    )
    return redirect(material)
