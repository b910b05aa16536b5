"""A source's text is a working copy of its archived original: version 1 is what was read from the
file, a correction makes the next version, earlier versions stay readable, claims keep quoting
the version their locator was taken from, and search reads the newest."""

import hashlib
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import make_source
from vigil.audit.drift import audited_models
from vigil.audit.log import acting_as
from vigil.audit.models import AuditEntry
from vigil.evidence import archive, services, working_copies
from vigil.evidence.models import Claim, Source, WorkingCopy
from vigil.evidence.search import search_case

pytestmark = pytest.mark.django_db

ORIGINAL = "Witnesses counted 613 dead in Khojaly. The town was shelled at night."
CORRECTED = "Witnesses counted 613 dead in Khojaly. The town was shelled before dawn."


@pytest.fixture
def report(case, alice):
    return make_source(case, text=ORIGINAL, title="Field report")


def quoting(source, passage: str, user) -> Claim:
    fields = {"statement": "Shelling", "claim_type": "other", "locator": f"p. 1, “{passage}”"}
    return services.add_claim(source, fields=fields, user=user)


def test_an_upload_keeps_its_text_as_version_1_with_the_tool_that_read_it(report):
    (copy,) = WorkingCopy.objects.filter(source=report)
    assert (copy.version, copy.method, copy.text) == (1, "extracted", ORIGINAL)
    assert copy.tool.startswith("Vigil ") and "text decoded" in copy.tool
    assert copy.original.sha256 == hashlib.sha256(ORIGINAL.encode()).hexdigest()


def test_a_pdf_names_the_library_and_its_version(case):
    result = services.add_source_from_bytes(
        case,
        data=_pdf_with_text("Report on the shelling"),
        filename="r.pdf",
        metadata={"kind": "report", "title": "PDF report"},
    )
    copy = result.source.working_copies.get()
    assert copy.tool.startswith(f"pypdf {importlib.metadata.version('pypdf')}, Vigil ")
    assert copy.tool.endswith("(normalised)")


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF with a real text layer, drawn by hand in PDF's own operators."""
    stream = f"BT /F1 12 Tf 20 50 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_correcting_the_text_makes_version_2_and_leaves_the_original_and_version_1(report, alice):
    original_bytes = archive.read_bytes(report.archived_file.sha256)
    copy = working_copies.edit_text(
        report, text=CORRECTED, note="the report says before dawn", user=alice
    )
    report.refresh_from_db()
    assert (copy.version, copy.method, copy.made_by, copy.note) == (
        2,
        "edited",
        alice,
        "the report says before dawn",
    )
    assert copy.tool_settings == {"from_version": 1}
    assert report.text == CORRECTED
    assert WorkingCopy.objects.get(source=report, version=1).text == ORIGINAL
    assert archive.read_bytes(report.archived_file.sha256) == original_bytes


def test_a_correction_needs_a_reason_and_a_change(report, alice):
    with pytest.raises(ValidationError, match="why"):
        working_copies.edit_text(report, text=CORRECTED, note=" ", user=alice)
    with pytest.raises(ValidationError, match="same as the newest"):
        working_copies.edit_text(report, text=ORIGINAL, note="no change", user=alice)
    assert report.working_copies.count() == 1


def test_a_claim_keeps_quoting_the_version_it_was_taken_from(report, alice):
    claim = quoting(report, "shelled at night", alice)
    working_copies.edit_text(report, text=CORRECTED, note="misread", user=alice)
    claim.refresh_from_db()
    assert claim.quoted_version == 1
    check = working_copies.check_quote(claim)
    assert (check.version, check.found) == (1, True)
    later = quoting(report, "shelled at night", alice)
    assert later.quoted_version == 2
    assert working_copies.check_quote(later).found is False


def test_changing_a_claims_locator_takes_it_from_the_newest_version(report, alice):
    claim = quoting(report, "shelled at night", alice)
    working_copies.edit_text(report, text=CORRECTED, note="misread", user=alice)
    fields = {"locator": "p. 1, “shelled before dawn”"}
    services.update_claim(claim, fields=fields, user=alice)
    claim.refresh_from_db()
    assert claim.quoted_version == 2 and working_copies.check_quote(claim).found is True


def test_search_finds_the_newest_version_only(case, report, alice):
    working_copies.edit_text(report, text=CORRECTED, note="misread", user=alice)
    assert [hit.obj.pk for hit in search_case(case, "dawn") if hit.kind == "source"] == [report.pk]
    assert not [hit for hit in search_case(case, "night") if hit.kind == "source"]


def test_the_source_page_lists_the_versions_and_each_one_reads(alice_client, report, alice):
    alice_client.post(
        reverse("evidence:source_text_edit", args=[report.case.slug, report.pk]),
        {"text": CORRECTED, "note": "the report says before dawn"},
    )
    page = alice_client.get(report.get_absolute_url()).content.decode()
    assert "version 2" in page and "version 1" in page and "edited by hand" in page
    assert "the report says before dawn" in page
    first = alice_client.get(
        reverse("evidence:source_version", args=[report.case.slug, report.pk, 1])
    ).content.decode()
    assert "shelled at night" in first and "the newest is version 2" in first


def test_the_claim_page_says_which_version_it_quotes_and_whether_the_quote_is_there(
    alice_client, report, alice
):
    claim = quoting(report, "shelled by night", alice)
    page = alice_client.get(claim.get_absolute_url()).content.decode()
    assert "The quoted passage is not in text version 1" in page


def test_every_working_copy_is_in_the_audit_log(report, alice):
    with acting_as(alice):  # as the web middleware and the commands do
        copy = working_copies.edit_text(report, text=CORRECTED, note="misread", user=alice)
    entry = AuditEntry.objects.get(model_label="evidence.WorkingCopy", object_pk=str(copy.pk))
    assert entry.actor == alice and entry.changes["version"] == [None, 2]
    assert WorkingCopy in audited_models()


def test_the_migration_makes_each_existing_text_version_1_and_logs_it(case):
    from django.apps import apps

    from vigil.audit.drift import _row_problems
    from vigil.evidence.text_versions_existing import make_first_versions

    source = make_source(case, text=ORIGINAL)
    WorkingCopy.objects.all().delete()  # as before the migration
    make_first_versions(Source, apps.get_model("evidence", "WorkingCopy"))
    copy = WorkingCopy.objects.get(source=source)
    assert (copy.version, copy.text, copy.tool) == (1, ORIGINAL, "unknown (before working copies)")
    assert list(_row_problems(WorkingCopy)) == []


def test_a_claim_from_a_source_known_only_by_its_description_links_to_no_text_version(
    alice_client, case, alice
):
    """The demonstration cites some sources by description and address alone: Vigil holds no
    text of them, so their claims' pages offer no version to read (there is none)."""
    source = Source(
        case=case, kind="report", title="A report not held", url="https://example.org/r"
    )
    source.full_clean()
    with acting_as(alice):
        source.save()
    claim = quoting(source, "shelled", alice)

    page = alice_client.get(reverse("evidence:claim", args=[case.slug, claim.pk]))

    assert page.status_code == 200
    assert f"/sources/{source.pk}/text/" not in page.content.decode()
    assert working_copies.check_quote(claim).version is None
