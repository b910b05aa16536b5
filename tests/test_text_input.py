"""Every way text comes in (a form, a CSV import, an ingested file) drops control characters."""

import io

import pytest
from django.urls import reverse

from tests.campaigns.conftest import make_event
from vigil.campaigns.importers import import_members
from vigil.campaigns.models import RSVP, Chapter, Member
from vigil.evidence.models import Source
from vigil.ingest import collect, pipeline
from vigil.ingest.models import IngestJob
from vigil.text_input import strip_control_characters

# Every C0 control character, and DEL.
CONTROLS = "".join(chr(code) for code in range(0x20)) + "\x7f"


def is_clean(text: str, allowed: str = "\t\n\r") -> bool:
    return not any(char in CONTROLS and char not in allowed for char in text)


def test_every_control_character_but_tab_and_line_ends_is_removed():
    assert strip_control_characters(f"A{CONTROLS}B") == "A\t\n\rB"
    assert strip_control_characters("Gənc Ağ, Урду — اردو") == "Gənc Ağ, Урду — اردو"


@pytest.mark.django_db
def test_a_public_rsvp_with_every_control_character_is_stored_clean(client):
    chapter = Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")
    event = make_event(chapter)
    response = client.post(
        reverse("public_event", args=[event.pk]),
        {"name": f"Ay{CONTROLS}la", "email": "ayla@example.org", "consent": "on"},
    )
    assert response.status_code == 302
    assert RSVP.objects.get().name == "Ay\t\n\rla"


@pytest.mark.django_db
def test_a_csv_import_with_every_control_character_is_stored_clean():
    quoted = CONTROLS.replace('"', '""')
    stream = io.StringIO(
        "display_name,pseudonymous,legal_name,email\n"
        f'"Night{quoted}ingale",yes,"Leyla{quoted} S",leyla@example.org\n'
    )
    report = import_members(stream)
    assert report.ok, report.rows[0].errors
    member = Member.objects.get()
    assert member.display_name.startswith("Night") and member.display_name.endswith("ingale")
    assert is_clean(member.display_name) and is_clean(member.legal_name)
    assert "\x00" not in member.legal_name


@pytest.mark.django_db
def test_an_ingested_file_with_every_control_character_is_stored_clean(case, tmp_path):
    # UTF-16 with its byte-order mark: the one kind of text file that may carry NUL characters.
    text = f"On 26 February 1992{CONTROLS} 613 residents were killed, the report says."
    (tmp_path / "report.txt").write_bytes(text.encode("utf-16"))
    job = pipeline.run(IngestJob.objects.create(case=case), collect.gather([tmp_path]))
    assert job.stored == 1, job.report
    stored = Source.objects.get().text
    assert is_clean(stored, allowed="\n")
    assert stored.startswith("On 26 February 1992") and "613 residents" in stored


@pytest.mark.parametrize("address", ["law/RS-6-a%00/", "law/RS-6-a%00/1/", "x%1b[31m/"])
def test_an_address_with_a_control_character_is_no_page(administrator_client, case, address):
    """No page of Vigil has one in its address (PostgreSQL refuses NUL in a lookup)."""
    response = administrator_client.get(f"/cases/{case.slug}/{address}")
    assert response.status_code == 404
