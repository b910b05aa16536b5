"""End to end in a real Chromium: sign in, upload, record a figure, have a second researcher
verify it, see it listed."""

import pytest

from tests import personas
from tests.conftest import make_source, screenshot, sign_in
from tests.personas import give_role
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
    dora = personas.dora(khojaly)
    page.get_by_role("button", name="Sign out alice").click()
    sign_in(page, live_server, dora.username)
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


def test_a_researcher_corrects_a_source_s_text_and_reads_the_earlier_version(
    page, live_server, alice, case
):
    source = make_source(case, text="The town was shelled at nigth.", title="Memo")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    page.get_by_role("link", name="Correct the text").click()
    page.locator("#id_text").fill("The town was shelled at night.")
    page.get_by_label("What you changed and why").fill("a typing error in the copy")
    page.get_by_role("button", name="Save as a new version").click()
    page.get_by_text("The text is saved as version 2.").wait_for()
    versions = page.locator("section.text-versions tbody tr")
    assert versions.count() == 2
    assert "edited by hand" in versions.first.inner_text()
    assert "a typing error in the copy" in versions.first.inner_text()
    page.get_by_role("link", name="version 1", exact=True).click()
    assert "at nigth." in page.locator("pre.source-text").inner_text()
    page.get_by_text("the newest is version 2").wait_for()
    screenshot(page, "source-text-version-1")
