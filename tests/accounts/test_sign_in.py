"""Signing in: Argon2, lockout per account and per address, the second factor for administrators
and coordinators, invitations, password reset and sessions that expire."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.personas import PASSWORD
from vigil.accounts import invitations
from vigil.accounts.models import Invitation
from vigil.audit.models import AuditEntry
from vigil.campaigns.models import Chapter
from vigil.cases.models import CaseMembership

pytestmark = pytest.mark.django_db


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_passwords_are_hashed_with_argon2(settings, django_user_model):
    from vigil import settings as vigil_settings

    settings.PASSWORD_HASHERS = vigil_settings.PASSWORD_HASHERS  # the suite uses a fast one
    user = django_user_model.objects.create_user("argon", password=PASSWORD)
    assert user.password.startswith("argon2$")
    assert sign_in(Client(), "argon").status_code == 302


def test_an_account_locks_after_repeated_failures_from_any_address(alice, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(2):
        client = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert sign_in(client, "alice", "wrong").status_code == 200
    assert sign_in(Client(REMOTE_ADDR="10.0.0.3"), "alice", "wrong").status_code == 429
    response = sign_in(Client(REMOTE_ADDR="10.0.0.99"), "alice")  # the right password, too late
    assert response.status_code == 429
    assert "Sign-in is locked for now" in response.content.decode()
    assert "_auth_user_id" not in Client().session


def test_an_address_locks_after_failures_on_several_accounts(alice, bob, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="10.0.0.7")
    for username in ("mallory", "trent", "eve"):
        sign_in(client, username, "guess")
    assert sign_in(client, "bob").status_code == 429
    assert sign_in(Client(REMOTE_ADDR="10.0.0.8"), "bob").status_code == 302


def coordinator(django_user_model):
    user = django_user_model.objects.create_user("carol", password=PASSWORD)
    Chapter.objects.create(name="Berlin", city="Berlin", country_code="DEU").coordinators.add(user)
    return user


@pytest.fixture
def no_throttling(settings):
    """django-otp slows down guessing after each wrong code; these tests try several in a row."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_a_coordinator_must_set_up_a_second_factor_before_anything_else(
    django_user_model, no_throttling
):
    coordinator(django_user_model)
    client = Client()
    assert sign_in(client, "carol").status_code == 302
    response = client.get(reverse("campaigns:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two_factor_setup"))
    page = client.get(response.url).content.decode()
    key = TOTPDevice.objects.get(user__username="carol", confirmed=False).bin_key
    assert "<svg" in page  # the QR code
    assert client.post(reverse("accounts:two_factor_setup"), {"token": "000000"}).status_code == 200
    response = client.post(reverse("accounts:two_factor_setup"), {"token": f"{totp(key):06d}"})
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("campaigns:dashboard")).status_code == 200


def test_a_paired_administrator_enters_a_code_or_a_backup_code_once(
    django_user_model, no_throttling
):
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD, email="")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    backup = StaticDevice.objects.create(user=admin, name="backup", confirmed=True)
    backup.token_set.create(token="onlyonce")
    client = Client()
    sign_in(client, "root")
    response = client.get(reverse("accounts:audit_log"))
    assert response.url.startswith(reverse("accounts:two_factor_verify"))
    verify = reverse("accounts:two_factor_verify")
    wrong = client.post(verify, {"token": "123456"})
    assert "That code is not right" in wrong.content.decode()
    assert client.post(verify, {"token": "onlyonce"}).status_code == 302
    assert client.get(reverse("accounts:audit_log")).status_code == 200
    second = Client()
    sign_in(second, "root")
    assert "That code is not right" in second.post(verify, {"token": "onlyonce"}).content.decode()
    device.refresh_from_db()
    assert second.post(verify, {"token": f"{totp(device.bin_key):06d}"}).status_code == 302
    assert second.get(reverse("admin:index")).status_code == 200


def test_after_a_wrong_code_even_the_right_one_waits(django_user_model):
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD, email="")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = Client()
    sign_in(client, "root")
    verify = reverse("accounts:two_factor_verify")
    client.post(verify, {"token": "123456"})
    right = client.post(verify, {"token": f"{totp(device.bin_key):06d}"})
    assert right.status_code == 200 and "That code is not right" in right.content.decode()


def test_a_researcher_needs_no_second_factor(alice_client):
    assert alice_client.get(reverse("cases:list")).status_code == 200


def invite(administrator_client, **fields):
    return administrator_client.post(reverse("accounts:invitations"), fields)


def link_in_last_mail() -> str:
    return re.search(r"http://testserver(/invite/[^/\s]+/)", mail.outbox[-1].body).group(1)


def test_an_invitation_creates_an_account_with_its_role_once(administrator_client, case):
    invite(administrator_client, email="new@example.org", role="researcher", case=case.pk)
    assert mail.outbox[-1].to == ["new@example.org"]
    assert f"invited to Vigil as researcher of a case ({case}).\n" in mail.outbox[-1].body
    link = link_in_last_mail()
    newcomer = Client()
    form = {
        "username": "newcomer",
        "password1": "a-strong-pass-42",
        "password2": "a-strong-pass-42",
    }
    assert newcomer.post(link, form).status_code == 302
    user = get_user_model().objects.get(username="newcomer")
    assert user.email == "new@example.org"
    assert CaseMembership.objects.get(user=user, case=case).role == "researcher"
    assert newcomer.get(reverse("cases:detail", args=[case.slug])).status_code == 200
    again = Client().post(link, {**form, "username": "second"})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert not get_user_model().objects.filter(username="second").exists()
    assert AuditEntry.objects.filter(model_label="accounts.Invitation").count() == 2


def test_an_expired_invitation_is_refused(administrator, case):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    _invitation, token = invitations.create_invitation(
        email="late@example.org", role="viewer", case=case, invited_by=administrator, now=long_ago
    )
    response = Client().get(reverse("accept_invitation", args=[token]))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_an_invitation_to_a_case_role_needs_a_case(administrator_client):
    response = invite(administrator_client, email="x@example.org", role="viewer")
    assert "choose one" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_forgotten_password_is_reset_by_email(alice):
    alice.email = "alice@example.org"
    alice.save()
    client = Client()
    client.post(reverse("password_reset"), {"email": "alice@example.org"})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    new = {"new_password1": "another-long-pass-7", "new_password2": "another-long-pass-7"}
    assert client.post(form_page.request["PATH_INFO"], new).status_code == 302
    assert sign_in(Client(), "alice", "another-long-pass-7").status_code == 302
    assert Client().get(link, follow=True).context["validlink"] is False  # used once


def test_a_session_past_its_age_is_signed_out(alice, settings):
    client = Client()
    sign_in(client, "alice")
    assert client.get(reverse("cases:list")).status_code == 200
    left = Session.objects.get().expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < left <= datetime.timedelta(hours=8)
    assert client.cookies["sessionid"]["max-age"] == ""  # ends when the browser closes
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("cases:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
