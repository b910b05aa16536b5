import pytest
from django.urls import reverse

from tests.conftest import add_reviewed_claim

pytestmark = pytest.mark.django_db


def test_the_case_list_shows_cases_with_their_counts(alice_client, source):
    page = alice_client.get(reverse("cases:list")).content.decode()
    assert "Test case" in page
    assert "1 source" in page


def test_the_case_page_shows_the_timeline_of_dated_events_with_sources(alice_client, source):
    add_reviewed_claim(
        source,
        fields={
            "statement": "The town was seized at night.",
            "claim_type": "event",
            "locator": "p. 19",
            "occurred_on": "1992-02-25",
            "occurred_precision": "day",
            "occurred_until": "1992-02-26",
            "review_status": "verified",
        },
    )
    page = alice_client.get(reverse("cases:detail", args=[source.case.slug])).content.decode()
    assert "The town was seized at night." in page
    assert "25 February 1992 – 26 February 1992" in page
    assert source.title in page
    assert "p. 19" in page


def test_a_case_can_be_created_and_refuses_an_end_before_its_start(administrator_client):
    response = administrator_client.post(
        reverse("cases:create"),
        {"title": "New", "slug": "new-case", "start_date": "1995-07-11", "end_date": "1995-07-01"},
    )
    assert "cannot be before the start" in response.content.decode()
    response = administrator_client.post(
        reverse("cases:create"),
        {"title": "New", "slug": "new-case", "start_date": "1995-07-11", "country_code": "bih"},
    )
    assert response.url == "/cases/new-case/"


def test_a_case_refuses_an_unknown_country_code(administrator_client):
    response = administrator_client.post(
        reverse("cases:create"), {"title": "New", "slug": "x", "country_code": "XXX"}
    )
    assert "not an ISO 3166-1 alpha-3 country code" in response.content.decode()


def test_the_case_page_counts_claims_in_one_sentence_with_the_queue_linked(alice_client, source):
    for status in ("verified", "verified", "proposed"):
        fields = {"statement": "A claim.", "claim_type": "act", "locator": "p. 1"}
        add_reviewed_claim(source, fields={**fields, "review_status": status})
    page = alice_client.get(reverse("cases:detail", args=[source.case.slug])).content.decode()
    queue = reverse("evidence:review_queue", args=[source.case.slug])
    assert f'<dd>3 (2 verified, <a href="{queue}">1 awaiting review</a>)</dd>' in page
