"""Objects loaded only to be shown cost the audit log nothing; one that is saved is logged
against the values it was loaded with."""

import pytest

from tests.conftest import make_source
from vigil.audit.models import AuditEntry
from vigil.evidence.models import Source

pytestmark = pytest.mark.django_db


def test_rows_loaded_to_be_shown_are_not_snapshotted_for_the_log(case):
    for number in range(3):
        make_source(case, text="A long text. " * 500, title=f"Report {number}")
    shown = list(Source.objects.filter(case=case))
    assert all("_audit_loaded" not in vars(source) for source in shown)


def test_a_saved_row_is_logged_against_the_values_it_was_loaded_with(case):
    make_source(case, text="Shelling at dawn.", title="First title")
    source = Source.objects.get(case=case)
    source.title = "Second title"
    source.title = "Third title"
    source.save()
    change = AuditEntry.objects.filter(model_label="evidence.Source").order_by("-seq").first()
    assert change.changes == {"title": ["First title", "Third title"]}
    source.author = "A reporter"
    source.save()
    change = AuditEntry.objects.filter(model_label="evidence.Source").order_by("-seq").first()
    assert change.changes == {"author": ["", "A reporter"]}
