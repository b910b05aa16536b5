import json

from django.core.management.base import BaseCommand

from vigil import csv_safe
from vigil.cases.commands import case_named
from vigil.recognition.importer import COLUMNS, export_rows


class Command(BaseCommand):
    help = "Export a case's recognition acts as CSV or JSON (the CSV imports back)."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, case_slug, format, **options):
        case = case_named(case_slug)
        rows = list(export_rows(case))
        if format == "json":
            self.stdout.write(
                json.dumps({"case": case.slug, "recognitions": rows}, indent=2, ensure_ascii=False)
            )
            return
        writer = csv_safe.DictWriter(self.stdout, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
