"""Campaign rules: member export and erasure, the anniversary count, overdue work (replies to
events are in campaigns.rsvps)."""

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.accounts.audit import record
from vigil.accounts.models import AuditEntry
from vigil.campaigns.models import RSVP, Consent, Event, Interaction, Member, Task

# --- members -----------------------------------------------------------------------------------


def export_member(member: Member) -> dict:
    """Everything Vigil holds about a member, for a data request."""
    return {
        "display_name": member.display_name,
        "is_pseudonymous": member.is_pseudonymous,
        "legal_name": member.legal_name,
        "email": member.email,
        "phone": member.phone,
        "languages": member.languages,
        "skills": member.skills,
        "availability": member.availability,
        "joined_on": member.joined_on.isoformat(),
        "chapters": [chapter.name for chapter in member.chapters.all()],
        "consents": [
            {
                "purpose": c.purpose,
                "statement": c.statement,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in member.consents.all()
        ],
        "event_replies": [
            {"event": r.event.title, "status": r.status, "created_at": r.created_at.isoformat()}
            for r in RSVP.objects.filter(email=member.email).select_related("event")
        ]
        if member.email
        else [],
    }


@transaction.atomic
def erase_member(member: Member, user=None) -> None:
    """Erase a member's personal data on request. The audit log records that an erasure happened
    and by whom, never what was erased."""
    if member.email:
        RSVP.objects.filter(email=member.email).update(name=_("(erased)"), email="erased@invalid")
    member.consents.all().delete()
    Member.objects.filter(pk=member.pk).update(
        display_name=_("Erased member #%(pk)s") % {"pk": member.pk},
        legal_name="",
        email="",
        phone="",
        languages="",
        skills="",
        availability="",
        user=None,
        erased_at=timezone.now(),
    )
    member.refresh_from_db()
    record(AuditEntry.Action.ERASE, member, {}, object_repr=f"member #{member.pk}")


def withdraw_consent(consent: Consent, now=None) -> Consent:
    consent.withdrawn_at = now or timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    return consent


# --- overviews ---------------------------------------------------------------------------------


def _anniversary_events(case):
    return Event.objects.filter(case=case).exclude(status=Event.Status.CANCELLED)


def anniversary_years(case) -> list[int]:
    """The years in which the case's events take place, each counted in the event's own zone."""
    events = _anniversary_events(case).only("starts_at", "time_zone")
    return sorted({event.local_start.year for event in events})


def default_anniversary_year(case, now=None) -> int:
    """The next anniversary that has events: the year of the first event not yet over, else the
    latest year with events, else this year."""
    now = now or timezone.now()
    events = _anniversary_events(case).only("starts_at", "time_zone").order_by("starts_at")
    next_event = events.filter(ends_at__gte=now).first()
    if next_event is not None:
        return next_event.local_start.year
    last_event = events.last()
    return last_event.local_start.year if last_event else timezone.localdate(now).year


def anniversary(case, year: int) -> dict:
    """Where the case's events run in a year, by date: the headline 'events in N countries'."""
    # A day's margin either side, then the event's own zone decides its year.
    after = datetime.datetime(year - 1, 12, 31, tzinfo=datetime.UTC)
    before = datetime.datetime(year + 1, 1, 2, tzinfo=datetime.UTC)
    candidates = (
        _anniversary_events(case)
        .filter(starts_at__gte=after, starts_at__lt=before)
        .select_related("chapter")
        .order_by("starts_at", "pk")
    )
    events = [event for event in candidates if event.local_start.year == year]
    countries = Counter(e.country_code for e in events if e.country_code)
    cities = {(e.country_code, e.city) for e in events if e.city}
    return {
        "events": events,
        "countries": countries,
        "country_count": len(countries),
        "city_count": len(cities),
    }


def overdue_follow_ups(today: datetime.date, chapter=None):
    interactions = Interaction.objects.filter(
        follow_up_on__lt=today, follow_up_done=False
    ).select_related("contact", "contact__chapter")
    if chapter is not None:
        interactions = interactions.filter(contact__chapter=chapter)
    return interactions.order_by("follow_up_on")


def overdue_tasks(today: datetime.date, chapter=None):
    tasks = Task.objects.filter(due_date__lt=today).exclude(status=Task.Status.DONE)
    if chapter is not None:
        tasks = tasks.filter(chapter=chapter)
    return tasks.select_related("assignee").order_by("due_date")


def events_per_country_per_year(events) -> dict:
    """{year: Counter(country: events)} for the dashboard's chart."""
    table: dict[int, Counter] = {}
    for event in events:
        if event.status == Event.Status.CANCELLED or not event.country_code:
            continue
        table.setdefault(event.starts_at.year, Counter())[event.country_code] += 1
    return dict(sorted(table.items()))
