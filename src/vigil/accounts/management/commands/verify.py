from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.audit import verify_chain
from vigil.accounts.models import AuditEntry
from vigil.evidence.archive import verify_archive
from vigil.evidence.models import ArchivedFile
from vigil.evidence.search_index import index_problems


class Command(BaseCommand):
    help = (
        "Re-hash every archived file and the whole audit chain, and compare the search index "
        "with the sources and claims. Names each mismatch and exits non-zero when anything was "
        "altered."
    )

    def handle(self, *args, **options):
        archive_problems = verify_archive()
        chain_problems = verify_chain()
        search_problems = index_problems()
        files, entries = ArchivedFile.objects.count(), AuditEntry.objects.count()
        for problem in archive_problems + chain_problems + search_problems:
            self.stderr.write(self.style.ERROR(problem))
        if archive_problems or chain_problems or search_problems:
            raise CommandError(
                f"integrity check failed: {len(archive_problems)} archived file(s), "
                f"{len(chain_problems)} audit problem(s) and {len(search_problems)} search index "
                "problem(s) (`vigil reindex` rebuilds the index)"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"OK: {files} archived files and {entries} audit entries verified; the search "
                "index matches the sources and claims."
            )
        )
