"""Materials (fact sheets, presentations, kits) and their approved language versions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel


class Material(AuditedModel):
    """A fact sheet, presentation or kit in several language versions. Approval covers a version,
    not a title: the public address of a language serves its latest approved version."""

    class Kind(models.TextChoices):
        FACT_SHEET = "fact_sheet", _("fact sheet")
        PRESENTATION = "presentation", _("presentation")
        OUTREACH_KIT = "outreach_kit", _("outreach kit")
        OTHER = "other", _("other")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
        verbose_name=_("case"),
    )
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:material", args=[self.pk])

    @property
    def is_approved(self) -> bool:
        """At least one version is approved (only approved versions are ever public)."""
        return any(version.is_approved for version in self.versions.all())

    @property
    def has_pending(self) -> bool:
        return any(not version.is_approved for version in self.versions.all())

    def clean(self):
        if self.is_public and not (self.pk and self.is_approved):
            raise ValidationError(_("A material needs an approved version before it is public."))


class MaterialVersion(AuditedModel):
    """One uploaded file of a material in one language. A new upload is a new version, pending
    until someone allowed to approve the material approves it."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=12)
    archived_file = models.ForeignKey("evidence.ArchivedFile", on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["language", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.material} ({self.language}, #{self.pk})"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None
