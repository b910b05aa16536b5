"""Schemathesis fuzzes every operation of the published OpenAPI description, signed in as each
role with a token of its own: no answer may be a server error, and every answer must be one the
description documents (status, media type and body schema).

The run is bounded and the same every time: EXAMPLES generated requests per operation and role,
derandomised (Hypothesis's fixed seed), no example database. Path arguments are the authorisation
world's real records (from API_TABLE), so the generated query strings and bodies reach the code
behind the permission checks instead of stopping at a 404 for an id that does not exist.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

import hypothesis
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, Phase
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.accounts.test_authorisation import World
from tests.accounts.test_authorisation_api import API_TABLE, PREFIX
from vigil.api import tokens

pytestmark = pytest.mark.django_db

EXAMPLES = 3
# Every kind of signed-in caller (the anonymous one is refused before any input is read: the
# authorisation table tests that).
ROLES = ["nobody", "admin", "researcher-a", "viewer-a", "coordinator-x", "volunteer-x"]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
BOUNDED = hypothesis.settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def wsgi_app():
    """Django's WSGI app, answering inside the test's transaction: the signals that close
    "old" connections around each request would close the test's own."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def token_headers(django_user_model) -> dict[str, dict]:
    """Authorization headers for each role; the world names each persona's account after it."""
    headers = {}
    for role in ROLES:
        _record, token = tokens.create_token(
            django_user_model.objects.get(username=role),
            name="fuzz",
            scope="read-write",
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )
        headers[role] = {"Authorization": f"Bearer {token}"}
    return headers


@dataclass
class Tally:
    operations: int = 0
    requests: int = 0
    by_status: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def fuzz(operation, path_arguments: dict, headers: dict, tally: Tally) -> None:
    """EXAMPLES generated requests to one operation with one role's headers."""

    @BOUNDED
    @hypothesis.given(case=operation.as_strategy())
    def send(case):
        case.path_parameters = {**(case.path_parameters or {}), **path_arguments}
        response = case.call(headers=headers)
        tally.requests += 1
        tally.by_status[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except Exception as error:  # every failure is listed, not only the first
            tally.failures.append(f"{case.method} {case.formatted_path} {headers}: {error}"[:800])

    send()


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_description(
    published, django_user_model, wsgi_app, settings
):
    settings.API_REQUESTS_PER_MINUTE = 1_000_000  # the limit has its own test
    world = World(published, django_user_model)
    headers = token_headers(django_user_model)
    schema = schemathesis.openapi.from_wsgi(f"{PREFIX}/openapi.json", wsgi_app)
    tally = Tally()
    for result in schema.get_all_operations():
        operation = result.ok()
        template = operation.path.removeprefix(PREFIX)
        _need, arguments, _body = API_TABLE[(template, operation.method.upper())]
        path_arguments = {key: str(value) for key, value in arguments(world).items()}
        tally.operations += 1
        for role in ROLES:
            fuzz(operation, path_arguments, headers[role], tally)
    print(
        f"\nschemathesis: {tally.operations} operations, {len(ROLES)} roles, "
        f"{tally.requests} requests, {len(tally.failures)} failures; "
        f"by status {dict(sorted(tally.by_status.items()))}"
    )
    assert tally.operations == len(API_TABLE)
    assert tally.failures == [], "\n".join(tally.failures[:20])
