from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel

# The stages a build passes through, as the builder records them (vigil.dossier.content and
# .builder) and as a reader sees them.
STAGE_LABELS = {
    "sources": _("sources"),
    "figures": _("figures"),
    "recognition": _("recognition"),
    "case matrix": _("case matrix"),
    "key claims": _("key claims"),
    "rendering": _("rendering"),
    "done": _("done"),
}


class DossierBuild(AuditedModel):
    """One request to build a case's dossier in the background, and how far it has got. The log
    records who asked for it and the file it produced."""

    audit_unlogged_fields = frozenset({"progress", "stage"})  # written by update() as it goes

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        HTML = "html", "HTML"

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("building")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="dossier_builds")
    format = models.CharField(max_length=4, choices=Format.choices, default=Format.PDF)
    # The language of the interface of whoever asked: the dossier's headings, dates and numbers.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=100, blank=True)
    archived_file = models.ForeignKey(
        "evidence.ArchivedFile", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def stage_label(self) -> str:
        """The stage in the reader's language; the row keeps the builder's word."""
        return str(STAGE_LABELS.get(self.stage, self.stage))

    def __str__(self):
        return f"{self.case} dossier ({self.format}, {self.status})"

    def get_absolute_url(self):
        return reverse("dossier:build", args=[self.case.slug, self.pk])

    @property
    def filename(self) -> str:
        return f"{self.case.slug}-dossier-{self.created_at:%Y-%m-%d}.{self.format}"
