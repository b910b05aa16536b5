import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from vigil.evidence import services

pytestmark = pytest.mark.django_db


# The only pages anyone may open without signing in.
PUBLIC = {
    "login",
    "public_event",
    "events_ical",
    "chapter_ical",
    "public_case",
    "public_feed",
    "public_data",
    "public_material",
}


def all_page_urls(case, source):
    """Every page URL, with arguments filled in, so a new page cannot forget sign-in."""
    kwargs = {"slug": case.slug, "pk": source.pk, "code": "RS-6-a", "number": 1}
    urls = []

    def walk(patterns, prefix="", route=""):
        for pattern in patterns:
            full_route = route + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                namespace = pattern.namespace
                if namespace in {"admin"} or full_route.startswith("i18n"):
                    continue
                walk(
                    pattern.url_patterns,
                    f"{prefix}{namespace}:" if namespace else prefix,
                    full_route,
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                wanted = {k: v for k, v in kwargs.items() if f":{k}>" in full_route}
                name = f"{prefix}{pattern.name}"
                if name not in PUBLIC:
                    urls.append(reverse(name, kwargs=wanted))

    walk(get_resolver().url_patterns)
    return urls


def test_every_page_but_sign_in_requires_signing_in(client, source):
    urls = all_page_urls(source.case, source)
    assert len(urls) > 10
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/login/"), url


def test_the_case_list_shows_cases_with_their_counts(alice_client, source):
    page = alice_client.get(reverse("cases:list")).content.decode()
    assert "Test case" in page
    assert "1 source" in page


def test_the_case_page_shows_the_timeline_of_dated_events_with_sources(alice_client, source):
    services.add_claim(
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
    assert "Feb. 25, 1992 – Feb. 26, 1992" in page
    assert source.title in page
    assert "p. 19" in page


def test_a_case_can_be_created_and_refuses_an_end_before_its_start(alice_client):
    response = alice_client.post(
        reverse("cases:create"),
        {"title": "New", "slug": "new-case", "start_date": "1995-07-11", "end_date": "1995-07-01"},
    )
    assert "cannot be before the start" in response.content.decode()
    response = alice_client.post(
        reverse("cases:create"),
        {"title": "New", "slug": "new-case", "start_date": "1995-07-11", "country_code": "bih"},
    )
    assert response.url == "/cases/new-case/"


def test_a_case_refuses_an_unknown_country_code(alice_client):
    response = alice_client.post(
        reverse("cases:create"), {"title": "New", "slug": "x", "country_code": "XXX"}
    )
    assert "not an ISO 3166-1 alpha-3 country code" in response.content.decode()
