"""Outreach: contacts and their history, follow-ups, tasks and materials."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.campaigns import privacy, services
from vigil.campaigns.access import (
    limit_chapters,
    require_admin,
    require_campaigns,
    require_chapter_manager,
    require_coordinator,
)
from vigil.campaigns.forms import (
    ContactForm,
    InteractionForm,
    MaterialForm,
    MaterialVersionForm,
    TaskForm,
)
from vigil.campaigns.importers import CONTACT_COLUMNS, import_contacts
from vigil.campaigns.models import Contact, Interaction, Material, MaterialVersion, Task
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile
from vigil.tabular import ImportForm, read_upload


@require_safe
def contact_list(request):
    require_campaigns(request.user)
    contacts = Contact.objects.select_related("actor", "chapter")
    kind = request.GET.get("kind")
    if kind:
        contacts = contacts.filter(kind=kind)
    context = {
        "contacts": contacts,
        "kinds": Contact.Kind.choices,
        "kind": kind,
        "overdue": services.overdue_follow_ups(timezone.localdate()),
    }
    return render(request, "campaigns/contact_list.html", context)


def contact_add(request):
    require_coordinator(request.user)
    form = ContactForm(request.POST or None)
    limit_chapters(request.user, form)
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, _("Contact added."))
        return redirect(contact)
    return render(request, "campaigns/form_page.html", {"form": form, "title": _("Add a contact")})


def contact_detail(request, pk):
    require_campaigns(request.user)
    contact = get_object_or_404(Contact.objects.select_related("actor", "chapter"), pk=pk)
    if request.method == "POST":
        require_chapter_manager(request.user, contact.chapter_id)
    form = InteractionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        interaction = form.save(commit=False)
        interaction.contact = contact
        interaction.recorded_by = request.user
        interaction.save()
        messages.success(request, _("Interaction recorded."))
        return redirect(contact)
    context = {
        "contact": contact,
        "form": form,
        "interactions": contact.interactions.select_related("recorded_by"),
        "shows_details": privacy.can_see_contact_details(request.user, contact),
        "today": timezone.localdate(),
    }
    return render(request, "campaigns/contact_detail.html", context)


@require_POST
def follow_up_done(request, pk):
    interaction = get_object_or_404(Interaction, pk=pk)
    require_chapter_manager(request.user, interaction.contact.chapter_id)
    interaction.follow_up_done = True
    interaction.save(update_fields=["follow_up_done"])
    messages.success(request, _("Follow-up marked done."))
    return redirect(request.POST.get("next") or interaction.contact.get_absolute_url())


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
    form = TaskForm(request.POST or None, initial={"assignee": request.user.pk})
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Task added."))
        return redirect("campaigns:tasks")
    tasks = Task.objects.select_related("assignee", "chapter", "event", "target__actor", "material")
    context = {
        "tasks": tasks.exclude(status=Task.Status.DONE),
        "form": form,
        "done": tasks.filter(status=Task.Status.DONE)[:20],
        "today": timezone.localdate(),
        "statuses": Task.Status.choices,
    }
    return render(request, "campaigns/task_list.html", context)


@require_POST
def task_status(request, pk):
    task = get_object_or_404(Task, pk=pk)
    if task.assignee_id != request.user.pk:
        require_chapter_manager(request.user, task.chapter_id)
    if request.POST.get("status") in Task.Status.values:
        task.status = request.POST["status"]
        task.save(update_fields=["status"])
    return redirect("campaigns:tasks")


def material_list(request):
    require_campaigns(request.user)
    form = MaterialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        material = form.save()
        messages.success(request, _("Material created; add its language versions."))
        return redirect(material)
    materials = Material.objects.prefetch_related("versions")
    return render(request, "campaigns/material_list.html", {"materials": materials, "form": form})


def material_detail(request, pk):
    require_campaigns(request.user)
    material = get_object_or_404(Material, pk=pk)
    form = MaterialVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        sha, size = archive.store_chunks(upload.chunks())
        archived, _created = ArchivedFile.objects.get_or_create(
            sha256=sha,
            defaults={
                "size": size,
                "media_type": upload.content_type or "",
                "original_name": upload.name[:255],
            },
        )
        MaterialVersion.objects.update_or_create(
            material=material,
            language=form.cleaned_data["language"].lower(),
            defaults={"archived_file": archived},
        )
        messages.success(request, _("Version saved in the archive."))
        return redirect(material)
    context = {
        "material": material,
        "form": form,
        "can_approve": permissions.can_approve_material(request.user, material),
    }
    return render(request, "campaigns/material_detail.html", context)


@require_POST
def material_approve(request, pk):
    material = get_object_or_404(Material, pk=pk)
    if not permissions.can_approve_material(request.user, material):
        raise PermissionDenied("Only a researcher of the material's case may approve it.")
    material.approved_by = request.user
    material.approved_at = timezone.now()
    material.save(update_fields=["approved_by", "approved_at"])
    messages.success(request, _("Material approved."))
    return redirect(material)


@require_POST
def material_publish(request, pk):
    material = get_object_or_404(Material, pk=pk)
    if not permissions.can_approve_material(request.user, material):
        raise PermissionDenied("Only a researcher of the material's case may publish it.")
    if not material.is_approved:
        messages.error(request, _("A material must be approved before it is made public."))
        return redirect(material)
    material.is_public = request.POST.get("public") == "1"
    material.save(update_fields=["is_public"])
    messages.success(
        request,
        _("Material is now public.") if material.is_public else _("Material is no longer public."),
    )
    return redirect(material)
