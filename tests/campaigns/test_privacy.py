"""A pseudonymous member's identity shows only to coordinators of their chapter and to
administrators: on every page, export, search and admin list where a member can appear."""

import json

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEntry
from vigil.campaigns import rsvps

pytestmark = pytest.mark.django_db

SECRETS = ["Leyla Secretname", "leyla@example.org", "+49 30 1234567"]


def shows_identity(html: str) -> bool:
    return any(secret in html for secret in SECRETS)


@pytest.fixture
def admin_client(django_user_model):
    from django.test import Client

    admin = django_user_model.objects.create_superuser("root", password="pw-root-123")
    client = Client()
    client.force_login(admin)
    return client


def pages(member, chapter):
    return [
        reverse("campaigns:members"),
        reverse("campaigns:member", args=[member.pk]),
        reverse("campaigns:chapter", args=[chapter.pk]),
    ]


def test_a_volunteer_sees_only_the_pseudonym_everywhere(volunteer_client, nightingale, chapter):
    for url in pages(nightingale, chapter):
        html = volunteer_client.get(url).content.decode()
        assert "Nightingale" in html, url
        assert not shows_identity(html), url


def test_the_chapters_coordinator_sees_the_identity(coordinator_client, nightingale, chapter):
    for url in pages(nightingale, chapter)[:3]:
        assert shows_identity(coordinator_client.get(url).content.decode()), url


def test_a_coordinator_of_another_chapter_does_not(django_user_model, nightingale, other_chapter):
    from django.test import Client

    user = django_user_model.objects.create_user("dave", password="pw-dave-123")
    other_chapter.coordinators.add(user)
    client = Client()
    client.force_login(user)
    assert not shows_identity(
        client.get(reverse("campaigns:member", args=[nightingale.pk])).content.decode()
    )


def test_search_by_legal_name_finds_nothing_for_a_volunteer(
    volunteer_client, coordinator_client, nightingale
):
    url = reverse("campaigns:members")
    assert "Nightingale" not in volunteer_client.get(url, {"q": "Secretname"}).content.decode()
    assert "Nightingale" in coordinator_client.get(url, {"q": "Secretname"}).content.decode()


def test_export_and_erasure_are_refused_to_a_volunteer(volunteer_client, nightingale):
    assert (
        volunteer_client.get(reverse("campaigns:member_export", args=[nightingale.pk])).status_code
        == 403
    )
    assert (
        volunteer_client.post(reverse("campaigns:member_erase", args=[nightingale.pk])).status_code
        == 403
    )
    nightingale.refresh_from_db()
    assert nightingale.legal_name == "Leyla Secretname"


def test_the_back_office_is_for_administrators_only(
    django_user_model, nightingale, administrator_client
):
    from django.contrib.auth.models import Permission

    from tests.conftest import signed_in

    staff = django_user_model.objects.create_user("sam", password="pw-sam-123", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_member"))
    client = signed_in(staff)
    url = reverse("admin:campaigns_member_changelist")
    assert "Nightingale" not in client.get(url, follow=True).content.decode()
    assert client.get(url).status_code == 302  # to the back office's sign-in page
    assert shows_identity(administrator_client.get(url).content.decode())


def test_the_audit_log_never_holds_the_identity(nightingale):
    nightingale.legal_name = "Another Secretname"
    nightingale.save()
    logged = json.dumps([[e.object_repr, e.changes] for e in AuditEntry.objects.all()])
    assert "Secretname" not in logged and "leyla@" not in logged and "Nightingale" not in logged
    # created, put in a chapter, renamed
    assert AuditEntry.objects.filter(model_label="campaigns.Member").count() == 3


def test_export_holds_everything_about_the_member(coordinator_client, nightingale):
    response = coordinator_client.get(reverse("campaigns:member_export", args=[nightingale.pk]))
    data = json.loads(response.content)
    assert data["legal_name"] == "Leyla Secretname"
    assert data["chapters"] == ["Berlin chapter"]


def test_erasure_wipes_the_person_and_logs_only_that_it_happened(
    coordinator_client, nightingale, chapter
):
    from tests.campaigns.conftest import make_event

    event = make_event(chapter)
    rsvps.reply(
        event,
        name="Leyla Secretname",
        email="leyla@example.org",
        consent=True,
        base_url="http://testserver/",
    )
    nightingale.consents.create(purpose="contact", statement="May contact me")
    coordinator_client.post(reverse("campaigns:member_erase", args=[nightingale.pk]))
    nightingale.refresh_from_db()
    assert nightingale.erased_at is not None
    assert (nightingale.legal_name, nightingale.email, nightingale.phone) == ("", "", "")
    assert "Nightingale" not in nightingale.display_name
    assert not nightingale.consents.exists()
    assert not shows_identity(json.dumps(list(event.rsvps.values("name", "email"))))
    erasure = AuditEntry.objects.get(action="erase")
    assert erasure.object_repr == f"member #{nightingale.pk}" and erasure.changes == {}
    logged = json.dumps([[e.object_repr, e.changes] for e in AuditEntry.objects.all()])
    assert not shows_identity(logged)
