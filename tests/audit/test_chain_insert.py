"""An audit entry is stored with one prepared statement (vigil/audit/log.py `_insert`): what the
database holds must be exactly what was hashed, or `vigil verify` would call the log altered."""

import pytest

from vigil.audit.log import acting_as, verify_chain
from vigil.audit.models import AuditEntry
from vigil.cases.models import Case

pytestmark = pytest.mark.django_db


def test_a_stored_entry_reads_back_as_it_was_hashed(alice):
    with acting_as(alice):
        case = Case.objects.create(slug="stored", title="Stored “as hashed”", place="Ünye")
        case.title = "Changed"
        case.save()
    stored = AuditEntry.objects.filter(model_label="cases.Case", object_pk=str(case.pk))
    assert [e.action for e in stored.order_by("seq")] == ["create", "update"]
    for entry in stored:
        assert entry.compute_hash() == entry.entry_hash
        assert entry.actor_id == alice.pk
    assert stored.last().changes["title"] == ["Stored “as hashed”", "Changed"]
    assert verify_chain() == []
