from django.core.management.base import BaseCommand
from tqdm import tqdm

from vigil.evidence import search_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text index of sources and claims from the rows, in one pass of short "
        "transactions (people can go on working meanwhile). Triggers keep the index in step on "
        "every write; this repairs it if anything went around them."
    )

    def handle(self, *args, **options):
        bars: dict[str, tqdm] = {}

        def progress(table, done, total):
            if table not in bars:
                bars[table] = tqdm(total=total, unit="id", desc=table, file=self.stderr._out)
            bars[table].update(done - bars[table].n)

        count = search_index.rebuild(progress)
        for bar in bars.values():
            bar.close()
        self.stdout.write(f"Indexed {count} sources and claims.")
