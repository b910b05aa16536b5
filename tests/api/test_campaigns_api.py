"""Chapters, events, replies, contacts and interactions through the API: the campaign's people
read them, a guest's or contact's details reach only those the pages show them to, and changes
are logged as the token owner's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import token_client
from tests.campaigns.conftest import make_event
from vigil.audit.models import AuditEntry
from vigil.campaigns.models import RSVP, Chapter, Contact, Event, Interaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


@pytest.fixture
def paris(db):
    return Chapter.objects.create(name="Paris chapter", city="Paris", country_code="FRA")


@pytest.fixture
def carol(django_user_model, berlin):
    """Coordinates the Berlin chapter."""
    user = django_user_model.objects.create_user("carol")
    berlin.coordinators.add(user)
    return user


@pytest.fixture
def victor(django_user_model, berlin):
    """Volunteers in the Berlin chapter: sees the campaign, never personal data."""
    user = django_user_model.objects.create_user("victor")
    berlin.volunteers.add(user)
    return user


@pytest.fixture
def event(berlin):
    return make_event(berlin, days=20, capacity=1)


def guest(event, name, email, status):
    return RSVP.objects.create(
        event=event, name=name, email=email, consent_statement="yes", status=status
    )


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_a_coordinator_creates_an_event_and_the_log_names_them(carol, berlin):
    body = {
        "title": "Reading of testimonies",
        "kind": "seminar",
        "chapter": berlin.pk,
        "time_zone": "Europe/Berlin",
        "starts_at": "2031-04-01T18:00",
        "ends_at": "2031-04-01T20:00",
    }
    response = token_client(carol).post(
        reverse("api:events"), body, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    event = Event.objects.get(title="Reading of testimonies")
    created = response.json()
    assert created["id"] == event.pk
    assert created["url"] == f"http://testserver{event.get_absolute_url()}"
    # Local time in the event's zone: 18:00 in Berlin in April is 16:00 UTC.
    assert event.starts_at == datetime.datetime(2031, 4, 1, 16, 0, tzinfo=datetime.UTC)
    assert (event.city, event.country_code) == ("Berlin", "DEU")  # from the chapter
    entry = AuditEntry.objects.get(model_label="campaigns.Event", object_pk=str(event.pk))
    assert entry.actor_name == "carol"


def test_a_coordinator_may_not_create_an_event_in_a_chapter_they_do_not_run(carol, paris):
    body = {
        "title": "Elsewhere",
        "kind": "seminar",
        "chapter": paris.pk,
        "time_zone": "Europe/Paris",
        "starts_at": "2031-04-01T18:00",
        "ends_at": "2031-04-01T20:00",
    }
    response = token_client(carol).post(
        reverse("api:events"), body, content_type="application/json"
    )
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["chapter"]
    assert not Event.objects.filter(title="Elsewhere").exists()


def test_a_larger_capacity_gives_the_freed_place_to_the_waiting_list(carol, event):
    guest(event, "First", "first@example.org", "confirmed")
    waiting = guest(event, "Second", "second@example.org", "waitlisted")
    response = token_client(carol).patch(
        reverse("api:event", args=[event.pk]), {"capacity": 2}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["capacity"] == 2
    assert response.json()["guests"]["confirmed"] == 2
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    event.refresh_from_db()
    assert event.venue == "Town hall"  # left out of the change, so kept


def test_guests_emails_reach_the_coordinator_and_not_the_volunteer(carol, victor, event):
    guest(event, "Aysel", "aysel@example.org", "confirmed")
    address = reverse("api:event_rsvps", args=[event.pk])
    [seen_by_coordinator] = items(token_client(carol).get(address))
    [seen_by_volunteer] = items(token_client(victor).get(address))
    assert seen_by_coordinator["email"] == "aysel@example.org"
    assert seen_by_volunteer["email"] is None
    assert seen_by_volunteer["name"] == "Aysel"  # the event's page names its guests too


def test_check_in_is_for_the_chapters_coordinators(carol, victor, event):
    reply = guest(event, "Aysel", "aysel@example.org", "confirmed")
    address = reverse("api:rsvp_check_in", args=[reply.pk])
    assert token_client(victor).post(address).status_code == 403
    response = token_client(carol).post(address)
    assert response.status_code == 200
    reply.refresh_from_db()
    assert reply.checked_in_at is not None
    assert response.json()["checked_in_at"] is not None


def test_checking_in_a_guest_on_the_waiting_list_is_refused_as_data(carol, event):
    reply = guest(event, "Late", "late@example.org", "waitlisted")
    response = token_client(carol).post(reverse("api:rsvp_check_in", args=[reply.pk]))
    assert response.status_code == 422
    assert response.json()["errors"][0]["reason"] == "Only confirmed guests can be checked in."


def test_cancelling_a_place_promotes_the_waiting_list(carol, event):
    first = guest(event, "First", "first@example.org", "confirmed")
    waiting = guest(event, "Second", "second@example.org", "waitlisted")
    response = token_client(carol).post(reverse("api:rsvp_cancel", args=[first.pk]))
    assert response.json()["status"] == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_events_filter_by_country_and_date_range(victor, berlin, paris):
    soon = make_event(berlin, days=5, title="Soon")
    make_event(berlin, days=60, title="Later")
    make_event(paris, days=5, title="In Paris")
    day = soon.starts_at.date()
    query = {"country": "deu", "starts_from": day.isoformat(), "starts_to": day.isoformat()}
    found = items(token_client(victor).get(reverse("api:events"), query))
    assert [event["title"] for event in found] == ["Soon"]


def test_people_outside_the_campaign_see_no_chapters_or_events(alice, event):
    client = token_client(alice)  # a researcher of a case, in no chapter
    assert client.get(reverse("api:chapters")).status_code == 403
    assert client.get(reverse("api:event", args=[event.pk])).status_code == 404


def test_contact_details_reach_only_the_chapters_coordinators(carol, victor, berlin):
    contact = Contact.objects.create(
        name="A deputy", kind="parliamentarian", chapter=berlin, email="d@example.org", phone="1"
    )
    address = reverse("api:contact", args=[contact.pk])
    assert token_client(carol).get(address).json()["email"] == "d@example.org"
    seen = token_client(victor).get(address).json()
    assert (seen["email"], seen["phone"], seen["name"]) == (None, None, "A deputy")


def test_a_coordinator_adds_a_contact_and_records_an_interaction(carol, berlin):
    client = token_client(carol)
    response = client.post(
        reverse("api:contacts"),
        {"name": "An editor", "kind": "journalist", "chapter": berlin.pk, "email": "e@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    contact = Contact.objects.get(name="An editor")
    assert response.json()["url"] == f"http://testserver{contact.get_absolute_url()}"
    response = client.post(
        reverse("api:contact_interactions", args=[contact.pk]),
        {
            "channel": "meeting",
            "summary": "Agreed to cover the anniversary.",
            "follow_up_on": "2031-02-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    interaction = Interaction.objects.get(contact=contact)
    assert (interaction.recorded_by, interaction.summary) == (
        carol,
        "Agreed to cover the anniversary.",
    )
    done = client.post(reverse("api:interaction_follow_up_done", args=[interaction.pk]))
    assert done.json()["follow_up_done"] is True
    interaction.refresh_from_db()
    assert interaction.follow_up_done
    logged = AuditEntry.objects.filter(model_label="campaigns.Interaction").values_list(
        "actor_name", flat=True
    )
    assert set(logged) == {"carol"}


def test_a_volunteer_may_not_record_an_interaction(victor, berlin):
    contact = Contact.objects.create(name="A deputy", kind="parliamentarian", chapter=berlin)
    response = token_client(victor).post(
        reverse("api:contact_interactions", args=[contact.pk]),
        {"channel": "meeting", "summary": "Met"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Interaction.objects.exists()


def test_contacts_filter_by_kind_and_search_their_names(victor, berlin):
    Contact.objects.create(name="Deputy Aliyev", kind="parliamentarian", chapter=berlin)
    Contact.objects.create(name="Reporter Aliyeva", kind="journalist", chapter=berlin)
    Contact.objects.create(name="Deputy Brown", kind="parliamentarian", chapter=berlin)
    query = {"kind": "parliamentarian", "q": "aliyev"}
    found = items(token_client(victor).get(reverse("api:contacts"), query))
    assert [contact["name"] for contact in found] == ["Deputy Aliyev"]


def test_replies_changed_since_a_moment_are_those_changed_after_it(carol, event):
    early = guest(event, "Early", "early@example.org", "confirmed")
    guest(event, "Other", "other@example.org", "confirmed")
    moment = timezone.now()
    token_client(carol).post(reverse("api:rsvp_check_in", args=[early.pk]))
    address = reverse("api:event_rsvps", args=[event.pk])
    changed = items(token_client(carol).get(address, {"updated_since": moment.isoformat()}))
    assert [reply["name"] for reply in changed] == ["Early"]
