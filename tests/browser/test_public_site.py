"""In a real Chromium, signed out: the public page of a case, kept as a screenshot."""

import pytest

from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_page_shows_figures_map_and_open_data(page, live_server, published):
    page.goto(f"{live_server.url}/p/{published.slug}/")
    page.get_by_role("heading", name="Casualty figures, source by source").wait_for()
    assert page.locator('.worldmap [data-iso="PAK"].cls-genocide').count() == 1
    assert "≥ 161" in page.locator("#figures").inner_text()
    assert page.get_by_role("link", name="Sign out").count() == 0
    screenshot(page, "public-case")
    with page.expect_download() as download:
        page.locator("#data").get_by_role("link", name="CSV").first.click()
    assert download.value.suggested_filename == f"{published.slug}-recognitions.csv"


# What a page may weigh on a phone, everything it fetches included (shapes, styles, scripts).
PHONE_PAGE_BUDGET = 400 * 1024


def test_the_public_page_reads_on_a_phone_and_stays_light(browser, live_server, published):
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = phone.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(f"{live_server.url}/p/{published.slug}/")
        page.wait_for_load_state("networkidle")
        weight = sum(len(r.body()) for r in responses if r.status == 200)
        assert weight < PHONE_PAGE_BUDGET
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.locator(".worldmap").bounding_box()["width"] >= 389
        pakistan = page.locator('.worldmap [data-iso="PAK"]')
        assert pakistan.evaluate("el => getComputedStyle(el).fill") == "rgb(123, 30, 58)"
        row = page.locator("#figures tbody tr").first
        assert row.evaluate("el => getComputedStyle(el).display") == "block"
        label = "el => getComputedStyle(el, '::before').content"
        assert row.locator("td").last.evaluate(label) == '"Locator"'  # each cell under its name
        screenshot(page, "public-case-phone")
    finally:
        phone.close()
