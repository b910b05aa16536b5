import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from vigil.audit.models import AuditEntry
from vigil.evidence import archive

pytestmark = pytest.mark.django_db


def test_it_passes_when_nothing_was_altered(source, capsys):
    call_command("verify")
    assert "OK: 1 archived file and " in capsys.readouterr().out


def test_it_catches_an_altered_archived_file(source, capsys):
    path = archive.path_for(source.archived_file.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"On 26 February 1992 nobody was killed.")
    with pytest.raises(CommandError, match="1 archived file"):
        call_command("verify")
    assert source.archived_file.sha256 in capsys.readouterr().err


def test_it_catches_a_missing_archived_file(source, capsys):
    archive.path_for(source.archived_file.sha256).unlink()
    with pytest.raises(CommandError):
        call_command("verify")
    assert "is missing" in capsys.readouterr().err


def test_it_catches_an_altered_audit_row(source, capsys):
    entry = AuditEntry.objects.filter(model_label="evidence.Source").first()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_auditentry SET object_repr = %s WHERE id = %s", ["forged", entry.pk]
        )
    with pytest.raises(CommandError, match="1 audit problem"):
        call_command("verify")
    assert f"audit entry #{entry.seq} was altered" in capsys.readouterr().err
