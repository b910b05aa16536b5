from functools import partial

from django.core.management.base import BaseCommand

from vigil.cases.commands import case_named
from vigil.recognition.importer import import_recognitions
from vigil.tabular import ImportCommandMixin


class Command(ImportCommandMixin, BaseCommand):
    help = (
        "Import recognition acts from a CSV file, with a report per row. A file with errors "
        "imports nothing (and exits non-zero) unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        self.add_import_arguments(parser)

    def handle(self, *args, case_slug, file, skip_invalid, **options):
        case = case_named(case_slug)
        importer = partial(import_recognitions, case)
        self.import_file(file, importer, "vigil import-recognitions", skip_invalid)
