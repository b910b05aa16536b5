"""Reading never writes to the database (a session is saved only when it changes), so readers
never queue behind editors for SQLite's write lock; a session in use still keeps its idle expiry
moving, saved again at most every SESSION_REFRESH_SECONDS."""

import datetime
import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.test_sign_in import sign_in
from vigil.accounts.middleware import SESSION_REFRESHED_KEY
from vigil.evidence import services

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes_during(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]


def case_pages(case, source, claim) -> list[str]:
    slug = case.slug
    return [
        reverse("cases:list"),
        reverse("cases:detail", args=[slug]),
        reverse("evidence:sources", args=[slug]),
        reverse("evidence:source", args=[slug, source.pk]),
        reverse("evidence:claim", args=[slug, claim.pk]),
        reverse("evidence:review_queue", args=[slug]),
        reverse("evidence:figures", args=[slug]),
        reverse("evidence:search", args=[slug]) + "?q=civilians",
    ]


def test_a_signed_in_person_reading_pages_writes_nothing(alice, case, source):
    claim = services.add_claim(
        source, fields={"statement": "Civilians killed.", "claim_type": "act", "locator": "p. 1"}
    )
    client = Client()
    assert sign_in(client, "alice").status_code == 302
    client.get(reverse("cases:list"))  # the first request after signing in may note things
    pages = case_pages(case, source, claim)
    for page in pages:
        assert writes_during(lambda page=page: client.get(page)) == [], page
    assert all(client.get(page).status_code == 200 for page in pages)


def test_an_anonymous_visitor_gets_no_session_and_writes_nothing(client):
    assert writes_during(lambda: client.get(reverse("login"))) == []
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_a_session_in_use_is_saved_again_once_its_refresh_interval_has_passed(alice):
    client = Client()
    sign_in(client, "alice")
    client.get(reverse("cases:list"))
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    # As if the last save were longer ago than the interval, with little of its age left.
    store = SessionStore(session_key=key)
    store[SESSION_REFRESHED_KEY] = int(time.time()) - settings.SESSION_REFRESH_SECONDS - 1
    store.save()
    Session.objects.filter(pk=key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=2)
    )
    assert writes_during(lambda: client.get(reverse("cases:list"))) != []
    left = Session.objects.get(pk=key).expire_date - timezone.now()
    assert left > datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    assert writes_during(lambda: client.get(reverse("cases:list"))) == []  # not again so soon
