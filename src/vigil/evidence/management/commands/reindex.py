from django.core.management.base import BaseCommand
from django.utils.translation import ngettext
from tqdm import tqdm

from vigil.evidence import search_index


class Command(BaseCommand):
    help = (
        "Rebuild the full-text index of sources and claims from the rows, in one pass of short "
        "transactions (people can go on working meanwhile). Triggers keep the index in step on "
        "every write; this repairs it if anything went around them."
    )

    def handle(self, *args, **options):
        bar = None

        def progress(table, done, total):
            nonlocal bar
            if bar is None or bar.desc != table:
                if bar is not None:
                    bar.close()
                bar = tqdm(total=total, unit="id", desc=table, file=self.stderr._out)
            bar.update(done - bar.n)

        count = search_index.rebuild(progress)
        if bar is not None:
            bar.close()
        self.stdout.write(
            ngettext("Indexed %(n)s source or claim.", "Indexed %(n)s sources and claims.", count)
            % {"n": count}
        )
