import pytest
from django.db import connection

from vigil.audit.log import acting_as, verify_chain
from vigil.audit.models import AppendOnlyError, AuditEntry
from vigil.cases.models import Case
from vigil.evidence import services

pytestmark = pytest.mark.django_db


def test_it_logs_a_create_with_who_and_what(alice):
    with acting_as(alice):
        case = Case.objects.create(slug="c1", title="First")
    entry = AuditEntry.objects.get(model_label="cases.Case", object_pk=str(case.pk))
    assert entry.action == "create"
    assert entry.actor == alice
    assert entry.actor_name == "alice"
    assert entry.changes["title"] == [None, "First"]


def test_it_logs_only_the_fields_that_changed(case):
    case = Case.objects.get(pk=case.pk)
    case.title = "Renamed"
    case.save()
    entry = AuditEntry.objects.filter(model_label="cases.Case").last()
    assert entry.action == "update"
    assert entry.changes["title"] == ["Test case", "Renamed"]
    assert "slug" not in entry.changes


def test_it_logs_a_delete_with_the_values_removed(source):
    claim = services.add_claim(
        source, fields={"statement": "x happened", "claim_type": "act", "locator": "p. 1"}
    )
    claim_pk = claim.pk
    claim.delete()
    entry = AuditEntry.objects.filter(model_label="evidence.Claim").last()
    assert entry.action == "delete"
    assert entry.object_pk == str(claim_pk)
    assert entry.changes["statement"] == ["x happened", None]


def test_it_logs_long_source_text_as_a_hash_not_the_text(case):
    from tests.conftest import make_source

    make_source(case, text="a long text " * 1000)
    entry = AuditEntry.objects.filter(model_label="evidence.Source").last()
    assert set(entry.changes["text"][1]) == {"sha256", "length"}


def test_each_entry_is_chained_to_the_one_before(case):
    Case.objects.create(slug="c2", title="Second")
    first, second = AuditEntry.objects.order_by("seq")[:2]
    assert second.prev_hash == first.entry_hash
    assert verify_chain() == []


def test_entries_cannot_be_changed_or_deleted_through_the_orm(case):
    entry = AuditEntry.objects.first()
    entry.actor_name = "someone else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(actor_name="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_chain_check_names_an_altered_entry(case):
    Case.objects.create(slug="c2", title="Second")
    target = AuditEntry.objects.order_by("seq").first()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_auditentry SET actor_name = %s WHERE id = %s", ["mallory", target.pk]
        )
    assert verify_chain() == [f"audit entry #{target.seq} was altered (its hash does not match)"]


def test_the_chain_check_names_a_removed_entry(case):
    Case.objects.create(slug="c2", title="Second")
    Case.objects.create(slug="c3", title="Third")
    middle = AuditEntry.objects.order_by("seq")[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditentry WHERE id = %s", [middle.pk])
    problems = verify_chain()
    assert f"audit entry #{middle.seq} is missing (next is #{middle.seq + 1})" in problems
    assert f"audit entry #{middle.seq + 1} does not follow the entry before it" in problems
