"""End to end in a real Chromium: sign in, upload, record a figure, have a second researcher
verify it, see it listed."""

import pytest

from tests.conftest import PASSWORD, give_role, screenshot, sign_in
from vigil.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_researcher_uploads_a_source_records_and_verifies_a_figure(
    page, live_server, alice, django_user_model, tmp_path
):
    khojaly = Case.objects.create(slug="khojaly-1992", title="Khojaly massacre")
    give_role(alice, khojaly)
    report = tmp_path / "field-report.txt"
    report.write_text("A 1993 report put the number of deaths at least 161 civilians.")

    sign_in(page, live_server, "alice")
    page.get_by_role("link", name="Khojaly massacre").first.click()
    page.get_by_role("link", name="Upload a source").click()
    page.get_by_label("File").set_input_files(str(report))
    page.get_by_label("Kind").select_option("report")
    page.get_by_label("Title").fill("Field report")
    page.get_by_label("Reliability").select_option("B")
    page.get_by_label("Why this grade").fill("Independent field research")
    page.locator("#id_access_level").select_option("public")
    page.get_by_role("button", name="Add source").click()
    page.get_by_text("Source added and archived.").wait_for()

    page.get_by_role("link", name="Record a claim").click()
    page.get_by_label("Statement").fill("At least 161 civilians were killed")
    page.get_by_label("Type").select_option("figure")
    page.get_by_label("Locator").fill("at least 161 civilians")
    page.get_by_label("Category").select_option("killed")
    page.get_by_label("Low").fill("161")
    page.get_by_label("Who is counted").fill("civilians")
    page.get_by_role("button", name="Save claim").click()
    page.get_by_text("Claim recorded.").wait_for()

    page.get_by_role("button", name="Verify").click()  # her own claim: refused
    page.get_by_text("another researcher must verify it").wait_for()
    carol = give_role(django_user_model.objects.create_user("carol", password=PASSWORD), khojaly)
    page.get_by_role("button", name="Sign out alice").click()
    sign_in(page, live_server, carol.username)
    page.goto(f"{live_server.url}/cases/{khojaly.slug}/review/")
    page.get_by_role("button", name="Verify").click()
    page.get_by_text("Claim marked verified.").wait_for()

    page.get_by_role("navigation", name="Case").get_by_role("link", name="Figures").click()
    row = page.locator("#figures-killed tbody tr").first
    assert row.locator("td.number").inner_text() == "≥ 161"
    assert "Field report" in row.inner_text()
    assert "Verified" in row.inner_text() or "verified" in row.inner_text()
    screenshot(page, "figures-table")

    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "figures-table-phone")
