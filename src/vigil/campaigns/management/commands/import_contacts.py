from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.audit import acting_as
from vigil.campaigns.importers import import_contacts
from vigil.tabular import ImportCommandMixin


class Command(ImportCommandMixin, BaseCommand):
    help = (
        "Import contacts from a CSV file with a report per row; a file with errors imports nothing "
        "(and exits non-zero) unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        self.add_import_arguments(parser)

    def handle(self, *args, file, skip_invalid, **options):
        try:
            with self.open_csv(file) as stream, acting_as(label="vigil import-contacts"):
                report = import_contacts(stream, skip_invalid=skip_invalid)
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text; save it as CSV (UTF-8)") from None
        self.finish(report, file, skip_invalid)
