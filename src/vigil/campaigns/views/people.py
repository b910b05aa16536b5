"""Chapters, their dashboards, and members (with the pseudonym rule of campaigns.privacy)."""

import json

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.campaigns import overviews, privacy, services, translations
from vigil.campaigns.access import (
    get_chapter_for_user,
    get_chapter_to_translate,
    get_consent_for_user,
    get_member_for_user,
    require_admin,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.filters import MEMBER_ORDERS, MEMBER_SORTS, MemberFilterForm
from vigil.campaigns.forms import ChapterForm, ChapterTranslationForm, ConsentForm, MemberForm
from vigil.campaigns.importers import MEMBER_COLUMNS, import_members, member_rows
from vigil.campaigns.models import Chapter, ChapterTranslation, Event, Member
from vigil.campaigns.views.charts import events_chart
from vigil.cases import translations as cases_translations
from vigil.counting import count_of
from vigil.paging import paginate, sorted_by
from vigil.tabular import ImportForm, csv_download, read_upload


def _member_counts(chapters):
    return chapters.annotate(member_count=count_of(Member.chapters.through.objects, "chapter"))


def _dashboard_context(request, chapter=None) -> dict:
    """The panels of a dashboard: each list paged, every count and the chart by aggregate."""
    today = timezone.localdate()
    events = Event.objects.select_related("chapter", "case")
    chapters = _member_counts(Chapter.objects.order_by("name", "pk"))
    if chapter is not None:
        events = events.filter(chapter=chapter)
        chapters = chapters.filter(pk=chapter.pk)
    follow_ups = overviews.overdue_follow_ups(today, chapter)
    return {
        "chapter": chapter,
        "upcoming": events.filter(starts_at__gte=timezone.now()).exclude(
            status=Event.Status.CANCELLED
        )[:10],
        "overdue_follow_ups": paginate(request, follow_ups, param="follow_ups_page"),
        "overdue_tasks": paginate(
            request, overviews.overdue_tasks(today, chapter), param="tasks_page"
        ),
        "chart": events_chart(overviews.events_per_country_per_year(events)),
        "chapters": paginate(request, chapters, param="chapters_page"),
    }


@require_safe
def dashboard(request):
    require_campaigns(request.user)
    return render(request, "campaigns/dashboard.html", _dashboard_context(request))


def chapter_list(request):
    require_campaigns(request.user)
    if request.method == "POST":
        require_admin(request.user)
    chapters = _member_counts(Chapter.objects.order_by("name", "pk")).annotate(
        event_count=count_of(Event.objects, "chapter")
    )
    form = ChapterForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        chapter = form.save()
        messages.success(request, _("Chapter created."))
        return redirect(chapter)
    context = {"page": paginate(request, chapters), "form": form}
    return render(request, "campaigns/chapter_list.html", context)


@require_safe
def chapter_detail(request, pk):
    chapter = get_chapter_for_user(request.user, pk)
    context = _dashboard_context(request, chapter)
    members = paginate(
        request,
        chapter.members.prefetch_related("chapters").order_by("display_name", "pk"),
        param="members_page",
    )
    context["members"] = privacy.present(request.user, members.object_list)
    context["members_page"] = members
    context["coordinators"] = chapter.coordinators.all()
    context["manages"] = permissions.can_manage_chapter(request.user, chapter.pk)
    context["text"] = translations.chapter_text(chapter)
    context["translations"] = cases_translations.languages_of(chapter)
    return render(request, "campaigns/chapter_detail.html", context)


def chapter_translate(request, pk, language):
    """The chapter's description in one of Vigil's other languages, beside the original."""
    chapter = get_chapter_to_translate(request.user, pk)
    if language not in dict(settings.LANGUAGES) or language == chapter.original_language:
        raise Http404("No such language to translate into")
    found = ChapterTranslation.objects.filter(chapter=chapter, language=language).first()
    form = ChapterTranslationForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        translations.save_chapter_translation(
            chapter, language=language, description=form.cleaned_data["description"]
        )
        messages.success(request, _("Translation saved."))
        return redirect(chapter)
    context = {"form": form, "chapter": chapter, "language": language}
    return render(request, "campaigns/chapter_translate.html", context)


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
    filters = MemberFilterForm(request.GET)
    members = filters.apply(request.user, Member.objects.prefetch_related("chapters"))
    members, sort = sorted_by(request, members, MEMBER_ORDERS, default="name")
    page = paginate(request, members)
    context = {
        "members": privacy.present(request.user, page.object_list),
        "page": page,
        "filters": filters,
        "sort": sort,
        "sorts": MEMBER_SORTS,
    }
    return render(request, "campaigns/member_list.html", context)


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
def member_list_export(request):
    """The members whose personal data the person may see, as CSV that imports back."""
    require_coordinator(request.user)
    rows = member_rows(request.user, request)
    return csv_download(rows, MEMBER_COLUMNS, "members.csv")


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
        services.record_consent(member, **form.cleaned_data)
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
