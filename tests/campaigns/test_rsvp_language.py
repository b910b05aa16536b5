"""A guest hears from Vigil in the language they replied in: the reply keeps it, and every later
e-mail (a place freed, sent when someone else cancels) is written in it, dates included."""

import datetime

import pytest
from django.utils import translation

from tests.campaigns.conftest import BERLIN, make_event
from vigil.campaigns import rsvps
from vigil.campaigns.models import RSVP

pytestmark = pytest.mark.django_db

START = datetime.datetime(2030, 2, 26, 18, 0, tzinfo=BERLIN)


def anniversary(chapter, capacity=None):
    return make_event(
        chapter,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=2),
        capacity=capacity,
    )


def test_a_reply_keeps_the_language_of_the_page_it_was_sent_from(client, chapter, mailoutbox):
    event = anniversary(chapter)
    response = client.post(
        f"/ru/events/{event.pk}/",
        {"name": "Guest", "email": "guest@example.org", "consent": "on"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302
    assert RSVP.objects.get(event=event).language == "ru"
    # The confirmation link leads back to the pages in Russian.
    assert "/ru/events/confirm/" in mailoutbox[-1].body


def test_a_place_freed_by_someone_else_is_announced_in_the_guest_s_language(chapter, mailoutbox):
    event = anniversary(chapter, capacity=1)
    first = rsvps.reply(event, name="A", email="a@example.org", consent=True, base_url="http://x/")
    rsvps.confirm(rsvps_token(mailoutbox, "a@example.org"))
    with translation.override("ru"):
        rsvps.reply(event, name="B", email="b@example.org", consent=True, base_url="http://x/")
    rsvps.confirm(rsvps_token(mailoutbox, "b@example.org"))
    assert RSVP.objects.get(email="b@example.org").status == RSVP.Status.WAITLISTED
    # An organiser working in English cancels the first guest's place.
    with translation.override("en"):
        rsvps.cancel(first)
    freed = [m for m in mailoutbox if m.to == ["b@example.org"]][-1]
    assert "26 февраля 2030, 18:00 (Europe/Berlin)" in freed.body


def test_an_english_guest_reads_the_date_in_english(chapter, mailoutbox):
    event = anniversary(chapter, capacity=1)
    first = rsvps.reply(event, name="A", email="a@example.org", consent=True, base_url="http://x/")
    rsvps.confirm(rsvps_token(mailoutbox, "a@example.org"))
    rsvps.reply(event, name="B", email="b@example.org", consent=True, base_url="http://x/")
    rsvps.confirm(rsvps_token(mailoutbox, "b@example.org"))
    with translation.override("tr"):
        rsvps.cancel(first)
    freed = [m for m in mailoutbox if m.to == ["b@example.org"]][-1]
    assert "26 February 2030, 18:00 (Europe/Berlin)" in freed.body


def rsvps_token(mailoutbox, address: str) -> str:
    body = [m for m in mailoutbox if m.to == [address]][-1].body
    return body.split("/events/confirm/")[1].split("/")[0]
