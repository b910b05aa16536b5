from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vigil.audit.log import AuditedModel


class Instrument(models.Model):
    """A treaty, statute or declaration: the Genocide Convention, the Rome Statute, the UDHR."""

    code = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=100)
    adopted_on = models.DateField(null=True, blank=True)
    reference = models.CharField(_("official reference"), max_length=300, blank=True)
    url = models.URLField(_("official text"), blank=True)

    class Meta:
        ordering = ["adopted_on", "code"]

    def __str__(self):
        return self.short_title


class Provision(models.Model):
    """An article or paragraph of an instrument, paraphrased."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="provisions")
    code = models.CharField(max_length=40, unique=True)
    article = models.CharField(max_length=40)
    paraphrase = models.TextField()
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["instrument", "order"]

    def __str__(self):
        return f"{self.instrument.short_title} {self.article}"


class Crime(models.Model):
    """A crime in international law that evidence can be mapped to, element by element."""

    class Category(models.TextChoices):
        GENOCIDE = "genocide", _("genocide")
        CRIME_AGAINST_HUMANITY = "crime_against_humanity", _("crime against humanity")
        WAR_CRIME = "war_crime", _("war crime")

    code = models.CharField(max_length=40, unique=True)
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="crimes")
    category = models.CharField(max_length=30, choices=Category.choices)
    name = models.CharField(max_length=200)
    elements_reference = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.name} ({self.provision})"


class Element(models.Model):
    """One thing that must be shown for a crime: an act, a circumstance, an intent, a context."""

    class Kind(models.TextChoices):
        CONTEXTUAL = "contextual", _("contextual")
        INTENT = "intent", _("intent or knowledge")
        CONDUCT = "conduct", _("conduct")
        CONSEQUENCE = "consequence", _("consequence")
        CIRCUMSTANCE = "circumstance", _("circumstance")

    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="elements")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=15, choices=Kind.choices)
    text = models.TextField()

    class Meta:
        ordering = ["crime__order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["crime", "number"], name="one_element_per_number")
        ]

    def __str__(self):
        return f"{self.code}: {self.text}"

    @property
    def code(self) -> str:
        return f"{self.crime.code}/{self.number}"

    @property
    def reference(self) -> str:
        return f"{self.crime.elements_reference}, element {self.number}"

    @property
    def asked_first(self) -> bool:
        """Contextual and intent elements are the hardest questions; gap lists lead with them."""
        return self.kind in (self.Kind.CONTEXTUAL, self.Kind.INTENT)


class ElementLink(AuditedModel):
    """A researcher's judgment that a claim supports or contradicts an element of a crime."""

    class Bearing(models.TextChoices):
        SUPPORTS = "supports", _("supports")
        CONTRADICTS = "contradicts", _("contradicts")

    class Strength(models.TextChoices):
        WEAK = "weak", _("weak")
        MODERATE = "moderate", _("moderate")
        STRONG = "strong", _("strong")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="element_links")
    claim = models.ForeignKey(
        "evidence.Claim", on_delete=models.CASCADE, related_name="element_links"
    )
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="links")
    bearing = models.CharField(_("bearing"), max_length=12, choices=Bearing.choices)
    strength = models.CharField(_("strength"), max_length=10, choices=Strength.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("claim–element link")
        # An element's evidence, one bearing at a time (the matrix cell opened).
        indexes = [
            models.Index(fields=["case", "element", "bearing"], name="law_link_case_element")
        ]
        constraints = [
            models.UniqueConstraint(fields=["claim", "element"], name="one_link_per_claim_element")
        ]

    def __str__(self):
        return f"{self.claim} {self.bearing} {self.element.code}"

    def clean(self):
        if self.claim_id and self.case_id and self.claim.case_id != self.case_id:
            raise ValidationError(_("This claim belongs to another case."))


class ConsideredCrime(AuditedModel):
    """A crime a campaign has chosen to argue for a case; the gap list covers these."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="considered_crimes"
    )
    crime = models.ForeignKey(Crime, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "crime"], name="one_consideration_per_crime")
        ]

    def __str__(self):
        return f"{self.case} — {self.crime}"


class ElementTally(models.Model):
    """How many links of a case to an element share a bearing, their claim's review status and
    their source's grade, voice (standing and side) and access level: the matrix's counts, kept
    in step with the links, claims and sources by database triggers (vigil/law/tallies.py), so
    a matrix reads a row per kind of link instead of every link of the case. Derived data: never
    written through the ORM, left out of backups, rebuilt by `vigil tallies --rebuild`."""

    # No database constraints: a trigger may still count down a link whose case is being
    # deleted in the same transaction; rows left at zero are harmless and a rebuild drops them.
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    element = models.ForeignKey(
        Element, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    bearing = models.CharField(max_length=12)
    review_status = models.CharField(max_length=10)
    grade = models.CharField(max_length=1)
    standing = models.CharField(max_length=12)
    side = models.CharField(max_length=100)
    access_level = models.CharField(max_length=12)
    links = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "case",
                    "element",
                    "bearing",
                    "review_status",
                    "grade",
                    "standing",
                    "side",
                    "access_level",
                ],
                name="one_tally_per_kind_of_link",
            )
        ]

    def __str__(self):
        return f"{self.links} {self.bearing} {self.element_id} ({self.review_status})"
