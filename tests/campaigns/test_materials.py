"""Campaign materials: approval covers a version, not a title. A file uploaded after approval is
never public until it is approved itself, and only those allowed to manage a material change it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import signed_in
from vigil.audit.models import AuditEntry
from vigil.campaigns import materials
from vigil.campaigns.models import Material, MaterialVersion

pytestmark = pytest.mark.django_db

APPROVED = b"%PDF-1.4 the fact sheet the researchers checked"
REPLACED = b"%PDF-1.4 a file nobody checked"


def upload(data: bytes, name: str = "fact-sheet.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def public_download(client, material, language="en"):
    response = client.get(reverse("public_material", args=[material.pk, language]))
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, body


@pytest.fixture
def author(django_user_model, chapter):
    """A volunteer who wrote a fact sheet of their own."""
    user = django_user_model.objects.create_user("volunteer-author", password="pw-author-12345")
    chapter.volunteers.add(user)
    return user


@pytest.fixture
def fact_sheet(case, alice, author):
    """A public fact sheet of the case whose English version a researcher approved."""
    material = materials.create_material(author, title="Fact sheet", kind="fact_sheet")
    material.case = case
    material.save()
    version = materials.add_version(material, language="en", upload=upload(APPROVED), user=author)
    materials.approve_version(version, alice)
    materials.set_public(material, alice, True)
    return material


def test_a_volunteer_cannot_replace_the_file_of_a_published_material(
    client, volunteer_client, fact_sheet
):
    response = volunteer_client.post(
        reverse("campaigns:material", args=[fact_sheet.pk]),
        {"language": "en", "file": upload(REPLACED)},
    )
    assert response.status_code == 403
    assert fact_sheet.versions.count() == 1
    assert public_download(client, fact_sheet) == (200, APPROVED)


def test_a_new_version_stays_unpublished_until_it_is_approved(client, author, alice, fact_sheet):
    author_client = signed_in(author, second_factor=False)
    response = author_client.post(
        reverse("campaigns:material", args=[fact_sheet.pk]),
        {"language": "en", "file": upload(REPLACED)},
    )
    assert response.status_code == 302
    new = fact_sheet.versions.get(archived_file__size=len(REPLACED))
    assert not new.is_approved and new.uploaded_by == author
    assert public_download(client, fact_sheet) == (200, APPROVED)

    signed_in(alice, second_factor=False).post(
        reverse("campaigns:material_version_approve", args=[new.pk])
    )
    new.refresh_from_db()
    assert new.approved_by == alice
    assert public_download(client, fact_sheet) == (200, REPLACED)


def test_approving_a_version_is_written_to_the_audit_log(author, alice, fact_sheet):
    version = materials.add_version(fact_sheet, language="az", upload=upload(b"az"), user=author)
    materials.approve_version(version, alice)
    entry = AuditEntry.objects.filter(
        model_label="campaigns.MaterialVersion", object_pk=str(version.pk)
    ).last()
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.changes["approved_by"] == [None, alice.pk]


def test_a_volunteer_may_not_approve_a_version(volunteer_client, author, fact_sheet):
    version = materials.add_version(fact_sheet, language="en", upload=upload(REPLACED), user=author)
    response = volunteer_client.post(
        reverse("campaigns:material_version_approve", args=[version.pk])
    )
    assert response.status_code == 403
    version.refresh_from_db()
    assert not version.is_approved
    with pytest.raises(PermissionDenied):
        materials.approve_version(version, author)


def test_a_language_with_no_approved_version_has_no_public_address(client, author, fact_sheet):
    materials.add_version(fact_sheet, language="ur", upload=upload(b"ur draft"), user=author)
    assert public_download(client, fact_sheet, "ur")[0] == 404
    fact_sheet.case.is_public = True
    fact_sheet.case.save()
    html = client.get(reverse("public_case", args=[fact_sheet.case.slug])).content.decode()
    assert reverse("public_material", args=[fact_sheet.pk, "en"]) in html
    assert reverse("public_material", args=[fact_sheet.pk, "ur"]) not in html


def test_an_internal_material_is_not_served(client, alice, fact_sheet):
    materials.set_public(fact_sheet, alice, False)
    assert public_download(client, fact_sheet)[0] == 404


def test_a_material_is_made_public_only_with_an_approved_version(author, administrator):
    material = materials.create_material(author, title="Draft", kind="other")
    materials.add_version(material, language="en", upload=upload(b"draft"), user=author)
    with pytest.raises(ValidationError, match="approved version"):
        materials.set_public(material, administrator, True)
    material.refresh_from_db()
    assert not material.is_public


def test_the_page_says_which_versions_are_approved_and_which_wait(author, alice, fact_sheet):
    pending = materials.add_version(fact_sheet, language="en", upload=upload(REPLACED), user=author)
    html = (
        signed_in(alice, second_factor=False)
        .get(reverse("campaigns:material", args=[fact_sheet.pk]))
        .content.decode()
    )
    assert "approved by alice" in html and "served publicly" in html
    assert "awaiting approval: not public" in html
    assert reverse("campaigns:material_version_approve", args=[pending.pk]) in html


def test_a_volunteer_sees_no_upload_or_approval_controls(volunteer_client, author, fact_sheet):
    materials.add_version(fact_sheet, language="en", upload=upload(REPLACED), user=author)
    html = volunteer_client.get(reverse("campaigns:material", args=[fact_sheet.pk])).content
    assert b"Upload version" not in html and b"Approve this version" not in html


def test_a_volunteer_cannot_link_a_material_to_a_case_they_have_no_role_in(
    volunteer, volunteer_client, case
):
    response = volunteer_client.post(
        reverse("campaigns:materials"), {"title": "Leaflet", "kind": "other", "case": case.pk}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Material.objects.exists()
    with pytest.raises(PermissionDenied):
        materials.create_material(volunteer, title="Leaflet", kind="other", case=case)


def test_the_same_bytes_again_add_no_version(author, fact_sheet):
    again = materials.add_version(fact_sheet, language="en", upload=upload(APPROVED), user=author)
    assert again.is_approved and fact_sheet.versions.count() == 1


def test_an_old_version_address_leads_to_its_language(client, fact_sheet):
    version = fact_sheet.versions.get()
    response = client.get(reverse("public_material_version", args=[version.pk]))
    assert response.status_code == 301
    assert response.url == reverse("public_material", args=[fact_sheet.pk, "en"])


def test_an_unapproved_version_has_no_old_style_address(client, author, fact_sheet):
    pending = materials.add_version(fact_sheet, language="en", upload=upload(REPLACED), user=author)
    assert client.get(reverse("public_material_version", args=[pending.pk])).status_code == 404
    assert MaterialVersion.objects.count() == 2
