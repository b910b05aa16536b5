import json

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _

from vigil import csv_safe
from vigil.addresses import absolute
from vigil.cases.commands import case_named
from vigil.law import matrix
from vigil.law.models import Crime

CSV_FIELDS = [
    "id",
    "url",
    "code",
    "crime",
    "number",
    "kind",
    "status",
    "verified_supporting",
    "verified_contradicting",
    "independent_sources",
    "best_grade",
    "reference",
    "element",
]


class Command(BaseCommand):
    help = (
        "Export a case's matrix for one crime (each element with its code, status and counts) as "
        "JSON or CSV; --list-crimes lists the crime codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("case_slug", nargs="?")
        parser.add_argument("--crime", help="crime code, e.g. RS-6-a (see --list-crimes)")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--list-crimes", action="store_true")

    def handle(self, *args, case_slug, crime, format, list_crimes, **options):
        if list_crimes:
            for item in Crime.objects.select_related("provision__instrument"):
                self.stdout.write(f"{item.code}\t{item.get_category_display()}\t{item.name}")
            return
        if not case_slug or not crime:
            raise CommandError(_("give a case and --crime CODE, or --list-crimes"))
        case = case_named(case_slug)
        chosen = Crime.objects.filter(code=crime).first()
        if chosen is None:
            raise CommandError(
                _("unknown crime code '%(code)s'; see vigil matrix --list-crimes") % {"code": crime}
            )
        rows = [_with_address(case, row) for row in matrix.crime_matrix(case, chosen)]
        if format == "csv":
            writer = csv_safe.DictWriter(self.stdout, fieldnames=CSV_FIELDS)
            writer.writeheader()
            writer.writerows(rows)
        else:
            payload = {
                "case": case.slug,
                "crime": chosen.code,
                "name": chosen.name,
                "rule": matrix.rule(),
                "elements": rows,
            }
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))


def _with_address(case, row) -> dict:
    """The row with its element's id and the address of the element's evidence in this case."""
    element = row.element
    page = reverse("law:element", args=[case.slug, element.crime.code, element.number])
    return {"id": element.pk, "url": absolute(page), **row.as_dict()}
