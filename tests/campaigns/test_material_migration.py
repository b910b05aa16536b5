"""Moving approval from materials to versions keeps what was approved approved, and nothing else."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("campaigns", "0002_chapter_volunteers")]
AFTER = [("campaigns", "0003_material_version_approval")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_approved_materials_keep_their_current_versions_approved():
    old = migrate(BEFORE)
    try:
        reviewer = old.get_model("auth", "User").objects.create(username="reviewer")
        stored = old.get_model("evidence", "ArchivedFile").objects.create(
            sha256="a" * 64, size=3, original_name="sheet.pdf"
        )
        material = old.get_model("campaigns", "Material")
        version = old.get_model("campaigns", "MaterialVersion")
        approved_at = datetime.datetime(2025, 2, 26, 12, tzinfo=datetime.UTC)
        approved = material.objects.create(
            title="Approved", kind="fact_sheet", approved_by=reviewer, approved_at=approved_at
        )
        draft = material.objects.create(title="Draft", kind="other")
        for owner in (approved, draft):
            for language in ("en", "az"):
                version.objects.create(material=owner, language=language, archived_file=stored)

        new = migrate(AFTER)
        versions = new.get_model("campaigns", "MaterialVersion").objects
        kept = versions.filter(material_id=approved.pk)
        assert {(v.language, v.approved_by_id, v.approved_at) for v in kept} == {
            ("en", reviewer.pk, approved_at),
            ("az", reviewer.pk, approved_at),
        }
        assert not versions.filter(material_id=draft.pk, approved_at__isnull=False).exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
