from django.core.management.base import BaseCommand

from vigil.evidence.search import rebuild_sqlite_index


class Command(BaseCommand):
    help = "Rebuild SQLite's full-text index from the sources and claims (after a restore, say)."

    def handle(self, *args, **options):
        count = rebuild_sqlite_index()
        self.stdout.write(
            f"Indexed {count} sources and claims."
            if count
            else "Nothing to do: PostgreSQL searches the tables directly."
        )
