"""The second-factor field offers the keyboard its codes need: backup codes have letters."""

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db


def token_input(client, url):
    page = lxml.html.fromstring(client.get(url).content)
    return page.get_element_by_id("id_token")


def signed_in_without_second_factor(user) -> Client:
    client = Client()
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return client


def test_the_sign_in_code_field_keeps_a_full_keyboard_for_backup_codes(administrator):
    TOTPDevice.objects.create(user=administrator, name="phone", confirmed=True)
    client = signed_in_without_second_factor(administrator)
    field = token_input(client, reverse("accounts:two_factor_verify"))
    assert field.get("inputmode") in (None, "text")
    assert field.get("autocapitalize") == "none"
    assert field.get("autocomplete") == "one-time-code"


def test_pairing_an_authenticator_asks_for_its_digits_on_a_numeric_keypad(administrator):
    client = signed_in_without_second_factor(administrator)
    field = token_input(client, reverse("accounts:two_factor_setup"))
    assert field.get("inputmode") == "numeric"
