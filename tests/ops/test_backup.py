"""Backup, wipe, restore, compare everything; a damaged, altered or wrongly unlocked archive is
refused and changes nothing; a backup never stops others from writing."""

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from vigil.audit.log import verify_chain
from vigil.audit.models import AuditEntry
from vigil.cases.models import Case
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile, Source
from vigil.evidence.search import search_case
from vigil.law.tallies import tally_problems
from vigil.ops.backup_seal import seal, unseal

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "a long passphrase for the test backups"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("VIGIL_BACKUP_PASSPHRASE", PASSPHRASE)


def everything() -> list:
    """Every row the backup promises to keep, in a comparable form."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=[
            "contenttypes",
            "auth.permission",
            "sessions",
            "django_tasks_database",
            "public_cache",
            "law.elementtally",  # counted afresh from the links by a restore
            "evidence.claimtally",  # and from the claims
            "ingest.ruleverdicttally",  # and from the candidates
        ],
        natural_foreign=True,
        natural_primary=True,
        stdout=out,
    )
    return sorted(json.loads(out.getvalue()), key=lambda row: json.dumps(row, sort_keys=True))


def audit_times() -> list:
    # dumpdata's JSON cuts microseconds, which the audit chain hashes: compare them apart.
    return list(AuditEntry.objects.order_by("seq").values_list("at", flat=True))


def file_hashes() -> dict:
    return {
        sha: archive.hash_file(archive.path_for(sha))
        for sha in ArchivedFile.objects.values_list("sha256", flat=True)
    }


def wipe(archive_dir):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(archive_dir)


def test_backup_wipe_restore_gives_back_everything(published, alice, archive_dir, tmp_path):
    rows, times, files = everything(), audit_times(), file_hashes()
    assert len(files) >= 4 and any(row["model"] == "audit.auditentry" for row in rows)
    assert any(time.microsecond % 1000 for time in times)
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    assert backup.stat().st_mode & 0o777 == 0o600
    wipe(archive_dir)
    assert not Source.objects.exists()
    call_command("restore", str(backup), "--no-input")
    assert everything() == rows
    assert audit_times() == times
    assert file_hashes() == files
    assert verify_chain() == []
    assert search_case(published, "killed")  # the search index is rebuilt
    assert tally_problems() == []  # and the matrix's tallies counted afresh


def test_a_row_holding_every_control_character_backs_up_and_restores_exactly(case, tmp_path):
    controls = "".join(chr(code) for code in range(0x20)) + "\x7f"
    if connection.vendor == "postgresql":
        controls = controls.replace("\x00", "")  # PostgreSQL cannot store NUL in text at all
    # Written past the boundary that cleans input, as data from before that boundary might be.
    Case.objects.filter(pk=case.pk).update(title=f"Title{controls}", summary=f"{controls}end")
    rows = everything()
    backup = tmp_path / "vigil.tar.gz"
    call_command("backup", str(backup), "--unencrypted")
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(backup), "--no-input", "--unencrypted")
    assert everything() == rows
    assert Case.objects.get().title == f"Title{controls}"


def test_the_passphrase_can_come_from_a_file(published, monkeypatch, tmp_path):
    monkeypatch.delenv("VIGIL_BACKUP_PASSPHRASE")
    secret = tmp_path / "passphrase"
    secret.write_text("from a file, not the environment\n")
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup), "--passphrase-file", str(secret))
    with pytest.raises(CommandError, match="give its passphrase"):
        call_command("restore", str(backup), "--no-input")
    call_command("restore", str(backup), "--no-input", "--passphrase-file", str(secret))
    assert Source.objects.filter(title="Field Report 1993").exists()


def test_a_wrong_passphrase_is_refused_and_nothing_changes(published, monkeypatch, tmp_path):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    Source.objects.filter(title="Field Report 1993").update(title="Changed after the backup")
    before = everything()
    monkeypatch.setenv("VIGIL_BACKUP_PASSPHRASE", "not the passphrase")
    with pytest.raises(CommandError, match="refused, nothing was changed: wrong passphrase"):
        call_command("restore", str(backup), "--no-input")
    assert everything() == before


def test_without_a_passphrase_a_backup_is_written_only_when_asked_unencrypted(
    published, monkeypatch, tmp_path
):
    monkeypatch.delenv("VIGIL_BACKUP_PASSPHRASE")
    backup = tmp_path / "vigil.tar.gz"
    with pytest.raises(CommandError, match="set VIGIL_BACKUP_PASSPHRASE"):
        call_command("backup", str(backup))
    assert not backup.exists()
    call_command("backup", str(backup), "--unencrypted")
    with pytest.raises(CommandError, match="only with --unencrypted"):
        call_command("restore", str(backup), "--no-input")
    call_command("restore", str(backup), "--no-input", "--unencrypted")
    assert Source.objects.filter(title="Field Report 1993").exists()


def rewrite(folder: Path, tar_path: Path, change):
    """Unpack the tar.gz at `tar_path` into `folder`, let `change` edit it, pack it again."""
    with tarfile.open(tar_path) as tar:
        tar.extractall(folder, filter="data")
    change(folder)
    with tarfile.open(tar_path, "w:gz") as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(folder)))


def forge_title(folder: Path):
    """Change a source's title in the dump and recompute the dump's hash in the manifest."""
    dump = folder / "database.jsonl"
    dump.write_text(dump.read_text().replace("Field Report 1993", "Forged Report 1993"))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["database.jsonl"] = archive.hash_file(dump)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_an_altered_backup_with_a_recomputed_manifest_is_refused(published, tmp_path):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    plain = tmp_path / "plain.tar.gz"
    key = unseal(backup, PASSPHRASE, plain)
    rewrite(tmp_path / "unpacked", plain, forge_title)
    with backup.open("wb") as out:  # encrypted again, with the backup's own key and passphrase
        seal(plain, out, key, PASSPHRASE)
    before = everything()
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("restore", str(backup), "--no-input")
    assert everything() == before


def test_an_altered_encrypted_file_is_refused(published, tmp_path):
    backup = tmp_path / "vigil.age"
    call_command("backup", str(backup))
    data = bytearray(backup.read_bytes())
    data[-100] ^= 1
    backup.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged or truncated"):
        call_command("restore", str(backup), "--no-input")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("truncate", "damaged or truncated"),
        ("alter-database", "database.jsonl was altered"),
        ("alter-file", "was altered"),
        ("drop-file", "1 missing"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_changes(published, tmp_path, damage, message):
    backup = tmp_path / "vigil.tar.gz"
    call_command("backup", str(backup), "--unencrypted")
    if damage == "truncate":
        data = backup.read_bytes()
        backup.write_bytes(data[: len(data) // 2])
    elif damage == "alter-database":
        rewrite(tmp_path / "u", backup, lambda f: (f / "database.jsonl").write_text("{}\n"))
    elif damage == "alter-file":
        rewrite(tmp_path / "u", backup, lambda f: next(f.glob("archive/*")).write_bytes(b"forged"))
    else:
        rewrite(tmp_path / "u", backup, lambda f: next(f.glob("archive/*")).unlink())
    Source.objects.filter(title="Field Report 1993").update(title="Changed after the backup")
    before = everything()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(backup), "--no-input", "--unencrypted")
    assert everything() == before


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(gzip.compress(b"just some text"))
    with pytest.raises(CommandError, match="not an encrypted Vigil backup"):
        call_command("restore", str(bogus), "--no-input")
    with pytest.raises(CommandError, match="damaged or truncated"):
        call_command("restore", str(bogus), "--no-input", "--unencrypted")


def test_a_backup_is_written_owner_only_even_over_a_readable_file(published, tmp_path):
    backup = tmp_path / "vigil.tar.gz"
    backup.write_bytes(b"an older file, readable by everyone")
    backup.chmod(0o644)
    call_command("backup", str(backup), "--unencrypted")
    assert backup.stat().st_mode & 0o777 == 0o600


def scenario_environment(tmp_path) -> dict:
    env = {**os.environ, "VIGIL_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    if connection.vendor == "postgresql":  # the test database this test runs against
        db = connection.settings_dict
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    return env


def test_a_backup_lets_another_process_write_and_keeps_one_snapshot(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "tests.ops.backup_while_writing", str(tmp_path / "b.age")],
        cwd=ROOT,
        env=scenario_environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["writer_exit"] == 0, outcome["writer_errors"]  # not locked out
    assert outcome["live"] == ["before", "during"]
    assert outcome["restored"] == ["before"]  # the snapshot predates the writer's case …
    assert outcome["chain_problems"] == []  # … and its audit entry: one consistent moment


def test_the_commands_back_up_and_restore_from_a_fresh_process(tmp_path):
    env = {**scenario_environment(tmp_path), "VIGIL_BACKUP_PASSPHRASE": PASSPHRASE}
    vigil = Path(sys.executable).with_name("vigil")
    backup = str(tmp_path / "vigil.age")
    for command in (
        ["migrate", "--no-input"],
        ["backup", backup],
        ["restore", backup, "--no-input"],
    ):
        completed = subprocess.run(
            [vigil, *command], env=env, capture_output=True, text=True, check=False
        )
        assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Restored the backup of" in completed.stdout


def test_a_backup_made_before_the_audit_log_moved_app_still_loads(tmp_path):
    """Backups made while the audit entry belonged to `accounts` name its rows so, in both dump
    formats; restoring gives them the `audit` label, and nothing else changes."""
    from vigil.ops.backup import relabel_moved_models

    jsonl = tmp_path / "database.jsonl"
    jsonl.write_text(
        '{"model": "accounts.auditentry", "pk": 1, "fields": '
        '{"object_repr": "accounts.auditentry"}}\n'
        '{"model": "accounts.invitation", "pk": 2, "fields": {}}\n',
        encoding="utf-8",
    )
    xml = tmp_path / "database.xml"
    xml.write_text('<object model="accounts.auditentry" pk="1"></object>\n', encoding="utf-8")

    relabel_moved_models(jsonl)
    relabel_moved_models(xml)

    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [row["model"] for row in rows] == ["audit.auditentry", "accounts.invitation"]
    assert rows[0]["fields"]["object_repr"] == "accounts.auditentry"  # data is left as it was
    assert xml.read_text(encoding="utf-8") == '<object model="audit.auditentry" pk="1"></object>\n'
