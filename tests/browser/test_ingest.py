"""In a real Chromium: upload a document, watch the job end, accept a candidate, see the claim."""

import pytest
from django.core.management import call_command

from tests.conftest import screenshot, sign_in
from tests.ingest.test_pipeline import REPORT
from vigil.evidence.models import Claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_researcher_ingests_a_report_and_accepts_a_figure(
    page, live_server, alice, case, tmp_path
):
    report = tmp_path / "field-report.txt"
    report.write_bytes(REPORT)
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/ingest/")
    page.get_by_label("Documents").set_input_files(str(report))
    page.get_by_role("button", name="Ingest").click()
    page.get_by_role("heading", name="Ingestion").wait_for()
    # A worker, as `vigil serve` runs beside the web server, picks the job up.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    page.get_by_role("link", name="See the report").wait_for(timeout=30_000)
    assert page.locator("#build-progress").get_attribute("value") == "100"
    page.get_by_role("link", name="See the report").click()
    page.get_by_role("link", name="5 candidates to review").click()
    screenshot(page, "ingest-review")
    figure = page.locator("li.claim", has_text="killed: 613")
    figure.get_by_role("button", name="Accept").click()
    page.get_by_text("Claim created from").wait_for()
    claim = Claim.objects.get()
    assert claim.figure.low == 613
    page.get_by_role("link", name="Source page").click()
    page.get_by_text("killed: 613").first.wait_for()
