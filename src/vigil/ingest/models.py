from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from vigil.formats import figure_range

# How the report names what happened to each document; the report itself keeps the code.
OUTCOME_LABELS = {
    "stored": _("stored"),
    "present": _("already present"),
    "refused": _("refused"),
}


class IngestJob(models.Model):
    """One run of ingestion over a set of files, with its progress and its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="ingest_jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    stored = models.PositiveIntegerField(default=0)
    already_present = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    candidates = models.PositiveIntegerField(default=0)
    report = models.JSONField(
        default=list, help_text=_("One line per document: name, outcome, reason.")
    )
    staging_dir = models.CharField(max_length=500, blank=True)
    failure = models.TextField(_("why it failed"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"ingest #{self.pk} into {self.case} ({self.status})"

    def get_absolute_url(self):
        return reverse("ingest:job", args=[self.case.slug, self.pk])

    @property
    def progress(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 0

    def summary(self) -> str:
        """What the run did, counted, in the active language: "3 files stored, 1 file already
        present, 0 files refused, 12 candidates found"."""
        stored, present, refused, found = (
            self.stored,
            self.already_present,
            self.refused,
            self.candidates,
        )
        parts = {
            "stored": ngettext("%(n)s file stored", "%(n)s files stored", stored),
            "present": ngettext(
                "%(n)s file already present", "%(n)s files already present", present
            ),
            "refused": ngettext("%(n)s file refused", "%(n)s files refused", refused),
            "candidates": ngettext("%(n)s candidate found", "%(n)s candidates found", found),
        }
        counts = {"stored": stored, "present": present, "refused": refused, "candidates": found}
        filled = {name: text % {"n": counts[name]} for name, text in parts.items()}
        # One message around the parts, so that each language punctuates the list its own way.
        return (
            pgettext(
                "the counts of an ingestion run",
                "%(stored)s, %(present)s, %(refused)s, %(candidates)s",
            )
            % filled
        )


class Candidate(models.Model):
    """A fact found in a source's text, waiting for a person to accept, edit or reject it."""

    class Kind(models.TextChoices):
        DATE = "date", _("date")
        FIGURE = "figure", _("casualty figure")
        LEGAL_REF = "legal_ref", _("legal reference")
        COUNTRY = "country", _("country")
        ORGANIZATION = "organization", _("organisation")

    class Status(models.TextChoices):
        PENDING = "pending", _("to review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    source = models.ForeignKey(
        "evidence.Source", on_delete=models.CASCADE, related_name="candidates"
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=1000)
    data = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim = models.ForeignKey(
        "evidence.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["source", "start", "kind"]
        indexes = [models.Index(fields=["source", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"

    @property
    def summary(self) -> str:
        data = self.data
        if self.kind == self.Kind.FIGURE:
            return f"{data.get('category')}: {figure_range(data.get('low'), data.get('high'))}"
        if self.kind == self.Kind.DATE:
            if data.get("year_from"):
                return _("%(date)s (year from “%(source)s”)") % {
                    "date": data.get("value", ""),
                    "source": data["year_from"],
                }
            return data.get("value", "")
        if self.kind == self.Kind.LEGAL_REF:
            return f"{data.get('instrument')}, {data.get('article')}"
        if self.kind == self.Kind.COUNTRY:
            return data.get("code", "")
        return data.get("name", "")


class GazetteerEntry(models.Model):
    """An organisation the extractor should recognise, added by users to the built-in list."""

    name = models.CharField(_("canonical name"), max_length=200, unique=True)
    aliases = models.TextField(_("other names"), blank=True, help_text=_("One a line."))

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("gazetteer entries")

    def __str__(self):
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]
