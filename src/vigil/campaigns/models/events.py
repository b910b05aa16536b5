"""Events, their translations and photos, replies to them (RSVPs) and the counters that
throttle public replies."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.campaigns.models.chapters import Chapter
from vigil.campaigns.models.validators import validate_country, validate_time_zone


class Event(AuditedModel):
    class Kind(models.TextChoices):
        COMMEMORATION = "commemoration", _("commemoration")
        SEMINAR = "seminar", _("seminar")
        EXHIBITION = "exhibition", _("exhibition")
        SCREENING = "screening", _("screening")
        CONFERENCE = "conference", _("conference")
        VIGIL = "vigil", _("vigil")
        ONLINE = "online", _("online")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    chapter = models.ForeignKey(
        Chapter, on_delete=models.PROTECT, related_name="events", verbose_name=_("chapter")
    )
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("case"),
    )
    description = models.TextField(_("description"), blank=True)
    original_language = models.CharField(
        _("language of the title and description"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country_code = models.CharField(
        _("country (alpha-3)"), max_length=3, blank=True, validators=[validate_country]
    )
    online_url = models.URLField(_("online link"), blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    is_public = models.BooleanField(_("public"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    officials_present = models.TextField(_("officials present"), blank=True)
    press_links = models.TextField(_("press coverage"), blank=True, help_text=_("One link a line."))
    outcome_notes = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:event", args=[self.pk])

    def get_public_url(self):
        return reverse("public_event", args=[self.pk])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.kind == self.Kind.ONLINE and not self.online_url:
            raise ValidationError({"online_url": _("An online event needs its link.")})
        if not self.city and self.chapter_id:
            self.city = self.chapter.city
        if not self.country_code and self.chapter_id:
            self.country_code = self.chapter.country_code

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def press_link_list(self) -> list[str]:
        return [line.strip() for line in self.press_links.splitlines() if line.strip()]


class EventTranslation(AuditedModel):
    """An event's title and description in another of Vigil's languages, for its public page."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["event", "language"]
        verbose_name = _("translation of an event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"], name="one_event_translation_a_language"
            )
        ]
        permissions = [("translate_event", _("Can translate an event's title and description"))]

    def __str__(self):
        return f"{self.event} ({self.language})"


class EventPhoto(AuditedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    archived_file = models.ForeignKey("evidence.ArchivedFile", on_delete=models.PROTECT)
    caption = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return f"{self.event}: {self.caption or self.archived_file.original_name}"


class RSVP(AuditedModel):
    """A reply to a public event. It counts once its e-mail link is confirmed: until then it holds
    a place (or a turn on the waiting list) until `expires_at` (see campaigns.rsvps)."""

    audit_private_fields = frozenset({"name", "email"})

    def audit_repr(self) -> str:
        return f"reply #{self.pk}"

    class Status(models.TextChoices):
        HELD = "held", _("place held, not yet confirmed")
        UNCONFIRMED = "unconfirmed", _("waiting list, not yet confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("expired unconfirmed")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    consent_statement = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The SHA-256 of the e-mailed confirmation token; the token itself is never stored.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    # The language the guest replied in: every later e-mail to them is written in it.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        # A member's replies are found by e-mail (export, erasure) across every event.
        indexes = [models.Index(fields=["email"], name="campaigns_rsvp_email")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status__in=["cancelled", "expired"]),
                name="one_live_rsvp_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event} ({self.status})"


class ReplyCounter(models.Model):
    """Public replies from one client address in one hour, per event and overall. The address is
    kept only as a keyed hash (campaigns.throttle), and counters older than a day are deleted."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_counter_per_window")
        ]

    def __str__(self):
        return f"{self.key[:8]}… {self.window_start:%Y-%m-%d %H:00}: {self.count}"
