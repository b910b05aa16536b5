"""`vigil verify` catches every kind of tampering: rows changed behind Vigil's back, audit entries
altered, reordered or cut from the end, on SQLite and PostgreSQL alike."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.conftest import make_source
from vigil.audit.checkpoints import read_checkpoints
from vigil.audit.models import AuditEntry
from vigil.campaigns.models import Member
from vigil.campaigns.services import erase_member
from vigil.dossier.builder import build_dossier, request_build
from vigil.evidence import services

pytestmark = pytest.mark.django_db


def sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def verify_fails(capsys, match: str) -> str:
    with pytest.raises(CommandError, match=match):
        call_command("verify")
    return capsys.readouterr().err


def test_a_source_changed_in_sql_is_named_with_the_fields_changed(source, capsys):
    sql("UPDATE evidence_source SET title = %s WHERE id = %s", ["Forged title", source.pk])
    err = verify_fails(capsys, "1 row")
    assert f"evidence.Source #{source.pk} differs from its latest audit entry in title" in err


def test_a_claim_changed_in_sql_is_caught_among_many_rows(source, settings, capsys):
    claims = [
        services.add_claim(
            source, fields={"statement": f"Claim {n}", "claim_type": "act", "locator": f"p. {n}"}
        )
        for n in range(7)
    ]
    sql("UPDATE evidence_claim SET statement = %s WHERE id = %s", ["Nothing", claims[4].pk])
    err = verify_fails(capsys, "1 row")
    assert f"evidence.Claim #{claims[4].pk} differs from its latest audit entry in statement" in err


def test_a_row_inserted_or_deleted_in_sql_is_caught(source, capsys):
    other = make_source(source.case, text="Another.", title="Another")
    text = other.working_copies.get()
    sql("DELETE FROM evidence_workingcopy WHERE source_id = %s", [other.pk])  # its text too
    sql("DELETE FROM evidence_source WHERE id = %s", [other.pk])
    sql(
        "INSERT INTO recognition_actor (name, kind, country_code) VALUES (%s, %s, %s)",
        ["Planted parliament", "parliament", "AZE"],
    )
    err = verify_fails(capsys, "3 row")
    assert f"evidence.Source #{other.pk} is gone although the audit log never deleted it" in err
    assert f"evidence.WorkingCopy #{text.pk} is gone although the audit log never deleted" in err
    assert "is not in the audit log: it was added outside Vigil" in err


def test_an_account_made_administrator_in_sql_is_caught(alice, capsys):
    sql("UPDATE auth_user SET is_superuser = %s WHERE id = %s", [True, alice.pk])
    err = verify_fails(capsys, "1 row")
    assert f"auth.User #{alice.pk} differs from its latest audit entry in is_superuser" in err


def test_changes_made_through_vigil_leave_verify_content(source, django_user_model, capsys):
    services.update_source(source, changes={"title": "A better title", "reliability_grade": "C"})
    services.add_claim(
        source,
        fields={"statement": "At least 161", "claim_type": "figure", "locator": "p. 2"},
        figure={"category": "killed", "low": "161", "high": None, "population": "civilians"},
    )
    member = Member.objects.create(display_name="Someone", legal_name="Real Name")
    erase_member(member)
    editor = django_user_model.objects.create_user("editor")
    services.update_source(source, changes={"summary": "Edited"}, user=editor)
    editor.delete()  # Django nulls the source's link to the deleted account without a signal
    call_command("verify")
    assert "OK:" in capsys.readouterr().out


def test_a_dossier_build_reporting_its_progress_leaves_verify_content(published, capsys):
    """A build writes its progress with update(), unlogged by design: no finding."""
    build = request_build(published, "html")
    build_dossier.call(build.pk)
    call_command("verify")
    assert "OK:" in capsys.readouterr().out


def test_an_altered_audit_entry_is_caught(source, capsys):
    entry = AuditEntry.objects.order_by("seq").first()
    sql("UPDATE accounts_auditentry SET actor_name = %s WHERE id = %s", ["someone else", entry.pk])
    assert f"audit entry #{entry.seq} was altered" in verify_fails(capsys, "audit problem")


def test_reordered_audit_entries_are_caught(source, capsys):
    first, second = AuditEntry.objects.order_by("seq")[:2]
    sql("UPDATE accounts_auditentry SET seq = 0 WHERE id = %s", [first.pk])
    sql("UPDATE accounts_auditentry SET seq = %s WHERE id = %s", [first.seq, second.pk])
    sql("UPDATE accounts_auditentry SET seq = %s WHERE id = %s", [second.seq, first.pk])
    err = verify_fails(capsys, "audit problem")
    assert f"audit entry #{first.seq} was altered" in err


def test_the_last_audit_entries_deleted_after_a_verify_are_caught(source, capsys):
    call_command("verify")  # checkpoints the chain's head
    services.update_source(source, changes={"title": "Changed again"})
    head = AuditEntry.objects.order_by("-seq").first()
    checkpointed = head.seq - 1
    sql("DELETE FROM accounts_auditentry WHERE seq >= %s", [checkpointed])
    err = verify_fails(capsys, "audit problem")
    assert f"audit entry #{checkpointed}, checkpointed at" in err
    assert "the log was cut short" in err


def test_vigil_checkpoints_the_chain_every_n_entries_once_committed(
    case, settings, django_capture_on_commit_callbacks, capsys
):
    settings.CHECKPOINT_EVERY = 2
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            make_source(case, text=f"Text {n}.", title=f"Report {n}")
    checkpoints, problems = read_checkpoints()
    assert problems == [] and checkpoints
    assert all(c.seq % 2 == 0 for c in checkpoints)
    last = checkpoints[-1]
    sql("DELETE FROM accounts_auditentry WHERE seq >= %s", [last.seq])
    assert f"audit entry #{last.seq}, checkpointed" in verify_fails(capsys, "audit problem")


def test_a_rewritten_checkpointed_entry_is_caught_even_if_the_chain_is_rehashed(source, capsys):
    """Someone rewrites the last entry and recomputes its hash: the chain is valid again, but
    the checkpoint remembers the hash it had."""
    call_command("verify")
    head = AuditEntry.objects.order_by("-seq").first()
    head.object_repr = "rewritten"
    forged_hash = head.compute_hash()
    sql(
        "UPDATE accounts_auditentry SET object_repr = %s, entry_hash = %s WHERE id = %s",
        ["rewritten", forged_hash, head.pk],
    )
    err = verify_fails(capsys, "1 audit problem")
    assert f"audit entry #{head.seq} is not the one checkpointed" in err


@pytest.mark.django_db(transaction=True)
def test_a_restore_from_backup_starts_the_checkpoints_afresh(source, tmp_path, monkeypatch, capsys):
    """A restore puts back an older log on purpose: verify passes, and still catches a cut."""
    monkeypatch.setenv("VIGIL_BACKUP_PASSPHRASE", "a long passphrase for this test")
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    services.update_source(source, changes={"title": "Changed after the backup"})
    call_command("verify")  # checkpoints a head the backup does not hold
    call_command("restore", str(backup), "--no-input")
    call_command("verify")
    assert "OK:" in capsys.readouterr().out
    head = AuditEntry.objects.order_by("-seq").first()
    sql("DELETE FROM accounts_auditentry WHERE seq = %s", [head.seq])
    assert f"audit entry #{head.seq}, checkpointed" in verify_fails(capsys, "audit problem")
