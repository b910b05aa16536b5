import datetime
import hashlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import token_client, token_for
from vigil.api.models import ApiRequestCounter, ApiToken
from vigil.audit.models import AuditEntry
from vigil.evidence.models import Source

pytestmark = pytest.mark.django_db


def cases_url():
    return reverse("api:cases")


def test_a_person_makes_a_token_on_their_account_and_sees_it_once(alice_client, alice):
    page = alice_client.get(reverse("accounts:security")).content.decode()
    assert reverse("api_tokens") in page
    response = alice_client.post(
        reverse("api_tokens"), {"name": "chapter sheet", "scope": "read", "lifetime": "30"}
    )
    shown = response.context["new_token"]
    assert shown.startswith("vigil_") and shown in response.content.decode()
    record = ApiToken.objects.get(user=alice)
    assert record.name == "chapter sheet" and record.scope == "read"
    # Only the hash is stored; listing the tokens again never shows the token.
    assert record.token_hash == hashlib.sha256(shown.encode()).hexdigest()
    assert shown not in alice_client.get(reverse("api_tokens")).content.decode()
    expires = record.expires_at - timezone.now()
    assert datetime.timedelta(days=29) < expires <= datetime.timedelta(days=30)


def test_a_token_reads_what_its_owner_may_read(alice, case):
    client = Client(headers={"Authorization": f"Bearer {token_for(alice)}"})
    response = client.get(cases_url())
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["slug"] == case.slug
    assert item["url"] == f"http://testserver{case.get_absolute_url()}"


def test_without_a_token_or_session_the_api_answers_401_as_a_problem():
    response = Client().get(cases_url())
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401
    response = Client(headers={"Authorization": "Bearer vigil_not-a-token"}).get(cases_url())
    assert response.status_code == 401


def test_a_revoked_or_expired_token_no_longer_works(alice_client, alice):
    token = token_for(alice)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get(cases_url()).status_code == 200
    record = ApiToken.objects.get(user=alice)
    alice_client.post(reverse("api_token_revoke", args=[record.pk]))
    assert client.get(cases_url()).status_code == 401
    expired = token_for(alice, days=-1)
    assert (
        Client(headers={"Authorization": f"Bearer {expired}"}).get(cases_url()).status_code == 401
    )


def test_nobody_revokes_another_persons_token(alice, bob_client):
    token = token_for(alice)
    record = ApiToken.objects.get(user=alice)
    assert bob_client.post(reverse("api_token_revoke", args=[record.pk])).status_code == 404
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get(cases_url()).status_code == 200


def test_a_read_only_token_may_not_change_anything(alice, source):
    client = token_client(alice, scope="read")
    url = reverse("api:source", args=[source.case.slug, source.pk])
    response = client.patch(url, {"title": "Renamed"}, content_type="application/json")
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert Source.objects.get(pk=source.pk).title == source.title


def test_past_the_limit_a_token_gets_429_with_retry_after(alice, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    client = token_client(alice)
    assert [client.get(cases_url()).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(cases_url())
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 61
    assert response.json()["retry_after"] == int(response["Retry-After"])
    # Another token of the same person has its own count.
    assert token_client(alice).get(cases_url()).status_code == 200
    assert sum(ApiRequestCounter.objects.values_list("count", flat=True)) == 4


def test_a_change_through_a_token_is_in_the_audit_log_under_its_owner(alice, source):
    client = token_client(alice)
    url = reverse("api:source", args=[source.case.slug, source.pk])
    response = client.patch(
        url, {"title": "Field report, revised"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    entry = AuditEntry.objects.filter(model_label="evidence.Source", action="update").last()
    assert entry.actor == alice and entry.changes["title"][1] == "Field report, revised"


def test_a_session_needs_the_csrf_token_to_change_anything(alice, source):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    url = reverse("api:source", args=[source.case.slug, source.pk])
    assert client.get(url).status_code == 200
    response = client.patch(url, {"title": "x"}, content_type="application/json")
    assert response.status_code == 403
    client.get(reverse("api_tokens"))  # a page sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.patch(
        url, {"title": "Renamed"}, content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert response.status_code == 200
    assert Source.objects.get(pk=source.pk).title == "Renamed"
