"""OCR runs: a scanned source's text read by a background worker."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models.sources import Source


class OcrRun(models.Model):
    """OCR of a scanned source, run by a background worker: its progress, page by page, and
    why it failed. The original stays archived whatever happens; the text OCR reads becomes
    the source's next text working copy."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="ocr_runs")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    languages = models.CharField(_("languages"), max_length=100)
    pages_total = models.PositiveIntegerField(default=0)
    pages_done = models.PositiveIntegerField(default=0)
    failure = models.TextField(_("why it failed"), blank=True)
    # Set by ingestion: once the text is read, its candidates are extracted as for any text.
    extract_candidates = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("OCR run")
        verbose_name_plural = _("OCR runs")

    def __str__(self):
        return f"OCR of source {self.source_id} ({self.status})"

    @property
    def progress(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.pages_done / self.pages_total) if self.pages_total else 0
