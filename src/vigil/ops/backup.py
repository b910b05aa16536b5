"""One-file backups: a consistent database dump, every archived file, and a signed manifest of
SHA-256 hashes that `restore` checks in full before it touches anything.

The contents are a gzip'd tar:
    manifest.json       {"format": 3, "created_at": ..., "database": ..., "files": {name: sha256}}
    manifest.sig        HMAC-SHA256 of manifest.json with the backup's signing key (encrypted only)
    database.jsonl      every row (see backup_snapshot.py), loadable on SQLite or PostgreSQL
    archive/<sha256>    the archived files, each named by the hash of its content
An encrypted backup (the default) wraps that tar.gz with age, under a key that the passphrase
unlocks through scrypt at fixed parameters (backup_seal.py); an unencrypted one is the bare tar.gz,
unsigned, written and restored only when asked for. Backups are owner-only files, and their
temporary files live in owner-only folders.
"""

import datetime
import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.core.management import call_command
from django.db import connection, transaction
from django.utils.translation import gettext as _

from vigil.audit import checkpoints
from vigil.audit import log as audit
from vigil.evidence import archive
from vigil.evidence.models import ArchivedFile
from vigil.ops import kept_counts
from vigil.ops.backup_seal import BackupKey, SealError, is_sealed, seal, unseal
from vigil.ops.backup_snapshot import backed_up_models, database_snapshot, dump_models
from vigil.private_files import open_private

FORMAT = 3
DUMP = "database.jsonl"
# Each format this Vigil restores, with the name of its database dump (1: before encryption;
# 3: the passphrase's key derivation no longer depends on the machine, see backup_seal.py).
DUMPS = {1: "database.xml", 2: DUMP, FORMAT: DUMP}
# Models that moved to another app since a backup could have been made: old label → new label.
MOVED_MODELS = {"accounts.auditentry": "audit.auditentry"}
MEMBER = re.compile(r"^(manifest\.(json|sig)|database\.(jsonl|xml)|archive/[0-9a-f]{64})$")
PASSPHRASE_VARIABLE = "VIGIL_BACKUP_PASSPHRASE"  # noqa: S105 (the name of a variable, not its value)


class BackupError(Exception):
    """The archive cannot be trusted; the message says why. Nothing was changed."""


def read_passphrase(passphrase_file: Path | None) -> str | None:
    """The passphrase from `passphrase_file` (its first line), else from VIGIL_BACKUP_PASSPHRASE;
    None when neither gives one."""
    if passphrase_file is not None:
        try:
            lines = passphrase_file.read_text().splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise BackupError(
                _("the passphrase file cannot be read (%(error)s)") % {"error": error}
            ) from error
        if not lines or not lines[0]:
            raise BackupError(
                _("the passphrase file %(path)s is empty") % {"path": passphrase_file}
            )
        return lines[0]
    return os.environ.get(PASSPHRASE_VARIABLE) or None


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _dump(work: Path, progress) -> tuple[Path, list[str], int]:
    """Dump the database and list the archived files, both from one snapshot taken without
    blocking writers; return the dump, the files' hashes and how many steps that took."""
    dump = work / DUMP
    with database_snapshot():
        hashes = list(ArchivedFile.objects.values_list("sha256", flat=True).order_by("sha256"))
        models = backed_up_models()
        steps = len(models) + len(hashes)
        with dump.open("w", encoding="ascii") as stream:
            dump_models(models, stream, lambda done: progress(done, steps))
    return dump, hashes, len(models)


def _manifest(dump: Path) -> dict:
    return {
        "format": FORMAT,
        "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(),
        "database": connection.vendor,
        "files": {DUMP: _sha256_file(dump)},
    }


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _pack(target, work: Path, progress, key: BackupKey | None) -> dict:
    """Write the tar.gz of the database and the archived files to the binary stream `target`."""
    dump, hashes, done = _dump(work, progress)
    manifest = _manifest(dump)
    steps = done + len(hashes)
    with tarfile.open(fileobj=target, mode="w:gz") as tar:
        tar.add(dump, arcname=DUMP)
        for sha in hashes:
            stored = archive.path_for(sha)
            if not stored.exists():
                raise BackupError(
                    _("archived file %(sha)s is missing from the archive folder") % {"sha": sha}
                )
            if _sha256_file(stored) != sha:
                raise BackupError(
                    _("archived file %(sha)s was altered (run `vigil verify`)") % {"sha": sha}
                )
            tar.add(stored, arcname=f"archive/{sha}")
            manifest["files"][f"archive/{sha}"] = sha
            done += 1
            progress(done, steps)
        data = json.dumps(manifest, indent=1, sort_keys=True).encode()
        _add_bytes(tar, "manifest.json", data)
        if key is not None:
            _add_bytes(tar, "manifest.sig", key.sign(data).encode())
    return manifest


def write_backup(path: Path, *, passphrase: str | None, progress=lambda done, total: None) -> dict:
    """Write the backup to `path`, encrypted with `passphrase` (None: unencrypted and unsigned);
    return its manifest. `progress(done, total)` counts tables dumped, then files archived."""
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        try:
            if passphrase is None:
                with open_private(partial) as target:
                    manifest = _pack(target, work, progress, None)
            else:
                key = BackupKey.generate()
                plain = work / "backup.tar.gz"
                with plain.open("wb") as target:
                    manifest = _pack(target, work, progress, key)
                with open_private(partial) as target:
                    seal(plain, target, key, passphrase)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(path)  # a backup interrupted half-way never looks like a backup
    return manifest


def _open(path: Path, into: Path, passphrase: str | None, unencrypted: bool):
    """The plain tar.gz of the backup at `path` and its key (None when unencrypted)."""
    if is_sealed(path):
        if passphrase is None:
            raise BackupError(
                _(
                    "the backup is encrypted: give its passphrase (%(variable)s or "
                    "--passphrase-file)"
                )
                % {"variable": PASSPHRASE_VARIABLE}
            )
        plain = into / "backup.tar.gz"
        try:
            return plain, unseal(path, passphrase, plain)
        except SealError as error:
            raise BackupError(str(error)) from error
    if not unencrypted:
        raise BackupError(
            _(
                "it is not an encrypted Vigil backup, so nothing vouches for its manifest; restore"
                " an unencrypted backup only with --unencrypted"
            )
        )
    return path, None


def _unpack(tar_path: Path, into: Path) -> set[str]:
    try:
        with tarfile.open(tar_path, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not member.isfile() or not MEMBER.match(member.name):
                    raise BackupError(
                        _("unexpected entry “%(name)s”: not a Vigil backup") % {"name": member.name}
                    )
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(
            _("the archive is damaged or truncated (%(error)s)") % {"error": error}
        ) from error
    return {member.name for member in members}


def _read_manifest(into: Path, key: BackupKey | None) -> dict:
    manifest_path = into / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(_("the archive has no manifest: not a Vigil backup"))
    data = manifest_path.read_bytes()
    if key is not None:
        signature = into / "manifest.sig"
        if not signature.exists() or not key.signed(data, signature.read_text().strip()):
            raise BackupError(_("the manifest's signature does not match: the backup was altered"))
    try:
        manifest = json.loads(data)
        manifest["files"] = dict(manifest["files"])
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(
            _("the manifest cannot be read (%(error)s)") % {"error": error}
        ) from error
    if manifest.get("format") not in DUMPS:
        raise BackupError(
            _("backup format “%(format)s” is not one this Vigil reads")
            % {"format": manifest.get("format")}
        )
    if DUMPS[manifest["format"]] not in manifest["files"]:
        raise BackupError(_("the manifest lists no database dump: not a Vigil backup"))
    return manifest


def check_backup(path: Path, into: Path, *, passphrase=None, unencrypted=False) -> dict:
    """Decrypt and unpack into `into`, check the signature and every hash against the manifest;
    raise BackupError if the archive is encrypted with another passphrase, unsigned (unless
    `unencrypted`), truncated, altered, incomplete or has anything it should not."""
    tar_path, key = _open(path, into, passphrase, unencrypted)
    contents = into / "contents"
    present = _unpack(tar_path, contents) - {"manifest.json", "manifest.sig"}
    manifest = _read_manifest(contents, key)
    expected = manifest["files"]
    if present != set(expected):
        missing, extra = set(expected) - present, present - set(expected)
        raise BackupError(
            _("the archive does not match its manifest: %(missing)d missing, %(extra)d extra")
            % {"missing": len(missing), "extra": len(extra)}
        )
    for name, sha in expected.items():
        if _sha256_file(contents / name) != sha:
            raise BackupError(
                _("%(name)s was altered: its SHA-256 does not match the manifest") % {"name": name}
            )
        if name.startswith("archive/") and name != f"archive/{sha}":
            raise BackupError(_("%(name)s is listed under another file's hash") % {"name": name})
    return manifest


def _empty_database() -> None:
    """Empty every table, then put back only what Django derives from the models (content types
    and permissions, which the dump leaves out): reference data that other apps install after a
    migration comes from the backup itself, under the keys it had there."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    for config in apps.get_app_configs():
        create_contenttypes(config, verbosity=0)
        create_permissions(config, verbosity=0)


def relabel_moved_models(dump: Path) -> None:
    """Give the rows of a model that has since moved app their new label, in a JSON-lines or
    XML dump (read line by line: a dump can be larger than memory), so a backup made before the
    move restores."""
    renames = [
        (form.format(old), form.format(new))
        for old, new in MOVED_MODELS.items()
        for form in ('"model": "{}"', 'model="{}"')
    ]
    relabelled = dump.with_name(dump.name + ".relabelled")
    with dump.open(encoding="utf-8") as source, relabelled.open("w", encoding="utf-8") as target:
        for line in source:
            for old, new in renames:
                line = line.replace(old, new)
            target.write(line)
    relabelled.replace(dump)


def restore_backup(path: Path, *, passphrase=None, unencrypted=False) -> dict:
    """Check the whole archive, then replace the database and add the archived files."""
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        manifest = check_backup(path, unpacked, passphrase=passphrase, unencrypted=unencrypted)
        contents = unpacked / "contents"
        with transaction.atomic(), audit.restoring():
            _empty_database()
            # The search index is not in the dump: its triggers index the rows as they load.
            dump = contents / DUMPS[manifest["format"]]
            relabel_moved_models(dump)
            call_command("loaddata", str(dump), verbosity=0)
            # Rows load in any order: count the links and claims once all are in.
            kept_counts.rebuild_all()
        checkpoints.checkpoint_head(restored=True)  # the older log is now the one to keep
        for name, sha in manifest["files"].items():
            if name.startswith("archive/") and not archive.path_for(sha).exists():
                with (contents / name).open("rb") as stream:
                    archive.store_chunks(iter(lambda s=stream: s.read(1024 * 1024), b""))
    return manifest
