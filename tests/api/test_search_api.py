"""Search through the API: the page's index, ranking and access rules, as data."""

import pytest
from django.urls import reverse

from tests.conftest import make_source

pytestmark = pytest.mark.django_db


def test_search_finds_stemmed_words_ranks_and_pages_within_what_the_caller_may_see(case, bob_api):
    for n in range(52):
        make_source(case, f"Report {n}: the hostage was held for days.", title=f"Report {n}")
    make_source(
        case,
        "Hostages named in the register.",
        title="Register",
        access_level="confidential",
    )
    address = reverse("api:search", args=[case.slug])

    first = bob_api.get(address, {"q": "hostages"}).json()
    assert len(first["items"]) == 50 and first["page"] == 1
    assert all("<mark>" in hit["snippet"] for hit in first["items"])
    second = bob_api.get(first["next"]).json()
    assert second["next"] is None and second["page"] == 2
    titles = {hit["title"] for hit in first["items"] + second["items"]}
    assert titles == {f"Report {n}" for n in range(52)}  # the viewer never sees the register


def test_a_query_s_markup_is_escaped_in_the_snippet(case, alice_api):
    make_source(case, "The <b>council</b> met.", title="Minutes")
    hits = alice_api.get(reverse("api:search", args=[case.slug]), {"q": "council"}).json()
    assert "&lt;b&gt;<mark>council</mark>" in hits["items"][0]["snippet"]


def test_bad_pages_and_queries_are_refused_as_data(case, alice_api):
    address = reverse("api:search", args=[case.slug])
    assert alice_api.get(address, {"q": "x", "page": 0}).status_code == 422
    assert alice_api.get(address, {"q": "x" * 501}).status_code == 422
    assert alice_api.get(address).json() == {"items": [], "page": 1, "next": None}
