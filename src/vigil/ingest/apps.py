from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "vigil.ingest"
    verbose_name = _("Ingestion")

    def ready(self):
        from vigil.evidence.ocr_jobs import scan_read
        from vigil.evidence.working_copies import text_version_made
        from vigil.tallying import kept

        from . import verdict_tallies
        from .pipeline import extract_after_ocr, extract_again

        scan_read.connect(extract_after_ocr, dispatch_uid="vigil_extract_after_ocr")
        text_version_made.connect(extract_again, dispatch_uid="vigil_extract_again")
        # The rules' verdict counts: their triggers stand aside while SQLite remakes tables.
        kept.keep_in_step_while_migrating(
            self, verdict_tallies.VERDICT_TALLY, verdict_tallies.MIGRATION
        )
