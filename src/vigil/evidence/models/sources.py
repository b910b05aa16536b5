"""The documents a case rests on: the archived bytes, the source record with its reliability
grade, and the working copies of its text."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.partial_dates import Precision, format_partial, iso_partial


class ArchivedFile(models.Model):
    """Bytes kept unaltered in the archive, named by their SHA-256. Never changed once written."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=100)
    original_name = models.CharField(max_length=255, blank=True)
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("archived file")
        verbose_name_plural = _("archived files")

    def __str__(self):
        return f"{self.sha256[:12]}… {self.original_name}"


class ReliabilityGrade(models.TextChoices):
    """The Admiralty scale's source reliability."""

    A = "A", _("A — completely reliable")
    B = "B", _("B — usually reliable")
    C = "C", _("C — fairly reliable")
    D = "D", _("D — not usually reliable")
    E = "E", _("E — unreliable")
    F = "F", _("F — reliability cannot be judged")


class Publishable(models.Model):
    """A record that reaches the public site, open data, feed and dossier only once a researcher
    publishes it (vigil.dossier.publishing), never merely because it was verified."""

    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Source(Publishable, AuditedModel):
    """A document the case rests on: a report, a judgment, a resolution, testimony, press."""

    class Kind(models.TextChoices):
        REPORT = "report", _("report")
        JUDGMENT = "judgment", _("judgment")
        RESOLUTION = "resolution", _("resolution")
        TESTIMONY = "testimony", _("testimony")
        PRESS = "press", _("press article")
        ADVOCACY = "advocacy", _("advocacy")
        OFFICIAL = "official", _("official statement")
        OTHER = "other", _("other")

    class Standing(models.TextChoices):
        """Who speaks: used to tell which sources are independent of each other."""

        PARTY = "party", _("party to the conflict")
        ADVOCACY = "advocacy", _("advocacy")
        NGO = "ngo", _("independent NGO")
        COURT = "court", _("court")
        INTERGOVERNMENTAL = "igo", _("intergovernmental body")
        SECONDARY = "secondary", _("secondary summary")
        PRESS = "press", _("independent press")
        UNKNOWN = "unknown", _("unknown")

    class Access(models.TextChoices):
        PUBLIC = "public", _("public")
        RESTRICTED = "restricted", _("restricted")
        CONFIDENTIAL = "confidential", _("confidential")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="sources")
    archived_file = models.ForeignKey(
        ArchivedFile, on_delete=models.PROTECT, related_name="sources", null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    author = models.CharField(_("author or publisher"), max_length=300, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    language = models.CharField(_("language"), max_length=12, blank=True)
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    standing = models.CharField(
        _("standing"), max_length=12, choices=Standing.choices, default=Standing.UNKNOWN
    )
    side = models.CharField(
        _("side"),
        max_length=100,
        blank=True,
        help_text=_(
            "The party whose view the source carries, if any. Sources of the same standing "
            "and side are not counted as independent of each other."
        ),
    )
    reliability_grade = models.CharField(
        _("reliability"), max_length=1, choices=ReliabilityGrade.choices, default=ReliabilityGrade.F
    )
    reliability_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reliability_reason = models.TextField(_("why this grade"), blank=True)
    access_level = models.CharField(
        _("access"), max_length=12, choices=Access.choices, default=Access.RESTRICTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    import_key = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "Identifier in the data set it was imported from, so a re-import adds nothing twice."
        ),
    )

    audit_summarised_fields = frozenset({"text"})

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        # An imported act names its sources by title or address, looked up within the case.
        indexes = [
            models.Index(fields=["case", "title"], name="evidence_source_case_title"),
            models.Index(fields=["case", "url"], name="evidence_source_case_url"),
            # The public site and the dossier start from the published sources, the publish
            # screen from the unpublished ones: partial indexes, so that no query that says
            # nothing of publication is led through them (see migration 0015).
            models.Index(
                fields=["case", "access_level"],
                condition=models.Q(published_at__isnull=False),
                name="evidence_source_published",
            ),
            models.Index(
                fields=["case", "access_level"],
                condition=models.Q(published_at__isnull=True),
                name="evidence_source_unpublished",
            ),
            # The ingestion page lists the newest sources with candidates to review first.
            models.Index(fields=["case", "created_at"], name="evidence_source_case_created"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "archived_file"], name="one_source_per_file_per_case"
            ),
            models.UniqueConstraint(
                fields=["case", "import_key"],
                condition=~models.Q(import_key=""),
                name="one_source_per_import_key",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("evidence:source", args=[self.case.slug, self.pk])

    @property
    def published(self) -> str:
        return format_partial(self.published_on, self.published_precision)

    @property
    def published_iso(self) -> str:
        return iso_partial(self.published_on, self.published_precision)

    @property
    def independence_key(self) -> tuple[str, str]:
        """Sources sharing this key speak for the same standing and side: one voice, not two."""
        return (self.standing, self.side.strip().casefold())


class WorkingCopy(AuditedModel):
    """One version of something derived from a source's original bytes (its extracted text, the
    text layer OCR read, later a redacted copy or a translation), with how it was made.

    The original stays untouched in the archive; a working copy is never changed once made:
    editing it makes the next version, and every earlier one stays readable. A source's `text`
    holds its newest text version, which search and extraction read.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("text")

    class Method(models.TextChoices):
        EXTRACTED = "extracted", _("read from the file")
        OCR = "ocr", _("read by OCR")
        EDITED = "edited", _("edited by hand")
        EARLIER = "earlier", _("made before working copies")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="working_copies")
    original = models.ForeignKey(
        ArchivedFile, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TEXT)
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    method = models.CharField(_("how it was made"), max_length=12, choices=Method.choices)
    tool = models.CharField(_("tool"), max_length=200)
    tool_settings = models.JSONField(_("settings"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now)

    audit_summarised_fields = frozenset({"text"})

    class Meta:
        ordering = ["source", "kind", "-version"]
        verbose_name = _("working copy")
        verbose_name_plural = _("working copies")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "version"], name="one_working_copy_per_version"
            )
        ]

    def __str__(self):
        return f"{self.source_id} {self.kind} v{self.version}"

    def get_absolute_url(self):
        return reverse(
            "evidence:source_version", args=[self.source.case.slug, self.source_id, self.version]
        )
