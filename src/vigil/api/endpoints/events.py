"""Chapters, their events and the replies to them, by the campaign pages' rules: the campaign's
people see them, a chapter's coordinators change them, and a guest's e-mail reaches only those
who may see personal data (campaigns.access and accounts.permissions, as the pages)."""

import datetime
from typing import Literal

from django.urls import reverse
from ninja import Query, Router, Schema, Status

from vigil.accounts import permissions
from vigil.api import paging
from vigil.api.common import absolute_url, answers, changed_since, merged, page_of, run_form
from vigil.campaigns import guests, rsvps
from vigil.campaigns.access import (
    get_chapter_for_user,
    get_event_for_user,
    get_rsvp_for_user,
    require_campaigns,
    require_coordinator,
)
from vigil.campaigns.forms import EventForm
from vigil.campaigns.models import RSVP, Chapter, Event

router = Router(tags=["events"])

EventKind = Literal[tuple(Event.Kind.values)]
EventStatus = Literal[tuple(Event.Status.values)]
ReplyStatus = Literal[tuple(RSVP.Status.values)]


class ChapterOut(Schema):
    id: int
    url: str
    name: str
    city: str
    country_code: str
    communities: str
    cases: list[str]

    @staticmethod
    def resolve_url(chapter, context) -> str:
        return absolute_url(context["request"], chapter)

    @staticmethod
    def resolve_cases(chapter) -> list[str]:
        return [case.slug for case in chapter.cases.all()]


class ChapterFilters(paging.ListParams):
    country: str | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["name", "-name", "id", "-id"] = "name"


@router.get("/chapters", response=answers(page_of(ChapterOut)), url_name="chapters")
def list_chapters(request, filters: Query[ChapterFilters]):
    require_campaigns(request.user)
    chapters = Chapter.objects.prefetch_related("cases")
    if filters.country:
        chapters = chapters.filter(country_code=filters.country.upper())
    chapters = changed_since(chapters, filters.updated_since)
    return paging.page(
        chapters, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/chapters/{int:pk}", response=answers(ChapterOut), url_name="chapter")
def get_chapter(request, pk: int):
    return get_chapter_for_user(request.user, pk)


class EventOut(Schema):
    id: int
    url: str
    public_url: str | None
    title: str
    kind: str
    status: str
    chapter_id: int
    case: str | None
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    venue: str
    city: str
    country_code: str
    online_url: str
    languages: str
    capacity: int | None
    is_public: bool
    attendance: int | None
    officials_present: str
    press_links: str
    outcome_notes: str

    @staticmethod
    def resolve_url(event, context) -> str:
        return absolute_url(context["request"], event)

    @staticmethod
    def resolve_public_url(event, context) -> str | None:
        if not event.is_public:
            return None
        return context["request"].build_absolute_uri(event.get_public_url())

    @staticmethod
    def resolve_case(event) -> str | None:
        return event.case.slug if event.case_id else None


class GuestCounts(Schema):
    confirmed: int
    waitlisted: int
    unconfirmed: int
    checked_in: int


class EventDetailOut(EventOut):
    guests: GuestCounts

    @staticmethod
    def resolve_guests(event) -> dict:
        return guests.guest_counts(event)


class EventFilters(paging.ListParams):
    case: str | None = None
    chapter: int | None = None
    kind: EventKind | None = None
    status: EventStatus | None = None
    country: str | None = None
    starts_from: datetime.date | None = None
    starts_to: datetime.date | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["starts_at", "-starts_at", "id", "-id"] = "starts_at"


class EventIn(Schema):
    """An event as the page's form takes it. Start and end are local times in `time_zone`
    (YYYY-MM-DDTHH:MM). Every field may be left out of a change (PATCH)."""

    title: str | None = None
    kind: EventKind | None = None
    chapter: int | None = None
    case: int | None = None
    description: str | None = None
    time_zone: str | None = None
    starts_at: str | None = None
    ends_at: str | None = None
    venue: str | None = None
    city: str | None = None
    country_code: str | None = None
    online_url: str | None = None
    languages: str | None = None
    capacity: int | None = None
    is_public: bool | None = None
    status: EventStatus | None = None


def _events():
    return Event.objects.select_related("case")


@router.get("/events", response=answers(page_of(EventOut)), url_name="events")
def list_events(request, filters: Query[EventFilters]):
    require_campaigns(request.user)
    events = _events()
    if filters.case:
        events = events.filter(case__slug=filters.case)
    if filters.chapter is not None:
        events = events.filter(chapter_id=filters.chapter)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.country:
        events = events.filter(country_code=filters.country.upper())
    if filters.starts_from:
        events = events.filter(starts_at__date__gte=filters.starts_from)
    if filters.starts_to:
        events = events.filter(starts_at__date__lte=filters.starts_to)
    events = changed_since(events, filters.updated_since)
    return paging.page(
        events, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/events/{int:pk}", response=answers(EventDetailOut), url_name="event")
def get_event(request, pk: int):
    return get_event_for_user(request.user, pk)


def _event_form_data(event: Event, user) -> dict:
    """What the event's edit page starts from."""
    form = EventForm(instance=event, user=user)
    return {name: form[name].value() for name in form.fields}


@router.post("/events", response=answers(EventDetailOut, 201), url_name="events")
def add_event(request, payload: EventIn):
    """Create an event in a chapter the caller coordinates (as "New event")."""
    require_coordinator(request.user)
    # The fields left out take the values the page's empty form starts from.
    data = merged(_event_form_data(Event(), request.user), payload.dict(exclude_unset=True))
    form = EventForm(data, user=request.user)
    run_form(form)
    event = form.save()
    return Status(201, get_event_for_user(request.user, event.pk))


@router.patch("/events/{int:pk}", response=answers(EventDetailOut), url_name="event")
def change_event(request, pk: int, payload: EventIn):
    """Change an event; the fields left out keep their values. Places a larger capacity frees go
    to the waiting list, as on the page."""
    event = get_event_for_user(request.user, pk, manage=True)
    was_capacity = event.capacity
    data = merged(_event_form_data(event, request.user), payload.dict(exclude_unset=True))
    form = EventForm(data, instance=event, user=request.user)
    run_form(form)
    event = form.save()
    rsvps.promote_after_capacity_change(event, was_capacity)
    return get_event_for_user(request.user, pk)


class ReplyOut(Schema):
    """A guest's reply. The e-mail is null for those who may not see personal data."""

    id: int
    url: str
    event_id: int
    name: str
    email: str | None
    status: str
    created_at: datetime.datetime
    confirmed_at: datetime.datetime | None
    checked_in_at: datetime.datetime | None

    @staticmethod
    def resolve_url(reply, context) -> str:
        # A reply has no page of its own: its address is the API's.
        address = reverse("api:rsvp", args=[reply.pk])
        return context["request"].build_absolute_uri(address)

    @staticmethod
    def resolve_email(reply, context) -> str | None:
        user = context["request"].user
        return (
            reply.email
            if permissions.can_see_personal_data(user, [reply.event.chapter_id])
            else None
        )


class ReplyFilters(paging.ListParams):
    status: ReplyStatus | None = None
    updated_since: datetime.datetime | None = None
    sort: Literal["created_at", "-created_at", "id", "-id"] = "created_at"


@router.get("/events/{int:pk}/rsvps", response=answers(page_of(ReplyOut)), url_name="event_rsvps")
def list_replies(request, pk: int, filters: Query[ReplyFilters]):
    """The event's guests as its page lists them: confirmed, waiting, and unconfirmed replies
    whose link has not expired."""
    event = get_event_for_user(request.user, pk)
    replies = guests.guest_list(event).select_related("event")
    if filters.status:
        replies = replies.filter(status=filters.status)
    replies = changed_since(replies, filters.updated_since)
    return paging.page(
        replies, sort=filters.sort, cursor=filters.cursor, limit=filters.limit, request=request
    )


@router.get("/rsvps/{int:pk}", response=answers(ReplyOut), url_name="rsvp")
def get_reply(request, pk: int):
    event_reply = RSVP.objects.select_related("event").filter(pk=pk).first()
    # Seen by whoever sees the event; get_rsvp_for_user would also ask for the right to change.
    get_event_for_user(request.user, event_reply.event_id if event_reply else 0)
    return event_reply


@router.post("/rsvps/{int:pk}/check-in", response=answers(ReplyOut), url_name="rsvp_check_in")
def check_in(request, pk: int):
    """Check a confirmed guest in at the door (the event chapter's coordinators)."""
    return rsvps.check_in(get_rsvp_for_user(request.user, pk))


@router.post("/rsvps/{int:pk}/cancel", response=answers(ReplyOut), url_name="rsvp_cancel")
def cancel(request, pk: int):
    """Cancel a reply; a place it held goes to the first on the waiting list."""
    rsvps.cancel(get_rsvp_for_user(request.user, pk))
    return RSVP.objects.select_related("event").get(pk=pk)
