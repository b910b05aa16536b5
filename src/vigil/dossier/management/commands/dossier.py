from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from vigil.cases.commands import case_named
from vigil.dossier.builder import build_bytes


class Command(BaseCommand):
    help = "Build a case's dossier as PDF (or HTML with --html), showing a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
        parser.add_argument("--html", action="store_true", help="write HTML instead of PDF")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="the dossier's language (default: %(default)s)",
        )

    def handle(self, *args, case_slug, output, html, language, **options):
        case = case_named(case_slug)
        if not output.parent.exists():
            raise CommandError(_("no such folder: %(folder)s") % {"folder": output.parent})
        with tqdm(total=100, unit="%", desc="dossier", file=self.stderr._out) as bar:

            def progress(percent, stage):
                bar.set_postfix_str(stage)
                bar.update(max(0, percent - bar.n))

            data = build_bytes(case, "html" if html else "pdf", progress, language)
        output.write_bytes(data)
        self.stdout.write(
            _("Wrote %(file)s (%(size)s bytes).") % {"file": output, "size": f"{len(data):,}"}
        )
