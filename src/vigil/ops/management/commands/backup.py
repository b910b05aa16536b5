from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from vigil.ops.backup import BackupError, read_passphrase, write_backup


class Command(BaseCommand):
    help = (
        "Write one backup archive: a consistent database dump, every archived file, and a "
        "signed manifest of SHA-256 hashes, encrypted with the passphrase in "
        "VIGIL_BACKUP_PASSPHRASE or --passphrase-file. Works on SQLite and PostgreSQL, and "
        "never stops others from writing while it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the archive (e.g. vigil-backup.age)")
        parser.add_argument(
            "--passphrase-file",
            type=Path,
            help="read the passphrase from the first line of this file "
            "(instead of VIGIL_BACKUP_PASSPHRASE)",
        )
        parser.add_argument(
            "--unencrypted",
            action="store_true",
            help="write a plain, unsigned tar.gz that anyone who gets the file can read "
            "(VIGIL_BACKUP_PASSPHRASE is then not used)",
        )

    def passphrase(self, options) -> str | None:
        if options["unencrypted"]:
            if options["passphrase_file"]:
                raise CommandError(_("backup not written: --passphrase-file with --unencrypted"))
            return None
        try:
            passphrase = read_passphrase(options["passphrase_file"])
        except BackupError as error:
            raise CommandError(_("backup not written: %(error)s") % {"error": error}) from error
        if passphrase is None:
            raise CommandError(
                _(
                    "backup not written: a backup holds password hashes, second-factor seeds and "
                    "legal names, so it is encrypted; set VIGIL_BACKUP_PASSPHRASE or give "
                    "--passphrase-file (or --unencrypted to write one anyone can read)"
                )
            )
        return passphrase

    def handle(self, *args, **options):
        path = Path(options["file"])
        if path.is_dir():
            raise CommandError(_("%(path)s is a folder: give a file name") % {"path": path})
        passphrase = self.passphrase(options)
        with tqdm(unit="step", desc="tables and files", file=self.stderr._out) as bar:

            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

            try:
                manifest = write_backup(path, passphrase=passphrase, progress=progress)
            except BackupError as error:
                raise CommandError(_("backup not written: %(error)s") % {"error": error}) from error
        files = len(manifest["files"]) - 1
        if passphrase is None:
            written = ngettext(
                "Backup written to %(path)s (unencrypted and unsigned): the database and "
                "%(files)s file.",
                "Backup written to %(path)s (unencrypted and unsigned): the database and "
                "%(files)s files.",
                files,
            )
        else:
            written = ngettext(
                "Backup written to %(path)s (encrypted and signed): the database and %(files)s "
                "file.",
                "Backup written to %(path)s (encrypted and signed): the database and %(files)s "
                "files.",
                files,
            )
        self.stdout.write(self.style.SUCCESS(written % {"path": path, "files": files}))
