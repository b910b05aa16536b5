import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.campaigns.conftest import make_event
from vigil.campaigns import services
from vigil.campaigns.models import RSVP, Event

pytestmark = pytest.mark.django_db


def reply(event, n, **kw):
    return services.reply(
        event, name=f"Guest {n}", email=f"guest{n}@example.org", consent=True, **kw
    )


def test_places_fill_then_the_waiting_list_takes_replies(chapter, mailoutbox):
    event = make_event(chapter, capacity=2)
    assert [reply(event, n).status for n in range(4)] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert [m.subject for m in mailoutbox][:1] == ["Your place: Commemoration"]
    assert mailoutbox[2].subject == "Waiting list: Commemoration"
    assert mailoutbox[0].to == ["guest0@example.org"]


def test_a_freed_place_goes_to_the_first_on_the_waiting_list(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    first, second, third = reply(event, 1), reply(event, 2), reply(event, 3)
    promoted = services.cancel(first)
    assert promoted == second
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("confirmed", "waitlisted")
    assert mailoutbox[-1].subject == "A place freed: Commemoration"
    assert mailoutbox[-1].to == ["guest2@example.org"]


def test_cancelling_a_waitlisted_reply_promotes_nobody(chapter):
    event = make_event(chapter, capacity=1)
    reply(event, 1)
    waiting = reply(event, 2)
    assert services.cancel(waiting) is None


def test_no_capacity_means_no_waiting_list(chapter):
    event = make_event(chapter)
    assert {reply(event, n).status for n in range(5)} == {"confirmed"}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ({"days": -1}, "already taken place"),
        ({"status": "cancelled"}, "has been cancelled"),
    ],
)
def test_replies_to_past_or_cancelled_events_are_refused(chapter, setup, message):
    event = make_event(chapter, days=setup.get("days", 30))
    if "status" in setup:
        Event.objects.filter(pk=event.pk).update(status=setup["status"])
    with pytest.raises(ValidationError, match=message):
        reply(event, 1)
    assert not RSVP.objects.exists()


def test_a_second_reply_with_the_same_email_is_refused(chapter):
    event = make_event(chapter)
    reply(event, 1)
    with pytest.raises(ValidationError, match="already replied"):
        services.reply(event, name="Again", email="GUEST1@example.org", consent=True)
    assert RSVP.objects.count() == 1


def test_check_in_only_for_confirmed_guests(chapter):
    event = make_event(chapter, capacity=1)
    confirmed, waiting = reply(event, 1), reply(event, 2)
    assert services.check_in(confirmed).checked_in_at is not None
    with pytest.raises(ValidationError):
        services.check_in(waiting)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "A", "email": "not-an-email", "consent": "on"}, "Enter a valid email address"),
        ({"name": "A", "email": "a@example.org"}, "Please agree"),
    ],
)
def test_the_public_page_shows_clear_messages_and_changes_nothing(client, chapter, data, message):
    event = make_event(chapter)
    response = client.post(reverse("public_event", args=[event.pk]), data)
    assert message in response.content.decode()
    assert not RSVP.objects.exists()


def test_the_public_page_needs_no_sign_in_and_carries_json_ld(client, chapter):
    event = make_event(chapter, title="Vigil for the victims </script>")
    page = client.get(reverse("public_event", args=[event.pk])).content.decode()
    assert '"@type": "Event"' in page
    assert "Vigil for the victims \\u003c/script\\u003e" in page
    response = client.post(
        reverse("public_event", args=[event.pk]),
        {"name": "Ayla", "email": "ayla@example.org", "consent": "on"},
    )
    assert response.status_code == 302
    assert RSVP.objects.get().status == "confirmed"


def test_an_internal_event_has_no_public_page(client, chapter):
    event = make_event(chapter, is_public=False)
    assert client.get(reverse("public_event", args=[event.pk])).status_code == 404
