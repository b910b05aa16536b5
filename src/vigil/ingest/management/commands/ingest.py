from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from vigil.audit.log import acting_as
from vigil.cases.commands import case_named
from vigil.evidence.models import OcrRun
from vigil.ingest import collect, pipeline
from vigil.ingest.models import DocumentOutcome, IngestJob


class Command(BaseCommand):
    help = (
        "Ingest documents (files, folders, zip archives) into a case: each becomes a source, and "
        "its dates, figures, legal references, countries and organisations become candidates for "
        "review. Shows a progress bar and a summary. Interrupted, it loses nothing stored; run "
        "again, it skips what is already there."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--case", required=True, dest="case_slug")

    def handle(self, *args, paths, case_slug, **options):
        case = case_named(case_slug)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(
                _("no such file or folder: %(paths)s") % {"paths": ", ".join(missing)}
            )
        total = collect.count(paths)
        job = IngestJob.objects.create(case=case, total=total)
        with (
            tqdm(total=total, unit="doc", desc="ingest", file=self.stderr._out) as bar,
            acting_as(label="vigil ingest"),
        ):

            def progress(job, outcome):
                bar.set_postfix_str(f"{outcome.outcome}: {Path(outcome.name).name}"[:60])
                bar.update(1)

            pipeline.run(job, collect.gather(paths), total=total, progress=progress)
        for line in job.report:
            if line["outcome"] == DocumentOutcome.REFUSED:
                # the reason names the file
                self.stdout.write(_("refused: %(reason)s") % {"reason": line["reason"]})
        self.stdout.write(f"{job.summary()}.")
        stored = [line for line in job.report if line["outcome"] == DocumentOutcome.STORED]
        ids = [line["source_id"] for line in stored]
        scans = OcrRun.objects.filter(source_id__in=ids, status=OcrRun.Status.QUEUED).count()
        if scans:
            self.stdout.write(
                ngettext(
                    "%(n)s scan archived and queued for OCR: a background worker (vigil serve "
                    "runs one, or vigil db_worker) reads it, then extracts its candidates.",
                    "%(n)s scans archived and queued for OCR: a background worker (vigil serve "
                    "runs one, or vigil db_worker) reads them, then extracts their candidates.",
                    scans,
                )
                % {"n": scans}
            )
