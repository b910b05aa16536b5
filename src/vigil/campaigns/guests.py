"""An event's guests as its page lists them: the counts by one aggregate, the list paged.

The list holds the confirmed guests, then the waiting list, then the replies still waiting for
their e-mailed link (expired ones no longer count), each group in the order the replies came.
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from vigil.campaigns.models import RSVP, Event
from vigil.campaigns.rsvps import PENDING


def _unconfirmed(now) -> Q:
    return Q(status__in=PENDING, expires_at__gt=now)


def guest_counts(event: Event, now=None) -> dict[str, int]:
    """confirmed, waitlisted, unconfirmed (not yet expired) and checked_in, in one query."""
    now = now or timezone.now()
    live = Q(status__in=(*PENDING, RSVP.Status.CONFIRMED, RSVP.Status.WAITLISTED))
    return event.rsvps.filter(live).aggregate(
        confirmed=Count("pk", filter=Q(status=RSVP.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RSVP.Status.WAITLISTED)),
        unconfirmed=Count("pk", filter=_unconfirmed(now)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )


def guest_list(event: Event, now=None):
    """The replies the page lists, in its order (a queryset, for paging)."""
    now = now or timezone.now()
    shown = Q(status__in=(RSVP.Status.CONFIRMED, RSVP.Status.WAITLISTED)) | _unconfirmed(now)
    group = Case(
        When(status=RSVP.Status.CONFIRMED, then=Value(0)),
        When(status=RSVP.Status.WAITLISTED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return event.rsvps.filter(shown).order_by(group, "created_at", "pk")
