from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel
from vigil.countries import country_name
from vigil.evidence.models import Publishable
from vigil.partial_dates import Precision, format_partial, iso_partial


class Actor(AuditedModel):
    """A body that can recognise an event: a state, a parliament or chamber, a subnational
    legislature, an international organisation, a court, a municipality."""

    class Kind(models.TextChoices):
        STATE = "state", _("state")
        GOVERNMENT = "government", _("government")
        PARLIAMENT = "parliament", _("national parliament")
        CHAMBER = "chamber", _("parliamentary chamber")
        COMMITTEE = "committee", _("parliamentary committee")
        SUBNATIONAL = "subnational", _("subnational legislature")
        SUBNATIONAL_GOVERNMENT = "subnational_government", _("subnational government")
        MUNICIPALITY = "municipality", _("municipality")
        ORGANISATION = "organisation", _("international or regional organisation")
        ORGANISATION_BODY = "organisation_body", _("body of an organisation")
        COURT = "court", _("court")
        OTHER = "other", _("other")

    # Bodies whose acts speak for their state on the map; the others are listed beside it.
    NATIONAL_KINDS = frozenset(
        {"state", "government", "parliament", "chamber", "committee", "court"}
    )
    SUBNATIONAL_KINDS = frozenset({"subnational", "subnational_government", "municipality"})

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country_code = models.CharField(
        _("country (ISO 3166-1 alpha-3)"), max_length=3, blank=True, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("part of"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.UniqueConstraint(
                fields=["country_code"],
                condition=models.Q(kind="state"),
                name="one_state_per_country",
            ),
            models.UniqueConstraint(
                fields=["name", "country_code"], name="unique_actor_name_in_country"
            ),
        ]

    def audit_installed(self) -> bool:
        # The states are installed from ISO 3166-1 at every migrate, without an audit entry.
        return self.kind == self.Kind.STATE

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind == self.Kind.STATE:
            return country_name(self.country_code) or self.name
        return self.name

    @property
    def scope(self) -> str:
        if self.country_code and self.kind in self.NATIONAL_KINDS:
            return "national"
        if self.country_code and self.kind in self.SUBNATIONAL_KINDS:
            return "subnational"
        return "international"


class Characterisation(models.TextChoices):
    """The word an act uses, strongest first: the map shows each state's strongest."""

    GENOCIDE = "genocide", _("genocide")
    CRIME_AGAINST_HUMANITY = "crime_against_humanity", _("crime against humanity")
    WAR_CRIME = "war_crime", _("war crime")
    MASSACRE = "massacre", _("massacre")
    TRAGEDY = "tragedy", _("tragedy")
    OTHER = "other", _("other")


CHARACTERISATION_RANK = {value: rank for rank, value in enumerate(Characterisation.values)}


class RecognitionAct(Publishable, AuditedModel):
    """A resolution, law, declaration, statement, judgment or motion about the case."""

    class Instrument(models.TextChoices):
        LAW = "law", _("law")
        RESOLUTION = "resolution", _("resolution")
        DECLARATION = "declaration", _("declaration")
        STATEMENT = "statement", _("statement")
        JUDGMENT = "judgment", _("judgment")
        MOTION = "motion", _("motion")

    class Status(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        TABLED = "tabled", _("tabled")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Review(models.TextChoices):
        VERIFIED = "verified", _("verified")
        UNVERIFIED = "unverified", _("unverified")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="recognition_acts"
    )
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="acts")
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    instrument = models.CharField(_("instrument"), max_length=12, choices=Instrument.choices)
    characterisation = models.CharField(
        _("characterisation"), max_length=30, choices=Characterisation.choices
    )
    wording = models.TextField(_("exact wording"), help_text=_("The words of the act, quoted."))
    original_language = models.CharField(
        _("language of the wording"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the act is quoted in; translations into others are kept apart."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    review = models.CharField(
        _("checked"),
        max_length=10,
        choices=Review.choices,
        default=Review.UNVERIFIED,
        help_text=_("Verified once someone has read the act in a primary copy."),
    )
    sources = models.ManyToManyField("evidence.Source", blank=True, related_name="recognition_acts")
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    import_key = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("recognition act")
        verbose_name_plural = _("recognition acts")

    def __str__(self):
        when = self.date_display or _("date unknown")
        return f"{self.actor}: {self.get_characterisation_display()} ({when})"

    def get_absolute_url(self):
        return reverse("recognition:act", args=[self.case.slug, self.pk])

    @property
    def date_display(self) -> str:
        return format_partial(self.date, self.date_precision)

    @property
    def date_iso(self) -> str:
        return iso_partial(self.date, self.date_precision)


class RecognitionActTranslation(AuditedModel):
    """An act's wording translated into another of Vigil's languages. The quoted original stays
    the act's record; a translation changes no evidence, and translators may be given the right
    to make one (the permission "Can translate a recognition act's wording") without any other."""

    act = models.ForeignKey(RecognitionAct, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    wording = models.TextField(_("wording"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["act", "language"]
        verbose_name = _("translation of a recognition act")
        constraints = [
            models.UniqueConstraint(
                fields=["act", "language"], name="one_act_translation_a_language"
            )
        ]
        permissions = [("translate_act", _("Can translate a recognition act's wording"))]

    def __str__(self):
        return f"{self.act} ({self.language})"


class Target(AuditedModel):
    """An actor not yet won for a case, and where the campaign stands with it."""

    class Stage(models.TextChoices):
        NOT_ENGAGED = "not_engaged", _("not engaged")
        CONTACTED = "contacted", _("contacted")
        BRIEFED = "briefed", _("briefed")
        SPONSOR_FOUND = "sponsor_found", _("sponsor found")
        MOTION_DRAFTED = "motion_drafted", _("motion drafted")
        TABLED = "tabled", _("tabled")
        ADOPTED = "adopted", _("adopted")
        DECLINED = "declined", _("declined")

    OPEN_STAGES = frozenset(Stage.values) - {"adopted", "declined"}

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="targets")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="targets")
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.NOT_ENGAGED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
        verbose_name=_("owner"),
    )
    chapter = models.ForeignKey(
        "campaigns.Chapter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
        verbose_name=_("owning chapter"),
    )
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("target")
        constraints = [
            models.UniqueConstraint(fields=["case", "actor"], name="one_target_per_actor")
        ]

    def __str__(self):
        return f"{self.actor} ({self.get_stage_display()})"

    def get_absolute_url(self):
        return reverse("recognition:target", args=[self.case.slug, self.pk])

    # The way to adoption, stage by stage; "declined" can be reached from any of them.
    PATH = [stage for stage in Stage.values if stage != "declined"]

    @property
    def next_stage(self) -> str | None:
        """The stage after this one on the way to adoption; None once adopted or declined."""
        if self.stage not in self.PATH or self.stage == self.Stage.ADOPTED:
            return None
        return self.PATH[self.PATH.index(self.stage) + 1]

    @property
    def previous_stage(self) -> str | None:
        """The stage to move back to: the one before on the way to adoption, or, for a declined
        target, the stage it was declined from (its history says which; prefetch `history` for
        a list of targets). None at the first stage."""
        if self.stage == self.Stage.DECLINED:
            changes = list(self.history.all())
            declined_from = changes[-1].from_stage if changes else ""
            return declined_from if declined_from in self.PATH else self.Stage.NOT_ENGAGED
        index = self.PATH.index(self.stage)
        return self.PATH[index - 1] if index else None

    def is_overdue(self, today) -> bool:
        return bool(self.due_date and self.due_date < today and self.stage in self.OPEN_STAGES)


class StageChange(AuditedModel):
    """One move of a target from a stage to another: the pipeline's history."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(max_length=20, choices=Target.Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Target.Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.target.actor}: {self.from_stage or '—'} → {self.to_stage}"

    @property
    def is_backward(self) -> bool:
        """A move back along the way to adoption, or the reopening of a declined target."""
        if self.from_stage == Target.Stage.DECLINED:
            return True
        path = Target.PATH
        return (
            self.from_stage in path
            and self.to_stage in path
            and (path.index(self.to_stage) < path.index(self.from_stage))
        )
