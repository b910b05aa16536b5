"""In a real Chromium: Vigil in Urdu is laid out right to left (the case page, the figures table,
the public site and the RSVP page), in the Nastaliq font Vigil serves; a screenshot of each, and
of the public page in every language, is kept under test-artifacts/."""

import pytest
from django.conf import settings

from tests.campaigns.conftest import make_event
from tests.conftest import screenshot, sign_in
from vigil.campaigns.models import Chapter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280


def assert_right_to_left(page):
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The header's first item, Vigil's name, sits at the right-hand edge.
    brand = page.locator(".site-header .brand").bounding_box()
    assert brand["x"] > WIDTH / 2
    assert WIDTH - (brand["x"] + brand["width"]) < 40


def assert_in_nastaliq(page):
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Vigil Nastaliq"')
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Vigil Nastaliq\"', 'اردو')")


def choose(page, language_code: str):
    page.locator("#language-switch").select_option(language_code)
    page.locator(".language-switch button").click()
    page.wait_for_load_state()


def test_the_signed_in_pages_mirror_in_urdu(page, live_server, alice, published):
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{published.slug}/")
    choose(page, "ur")
    assert_right_to_left(page)
    assert_in_nastaliq(page)
    # The case's own navigation starts at the right too.
    title = page.locator(".case-nav .case-title").bounding_box()
    search = page.locator(".case-nav .search-box").bounding_box()
    assert title["x"] > search["x"]
    screenshot(page, "rtl-ur-case")

    page.goto(f"{live_server.url}/cases/{published.slug}/figures/")
    assert_right_to_left(page)
    headers = page.locator("table").first.locator("thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    assert first["x"] > last["x"]  # the first column is the right-most
    cell = page.locator("table").first.locator("tbody td").first
    assert cell.evaluate("el => getComputedStyle(el).textAlign") == "start"
    screenshot(page, "rtl-ur-figures")


def test_the_public_site_and_the_rsvp_page_mirror_in_urdu(page, live_server, published):
    chapter = Chapter.objects.create(name="Lahore chapter", city="Lahore", country_code="PAK")
    event = make_event(chapter, title="Candle-lighting", case=published)

    page.goto(f"{live_server.url}/ur/p/{published.slug}/")
    assert_right_to_left(page)
    assert_in_nastaliq(page)
    screenshot(page, "rtl-ur-public-case")

    page.goto(f"{live_server.url}/ur/events/{event.pk}/")
    assert_right_to_left(page)
    field = page.locator(".public-event form input[type=text]").first
    label = page.locator(".public-event form label").first
    # A form reads from the right: its fields' text starts there.
    assert field.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert label.bounding_box()["x"] + label.bounding_box()["width"] > WIDTH / 2
    screenshot(page, "rtl-ur-rsvp")


def test_the_public_page_in_every_language(page, live_server, published):
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        page.goto(f"{live_server.url}{prefix}/p/{published.slug}/")
        assert page.evaluate("document.documentElement.lang") == code
        expected = "rtl" if code == "ur" else "ltr"
        assert page.evaluate("getComputedStyle(document.body).direction") == expected
        screenshot(page, f"language-{code}-public-case")
