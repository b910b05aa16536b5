from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vigil.ops.backup import BackupError, read_passphrase, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and add the archived files from a `vigil backup` archive. The "
        "archive is decrypted with its passphrase (VIGIL_BACKUP_PASSPHRASE or --passphrase-file) "
        "and checked in full against its signed manifest first; a wrong passphrase, an altered "
        "or damaged archive changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--no-input", action="store_true", help="do not ask before replacing the database"
        )
        parser.add_argument(
            "--passphrase-file",
            type=Path,
            help="read the passphrase from the first line of this file "
            "(instead of VIGIL_BACKUP_PASSPHRASE)",
        )
        parser.add_argument(
            "--unencrypted",
            action="store_true",
            help="accept an unencrypted backup, whose manifest nothing vouches for",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("no backup file at %(path)s") % {"path": path})
        if not options["no_input"]:
            answer = input("This replaces every record in the database. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError(_("restore cancelled; nothing was changed"))
        try:
            manifest = restore_backup(
                path,
                passphrase=read_passphrase(options["passphrase_file"]),
                unencrypted=options["unencrypted"],
            )
        except BackupError as error:
            raise CommandError(
                _("%(path)s refused, nothing was changed: %(error)s")
                % {"path": path, "error": error}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Restored the backup of %(made)s (%(files)s file).",
                    "Restored the backup of %(made)s (%(files)s files).",
                    len(manifest["files"]) - 1,
                )
                % {"made": manifest["created_at"], "files": len(manifest["files"]) - 1}
            )
        )
