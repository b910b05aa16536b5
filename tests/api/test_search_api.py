"""Search through the API: the page's index, ranking and access rules, as data."""

import pytest
from django.urls import reverse

from tests.conftest import make_source

pytestmark = pytest.mark.django_db


def test_search_finds_stemmed_words_ranks_and_pages_within_what_the_caller_may_see(case, bob_api):
    for n in range(52):
        make_source(
            case, f"Report {n}: the hostage was held for days.", title=f"Report {n}", language="en"
        )
    make_source(
        case,
        "Hostages named in the register.",
        title="Register",
        access_level="confidential",
        language="en",
    )
    address = reverse("api:search", args=[case.slug])

    first = bob_api.get(address, {"q": "hostages"}).json()
    assert len(first["items"]) == 50 and first["page"] == 1
    assert all("<mark>" in hit["snippet"] for hit in first["items"])
    second = bob_api.get(first["next"]).json()
    assert second["next"] is None and second["page"] == 2
    titles = {hit["title"] for hit in first["items"] + second["items"]}
    assert titles == {f"Report {n}" for n in range(52)}  # the viewer never sees the register


def test_markup_in_a_text_never_reaches_the_snippet_as_markup(case, alice_api):
    make_source(case, "The <b>council</b> met.", title="Minutes", language="en")
    hits = alice_api.get(reverse("api:search", args=[case.slug]), {"q": "council"}).json()
    snippet = hits["items"][0]["snippet"]
    # SQLite's snippet keeps the tag as text, escaped; PostgreSQL's headline leaves it out.
    assert "<mark>council</mark>" in snippet and "<b>" not in snippet


def test_bad_pages_and_queries_are_refused_as_data(case, alice_api):
    address = reverse("api:search", args=[case.slug])
    for bad, field in (({"q": "x", "page": 0}, "page"), ({"q": "x" * 501}, "q")):
        refused = alice_api.get(address, bad)
        assert refused.status_code == 422
        assert refused.json()["errors"][0] | {"reason": ""} == {
            "field": field,
            "location": "query",
            "reason": "",
        }
    assert alice_api.get(address).json() == {"items": [], "page": 1, "next": None}
