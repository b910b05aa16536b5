"""In a real Chromium: open the case matrix, drill into a cell, see the claim's source."""

import pytest

from tests.conftest import add_reviewed_claim, make_source, screenshot, sign_in
from vigil.law import services as law_services
from vigil.law.models import Element

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_researcher_drills_from_the_matrix_to_a_claims_source(
    page, live_server, alice, case, law
):
    source = make_source(case, text="The report counts the dead.", title="Field report 1992")
    claim = add_reviewed_claim(
        source,
        fields={
            "statement": "At least 161 people were killed",
            "claim_type": "act",
            "locator": "p. 19",
            "review_status": "verified",
        },
    )
    element = Element.objects.get(crime__code="RS-6-a", number=1)
    law_services.link_claim(
        case, claim=claim, element=element, bearing="supports", strength="moderate"
    )

    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/")
    page.get_by_role("navigation", name="Case").get_by_role("link", name="Law").click()
    page.get_by_role("link", name="Genocide by killing", exact=True).click()
    screenshot(page, "matrix-genocide-by-killing")
    first_row = page.locator("table.matrix tbody tr").first
    assert "thin" in first_row.inner_text()
    first_row.get_by_role("link", name="thin").click()
    page.get_by_text("At least 161 people were killed").wait_for()
    page.get_by_role("link", name="Field report 1992").first.click()
    page.get_by_role("heading", name="Field report 1992").wait_for()
    assert "The report counts the dead." in page.content()
