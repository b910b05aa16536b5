from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "vigil.ingest"
    verbose_name = _("Ingestion")

    def ready(self):
        from vigil.evidence.ocr_jobs import scan_read
        from vigil.evidence.working_copies import text_version_made

        from . import verdict_tallies
        from .pipeline import extract_after_ocr, extract_again

        scan_read.connect(extract_after_ocr, dispatch_uid="vigil_extract_after_ocr")
        text_version_made.connect(extract_again, dispatch_uid="vigil_extract_again")
        # The rules' verdict counts: their triggers stand aside while SQLite remakes tables.
        pre_migrate.connect(
            verdict_tallies.before_migrate, sender=self, dispatch_uid="vigil_verdict_tallies_pre"
        )
        post_migrate.connect(
            verdict_tallies.after_migrate, sender=self, dispatch_uid="vigil_verdict_tallies_post"
        )
