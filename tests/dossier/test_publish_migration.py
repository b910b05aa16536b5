"""Upgrading an existing database: what the public site showed when verified meant public stays
published, and each mark is in the audit log."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from vigil.audit.models import AuditEntry
from vigil.cases.models import Case

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("evidence", "0005_trusted_timestamps"), ("recognition", "0002_target_chapter")]
AFTER = [("evidence", "0006_publishing_and_review_history"), ("recognition", "0003_act_publishing")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_schema():
    """The tests after this one need every migration applied again (working copies, OCR runs)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_what_was_public_before_the_upgrade_is_published_after_it():
    old = migrate(BEFORE)
    Source = old.get_model("evidence", "Source")
    Claim = old.get_model("evidence", "Claim")
    case_row = Case.objects.create(slug="old-case", title="Old case", place="Town", is_public=True)
    case = old.get_model("cases", "Case").objects.get(pk=case_row.pk)
    public = Source.objects.create(case=case, kind="report", title="Public", access_level="public")
    secret = Source.objects.create(
        case=case, kind="report", title="Secret", access_level="restricted"
    )
    shown = Claim.objects.create(
        case=case,
        source=public,
        statement="s",
        claim_type="act",
        locator="p",
        review_status="verified",
    )
    proposed = Claim.objects.create(
        case=case, source=public, statement="t", claim_type="act", locator="p"
    )
    hidden = Claim.objects.create(
        case=case,
        source=secret,
        statement="u",
        claim_type="act",
        locator="p",
        review_status="verified",
    )
    new = migrate(AFTER)
    Source = new.get_model("evidence", "Source")
    Claim = new.get_model("evidence", "Claim")
    assert Source.objects.get(pk=public.pk).published_at is not None
    assert Source.objects.get(pk=secret.pk).published_at is None
    assert Claim.objects.get(pk=shown.pk).published_at is not None
    assert Claim.objects.get(pk=proposed.pk).published_at is None
    assert Claim.objects.get(pk=hidden.pk).published_at is None
    logged = AuditEntry.objects.filter(actor_name__startswith="migration: publishing")
    assert {(e.model_label, e.object_pk) for e in logged} == {
        ("evidence.Source", str(public.pk)),
        ("evidence.Claim", str(shown.pk)),
    }
