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
