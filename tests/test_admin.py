"""The back office covers every model of Vigil's apps, and each of its lists opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

VIGIL_APPS = [
    "audit",
    "public_cache",
    "accounts",
    "cases",
    "evidence",
    "law",
    "recognition",
    "campaigns",
    "dossier",
    "ingest",
    "ops",
]


def vigil_models():
    return [model for label in VIGIL_APPS for model in apps.get_app_config(label).get_models()]


def test_every_model_is_in_the_admin():
    missing = [m._meta.label for m in vigil_models() if not admin.site.is_registered(m)]
    assert missing == []


@pytest.mark.django_db
def test_every_admin_list_opens_for_a_superuser(administrator_client, source):
    client = administrator_client
    for model in vigil_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_rows_vigil_writes_itself_are_never_added_or_edited_in_the_back_office(
    administrator_client, source
):
    from vigil.audit.models import AuditEntry
    from vigil.evidence.models import ArchivedFile

    entry, archived = AuditEntry.objects.first(), ArchivedFile.objects.first()
    for model, pk in ((AuditEntry, entry.pk), (ArchivedFile, archived.pk)):
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert administrator_client.get(f"{base}add/").status_code == 403
        page = administrator_client.get(f"{base}{pk}/change/").content.decode()
        assert 'name="_save"' not in page  # shown, with nothing to save
    # The audit log may never lose an entry; an archived file may be deleted by an administrator.
    assert (
        administrator_client.get(f"/admin/audit/auditentry/{entry.pk}/delete/").status_code == 403
    )
    assert (
        administrator_client.get(f"/admin/evidence/archivedfile/{archived.pk}/delete/").status_code
        == 200
    )


@pytest.mark.django_db
def test_a_source_cannot_be_moved_to_another_case_in_the_back_office(administrator_client, source):
    """Its claims, links and kept counts belong to its case: the case is shown, not a choice."""
    page = administrator_client.get(reverse("admin:evidence_source_change", args=[source.pk]))
    assert page.status_code == 200
    assert 'name="case"' not in page.content.decode()
    assert (
        'name="case"'
        in administrator_client.get(reverse("admin:evidence_source_add")).content.decode()
    )
