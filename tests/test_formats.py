"""One format policy for dates and numbers: pages, the dossier (PDF and HTML), e-mails."""

import datetime
import re
from pathlib import Path

import lxml.html
import pytest
from django.core import mail
from django.utils import translation

from tests.conftest import add_reviewed_claim, make_source
from vigil.accounts import invitations
from vigil.accounts.models import Invitation
from vigil.dossier.content import build_content
from vigil.dossier.render import render_html
from vigil.partial_dates import format_partial

pytestmark = pytest.mark.django_db
SRC = Path(__file__).resolve().parent.parent / "src" / "vigil"


def text_of(html: str | bytes) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def test_a_date_reads_the_same_on_the_case_page_in_the_dossier_and_on_the_public_site(
    published, alice_client, client
):
    published.start_date = datetime.date(1992, 2, 26)
    published.save()
    case_page = text_of(alice_client.get(f"/cases/{published.slug}/").content)
    dossier = text_of(render_html(build_content(published)))
    public_page = text_of(client.get(f"/p/{published.slug}/").content)
    for where, text in [("case", case_page), ("dossier", dossier), ("public", public_page)]:
        assert "26 February 1992" in text, where
        assert "Feb. 26, 1992" not in text, where


def verified_figure(case, low, high):
    source = make_source(case, text=f"The report counts {low} dead.", title=f"Report {low}")
    add_reviewed_claim(
        source,
        fields={
            "statement": f"{low} killed",
            "claim_type": "figure",
            "locator": "p. 1",
            "review_status": "verified",
        },
        figure={"category": "killed", "low": low, "high": high, "population": ""},
    )


def test_a_large_figure_has_its_thousands_grouped_in_its_row_and_in_the_spread_below(
    case, alice_client
):
    verified_figure(case, 1275, 1275)
    verified_figure(case, 2000, 2500)
    page = lxml.html.fromstring(alice_client.get(f"/cases/{case.slug}/figures/").content)
    rows = [cell.text_content() for cell in page.xpath("//td[@class='number']")]
    spread = {
        dt.text_content(): dt.getnext().text_content().strip()
        for dt in page.xpath("//dl[@class='spread']//dt")
    }
    assert sorted(rows) == ["1,275", "2,000–2,500"]
    assert spread["Lowest verified"] == "1,275"
    assert spread["Highest verified"] == "2,500"
    assert spread["Median of verified"] == "1,762.5"


def test_dates_known_to_the_year_or_the_month_keep_their_precision_in_any_language():
    day = datetime.date(1992, 2, 1)
    assert format_partial(day, "year") == "1992"
    assert format_partial(day, "month") == "February 1992"
    assert format_partial(day, "day") == "1 February 1992"
    with translation.override("de"):
        assert format_partial(day, "month") == "Februar 1992"
        assert format_partial(day, "day") == "1. Februar 1992"


def test_an_invitation_e_mail_gives_its_expiry_as_the_pages_write_dates(administrator):
    invitation = Invitation.objects.create(
        email="new@example.org",
        role="researcher",
        invited_by=administrator,
        token_hash="x" * 64,
        expires_at=datetime.datetime(2026, 12, 2, 13, 32, tzinfo=datetime.UTC),
    )
    invitations.send_invitation(invitation, "token", "https://vigil.example.org")
    assert "expires on 2 December 2026, 13:32 (UTC)" in mail.outbox[0].body


# Spelled-out formats that carry no language: ISO 8601 dates and times, for machines and for
# the audit log's exact timestamps. Anything else names a format setting.
ISO_ONLY = re.compile(r"^[YmdHisucTU:\- ]+$")


def test_templates_name_a_format_setting_instead_of_spelling_out_a_date_format():
    spelled = []
    for template in sorted(SRC.rglob("templates/**/*.html")):
        for fmt in re.findall(r"\|date:[\"']([^\"']+)[\"']", template.read_text()):
            if not fmt.endswith("_FORMAT") and not ISO_ONLY.match(fmt):
                spelled.append(f"{template.relative_to(SRC)}: {fmt}")
    assert spelled == []
