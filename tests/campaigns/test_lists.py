"""The campaign's lists are paged, filtered and sorted by the database, and its counts (chapters,
dashboards, the anniversary, an event's guests) are aggregates equal to counting row by row."""

import datetime
import random
import zoneinfo
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.campaigns.conftest import make_event
from vigil.campaigns import guests, overviews
from vigil.campaigns.models import RSVP, Chapter, Contact, Event, Interaction, Member, Task
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db


def member(name, chapter, **fields) -> Member:
    created = Member.objects.create(display_name=name, **fields)
    created.chapters.add(chapter)
    return created


def names(response) -> list[str]:
    return [view.name for view in response.context["members"]]


def test_the_member_list_is_paged(coordinator_client, chapter):
    for n in range(PAGE_SIZE + 1):
        member(f"Member {n:03d}", chapter)
    url = reverse("campaigns:members")
    first = coordinator_client.get(url)
    assert names(first) == [f"Member {n:03d}" for n in range(PAGE_SIZE)]
    assert f"{PAGE_SIZE + 1} members" in first.content.decode()
    assert names(coordinator_client.get(url, {"page": 2})) == [f"Member {PAGE_SIZE:03d}"]
    assert names(coordinator_client.get(url, {"page": "junk"})) == names(first)


def test_members_filter_by_chapter_language_and_skill(volunteer_client, chapter, other_chapter):
    member("Aysel", chapter, languages="az, en", skills="translation")
    member("Bilal", other_chapter, languages="ur", skills="design, video")
    member("Chloé", other_chapter, languages="fr, en", skills="press")
    url = reverse("campaigns:members")
    assert names(volunteer_client.get(url, {"chapter": other_chapter.pk})) == ["Bilal", "Chloé"]
    assert names(volunteer_client.get(url, {"language": "en"})) == ["Aysel", "Chloé"]
    assert names(volunteer_client.get(url, {"skill": "video"})) == ["Bilal"]
    assert names(volunteer_client.get(url, {"language": "en", "chapter": chapter.pk})) == ["Aysel"]
    assert names(volunteer_client.get(url, {"chapter": "999999", "skill": "press"})) == ["Chloé"]


def test_members_sort_by_joining(volunteer_client, chapter):
    member("Early", chapter, joined_on=datetime.date(2020, 1, 1))
    member("Late", chapter, joined_on=datetime.date(2024, 1, 1))
    url = reverse("campaigns:members")
    assert names(volunteer_client.get(url, {"sort": "joined"})) == ["Late", "Early"]
    assert names(volunteer_client.get(url, {"sort": "bogus"})) == ["Early", "Late"]


def test_a_volunteer_filtering_by_chapter_still_sees_only_pseudonyms(
    volunteer_client, nightingale, chapter
):
    html = volunteer_client.get(
        reverse("campaigns:members"), {"chapter": chapter.pk}
    ).content.decode()
    assert "Nightingale" in html and "Leyla Secretname" not in html


def test_the_chapter_page_pages_its_members(coordinator_client, chapter):
    for n in range(PAGE_SIZE + 2):
        member(f"Member {n:03d}", chapter)
    url = reverse("campaigns:chapter", args=[chapter.pk])
    first = coordinator_client.get(url)
    assert len(first.context["members"]) == PAGE_SIZE and "members_page=2" in first.content.decode()
    assert len(coordinator_client.get(url, {"members_page": 2}).context["members"]) == 2


def test_each_chapter_counts_its_members_and_events(volunteer_client, chapter, other_chapter):
    for n in range(3):
        member(f"Berliner {n}", chapter)
        make_event(chapter, days=n + 1)
    both = member("Commuter", chapter)
    both.chapters.add(other_chapter)
    listed = volunteer_client.get(reverse("campaigns:chapters")).context["page"].object_list
    counts = {c.name: (c.member_count, c.event_count) for c in listed}
    expected = {c.name: (c.members.count(), c.events.count()) for c in Chapter.objects.all()}
    assert counts == expected == {"Berlin chapter": (4, 3), "Paris chapter": (1, 0)}


def contact(name, chapter=None, **fields) -> Contact:
    return Contact.objects.create(
        name=name, kind=fields.pop("kind", "journalist"), chapter=chapter, **fields
    )


def contact_names(response) -> list[str]:
    return [c.name for c in response.context["page"].object_list]


def test_contacts_are_paged_filtered_and_sorted(volunteer_client, chapter, other_chapter):
    for n in range(PAGE_SIZE + 1):
        contact(f"Reporter {n:03d}", chapter)
    contact("Deputy Rossi", other_chapter, kind="parliamentarian", country_code="ITA")
    contact("Professor Dupont", kind="academic", country_code="FRA")
    url = reverse("campaigns:contacts")
    first = volunteer_client.get(url)
    assert len(contact_names(first)) == PAGE_SIZE and "page=2" in first.content.decode()
    assert contact_names(volunteer_client.get(url, {"kind": "parliamentarian"})) == ["Deputy Rossi"]
    assert contact_names(volunteer_client.get(url, {"country": "FRA"})) == ["Professor Dupont"]
    assert contact_names(volunteer_client.get(url, {"chapter": other_chapter.pk})) == [
        "Deputy Rossi"
    ]
    assert contact_names(volunteer_client.get(url, {"q": "dupont"})) == ["Professor Dupont"]
    assert contact_names(volunteer_client.get(url, {"q": "x" * 5000})) == []
    assert contact_names(volunteer_client.get(url, {"sort": "kind"}))[0] == "Professor Dupont"


def test_a_contacts_interactions_and_the_overdue_follow_ups_are_paged(coordinator_client, chapter):
    someone = contact("A. Journalist", chapter)
    for n in range(PAGE_SIZE + 1):
        Interaction.objects.create(
            contact=someone,
            channel="email",
            summary=f"Mail {n:03d}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            follow_up_on=datetime.date(2020, 6, 1),
        )
    detail = coordinator_client.get(someone.get_absolute_url())
    assert len(detail.context["interactions"].object_list) == PAGE_SIZE
    second = coordinator_client.get(someone.get_absolute_url(), {"interactions_page": 2})
    assert [i.summary for i in second.context["interactions"].object_list] == ["Mail 000"]
    overdue = coordinator_client.get(reverse("campaigns:contacts")).context["overdue"]
    assert len(overdue.object_list) == PAGE_SIZE and overdue.paginator.count == PAGE_SIZE + 1


def task_titles(response) -> list[str]:
    return [t.title for t in response.context["page"].object_list]


def test_tasks_filter_by_status_assignee_and_chapter(coordinator_client, coordinator, chapter):
    Task.objects.create(title="Book the hall", chapter=chapter, assignee=coordinator)
    Task.objects.create(title="Print leaflets", status="doing")
    Task.objects.create(title="Thank the speakers", status="done", chapter=chapter)
    url = reverse("campaigns:tasks")
    assert task_titles(coordinator_client.get(url)) == ["Book the hall", "Print leaflets"]
    assert task_titles(coordinator_client.get(url, {"status": "done"})) == ["Thank the speakers"]
    assert task_titles(coordinator_client.get(url, {"assignee": coordinator.pk})) == [
        "Book the hall"
    ]
    assert task_titles(coordinator_client.get(url, {"chapter": chapter.pk})) == ["Book the hall"]
    assert task_titles(coordinator_client.get(url, {"sort": "added"}))[0] == "Print leaflets"


def test_tasks_and_materials_are_paged(coordinator_client, chapter):
    for n in range(PAGE_SIZE + 1):
        Task.objects.create(title=f"Task {n:03d}", due_date=datetime.date(2030, 1, 1))
    url = reverse("campaigns:tasks")
    assert len(task_titles(coordinator_client.get(url))) == PAGE_SIZE
    assert task_titles(coordinator_client.get(url, {"page": 2})) == [f"Task {PAGE_SIZE:03d}"]
    from vigil.campaigns.models import Material

    for n in range(PAGE_SIZE + 1):
        Material.objects.create(title=f"Leaflet {n:03d}", kind="other")
    materials = coordinator_client.get(reverse("campaigns:materials"), {"page": 2})
    assert [m.title for m in materials.context["page"].object_list] == [f"Leaflet {PAGE_SIZE:03d}"]


def event_titles(page) -> list[str]:
    return [e.title for e in page.object_list]


def test_events_filter_by_when_and_chapter_and_are_paged(volunteer_client, chapter, other_chapter):
    for n in range(PAGE_SIZE + 1):
        make_event(chapter, days=n + 1, title=f"Upcoming {n:03d}")
    make_event(other_chapter, days=-10, title="Past in Paris")
    url = reverse("campaigns:events")
    both = volunteer_client.get(url)
    assert event_titles(both.context["upcoming"])[:2] == ["Upcoming 000", "Upcoming 001"]
    assert len(both.context["upcoming"].object_list) == PAGE_SIZE
    assert event_titles(both.context["past"]) == ["Past in Paris"]
    later = volunteer_client.get(url, {"upcoming_page": 2}).context["upcoming"]
    assert event_titles(later) == [f"Upcoming {PAGE_SIZE:03d}"]
    past_only = volunteer_client.get(url, {"when": "past"}).context
    assert "upcoming" not in past_only and event_titles(past_only["past"]) == ["Past in Paris"]
    paris = volunteer_client.get(url, {"chapter": other_chapter.pk}).context
    assert event_titles(paris["upcoming"]) == [] and event_titles(paris["past"]) == [
        "Past in Paris"
    ]


def test_an_events_guests_are_counted_in_the_database_and_listed_a_page_at_a_time(
    coordinator_client, chapter
):
    event = make_event(chapter)
    now = timezone.now()
    chance = random.Random(7)
    for n in range(3 * PAGE_SIZE):
        status = chance.choice(["confirmed", "waitlisted", "held", "unconfirmed", "cancelled"])
        RSVP.objects.create(
            event=event,
            name=f"Guest {n:03d}",
            email=f"g{n}@example.org",
            status=status,
            expires_at=now + datetime.timedelta(minutes=chance.choice([-5, 5])),
            checked_in_at=now if status == "confirmed" and n % 2 else None,
        )
    replies = list(
        event.rsvps.filter(status__in=["held", "unconfirmed", "confirmed", "waitlisted"])
    )
    confirmed = [r for r in replies if r.status == "confirmed"]
    waitlisted = [r for r in replies if r.status == "waitlisted"]
    unconfirmed = [r for r in replies if r.status in ("held", "unconfirmed") and r.expires_at > now]
    assert guests.guest_counts(event, now) == {
        "confirmed": len(confirmed),
        "waitlisted": len(waitlisted),
        "unconfirmed": len(unconfirmed),
        "checked_in": sum(1 for r in replies if r.checked_in_at),
    }
    assert list(guests.guest_list(event, now)) == confirmed + waitlisted + unconfirmed
    assert len(confirmed + waitlisted + unconfirmed) > PAGE_SIZE
    url = reverse("campaigns:event", args=[event.pk])
    first = coordinator_client.get(url).context["guests"]
    assert list(first.object_list) == (confirmed + waitlisted + unconfirmed)[:PAGE_SIZE]
    rest = coordinator_client.get(url, {"guests_page": 2}).context["guests"]
    assert list(rest.object_list) == (confirmed + waitlisted + unconfirmed)[PAGE_SIZE:]


ZONES = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo", "America/New_York", "UTC"]


def row_by_row(case, year) -> dict:
    """The anniversary as computed when every event is read: the reference."""
    events = [
        e
        for e in Event.objects.filter(case=case)
        .exclude(status="cancelled")
        .order_by("starts_at", "pk")
        if e.local_start.year == year
    ]
    return {
        "events": events,
        "countries": Counter(e.country_code for e in events if e.country_code),
        "city_count": len({(e.country_code, e.city) for e in events if e.city}),
    }


def test_the_anniversary_counts_equal_reading_every_event(case, chapter, other_chapter):
    chance = random.Random(3)
    for n in range(60):
        zone = zoneinfo.ZoneInfo(chance.choice(ZONES))
        # Around the new years of 2030 and 2031, and in the middle of 2030.
        base = chance.choice(
            [
                datetime.datetime(2030, 1, 1),
                datetime.datetime(2030, 7, 1),
                datetime.datetime(2031, 1, 1),
            ]
        )
        start = (base + datetime.timedelta(hours=chance.randint(-30, 30))).replace(tzinfo=zone)
        make_event(
            chance.choice([chapter, other_chapter]),
            case=case,
            title=f"Event {n}",
            time_zone=str(zone),
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            city=chance.choice(["", "Berlin", "Paris", "Baku"]),
            country_code=chance.choice(["", "DEU", "FRA", "AZE"]),
            status=chance.choice(["scheduled", "scheduled", "cancelled"]),
        )
    for year in (2029, 2030, 2031):
        found, expected = overviews.anniversary(case, year), row_by_row(case, year)
        assert list(found["events"]) == expected["events"], year
        assert found["countries"] == expected["countries"], year
        assert found["country_count"] == len(expected["countries"])
        assert found["city_count"] == expected["city_count"], year
    events = Event.objects.filter(case=case).exclude(status="cancelled")
    assert overviews.anniversary_years(case) == sorted({e.local_start.year for e in events})


def test_the_dashboard_chart_counts_equal_reading_every_event(chapter, other_chapter):
    chance = random.Random(5)
    for n in range(40):
        make_event(
            chance.choice([chapter, other_chapter]),
            days=chance.randint(-800, 400),
            title=f"Event {n}",
            country_code=chance.choice(["", "DEU", "FRA", "AZE"]),
            status=chance.choice(["scheduled", "cancelled"]),
        )
    expected: dict[int, Counter] = {}
    for event in Event.objects.all():
        if event.status != "cancelled" and event.country_code:
            expected.setdefault(event.starts_at.year, Counter())[event.country_code] += 1
    found = overviews.events_per_country_per_year(Event.objects.all())
    assert found == expected and list(found) == sorted(expected)


def test_a_chapter_card_counts_members_and_events_with_the_language_s_plurals(
    coordinator_client, chapter
):
    member("Aysel", chapter)
    make_event(chapter, days=10)
    make_event(chapter, days=11)
    page = coordinator_client.get(reverse("campaigns:chapters"), HTTP_ACCEPT_LANGUAGE="ru")
    assert "1 участник · 2 мероприятия" in page.content.decode()


def test_the_task_form_labels_its_links_in_the_reader_s_language(coordinator_client):
    page = coordinator_client.get(reverse("campaigns:tasks"), HTTP_ACCEPT_LANGUAGE="ru")
    labels = {str(field.label) for field in page.context["form"]}
    assert {"Мероприятие", "Цель", "Отделение"} <= labels
    assert not labels & {"Event", "Target", "Chapter"}
