"""Calling the API as a program does: with a personal token in the Authorization header."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.api.schema_check import problems_with, recording_api_responses
from vigil.api import tokens


def token_for(user, scope="read-write", days=30) -> str:
    _record, token = tokens.create_token(
        user,
        name="a script",
        scope=scope,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token


def token_client(user, scope="read-write") -> Client:
    return Client(headers={"Authorization": f"Bearer {token_for(user, scope)}"})


@pytest.fixture
def alice_api(alice):
    return token_client(alice)


@pytest.fixture
def bob_api(bob):
    return token_client(bob)


@pytest.fixture(autouse=True)
def api_responses_match_the_description():
    """Every API response of these tests matches the OpenAPI description, or the test fails."""
    with recording_api_responses() as recorded:
        yield recorded
    wrong = [problem for entry in recorded for problem in problems_with(*entry)]
    assert wrong == [], "\n".join(wrong)
