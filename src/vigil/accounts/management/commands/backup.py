from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vigil.accounts.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write one backup archive: a consistent database dump, every archived file, and a "
        "manifest of SHA-256 hashes. Works on SQLite and PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the archive (e.g. vigil-backup.tar.gz)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if path.is_dir():
            raise CommandError(f"{path} is a folder: give a file name")
        with tqdm(unit="file", desc="archived files", file=self.stderr._out) as bar:

            def progress(done, total):
                bar.total = total
                bar.update(1)

            try:
                manifest = write_backup(path, progress)
            except BackupError as error:
                raise CommandError(f"backup not written: {error}") from error
        files = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {path}: the database and {files} files.")
        )
