from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "vigil.ingest"
    verbose_name = _("Ingestion")

    def ready(self):
        from vigil.evidence.ocr_jobs import scan_read

        from .pipeline import extract_after_ocr

        scan_read.connect(extract_after_ocr, dispatch_uid="vigil_extract_after_ocr")
