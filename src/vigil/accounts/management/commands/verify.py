from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.audit import verify_chain
from vigil.accounts.models import AuditEntry
from vigil.evidence.archive import verify_archive
from vigil.evidence.models import ArchivedFile


class Command(BaseCommand):
    help = (
        "Re-hash every archived file and the whole audit chain. Names each mismatch and exits "
        "non-zero when anything was altered."
    )

    def handle(self, *args, **options):
        archive_problems = verify_archive()
        chain_problems = verify_chain()
        files, entries = ArchivedFile.objects.count(), AuditEntry.objects.count()
        for problem in archive_problems + chain_problems:
            self.stderr.write(self.style.ERROR(problem))
        if archive_problems or chain_problems:
            raise CommandError(
                f"integrity check failed: {len(archive_problems)} archived file(s) and "
                f"{len(chain_problems)} audit problem(s)"
            )
        self.stdout.write(
            self.style.SUCCESS(f"OK: {files} archived files and {entries} audit entries verified.")
        )
