"""What the campaign pages count and list: the anniversary view, overdue follow-ups and tasks,
events per country and year. Reads only; the changes are in campaigns.services."""

import datetime
from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from vigil.campaigns.models import Event, Interaction, Task


def _anniversary_events(case):
    return Event.objects.filter(case=case).exclude(status=Event.Status.CANCELLED)


# An event's own zone is at most 14 hours from UTC: only an event this close to a new year in UTC
# can belong, in its own zone, to another year than its UTC start says.
_ZONE_REACH = datetime.timedelta(hours=14)


def _new_year(year: int) -> datetime.datetime:
    return datetime.datetime(year, 1, 1, tzinfo=datetime.UTC)


def _near_new_year(years) -> Q:
    """Events starting within reach of the new year that begins any of `years` (in UTC)."""
    near = Q(pk__in=[])
    for year in years:
        near |= Q(
            starts_at__gte=_new_year(year) - _ZONE_REACH,
            starts_at__lt=_new_year(year) + _ZONE_REACH,
        )
    return near


def anniversary_years(case) -> list[int]:
    """The years in which the case's events take place, each counted in the event's own zone:
    the database gives the UTC years, and only events near a new year are read one by one."""
    events = _anniversary_events(case)
    utc_years = set(
        events.annotate(year=ExtractYear("starts_at", tzinfo=datetime.UTC))
        .values_list("year", flat=True)
        .distinct()
        .order_by()
    )
    near = _near_new_year(utc_years | {year + 1 for year in utc_years})
    years = set(
        events.exclude(near)
        .annotate(year=ExtractYear("starts_at", tzinfo=datetime.UTC))
        .values_list("year", flat=True)
        .distinct()
        .order_by()
    )
    years |= {
        event.local_start.year for event in events.filter(near).only("starts_at", "time_zone")
    }
    return sorted(years)


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
    """Where the case's events run in a year: the headline 'events in N countries', counted by
    the database, and the events by date (a queryset, for a paged list)."""
    events = _anniversary_events(case)
    edges = events.filter(_near_new_year([year, year + 1])).only("starts_at", "time_zone")
    in_year_edges = [event.pk for event in edges if event.local_start.year == year]
    surely = Q(
        starts_at__gte=_new_year(year) + _ZONE_REACH,
        starts_at__lt=_new_year(year + 1) - _ZONE_REACH,
    )
    in_year = events.filter(surely | Q(pk__in=in_year_edges))
    per_country = (
        in_year.exclude(country_code="").values("country_code").annotate(n=Count("pk")).order_by()
    )
    countries = Counter({row["country_code"]: row["n"] for row in per_country})
    cities = in_year.exclude(city="").values_list("country_code", "city").distinct().order_by()
    return {
        "events": in_year.select_related("chapter").order_by("starts_at", "pk"),
        "countries": countries,
        "country_count": len(countries),
        "city_count": cities.count(),
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
    """{year: Counter(country: events)} for the dashboard's chart, counted by the database (one
    row per year and country); the year is the UTC year of the start."""
    rows = (
        events.exclude(status=Event.Status.CANCELLED)
        .exclude(country_code="")
        .annotate(year=ExtractYear("starts_at", tzinfo=datetime.UTC))
        .values("year", "country_code")
        .annotate(n=Count("pk"))
        .order_by("year", "-n", "country_code")
    )
    table: dict[int, Counter] = {}
    for row in rows:
        table.setdefault(row["year"], Counter())[row["country_code"]] = row["n"]
    return table
