"""Events: the internal pages, the anniversary view and the iCal feeds (the public reply pages
are in views.rsvp)."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from vigil.accounts import permissions
from vigil.campaigns import feeds, guests, overviews, rsvps, services, translations
from vigil.campaigns.access import (
    get_event_for_user,
    get_event_to_translate,
    get_rsvp_for_user,
    may_translate_event,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.filters import EventFilterForm, past_events, upcoming_events
from vigil.campaigns.forms import EventForm, EventTranslationForm, OutcomeForm
from vigil.campaigns.models import Chapter, Event, EventTranslation
from vigil.cases import translations as cases_translations
from vigil.cases.models import Case
from vigil.paging import paginate
from vigil.recognition.worldmap import Mark, world_map_svg


@require_safe
def event_list(request):
    require_campaigns(request.user)
    filters = EventFilterForm(request.GET)
    events = filters.apply(Event.objects.select_related("chapter", "case"))
    context = {"filters": filters}
    if filters.shows("upcoming"):
        soonest = upcoming_events(events).order_by("starts_at", "pk")
        context["upcoming"] = paginate(request, soonest, param="upcoming_page")
    if filters.shows("past"):
        latest = past_events(events).order_by("-starts_at", "-pk")
        context["past"] = paginate(request, latest, param="past_page")
    return render(request, "campaigns/event_list.html", context)


def event_add(request):
    require_coordinator(request.user)
    initial = {"chapter": request.GET.get("chapter"), "case": request.GET.get("case")}
    form = EventForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        messages.success(request, _("Event created."))
        return redirect(event)
    return render(request, "campaigns/form_page.html", {"form": form, "title": _("New event")})


def event_edit(request, pk):
    event = get_event_for_user(request.user, pk, manage=True)
    was_capacity = event.capacity
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        rsvps.promote_after_capacity_change(event, was_capacity)
        messages.success(request, _("Event updated."))
        return redirect(event)
    return render(request, "campaigns/form_page.html", {"form": form, "title": event.title})


def _sees_emails(user, event) -> bool:
    return permissions.can_see_personal_data(user, [event.chapter_id])


@require_safe
def event_detail(request, pk):
    event = get_event_for_user(request.user, pk)
    context = {
        "event": event,
        **guests.guest_counts(event),
        "guests": paginate(request, guests.guest_list(event), param="guests_page"),
        "sees_emails": _sees_emails(request.user, event),
        "outcome_form": OutcomeForm(instance=event),
        "is_past": event.starts_at < timezone.now(),
    }
    if may_translate_event(request.user, event):
        context["translations"] = cases_translations.languages_of(event)
    return render(request, "campaigns/event_detail.html", context)


def event_translate(request, pk, language):
    """The event's title and description in one of Vigil's other languages, beside the
    original."""
    event = get_event_to_translate(request.user, pk)
    if language not in dict(settings.LANGUAGES) or language == event.original_language:
        raise Http404("No such language to translate into")
    found = EventTranslation.objects.filter(event=event, language=language).first()
    form = EventTranslationForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        translations.save_event_translation(event, language=language, **form.cleaned_data)
        messages.success(request, _("Translation saved."))
        # A translator without a chapter sees no event page: they stay on this one.
        return redirect(event if permissions.can_view_campaigns(request.user) else request.path)
    context = {"form": form, "event": event, "language": language}
    return render(request, "campaigns/event_translate.html", context)


@require_POST
def event_outcome(request, pk):
    event = get_event_for_user(request.user, pk, manage=True)
    form = OutcomeForm(request.POST, request.FILES, instance=event)
    if form.is_valid():
        report = {name: form.cleaned_data[name] for name in OutcomeForm.Meta.fields}
        services.report_outcome(event, report, photo=form.cleaned_data.get("photo"))
        messages.success(request, _("Outcome report saved."))
    else:
        messages.error(
            request, _("The outcome report has errors: %(e)s") % {"e": form.errors.as_text()}
        )
    return redirect(event)


@require_POST
def rsvp_check_in(request, pk):
    rsvp = get_rsvp_for_user(request.user, pk)
    try:
        rsvps.check_in(rsvp)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s checked in.") % {"name": rsvp.name})
    return redirect(rsvp.event)


@require_POST
def rsvp_cancel(request, pk):
    rsvp = get_rsvp_for_user(request.user, pk)
    promoted = rsvps.cancel(rsvp)
    messages.success(request, _("Reply cancelled."))
    if promoted:
        messages.info(
            request, _("%(name)s moved from the waiting list to a place.") % {"name": promoted.name}
        )
    return redirect(rsvp.event)


def _year_asked(request, default: int) -> int:
    """The ?year= asked for; anything that is not a plausible year shows the default, saying so."""
    asked = request.GET.get("year", "").strip()
    if not asked:
        return default
    if asked.isdigit() and 1900 <= int(asked) <= 2999:
        return int(asked)
    messages.warning(
        request,
        _("“%(asked)s” is not a year: showing %(year)s.") % {"asked": asked, "year": default},
    )
    return default


@require_safe
def anniversary(request, slug):
    require_campaigns(request.user)
    case = get_object_or_404(Case, slug=slug)  # events only: nothing of the case's evidence
    year = _year_asked(request, overviews.default_anniversary_year(case))
    data = overviews.anniversary(case, year)
    data["events"] = paginate(request, data["events"])
    marks = {
        code: Mark(
            "cls-event", ngettext("%(counter)s event", "%(counter)s events", n) % {"counter": n}
        )
        for code, n in data["countries"].items()
    }
    context = {
        "case": case,
        "year": year,
        **data,
        "map": world_map_svg(marks, _("Countries with events")),
        "years": sorted(set(overviews.anniversary_years(case)) | {year}),
    }
    return render(request, "campaigns/anniversary.html", context)


# --- public pages: no sign-in ------------------------------------------------------------------


@login_not_required
@require_safe
def ical_all(request):
    return _ical(request, Event.objects.filter(is_public=True), _("Public events"))


@login_not_required
@require_safe
def ical_chapter(request, pk):
    chapter = get_object_or_404(Chapter, pk=pk)
    return _ical(request, chapter.events.filter(is_public=True), chapter.name)


def _ical(request, events, name) -> HttpResponse:
    since = timezone.now() - datetime.timedelta(days=365)
    body = feeds.ical(events.filter(ends_at__gte=since).select_related("chapter"), name, request)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
