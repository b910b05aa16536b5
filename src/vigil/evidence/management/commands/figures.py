import json

from django.core.management.base import BaseCommand

from vigil import csv_safe
from vigil.cases.commands import case_named
from vigil.evidence.figures import figures_rows, figures_table
from vigil.evidence.models import Claim


class Command(BaseCommand):
    help = "Print a case's figures table (every source's figure side by side) as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, case_slug, format, **options):
        case = case_named(case_slug)
        table = figures_table(Claim.objects.filter(case=case))
        rows = figures_rows(table)
        if format == "csv":
            writer = csv_safe.DictWriter(
                self.stdout, fieldnames=list(rows[0]) if rows else ["category"]
            )
            writer.writeheader()
            writer.writerows(rows)
            return
        summaries = {group.category: group.summary for group in table}
        self.stdout.write(
            json.dumps(
                {"case": case.slug, "figures": rows, "summary": summaries},
                indent=2,
                ensure_ascii=False,
            )
        )
