import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a known time zone (write it like Europe/Berlin).") % {"zone": value}
        )


def validate_country(value: str) -> None:
    from vigil.recognition.actors import is_country_code

    if value and not is_country_code(value):
        raise ValidationError(_("%(code)s is not an ISO 3166-1 alpha-3 code.") % {"code": value})


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


class Task(AuditedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DOING = "doing", _("in progress")
        DONE = "done", _("done")

    title = models.CharField(_("title"), max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("assignee"),
    )
    chapter = models.ForeignKey(
        Chapter,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("chapter"),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("event"),
    )
    target = models.ForeignKey(
        "recognition.Target",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("target"),
    )
    material = models.ForeignKey(
        Material,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
        verbose_name=_("material"),
    )

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title
