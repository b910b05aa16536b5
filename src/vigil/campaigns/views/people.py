"""Chapters, their dashboards, and members (with the pseudonym rule of campaigns.privacy)."""

import json

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.campaigns import privacy, services
from vigil.campaigns.access import (
    get_chapter_for_user,
    get_consent_for_user,
    get_member_for_user,
    require_admin,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.forms import ChapterForm, ConsentForm, MemberForm
from vigil.campaigns.importers import MEMBER_COLUMNS, import_members
from vigil.campaigns.models import Chapter, Event, Member
from vigil.campaigns.views.charts import events_chart
from vigil.tabular import ImportForm, read_upload


def _dashboard_context(request, chapter=None) -> dict:
    today = timezone.localdate()
    events = Event.objects.select_related("chapter", "case")
    if chapter is not None:
        events = events.filter(chapter=chapter)
    chapters = Chapter.objects.annotate(member_count=Count("members", distinct=True))
    return {
        "chapter": chapter,
        "upcoming": events.filter(starts_at__gte=timezone.now()).exclude(status="cancelled")[:10],
        "overdue_follow_ups": services.overdue_follow_ups(today, chapter),
        "overdue_tasks": services.overdue_tasks(today, chapter),
        "chart": events_chart(services.events_per_country_per_year(events)),
        "chapters": chapters if chapter is None else chapters.filter(pk=chapter.pk),
    }


@require_safe
def dashboard(request):
    require_campaigns(request.user)
    return render(request, "campaigns/dashboard.html", _dashboard_context(request))


def chapter_list(request):
    require_campaigns(request.user)
    if request.method == "POST":
        require_admin(request.user)
    chapters = Chapter.objects.annotate(
        member_count=Count("members", distinct=True), event_count=Count("events", distinct=True)
    )
    form = ChapterForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        chapter = form.save()
        messages.success(request, _("Chapter created."))
        return redirect(chapter)
    return render(request, "campaigns/chapter_list.html", {"chapters": chapters, "form": form})


@require_safe
def chapter_detail(request, pk):
    chapter = get_chapter_for_user(request.user, pk)
    context = _dashboard_context(request, chapter)
    context["members"] = privacy.present(request.user, chapter.members.prefetch_related("chapters"))
    context["coordinators"] = chapter.coordinators.all()
    context["manages"] = permissions.can_manage_chapter(request.user, chapter.pk)
    return render(request, "campaigns/chapter_detail.html", context)


def chapter_edit(request, pk):
    chapter = get_chapter_for_user(request.user, pk, manage=True)
    form = ChapterForm(request.POST or None, instance=chapter, user=request.user)
    if not permissions.is_admin(request.user):
        # Who holds a role, and so who sees personal data, is for administrators to decide.
        for field in ("coordinators", "volunteers"):
            form.fields.pop(field, None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Chapter updated."))
        return redirect(chapter)
    return render(request, "campaigns/form_page.html", {"form": form, "title": chapter.name})


@require_safe
def member_list(request):
    require_campaigns(request.user)
    query = request.GET.get("q", "").strip()
    members = privacy.search_members(
        request.user, Member.objects.prefetch_related("chapters"), query
    )
    return render(
        request,
        "campaigns/member_list.html",
        {"members": privacy.present(request.user, members), "query": query},
    )


def _member_for(request, pk, *, manage=False) -> tuple[Member, privacy.MemberView]:
    member = get_member_for_user(request.user, pk, manage=manage)
    return member, privacy.MemberView(member, privacy.can_see_identity(request.user, member))


@require_safe
def member_detail(request, pk):
    member, view = _member_for(request, pk)
    context = {
        "view": view,
        "member": member,
        "consent_form": ConsentForm(),
        "can_manage": privacy.can_manage(request.user, member),
    }
    return render(request, "campaigns/member_detail.html", context)


def member_add(request):
    require_coordinator(request.user)
    form = MemberForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        messages.success(request, _("Member added."))
        return redirect(member)
    return render(request, "campaigns/form_page.html", {"form": form, "title": _("Add a member")})


def member_edit(request, pk):
    member, view = _member_for(request, pk, manage=True)
    form = MemberForm(
        request.POST or None, instance=member, show_identity=view.shows_identity, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Member updated."))
        return redirect(member)
    return render(request, "campaigns/form_page.html", {"form": form, "title": view.name})


@require_safe
def member_export(request, pk):
    member, _view = _member_for(request, pk, manage=True)
    response = HttpResponse(
        json.dumps(services.export_member(member), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="member-{member.pk}.json"'
    return response


@require_POST
def member_erase(request, pk):
    member, _view = _member_for(request, pk, manage=True)
    services.erase_member(member, request.user)
    messages.success(request, _("The member's personal data was erased."))
    return redirect("campaigns:members")


@require_POST
def consent_add(request, pk):
    member, _view = _member_for(request, pk, manage=True)
    form = ConsentForm(request.POST)
    if form.is_valid():
        consent = form.save(commit=False)
        consent.member = member
        consent.save()
        messages.success(request, _("Consent recorded."))
    return redirect(member)


@require_POST
def consent_withdraw(request, pk):
    consent = get_consent_for_user(request.user, pk)
    services.withdraw_consent(consent)
    messages.success(request, _("Consent withdrawn."))
    return redirect(consent.member)


def member_import(request):
    require_admin(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        import io

        text = read_upload(form)
        if text is not None:
            report = import_members(
                io.StringIO(text), skip_invalid=form.cleaned_data["skip_invalid"]
            )
    return render(
        request,
        "import_page.html",
        {
            "form": form,
            "report": report,
            "title": _("Import members"),
            "columns_help": _("A CSV file (UTF-8) with the columns %(columns)s.")
            % {"columns": ", ".join(MEMBER_COLUMNS)},
        },
    )
