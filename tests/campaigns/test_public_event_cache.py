"""A public event page is served from the cache to visitors without a session, yet its form
works for each of them with a CSRF token of their own, and a reply or an edit shows at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.campaigns.conftest import make_event
from tests.dossier.test_public_cache import stored_page_expiries
from vigil.campaigns import rsvps
from vigil.campaigns.models import RSVP
from vigil.public_cache.cache import PAGE_PREFIX

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def visit(client, event) -> str:
    response = client.get(reverse("public_event", args=[event.pk]))
    assert response.status_code == 200
    return response.content.decode()


def reply_form(page: str, n: int) -> dict:
    return {
        "name": f"Guest {n}",
        "email": f"guest{n}@example.org",
        "consent": "on",
        "csrfmiddlewaretoken": TOKEN.search(page)[1],
    }


def stored_pages() -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM vigil_cache")
        keys = [key for (key,) in cursor.fetchall() if PAGE_PREFIX in key]
    # The backend's own keys carry a prefix and version (":1:") before the one Vigil gave.
    return [cache.get(key.split(":", 2)[2])["content"] for key in keys]


def test_a_reply_sent_from_a_page_served_from_the_cache_is_taken(chapter, mailoutbox):
    event = make_event(chapter, capacity=10)
    visit(Client(enforce_csrf_checks=True), event)  # the first visitor's page is stored
    visitor = Client(enforce_csrf_checks=True)
    page = visit(visitor, event)  # served from the cache
    response = visitor.post(reverse("public_event", args=[event.pk]), reply_form(page, 1))
    assert response.status_code == 302
    assert RSVP.objects.get().email == "guest1@example.org"


def test_each_visitor_gets_a_token_of_their_own_and_the_cache_keeps_none(chapter, mailoutbox):
    event = make_event(chapter, capacity=10)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page, second_page = visit(first, event), visit(second, event)
    tokens = {TOKEN.search(first_page)[1], TOKEN.search(second_page)[1]}
    assert len(tokens) == 2 and "" not in tokens
    [stored] = stored_pages()
    assert b'name="csrfmiddlewaretoken" value=""' in stored
    assert not any(token.encode() in stored for token in tokens)
    # A token is worth nothing with another visitor's cookie.
    stolen = second.post(reverse("public_event", args=[event.pk]), reply_form(first_page, 2))
    assert stolen.status_code == 403
    assert not RSVP.objects.exists()


def test_a_page_served_from_the_cache_takes_one_query(client, chapter, django_assert_num_queries):
    event = make_event(chapter, capacity=10)
    first = visit(client, event)
    with django_assert_num_queries(1):
        again = visit(client, event)
    assert TOKEN.sub("", again) == TOKEN.sub("", first)


def test_the_page_says_the_event_is_full_as_soon_as_a_reply_fills_it(client, chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    assert "This event is full" not in visit(client, event)
    rsvps.reply(
        event, name="Guest", email="guest@example.org", consent=True, base_url="http://testserver"
    )
    assert "This event is full" in visit(client, event)


def test_a_full_event_s_page_is_kept_no_longer_than_the_place_held_in_it(
    client, chapter, mailoutbox
):
    event = make_event(chapter, capacity=1)
    held = rsvps.reply(
        event, name="Guest", email="guest@example.org", consent=True, base_url="http://testserver"
    )
    assert "This event is full" in visit(client, event)
    assert stored_page_expiries()
    assert max(stored_page_expiries()) <= held.expires_at


def test_an_edited_event_and_a_renamed_chapter_show_at_once(client, chapter):
    event = make_event(chapter, capacity=10)
    visit(client, event)
    event.title = "Candle-lighting, moved indoors"
    event.save()
    assert "Candle-lighting, moved indoors" in visit(client, event)
    chapter.name = "Berlin-Brandenburg chapter"
    chapter.save()
    assert "Berlin-Brandenburg chapter" in visit(client, event)
