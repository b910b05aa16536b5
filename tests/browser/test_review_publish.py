"""In a real Chromium: a claim one researcher recorded is verified by a second, published from the
review screen after its preview, and then shows on the public page to a visitor signed out."""

import pytest

from tests import personas
from tests.conftest import make_source, screenshot, sign_in
from vigil.evidence import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_then_publish_puts_the_claim_on_the_public_page(
    browser, page, live_server, published, alice, django_user_model
):
    source = make_source(published, text="613 people were killed.", title="Memorial Report")
    claim = services.add_claim(
        source,
        fields={"statement": "613 people were killed", "claim_type": "figure", "locator": "p. 4"},
        figure={"category": "killed", "low": 613, "high": 613},
        user=alice,
    )
    dora = personas.dora(published)

    sign_in(page, live_server, dora.username)
    page.goto(f"{live_server.url}/cases/{published.slug}/review/")
    page.locator(f"#claim-{claim.pk}").get_by_role("button", name="Verify").click()
    page.get_by_text("Claim marked verified.").wait_for()

    page.goto(f"{live_server.url}/p/{published.slug}/")
    assert "Memorial Report" not in page.content()  # verified, not yet published

    page.goto(f"{live_server.url}/cases/{published.slug}/publish/")
    page.get_by_label("613 people were killed").check()
    page.get_by_role("button", name="Review what will become public").click()
    page.get_by_role("heading", name="What will become public").wait_for()
    preview = page.locator("main").inner_text()
    assert "613 people were killed" in preview and "Memorial Report" in preview
    screenshot(page, "publish-preview")
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published 1 claim and 1 source.").wait_for()

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        public = visitor.new_page()
        public.goto(f"{live_server.url}/p/{published.slug}/")
        public.locator("#figures").wait_for()
        assert "613" in public.locator("#figures").inner_text()
        assert "Memorial Report" in public.content()
        screenshot(public, "public-after-publish")
    finally:
        visitor.close()
