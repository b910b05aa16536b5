"""`updated_since` takes any ISO 8601 moment: an offset past PostgreSQL's ±15:59 (ISO allows up to
±23:59), or a moment whose UTC falls before the year 1 or after 9999, is answered, not a 500."""

import pytest
from django.urls import reverse

from tests.conftest import make_source

pytestmark = pytest.mark.django_db


def titles(answer) -> list[str]:
    assert answer.status_code == 200, answer.content
    return [source["title"] for source in answer.json()["items"]]


def test_any_offset_and_the_ends_of_the_calendar_are_answered(case, alice_api):
    make_source(case, title="Report", access_level="public")
    address = reverse("api:sources", args=[case.slug])
    assert titles(alice_api.get(address, {"updated_since": "0227-05-02T11:10:38-16:31"})) == [
        "Report"
    ]
    assert titles(alice_api.get(address, {"updated_since": "2999-01-01T00:00:00+23:00"})) == []
    assert titles(alice_api.get(address, {"updated_since": "0001-01-01T00:00:00+05:00"})) == [
        "Report"
    ]
    assert titles(alice_api.get(address, {"updated_since": "9999-12-31T23:00:00-05:00"})) == []
