from django.core.management.base import BaseCommand

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
        self.import_file(file, import_contacts, "vigil import-contacts", skip_invalid)
