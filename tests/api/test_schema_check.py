"""The check that keeps every API test's responses true to the published description."""

import pytest
from django.http import JsonResponse
from django.urls import reverse

from tests.api.schema_check import problems_with, recording_api_responses

pytestmark = pytest.mark.django_db


def test_the_recorder_sees_api_responses(alice_api, case):
    with recording_api_responses() as recorded:
        alice_api.get(reverse("api:case", args=[case.slug]))
    [(method, path, response)] = recorded
    assert (method, path, response.status_code) == ("GET", f"/api/v1/cases/{case.slug}", 200)
    assert problems_with(method, path, response) == []


def test_a_body_that_breaks_the_description_is_named(case):
    path = f"/api/v1/cases/{case.slug}"
    missing_title = JsonResponse({"id": 1, "slug": case.slug})
    assert any("title" in problem for problem in problems_with("GET", path, missing_title))
    assert problems_with("GET", path, JsonResponse({}, status=418)) == [
        f"GET {path} → 418: status not documented"
    ]
    as_html = JsonResponse({}, status=404)
    as_html["Content-Type"] = "text/html"
    assert "text/html is not documented" in problems_with("GET", path, as_html)[0]
