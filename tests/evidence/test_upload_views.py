import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile, Source

pytestmark = pytest.mark.django_db

METADATA = {
    "kind": "report",
    "title": "Field report",
    "author": "An NGO",
    "published": "1992-09",
    "language": "en",
    "standing": "ngo",
    "side": "",
    "reliability_grade": "B",
    "reliability_reason": "Long record of field work",
    "access_level": "public",
}


def upload(client, case, name, data, **overrides):
    url = reverse("evidence:source_upload", args=[case.slug])
    return client.post(url, {**METADATA, **overrides, "file": SimpleUploadedFile(name, data)})


def test_it_archives_an_uploaded_text_file_with_its_metadata(alice_client, alice, case):
    response = upload(alice_client, case, "report.txt", b"Witnesses saw the town burn.")
    source = Source.objects.get(case=case)
    assert response.status_code == 302
    assert response.url == source.get_absolute_url()
    assert source.text == "Witnesses saw the town burn."
    assert source.published_iso == "1992-09"
    assert source.reliability_set_by == alice
    assert (
        archive.path_for(source.archived_file.sha256).read_bytes()
        == b"Witnesses saw the town burn."
    )


def test_the_same_file_twice_leads_to_the_existing_source_with_a_message(alice_client, case):
    upload(alice_client, case, "report.txt", b"Same bytes.")
    response = upload(alice_client, case, "copy.txt", b"Same bytes.", title="Another title")
    first = Source.objects.get(case=case)
    assert response.url == first.get_absolute_url()
    page = alice_client.get(response.url)
    assert "already archived" in page.content.decode()
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("tool.exe", b"MZ\x90\x00", "not accepted"),
        ("fake.pdf", b"just text", "not a PDF"),
        ("blob.txt", b"\x00\x01\x02" * 100, "binary data"),
    ],
)
def test_bad_uploads_get_a_message_and_store_nothing(
    alice_client, case, archive_dir, name, data, message
):
    response = upload(alice_client, case, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Source.objects.exists()
    assert not ArchivedFile.objects.exists()
    assert not [p for p in archive_dir.rglob("*") if p.is_file()]


def test_a_file_over_the_limit_is_refused(alice_client, case, settings):
    settings.MAX_UPLOAD_MB = 1
    response = upload(alice_client, case, "big.txt", b"a" * (1024 * 1024 + 1))
    assert "the limit is 1.0\xa0MB" in response.content.decode()
    assert not Source.objects.exists()


def test_a_grade_without_a_reason_is_refused(alice_client, case):
    response = upload(alice_client, case, "r.txt", b"text", reliability_reason="")
    assert "Say why you give this grade" in response.content.decode()
    assert not Source.objects.exists()


def test_a_web_page_is_recorded_with_its_pasted_text(alice_client, case):
    url = reverse("evidence:source_web", args=[case.slug])
    response = alice_client.post(
        url, {**METADATA, "url": "https://example.org/report", "text": "Pasted page text."}
    )
    source = Source.objects.get(case=case)
    assert response.url == source.get_absolute_url()
    assert source.url == "https://example.org/report"
    assert source.archived_file.sha256 == ArchivedFile.objects.get().sha256


def test_the_archived_file_downloads_as_its_exact_bytes(alice_client, case):
    upload(alice_client, case, "report.txt", b"Exact bytes here.")
    source = Source.objects.get()
    response = alice_client.get(reverse("evidence:source_file", args=[case.slug, source.pk]))
    assert b"".join(response.streaming_content) == b"Exact bytes here."
    assert "attachment" in response["Content-Disposition"]


def test_the_source_page_shows_its_text_and_claims(alice_client, source):
    from vigil.evidence import services

    services.add_claim(
        source,
        fields={"statement": "Civilians were killed.", "claim_type": "act", "locator": "para 1"},
    )
    page = alice_client.get(source.get_absolute_url()).content.decode()
    assert "On 26 February 1992 many civilians were killed in the town." in page
    assert "Civilians were killed." in page
    assert "para 1" in page
