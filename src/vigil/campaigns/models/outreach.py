"""The people a campaign talks to and what passed between them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.campaigns.models.chapters import Chapter
from vigil.campaigns.models.validators import validate_country


class Contact(AuditedModel):
    """Someone the campaign talks to: an official, a parliamentarian, a journalist, an academic."""

    audit_private_fields = frozenset({"email", "phone"})

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("official")
        PARLIAMENTARIAN = "parliamentarian", _("parliamentarian")
        JOURNALIST = "journalist", _("journalist")
        ACADEMIC = "academic", _("academic")
        NGO = "ngo", _("NGO staff")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    actor = models.ForeignKey(
        "recognition.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name=_("actor"),
    )
    chapter = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name=_("chapter"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country_code = models.CharField(
        _("country (alpha-3)"), max_length=3, blank=True, validators=[validate_country]
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        # An import asks, row by row, whether the name and organisation are already there.
        indexes = [
            models.Index(Lower("name"), Lower("organisation"), name="campaigns_contact_name_org")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:contact", args=[self.pk])


class Interaction(AuditedModel):
    class Channel(models.TextChoices):
        MEETING = "meeting", _("meeting")
        EMAIL = "email", _("email")
        PHONE = "phone", _("phone")
        LETTER = "letter", _("letter")
        EVENT = "event", _("at an event")
        OTHER = "other", _("other")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    date = models.DateField(_("date"), default=timezone.localdate)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    participants = models.CharField(_("who took part"), max_length=300, blank=True)
    summary = models.TextField(_("summary"))
    outcome = models.TextField(_("outcome"), blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.contact} {self.date}: {self.get_channel_display()}"
