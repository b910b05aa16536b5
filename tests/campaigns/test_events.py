import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.campaigns.conftest import make_event
from vigil.campaigns import overviews
from vigil.campaigns.models import Event

pytestmark = pytest.mark.django_db


def post_event(client, chapter, **overrides):
    data = {
        "title": "Seminar",
        "kind": "seminar",
        "chapter": chapter.pk,
        "original_language": "en",
        "time_zone": "Asia/Baku",
        "starts_at": "2027-02-26T18:00",
        "ends_at": "2027-02-26T20:00",
        "is_public": "on",
        "status": "scheduled",
        **overrides,
    }
    return client.post(reverse("campaigns:event_add"), data)


def test_an_event_is_stored_in_its_own_time_zone(coordinator_client, chapter):
    post_event(coordinator_client, chapter)
    event = Event.objects.get()
    assert event.starts_at == datetime.datetime(2027, 2, 26, 14, 0, tzinfo=datetime.UTC)
    assert event.local_start.strftime("%H:%M") == "18:00"
    assert event.city == "Berlin" and event.country_code == "DEU"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"time_zone": "Mars/Olympus"}, "is not a known time zone"),
        ({"ends_at": "2027-02-26T17:00"}, "The end must be after the start"),
        ({"kind": "online"}, "needs its link"),
    ],
)
def test_bad_events_are_refused_with_a_message(coordinator_client, chapter, overrides, message):
    response = post_event(coordinator_client, chapter, **overrides)
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_the_ical_feed_parses_back_with_public_events_only(client, chapter):
    make_event(chapter, title="Public vigil")
    make_event(chapter, title="Internal planning", is_public=False)
    response = client.get(reverse("events_ical"))
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["Public vigil"]
    assert events[0]["dtstart"].dt.tzinfo is not None
    assert str(events[0]["location"]) == "Town hall"
    chapter_feed = Calendar.from_ical(
        client.get(reverse("chapter_ical", args=[chapter.pk])).content
    )
    assert len(chapter_feed.walk("VEVENT")) == 1


def test_the_anniversary_view_counts_countries_and_cities(
    coordinator_client, case, chapter, other_chapter
):
    make_event(chapter, case=case, days=10)
    make_event(chapter, case=case, days=11, title="Second event in Berlin")
    make_event(other_chapter, case=case, days=10, time_zone="Europe/Paris")
    year = Event.objects.first().starts_at.year
    data = overviews.anniversary(case, year)
    assert (data["country_count"], data["city_count"], len(data["events"])) == (2, 2, 3)
    page = coordinator_client.get(
        reverse("campaigns:anniversary", args=[case.slug]), {"year": year}
    )
    text = page.content.decode()
    assert "Events in 2 countries" in text
    assert 'data-iso="DEU"' in text and "cls-event" in text


def test_the_outcome_report_is_saved(coordinator_client, chapter):
    event = make_event(chapter)
    coordinator_client.post(
        reverse("campaigns:event_outcome", args=[event.pk]),
        {
            "attendance": "120",
            "officials_present": "Deputy mayor",
            "press_links": "https://example.org/a\nhttps://example.org/b",
        },
    )
    event.refresh_from_db()
    assert event.attendance == 120
    assert event.press_link_list == ["https://example.org/a", "https://example.org/b"]


def test_the_dashboard_shows_upcoming_overdue_and_the_chart(coordinator_client, chapter):
    from vigil.campaigns.models import Contact, Interaction, Task

    make_event(chapter, title="Upcoming seminar")
    contact = Contact.objects.create(name="A. Journalist", kind="journalist", chapter=chapter)
    Interaction.objects.create(
        contact=contact,
        channel="email",
        summary="Sent fact sheet",
        follow_up_on=datetime.date(2020, 1, 1),
    )
    Task.objects.create(title="Book the hall", chapter=chapter, due_date=datetime.date(2020, 1, 1))
    page = coordinator_client.get(reverse("campaigns:chapter", args=[chapter.pk])).content.decode()
    assert "Upcoming seminar" in page
    assert "A. Journalist" in page and "Book the hall" in page
    assert 'class="bar"' in page and "Germany" in page


def evening(chapter, case, day: datetime.date, *, hour=18, title="Commemoration"):
    """Two hours from `hour` on `day` in the chapter's zone (Berlin or Paris)."""
    zone_name = {"DEU": "Europe/Berlin", "FRA": "Europe/Paris"}[chapter.country_code]
    start = datetime.datetime.combine(day, datetime.time(hour), zoneinfo.ZoneInfo(zone_name))
    return make_event(
        chapter,
        case=case,
        title=title,
        time_zone=zone_name,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )


def berlin_evening(chapter, case, year):
    """18:00–20:00 in Berlin on 26 February: 17:00–19:00 in UTC, the site's zone in tests."""
    return evening(chapter, case, datetime.date(year, 2, 26))


def test_every_page_shows_an_event_in_its_own_zone_and_says_which(
    coordinator_client, client, case, chapter
):
    Case = type(case)
    Case.objects.filter(pk=case.pk).update(is_public=True)
    year = timezone.localdate().year + 1
    event = berlin_evening(chapter, case, year)
    pages = {
        "event": coordinator_client.get(reverse("campaigns:event", args=[event.pk])),
        "event list": coordinator_client.get(reverse("campaigns:events")),
        "dashboard": coordinator_client.get(reverse("campaigns:dashboard")),
        "chapter dashboard": coordinator_client.get(
            reverse("campaigns:chapter", args=[chapter.pk])
        ),
        "anniversary": coordinator_client.get(
            reverse("campaigns:anniversary", args=[case.slug]), {"year": year}
        ),
        "public event": client.get(reverse("public_event", args=[event.pk])),
        "public site": client.get(reverse("public_case", args=[case.slug])),
    }
    for name, response in pages.items():
        text = response.content.decode()
        assert "18:00 – 20:00 (Europe/Berlin)" in text, name
        assert "17:00" not in text, name


def anniversary_page(client, case, **query):
    return client.get(reverse("campaigns:anniversary", args=[case.slug]), query)


def test_the_anniversary_view_opens_on_the_next_year_that_has_events(
    coordinator_client, case, chapter, other_chapter
):
    next_year = timezone.localdate().year + 1
    evening(chapter, case, datetime.date(next_year, 2, 26))
    evening(other_chapter, case, datetime.date(next_year, 2, 26))
    text = anniversary_page(coordinator_client, case).content.decode()
    assert f"Events in {next_year}" in text
    assert "Events in 2 countries" in text


def test_when_every_event_is_past_the_anniversary_view_opens_on_the_latest_year(
    coordinator_client, case, chapter
):
    this_year = timezone.localdate().year
    evening(chapter, case, datetime.date(this_year - 3, 2, 26))
    evening(chapter, case, datetime.date(this_year - 2, 2, 26))
    text = anniversary_page(coordinator_client, case).content.decode()
    assert f"Events in {this_year - 2}" in text and "Events in 1 country" in text


def test_the_anniversary_view_lists_events_by_date(
    coordinator_client, case, chapter, other_chapter
):
    year = timezone.localdate().year + 1
    evening(chapter, case, datetime.date(year, 2, 27), title="Berlin, the day after")
    evening(other_chapter, case, datetime.date(year, 2, 25), title="Paris, the day before")
    evening(chapter, case, datetime.date(year, 2, 26), title="Berlin, on the day")
    text = anniversary_page(coordinator_client, case, year=year).content.decode()
    order = [text.index(t) for t in ("the day before", "on the day", "the day after")]
    assert order == sorted(order)


def test_an_event_belongs_to_the_year_of_its_own_zone(case, chapter):
    year = timezone.localdate().year + 1
    new_year_night = evening(chapter, case, datetime.date(year, 1, 1), hour=0)  # 23:00 UTC
    assert list(overviews.anniversary(case, year)["events"]) == [new_year_night]
    assert list(overviews.anniversary(case, year - 1)["events"]) == []


@pytest.mark.parametrize("junk", ["T", "-1", "99999999999999999999", "2027.5", "0"])
def test_a_junk_year_shows_the_default_view_and_says_so(coordinator_client, case, chapter, junk):
    next_year = timezone.localdate().year + 1
    evening(chapter, case, datetime.date(next_year, 2, 26))
    response = anniversary_page(coordinator_client, case, year=junk)
    assert response.status_code == 200
    text = response.content.decode()
    assert "is not a year: showing" in text and f"Events in {next_year}" in text


def test_a_year_without_events_says_so_instead_of_counting_zero_countries(coordinator_client, case):
    text = anniversary_page(coordinator_client, case, year=2001).content.decode()
    assert "No events of Test case in 2001." in text
    assert "0 countries" not in text


def test_an_event_ending_on_a_later_day_shows_both_dates(chapter):
    from vigil.campaigns.templatetags.event_times import event_when

    toronto = zoneinfo.ZoneInfo("America/Toronto")
    start = datetime.datetime(2027, 2, 26, 22, 0, tzinfo=toronto)  # 03:00 the next day in UTC
    event = make_event(
        chapter,
        time_zone="America/Toronto",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    assert event_when(event) == "26 Feb 2027, 22:00 – 27 Feb 2027, 01:00 (America/Toronto)"
    assert event_when(event, "long").startswith("Friday 26 February 2027, 22:00 – Saturday")


def test_the_anniversary_map_counts_each_country_s_events_with_the_language_s_plural(
    coordinator_client, case, chapter, other_chapter
):
    next_year = timezone.localdate().year + 1
    for day in (25, 26):
        evening(chapter, case, datetime.date(next_year, 2, day))
    evening(other_chapter, case, datetime.date(next_year, 2, 26))
    url = reverse("campaigns:anniversary", args=[case.slug])
    text = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "2 мероприятия" in text  # Germany: Russian's form for 2 to 4
    assert "1 мероприятие" in text  # France: its form for one
