"""The session key changes with every change of privilege, so a cookie copied before it (from a
shared computer, a proxy log, a fixation attack) never carries the new privileges."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import personas
from tests.accounts.test_sign_in import sign_in
from tests.personas import PASSWORD, give_role
from vigil.cases.models import CaseMembership

pytestmark = pytest.mark.django_db


def session_key(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def with_cookie(key: str) -> Client:
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = key
    return other


def test_passing_the_second_factor_gives_a_new_session_key(django_user_model):
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD, email="")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = Client()
    sign_in(client, "root")
    before = session_key(client)
    verify = reverse("accounts:two_factor_verify")
    assert client.post(verify, {"token": f"{totp(device.bin_key):06d}"}).status_code == 302
    after = session_key(client)
    assert after != before
    assert client.get(reverse("accounts:audit_log")).status_code == 200
    # The cookie from before the code is not signed in at all any more.
    stale = with_cookie(before).get(reverse("accounts:audit_log"))
    assert stale.status_code == 302 and stale.url.startswith(reverse("login"))


def test_signing_in_with_a_password_gives_a_new_session_key(alice):
    client = Client()
    client.get(reverse("login"))
    client.session.save()
    anonymous = session_key(client)
    sign_in(client, "alice")
    assert session_key(client) != anonymous


def test_a_role_granted_gives_a_new_session_key_at_the_next_request(django_user_model, case):
    user = personas.bob(case)
    client = Client()
    sign_in(client, "bob")
    assert client.get(reverse("cases:list")).status_code == 200
    before = session_key(client)
    give_role(user, case, CaseMembership.Role.RESEARCHER)
    assert client.get(reverse("cases:edit", args=[case.slug])).status_code == 200
    assert session_key(client) != before
    stale = with_cookie(before).get(reverse("cases:edit", args=[case.slug]))
    assert stale.status_code == 302 and stale.url.startswith(reverse("login"))


def test_a_request_with_no_change_keeps_the_session_key(alice):
    client = Client()
    sign_in(client, "alice")
    client.get(reverse("cases:list"))
    before = session_key(client)
    client.get(reverse("cases:list"))
    assert session_key(client) == before
