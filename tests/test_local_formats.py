"""Dates, times, numbers and ranges as each of Vigil's five languages writes them, on pages, in the
dossier and in e-mails; files for machines (CSV) keep ISO dates in every language; languages are
named in the reader's language."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.utils import formats, translation

from tests.conftest import add_reviewed_claim, make_source
from vigil.accounts import invitations
from vigil.accounts.models import Invitation
from vigil.dossier.builder import build_bytes
from vigil.formats import figure_range, language_name

pytestmark = pytest.mark.django_db

DAY = datetime.date(1992, 2, 26)
MOMENT = datetime.datetime(2026, 12, 2, 13, 32, tzinfo=datetime.UTC)

# How each language writes 26 February 1992, the range 1275 to 2500, and 2 December 2026 at 13:32.
WRITTEN = {
    "en": ("26 February 1992", "1,275–2,500", "2 December 2026, 13:32"),
    "az": ("26 Fevral 1992", "1.275–2.500", "2 Dekabr 2026, 13:32"),
    "ur": ("26 فروری، 1992", "1,275–2,500", "2 دسمبر، 2026، 13:32"),
    "ru": ("26 февраля 1992", "1\xa0275–2\xa0500", "2 декабря 2026, 13:32"),
    "tr": ("26 Şubat 1992", "1.275–2.500", "2 Aralık 2026, 13:32"),
}


@pytest.mark.parametrize("language", WRITTEN)
def test_each_language_writes_dates_times_and_ranges_its_own_way(language):
    date, figures, moment = WRITTEN[language]
    with translation.override(language):
        assert formats.date_format(DAY) == date
        assert figure_range(1275, 2500) == figures
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == moment


def publish_a_large_figure(case):
    source = make_source(case, text="The report counts 1275 dead.", title="Large count report")
    add_reviewed_claim(
        source,
        fields={
            "statement": "1275 killed",
            "claim_type": "figure",
            "locator": "p. 1",
            "review_status": "verified",
        },
        figure={"category": "killed", "low": 1275, "high": 2500, "population": ""},
        publish=True,
    )


@pytest.mark.parametrize("language", ["ru", "ur", "tr"])
def test_the_public_page_and_the_dossier_write_the_reader_s_dates_and_numbers(
    client, published, language
):
    published.start_date = DAY
    published.save()
    publish_a_large_figure(published)
    date, figures, _moment = WRITTEN[language]
    page = client.get(f"/{language}/p/{published.slug}/").content.decode()
    dossier = build_bytes(published, "html", language=language).decode()
    for where, text in (("public page", page), ("dossier", dossier)):
        assert date in text, where
        assert figures in text, where


def test_an_e_mail_writes_the_date_as_its_language_does(administrator):
    invitation = Invitation.objects.create(
        email="new@example.org",
        role="researcher",
        invited_by=administrator,
        token_hash="x" * 64,
        expires_at=MOMENT,
    )
    with translation.override("ru"):
        invitations.send_invitation(invitation, "token", "https://vigil.example.org")
    assert "2 декабря 2026, 13:32" in mail.outbox[0].body


def csv_rows(client, address) -> list[dict]:
    response = client.get(address)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode())))


@pytest.mark.parametrize("language", ["az", "ur", "ru", "tr"])
def test_open_data_in_csv_keeps_iso_dates_and_plain_numbers_in_every_language(
    client, published, language
):
    publish_a_large_figure(published)
    acts = csv_rows(client, f"/{language}/p/{published.slug}/data/recognitions.csv")
    assert [act["date"] for act in acts] == ["2012-02-01"]
    figures = csv_rows(client, f"/{language}/p/{published.slug}/data/figures.csv")
    assert {(row["low"], row["high"]) for row in figures} >= {("1275", "2500")}


@pytest.mark.parametrize(
    ("reader", "code", "name"),
    [
        ("en", "ru", "Russian"),
        ("az", "ru", "rus"),
        ("ru", "tr", "турецкий"),
        ("tr", "az", "Azerbaycan dili"),
        ("ur", "en", "انگریزی"),
        ("en", "xx-unknown", "xx-unknown"),
    ],
)
def test_a_language_is_named_in_the_reader_s_language(reader, code, name):
    assert language_name(code, reader) == name


def test_a_source_s_language_is_named_not_coded(alice_client, case):
    source = make_source(case, text="Текст.", title="Russian report", language="ru")
    alice_client.cookies["django_language"] = "tr"
    page = alice_client.get(f"/cases/{case.slug}/sources/{source.pk}/").content.decode()
    assert "<dd>Rusça</dd>" in page
