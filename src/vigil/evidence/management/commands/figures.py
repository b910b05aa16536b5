from django.core.management.base import BaseCommand

from vigil import csv_safe
from vigil.cases.commands import case_named
from vigil.evidence.figures import FIGURE_COLUMNS, figure_rows, figure_summaries
from vigil.evidence.models import Figure
from vigil.tabular import json_parts


class Command(BaseCommand):
    help = "Print a case's figures table (every source's figure side by side) as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, case_slug, format, **options):
        case = case_named(case_slug)
        figures = Figure.objects.filter(case=case)
        # Written as the rows are read, a chunk at a time: a large case's table never sits whole
        # in memory.
        if format == "csv":
            writer = csv_safe.DictWriter(self.stdout, fieldnames=FIGURE_COLUMNS)
            writer.writeheader()
            writer.writerows(figure_rows(figures))
            return
        document = {"case": case.slug, "summary": figure_summaries(figures)}
        for part in json_parts(document, "figures", figure_rows(figures)):
            self.stdout.write(part, ending="")
