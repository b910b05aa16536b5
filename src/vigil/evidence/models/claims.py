"""What a source says: claims with their credibility and review history, and the casualty
figures some of them state."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.evidence.models.sources import Publishable, Source, WorkingCopy
from vigil.formats import figure_range
from vigil.partial_dates import Precision, format_partial


class CredibilityGrade(models.IntegerChoices):
    """The Admiralty scale's information credibility."""

    CONFIRMED = 1, _("1 — confirmed by other sources")
    PROBABLY_TRUE = 2, _("2 — probably true")
    POSSIBLY_TRUE = 3, _("3 — possibly true")
    DOUBTFUL = 4, _("4 — doubtful")
    IMPROBABLE = 5, _("5 — improbable")
    CANNOT_JUDGE = 6, _("6 — truth cannot be judged")


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
            # The publish screen: the verified claims of public sources not yet published.
            models.Index(
                fields=["case", "review_status", "source"],
                condition=models.Q(published_at__isnull=True),
                name="evidence_claim_unpublished",
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
