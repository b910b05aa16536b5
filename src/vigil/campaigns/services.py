"""Campaign rules: RSVPs and the waiting list, member export and erasure, the anniversary count."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vigil.accounts.audit import record
from vigil.accounts.models import AuditEntry
from vigil.campaigns.models import RSVP, Consent, Event, Interaction, Member, Task

CONSENT_STATEMENT = gettext_lazy(
    "I agree that the organisers keep my name and email to manage my place at this event, and "
    "delete them within 30 days after it."
)


def _notify(rsvp: RSVP, subject: str, body: str) -> None:
    send_mail(subject, body, None, [rsvp.email], fail_silently=False)


def _confirmed_count(event: Event) -> int:
    return event.rsvps.filter(status=RSVP.Status.CONFIRMED).count()


@transaction.atomic
def reply(event: Event, *, name: str, email: str, consent: bool, now=None) -> RSVP:
    """Take a reply to a public event: confirmed while places remain, else on the waiting list.

    Refuses a past or cancelled event, a second reply with the same email, and a reply without
    consent; each with a message for the person, changing nothing.
    """
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_public:
        raise ValidationError(_("This event does not take replies."))
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event has been cancelled."))
    if event.starts_at <= now:
        raise ValidationError(_("This event has already taken place."))
    if not consent:
        raise ValidationError(_("Please agree to how your name and email will be used."))
    email = email.strip().lower()
    if event.rsvps.filter(email=email).exclude(status=RSVP.Status.CANCELLED).exists():
        raise ValidationError(_("You have already replied with this email address."))
    full = event.capacity is not None and _confirmed_count(event) >= event.capacity
    rsvp = RSVP.objects.create(
        event=event,
        name=name.strip(),
        email=email,
        consent_statement=str(CONSENT_STATEMENT),
        status=RSVP.Status.WAITLISTED if full else RSVP.Status.CONFIRMED,
        created_at=now,
    )
    when = event.local_start.strftime("%Y-%m-%d %H:%M")
    if full:
        _notify(
            rsvp,
            _("Waiting list: %(title)s") % {"title": event.title},
            _(
                "Dear %(name)s,\n\n%(title)s (%(when)s %(tz)s) is full. You are on the waiting "
                "list; we will write if a place frees."
            )
            % {"name": rsvp.name, "title": event.title, "when": when, "tz": event.time_zone},
        )
    else:
        _notify(
            rsvp,
            _("Your place: %(title)s") % {"title": event.title},
            _(
                "Dear %(name)s,\n\nYour place at %(title)s on %(when)s (%(tz)s) is confirmed.\n"
                "Venue: %(venue)s"
            )
            % {
                "name": rsvp.name,
                "title": event.title,
                "when": when,
                "tz": event.time_zone,
                "venue": event.venue or event.online_url,
            },
        )
    return rsvp


@transaction.atomic
def cancel(rsvp: RSVP) -> RSVP | None:
    """Cancel a reply; a confirmed place that frees goes to the first on the waiting list.
    Returns the promoted reply, if any."""
    was_confirmed = rsvp.status == RSVP.Status.CONFIRMED
    rsvp.status = RSVP.Status.CANCELLED
    rsvp.save(update_fields=["status"])
    return promote(rsvp.event) if was_confirmed else None


def promote(event: Event) -> RSVP | None:
    if event.capacity is not None and _confirmed_count(event) >= event.capacity:
        return None
    first = event.rsvps.filter(status=RSVP.Status.WAITLISTED).order_by("created_at", "pk").first()
    if first is None:
        return None
    first.status = RSVP.Status.CONFIRMED
    first.save(update_fields=["status"])
    _notify(
        first,
        _("A place freed: %(title)s") % {"title": event.title},
        _("Dear %(name)s,\n\nA place has freed at %(title)s and it is yours.")
        % {"name": first.name, "title": event.title},
    )
    return first


def check_in(rsvp: RSVP, now=None) -> RSVP:
    if rsvp.status != RSVP.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed guests can be checked in."))
    rsvp.checked_in_at = now or timezone.now()
    rsvp.save(update_fields=["checked_in_at"])
    return rsvp


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
