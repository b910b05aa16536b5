"""Chapters, their translations, members and what members consented to."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.campaigns.models.validators import validate_country


class Chapter(AuditedModel):
    """A local group of volunteers, often two diaspora communities working together."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    city = models.CharField(_("city"), max_length=120)
    country_code = models.CharField(
        _("country (alpha-3)"), max_length=3, validators=[validate_country]
    )
    communities = models.CharField(_("communities it brings together"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who the chapter is and what it does.")
    )
    original_language = models.CharField(
        _("language of the description"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_chapters",
        verbose_name=_("coordinators"),
    )
    volunteers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="volunteered_chapters",
        verbose_name=_("volunteers with an account"),
        help_text=_("They see the chapter's events, tasks and materials, never personal data."),
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="chapters", verbose_name=_("cases")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("chapter")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:chapter", args=[self.pk])


class ChapterTranslation(AuditedModel):
    """A chapter's description in another of Vigil's languages."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    description = models.TextField(_("description"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["chapter", "language"]
        verbose_name = _("translation of a chapter")
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "language"], name="one_chapter_translation_a_language"
            )
        ]
        permissions = [("translate_chapter", _("Can translate a chapter's description"))]

    def __str__(self):
        return f"{self.chapter} ({self.language})"


class Member(AuditedModel):
    """A volunteer. A pseudonymous member's legal name and contact details are shown only to
    coordinators of their chapters and to administrators (see campaigns.privacy)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("name shown"),
        max_length=150,
        help_text=_("The name others see: a pseudonym for a pseudonymous member."),
    )
    is_pseudonymous = models.BooleanField(_("pseudonymous"), default=False)
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    chapters = models.ManyToManyField(
        Chapter, blank=True, related_name="members", verbose_name=_("chapters")
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Comma-separated, e.g. en, az, ur.")
    )
    skills = models.CharField(_("skills"), max_length=300, blank=True)
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    audit_private_fields = frozenset(
        {"display_name", "legal_name", "email", "phone", "skills", "availability", "languages"}
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("member")
        # An import asks, row by row, whether a member already has the e-mail in any case.
        indexes = [models.Index(Lower("email"), name="campaigns_member_email")]

    def __str__(self):
        return self.display_name

    def audit_repr(self) -> str:
        return f"member #{self.pk}"

    def get_absolute_url(self):
        return reverse("campaigns:member", args=[self.pk])


class Consent(AuditedModel):
    """What a member agreed to, for which purpose, when, and when it was withdrawn."""

    class Purpose(models.TextChoices):
        CONTACT = "contact", _("being contacted by the campaign")
        DIRECTORY = "directory", _("appearing in the chapter's member list")
        PHOTOS = "photos", _("photos taken at events")
        NEWSLETTER = "newsletter", _("the newsletter")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    statement = models.TextField(_("what they agreed to"))
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["given_at"]

    def __str__(self):
        return f"{self.get_purpose_display()} ({'withdrawn' if self.withdrawn_at else 'given'})"
