"""Backup, wipe, restore, compare everything; a damaged archive is refused and changes nothing."""

import gzip
import io
import json
import shutil
import tarfile

import pytest
from django.core.management import CommandError, call_command

from vigil.accounts.audit import verify_chain
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile, Source
from vigil.evidence.search import search_case

pytestmark = pytest.mark.django_db(transaction=True)


def everything() -> list:
    """Every row the backup promises to keep, in a comparable form."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=["contenttypes", "auth.permission", "sessions", "django_tasks_database"],
        natural_foreign=True,
        natural_primary=True,
        stdout=out,
    )
    return sorted(json.loads(out.getvalue()), key=lambda row: json.dumps(row, sort_keys=True))


def file_hashes() -> dict:
    return {
        sha: archive.hash_file(archive.path_for(sha))
        for sha in ArchivedFile.objects.values_list("sha256", flat=True)
    }


def wipe(archive_dir):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(archive_dir)


def test_backup_wipe_restore_gives_back_everything(published, alice, archive_dir, tmp_path):
    rows, files = everything(), file_hashes()
    assert len(files) >= 4 and any(row["model"] == "accounts.auditentry" for row in rows)
    backup = tmp_path / "vigil.tar.gz"
    call_command("backup", str(backup))
    wipe(archive_dir)
    assert not Source.objects.exists()
    call_command("restore", str(backup), "--no-input")
    assert everything() == rows
    assert file_hashes() == files
    assert verify_chain() == []
    sources = Source.objects.filter(case=published)
    assert search_case(published, "killed", sources=sources)  # the search index is rebuilt


def rewrite(backup, tmp_path, change):
    """Unpack the archive, let `change` edit the unpacked files, pack it again."""
    folder = tmp_path / "unpacked"
    with tarfile.open(backup) as tar:
        tar.extractall(folder, filter="data")
    change(folder)
    with tarfile.open(backup, "w:gz") as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(folder)))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("truncate", "damaged or truncated"),
        ("alter-database", "database.xml was altered"),
        ("alter-file", "was altered"),
        ("drop-file", "1 missing"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_changes(published, tmp_path, damage, message):
    backup = tmp_path / "vigil.tar.gz"
    call_command("backup", str(backup))
    if damage == "truncate":
        data = backup.read_bytes()
        backup.write_bytes(data[: len(data) // 2])
    elif damage == "alter-database":
        rewrite(backup, tmp_path, lambda f: (f / "database.xml").write_text("<x/>"))
    elif damage == "alter-file":
        rewrite(backup, tmp_path, lambda f: next(f.glob("archive/*")).write_bytes(b"forged"))
    else:
        rewrite(backup, tmp_path, lambda f: next(f.glob("archive/*")).unlink())
    Source.objects.filter(title="Field Report 1993").update(title="Changed after the backup")
    before = everything()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(backup), "--no-input")
    assert everything() == before


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(gzip.compress(b"just some text"))
    with pytest.raises(CommandError, match="damaged or truncated"):
        call_command("restore", str(bogus), "--no-input")
