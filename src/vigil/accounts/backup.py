"""One-file backups: a consistent database dump, every archived file, and a manifest of SHA-256
hashes that `restore` checks in full before it touches anything.

The archive is a gzip'd tar:
    manifest.json       {"format": 1, "created_at": ..., "database": ..., "files": {name: sha256}}
    database.xml        Django's dumpdata (natural keys), so it loads on SQLite or PostgreSQL;
                        XML because Django's JSON drops microseconds, which the audit chain hashes
    archive/<sha256>    the archived files, each named by the hash of its content
"""

import datetime
import hashlib
import io
import json
import re
import tarfile
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

from vigil.accounts import audit
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile
from vigil.evidence.search import rebuild_sqlite_index

FORMAT = 1
# Rebuilt by Django itself, or meaningless after a restore.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]
MEMBER = re.compile(r"^(manifest\.json|database\.xml|archive/[0-9a-f]{64})$")


class BackupError(Exception):
    """The archive cannot be trusted; the message says why. Nothing was changed."""


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _dump_database(target: Path) -> None:
    """Every row as one consistent snapshot, even while others write."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        # On SQLite the transaction holds the write lock, so no one writes until the dump is done.
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            format="xml",
            natural_foreign=True,
            natural_primary=True,
            output=str(target),
            verbosity=0,
        )


def write_backup(path: Path, progress=lambda done, total: None) -> dict:
    """Write the backup to `path`; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.xml"
        _dump_database(dump)
        hashes = list(ArchivedFile.objects.values_list("sha256", flat=True).order_by("sha256"))
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(),
            "database": connection.vendor,
            "files": {"database.xml": _sha256_file(dump)},
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname="database.xml")
            for done, sha in enumerate(hashes, start=1):
                stored = archive.path_for(sha)
                if not stored.exists():
                    raise BackupError(f"archived file {sha} is missing from the archive folder")
                actual = _sha256_file(stored)
                if actual != sha:
                    raise BackupError(f"archived file {sha} was altered (run `vigil verify`)")
                tar.add(stored, arcname=f"archive/{sha}")
                manifest["files"][f"archive/{sha}"] = sha
                progress(done, len(hashes))
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial.replace(path)  # a backup interrupted half-way never looks like a backup
    return manifest


def check_backup(path: Path, into: Path) -> dict:
    """Unpack into `into` and check every hash against the manifest; raise BackupError if the
    archive is truncated, altered, incomplete or has anything it should not."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not member.isfile() or not MEMBER.match(member.name):
                    raise BackupError(f"unexpected entry {member.name!r}: not a Vigil backup")
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(f"the archive is damaged or truncated ({error})") from error
    manifest_path = into / "manifest.json"
    if not manifest_path.exists():
        raise BackupError("the archive has no manifest: not a Vigil backup")
    try:
        manifest = json.loads(manifest_path.read_text())
        expected = dict(manifest["files"])
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"the manifest cannot be read ({error})") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')!r} is not one this Vigil reads")
    present = {m.name for m in members} - {"manifest.json"}
    if present != set(expected):
        missing, extra = set(expected) - present, present - set(expected)
        raise BackupError(
            f"the archive does not match its manifest: {len(missing)} missing, {len(extra)} extra"
        )
    for name, sha in expected.items():
        if _sha256_file(into / name) != sha:
            raise BackupError(f"{name} was altered: its SHA-256 does not match the manifest")
        if name.startswith("archive/") and name != f"archive/{sha}":
            raise BackupError(f"{name} is listed under another file's hash")
    return manifest


def restore_backup(path: Path) -> dict:
    """Check the whole archive, then replace the database and add the archived files."""
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        manifest = check_backup(path, unpacked)
        with transaction.atomic(), audit.restoring():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(unpacked / "database.xml"), verbosity=0)
        for name, sha in manifest["files"].items():
            if name.startswith("archive/") and not archive.path_for(sha).exists():
                with (unpacked / name).open("rb") as stream:
                    archive.store_chunks(iter(lambda s=stream: s.read(1024 * 1024), b""))
    rebuild_sqlite_index()  # the full-text index is not in the dump (a no-op on PostgreSQL)
    return manifest
