from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.formats import figure_range
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


class CredibilityGrade(models.IntegerChoices):
    """The Admiralty scale's information credibility."""

    CONFIRMED = 1, _("1 — confirmed by other sources")
    PROBABLY_TRUE = 2, _("2 — probably true")
    POSSIBLY_TRUE = 3, _("3 — possibly true")
    DOUBTFUL = 4, _("4 — doubtful")
    IMPROBABLE = 5, _("5 — improbable")
    CANNOT_JUDGE = 6, _("6 — truth cannot be judged")


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


class Claim(Publishable, AuditedModel):
    """One statement a source makes, with where in the source it is made."""

    class Type(models.TextChoices):
        FIGURE = "figure", _("casualty figure")
        EVENT = "event", _("dated event")
        ACT = "act", _("act")
        ACTOR = "actor", _("actor")
        OTHER = "other", _("other")

    class Review(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        VERIFIED = "verified", _("verified")
        DISPUTED = "disputed", _("disputed")
        REJECTED = "rejected", _("rejected")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="claims")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="claims")
    statement = models.TextField(_("statement"))
    claim_type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    locator = models.CharField(
        _("locator"),
        max_length=1000,
        help_text=_("Page, paragraph or the quoted passage where the source says this."),
    )
    credibility = models.PositiveSmallIntegerField(
        _("credibility"),
        choices=CredibilityGrade.choices,
        default=CredibilityGrade.CANNOT_JUDGE,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    review_status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    occurred_on = models.DateField(_("date of the event"), null=True, blank=True)
    occurred_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    occurred_until = models.DateField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    import_key = models.CharField(max_length=200, blank=True, editable=False)
    # The text version the locator was taken from. Empty for claims recorded before working
    # copies existed: the text then was what became version 1 (see `quoted_version`).
    text_version = models.ForeignKey(
        WorkingCopy, null=True, blank=True, on_delete=models.RESTRICT, related_name="claims"
    )

    class Meta:
        ordering = ["occurred_on", "pk"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        indexes = [
            models.Index(fields=["case", "review_status"]),
            # The case's timeline: its dated events in order, counted from the index alone.
            models.Index(
                fields=["case", "claim_type", "occurred_on", "review_status"],
                name="evidence_claim_timeline",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "import_key"],
                condition=~models.Q(import_key=""),
                name="one_claim_per_import_key",
            ),
        ]

    def __str__(self):
        return self.statement[:120]

    def get_absolute_url(self):
        return reverse("evidence:claim", args=[self.case.slug, self.pk])

    def clean(self):
        if self.source_id is None:
            raise ValidationError(_("A claim must come from a source."))
        if self.case_id is None:
            self.case_id = self.source.case_id
        if self.case_id != self.source.case_id:
            raise ValidationError(_("A claim belongs to the case of its source."))
        if self.occurred_until and self.occurred_on and self.occurred_until < self.occurred_on:
            raise ValidationError({"occurred_until": _("The end cannot be before the start.")})
        if self.claim_type == self.Type.EVENT and self.occurred_on is None:
            raise ValidationError({"occurred_on": _("A dated event needs its date.")})

    @property
    def quoted_version(self) -> int:
        """The number of the text version this claim's locator quotes."""
        return self.text_version.version if self.text_version_id else 1

    @property
    def is_self_verified(self) -> bool:
        """Verified by the person who recorded it (allowed only with VIGIL_REVIEWERS=1)."""
        return (
            self.review_status == self.Review.VERIFIED
            and self.created_by_id is not None
            and self.reviewed_by_id == self.created_by_id
        )

    @property
    def occurred(self) -> str:
        start = format_partial(self.occurred_on, self.occurred_precision)
        if self.occurred_until and self.occurred_until != self.occurred_on:
            return f"{start} – {format_partial(self.occurred_until, self.occurred_precision)}"
        return start


class ClaimReview(AuditedModel):
    """One researcher's word on a claim: its review history, disagreement included."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=150)
    decision = models.CharField(_("decision"), max_length=10, choices=Claim.Review.choices)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("claim review")
        verbose_name_plural = _("claim reviews")

    def __str__(self):
        return f"{self.reviewer_name}: {self.get_decision_display()}"


class Figure(AuditedModel):
    """The number a casualty-figure claim states: a value, or a range open at either end."""

    class Category(models.TextChoices):
        KILLED = "killed", _("killed")
        WOUNDED = "wounded", _("wounded")
        MISSING = "missing", _("missing")
        HOSTAGE = "hostage", _("hostage")
        DISPLACED = "displaced", _("displaced")
        OTHER = "other", _("other")

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="figure")
    # The claim's case, kept here (a claim never changes case) so that the figures table of a
    # case reads one index in its own order instead of joining every claim of the case.
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="figures", editable=False
    )
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    low = models.PositiveIntegerField(_("low"), null=True, blank=True)
    high = models.PositiveIntegerField(_("high"), null=True, blank=True)
    population = models.CharField(
        _("who is counted"),
        max_length=300,
        blank=True,
        help_text=_("What population the figure counts, as the source puts it."),
    )

    class Meta:
        verbose_name = _("casualty figure")
        verbose_name_plural = _("casualty figures")
        indexes = [
            # The figures table: a case's figures per category, lowest first.
            models.Index(fields=["case", "category", "low", "high"], name="evidence_figure_table"),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.display}"

    def save(self, *args, **kwargs):
        if self.case_id is None:
            self.case_id = self.claim.case_id
        super().save(*args, **kwargs)

    def clean(self):
        if self.low is None and self.high is None:
            raise ValidationError(_("Give a value, or at least one end of a range."))
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValidationError(
                {
                    "high": _("The low end (%(low)s) is above the high end (%(high)s).")
                    % {"low": self.low, "high": self.high}
                }
            )

    @property
    def is_exact(self) -> bool:
        return self.low is not None and self.low == self.high

    @property
    def display(self) -> str:
        """The figure as its source gives it, thousands grouped: "1,275", "≥ 161", "161–613"."""
        return figure_range(self.low, self.high)

    @property
    def central_value(self) -> float:
        """The value a median uses: the exact value, a range's midpoint, an open range's bound."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return float(self.low if self.low is not None else self.high)


class TimestampToken(models.Model):
    """An RFC 3161 token: a time-stamping authority's signed word that the Merkle root of these
    hashes (archived files' SHA-256 and, first, a checkpointed audit chain head) existed then."""

    merkle_root = models.CharField(max_length=64, unique=True)
    leaves = models.JSONField(help_text=_("The hashes under the root, in order."))
    chain_seq = models.PositiveBigIntegerField(null=True, blank=True)
    response = models.BinaryField(help_text=_("The authority's whole DER-encoded response."))
    tsa_name = models.CharField(_("time-stamping authority"), max_length=300)
    tsa_url = models.CharField(max_length=500)
    gen_time = models.DateTimeField(_("timestamped at"))

    class Meta:
        ordering = ["gen_time"]
        verbose_name = _("trusted timestamp")
        verbose_name_plural = _("trusted timestamps")

    def __str__(self):
        return f"{self.tsa_name} {self.gen_time.isoformat()}"


class FileTimestamp(models.Model):
    """Which token covers an archived file's SHA-256; a file without one awaits a timestamp."""

    archived_file = models.OneToOneField(
        ArchivedFile, on_delete=models.CASCADE, related_name="trusted_timestamp"
    )
    token = models.ForeignKey(TimestampToken, on_delete=models.PROTECT, related_name="files")

    class Meta:
        verbose_name = _("file timestamp")

    def __str__(self):
        return f"{self.archived_file_id} → {self.token_id}"


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
