from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """A single-use, expiring invitation by email to join Vigil with one role.

    Only the SHA-256 of the token is kept: the link in the email is the only copy of the token.
    """

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        RESEARCHER = "researcher", _("researcher of a case")
        VIEWER = "viewer", _("viewer of a case")
        COORDINATOR = "coordinator", _("coordinator of a chapter")
        VOLUNTEER = "volunteer", _("volunteer of a chapter")

    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("case")
    )
    chapter = models.ForeignKey(
        "campaigns.Chapter",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("chapter"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")

    def __str__(self):
        return f"{self.get_role_display()} – {self.case or self.chapter or 'Vigil'}"


class LanguagePreference(models.Model):
    """The language a person chose for Vigil's interface: applied when they sign in, on any
    device, and changed by the language switch on every page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="language_preference"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("language preference")

    def __str__(self):
        return f"{self.user} – {self.language}"
