"""The figures through the API: each category's count and spread in one short answer, and its
figures side by side a page at a time, so a case with thousands of figures answers in pages."""

import pytest
from django.urls import reverse

from tests.conftest import add_reviewed_claim, make_source

pytestmark = pytest.mark.django_db


def add_figure(source, value, status="verified", category="killed"):
    return add_reviewed_claim(
        source,
        fields={
            "statement": f"{value} people were {category}.",
            "claim_type": "figure",
            "locator": "p. 1",
            "review_status": status,
        },
        figure={"category": category, "low": value, "high": value},
    )


def test_categories_count_their_figures_and_link_to_them_a_page_at_a_time(case, alice_api):
    report = make_source(case, title="Report")
    for value in (600, 613, 640, 700, 1000):
        add_figure(report, value)
    add_figure(report, 5000, status="rejected")
    add_figure(report, 20, category="wounded", status="proposed")

    answer = alice_api.get(reverse("api:figures", args=[case.slug])).json()
    by_category = {group["category"]: group for group in answer}
    assert set(by_category) == {"killed", "wounded"}
    killed = by_category["killed"]
    assert killed["count"] == 5  # the rejected one is not shown
    assert killed["summary"]["count"] == 5
    assert killed["summary"]["median"] == 640
    assert by_category["wounded"]["summary"]["count"] == 0  # proposed: shown, not summarised

    seen, address = [], killed["figures"] + "?limit=2"
    while address:
        page = alice_api.get(address).json()
        assert len(page["items"]) <= 2
        seen += [row["low"] for row in page["items"]]
        address = page["next"]
    assert sorted(seen) == [600, 613, 640, 700, 1000]


def test_a_category_hides_figures_from_sources_the_reader_may_not_see(case, bob_api):
    add_figure(make_source(case, "An open report.", title="Open"), 613)
    closed = make_source(case, "A closed report.", title="Closed", access_level="confidential")
    add_figure(closed, 999)

    groups = bob_api.get(reverse("api:figures", args=[case.slug])).json()
    assert [(g["category"], g["count"]) for g in groups] == [("killed", 1)]
    rows = bob_api.get(reverse("api:category_figures", args=[case.slug, "killed"])).json()
    assert [row["low"] for row in rows["items"]] == [613]


def test_an_unknown_category_is_not_found(case, alice_api):
    response = alice_api.get(reverse("api:category_figures", args=[case.slug, "counted"]))
    assert response.status_code == 404


def test_a_limit_out_of_bounds_is_refused_as_a_bad_query_parameter(case, alice_api):
    address = reverse("api:category_figures", args=[case.slug, "killed"])
    for bad in (0, 201, -5):
        refused = alice_api.get(address, {"limit": bad})
        assert refused.status_code == 422
        error = refused.json()["errors"][0]
        assert (error["field"], error["location"]) == ("limit", "query")
    assert alice_api.get(reverse("api:sources", args=[case.slug]), {"limit": 0}).status_code == 422
    assert alice_api.get(address, {"limit": 200}).status_code == 200
