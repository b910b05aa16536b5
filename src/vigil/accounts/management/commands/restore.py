from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and add the archived files from a `vigil backup` archive. The "
        "whole archive is checked against its manifest first; a damaged one changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--no-input", action="store_true", help="do not ask before replacing the database"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no backup file at {path}")
        if not options["no_input"]:
            answer = input("This replaces every record in the database. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled; nothing was changed")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(f"{path} refused, nothing was changed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']} "
                f"({len(manifest['files']) - 1} files)."
            )
        )
