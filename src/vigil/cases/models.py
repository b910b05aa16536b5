from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.countries import country_name


class Case(AuditedModel):
    """The event a campaign is about."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country_code = models.CharField(
        _("country (ISO 3166-1 alpha-3)"),
        max_length=3,
        blank=True,
        help_text=_("Where the events took place, e.g. AZE, BIH, RWA."),
    )
    summary = models.TextField(_("summary"), blank=True)
    original_language = models.CharField(
        _("language of the title and summary"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language they were written in; translations into others are kept apart."),
    )
    is_public = models.BooleanField(
        _("public site"),
        default=False,
        help_text=_("Publish a read-only page with public sources and verified facts only."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.slug])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.country_code:
            import pycountry

            self.country_code = self.country_code.upper()
            if pycountry.countries.get(alpha_3=self.country_code) is None:
                raise ValidationError(
                    {
                        "country_code": _("%(code)s is not an ISO 3166-1 alpha-3 country code.")
                        % {"code": self.country_code}
                    }
                )

    @property
    def country_name(self) -> str:
        return country_name(self.country_code)


class CaseTranslation(AuditedModel):
    """A case's title and summary translated into another of Vigil's languages. A translation
    changes no evidence: translators may be given the right to make one (the permission
    "Can translate a case's title and summary") without any other."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["case", "language"]
        verbose_name = _("translation of a case")
        constraints = [
            models.UniqueConstraint(fields=["case", "language"], name="one_translation_a_language")
        ]
        permissions = [("translate_case", _("Can translate a case's title and summary"))]

    def __str__(self):
        return f"{self.case} ({self.language})"


class CaseMembership(AuditedModel):
    """A person's role in one case. Researchers work on it; viewers read it."""

    class Role(models.TextChoices):
        RESEARCHER = "researcher", _("researcher")
        VIEWER = "viewer", _("viewer")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("case")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="one_role_per_case_and_user")
        ]
        verbose_name = _("case membership")

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.case}"
