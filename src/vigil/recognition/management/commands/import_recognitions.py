from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vigil.accounts.audit import acting_as
from vigil.cases.models import Case
from vigil.recognition.importer import import_recognitions


class Command(BaseCommand):
    help = (
        "Import recognition acts from a CSV file, with a report per row. A file with errors "
        "imports nothing (and exits non-zero) unless --skip-invalid is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the invalid ones",
        )

    def handle(self, *args, case_slug, file, skip_invalid, **options):
        case = Case.objects.filter(slug=case_slug).first()
        if case is None:
            raise CommandError(f"no case with the short name {case_slug!r}")
        if not file.is_file():
            raise CommandError(f"no such file: {file}")
        try:
            with (
                file.open(encoding="utf-8-sig", newline="") as stream,
                acting_as(label="vigil import-recognitions"),
            ):
                report = import_recognitions(case, stream, skip_invalid=skip_invalid)
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text; save it as CSV (UTF-8)") from None
        if report.file_error:
            raise CommandError(f"{file}: {report.file_error}")
        for row in report.rows:
            if row.errors:
                for error in row.errors:
                    self.stdout.write(f"line {row.line} ({row.actor}): {error}")
            elif row.imported:
                self.stdout.write(f"line {row.line} ({row.actor}): imported")
        self.stdout.write(
            f"{len(report.rows)} rows read, {report.imported} imported, "
            f"{len(report.invalid)} with errors."
        )
        if report.invalid and not skip_invalid:
            raise CommandError("nothing was imported: fix the errors or use --skip-invalid")
