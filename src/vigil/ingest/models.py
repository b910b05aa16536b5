from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from vigil.formats import figure_range

from .extract.kinds import Kind as CandidateKind


class DocumentOutcome(models.TextChoices):
    """What ingestion did with one document: a job's report keeps the value, pages show the
    label."""

    STORED = "stored", _("stored")
    PRESENT = "present", _("already present")
    REFUSED = "refused", _("refused")


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

    # The kinds the extractors find (ingest/extract/kinds.py), as a candidate stores them.
    Kind = CandidateKind

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


class WordTableEntry(models.Model):
    """A word or phrase a user adds to one of a language's extraction tables
    (`ingest/extract/tables/<language>.toml`), merged over the built-in table when documents are
    extracted: a new form of a casualty word, a hedge, a country's name or adjective, an
    organisation's name in that language."""

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        AZERBAIJANI = "az", "Azərbaycanca"
        RUSSIAN = "ru", "Русский"
        TURKISH = "tr", "Türkçe"
        URDU = "ur", "اردو"

    class Table(models.TextChoices):
        KILLED = "figures.killed", _("casualty words: killed")
        WOUNDED = "figures.wounded", _("casualty words: wounded")
        MISSING = "figures.missing", _("casualty words: missing")
        HOSTAGE = "figures.hostage", _("casualty words: hostage")
        DISPLACED = "figures.displaced", _("casualty words: displaced")
        LOWER_BEFORE = "figures.lower_before", _("hedge before a count: at least")
        UPPER_BEFORE = "figures.upper_before", _("hedge before a count: at most")
        APPROX_BEFORE = "figures.approx_before", _("hedge before a count: about")
        NOT_COUNTED_AFTER = "figures.not_counted_after", _("after a number: not people")
        NOT_COUNTED_BEFORE = "figures.not_counted_before", _("before a number: not a count")
        ARTICLE = "legal.article", _("the word for an article")
        RESOLUTION = "legal.resolution", _("the word for a resolution")
        INSTRUMENTS = "legal.instruments", _("an instrument's name")
        COUNTRY_NAMES = "countries.names", _("a country's name")
        COUNTRY_ADJECTIVES = "countries.adjectives", _("a country's adjective")
        STATE_NOUNS = "countries.state_nouns", _("a word for a state's organ or territory")
        ORGANIZATIONS = "organizations", _("an organisation's name")

    # Tables whose phrases stand for something: a country's ISO alpha-3 code, an instrument's or
    # an organisation's canonical name.
    KEYED = {
        Table.INSTRUMENTS,
        Table.COUNTRY_NAMES,
        Table.COUNTRY_ADJECTIVES,
        Table.ORGANIZATIONS,
    }

    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    table = models.CharField(_("table"), max_length=40, choices=Table.choices)
    phrase = models.CharField(
        _("word or phrase"),
        max_length=200,
        help_text=_(
            "As the table writes it: in Azerbaijani, Russian and Turkish a word matches every "
            "word that begins with it."
        ),
    )
    value = models.CharField(
        _("stands for"),
        max_length=200,
        blank=True,
        help_text=_(
            "For names and adjectives: the country's ISO alpha-3 code, or the instrument's or "
            "organisation's canonical name. Empty for the other tables."
        ),
    )

    class Meta:
        ordering = ["language", "table", "phrase"]
        verbose_name = _("word table entry")
        verbose_name_plural = _("word table entries")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "table", "phrase", "value"], name="one_word_table_entry"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.table}: {self.phrase}"

    def clean(self):
        from django.core.exceptions import ValidationError

        self.phrase = " ".join(self.phrase.split())
        self.value = self.value.strip()
        # English reads its figures and legal references with rules of its own (figures/,
        # legal.py); of its table only the countries' part is merged.
        if self.language == "en" and not self.table.startswith("countries."):
            raise ValidationError(
                {
                    "table": _(
                        "For English, only the countries' tables (names, adjectives, words for "
                        "a state) take additions."
                    )
                }
            )
        if self.table in self.KEYED and not self.value:
            raise ValidationError({"value": _("Say what this name stands for.")})
        if self.table not in self.KEYED and self.value:
            raise ValidationError({"value": _("This table takes words alone.")})
        if self.table.startswith("countries.") and self.table != self.Table.STATE_NOUNS:
            self.value = self.value.upper()
            if len(self.value) != 3 or not self.value.isalpha():
                raise ValidationError({"value": _("A country is named by its ISO alpha-3 code.")})


class RuleVerdictTally(models.Model):
    """How many candidates of a case one extraction rule found that reviewers accepted or
    rejected, by their source's access level: the ingestion page's verdicts per rule, kept in
    step with the candidates and sources by database triggers (vigil/ingest/verdict_tallies.py),
    so the page reads a row per rule instead of every candidate of the case. Derived data: never
    written through the ORM, left out of backups, rebuilt by `vigil tallies --rebuild`."""

    # No database constraint: a trigger may still count down a candidate whose case is being
    # deleted in the same transaction; rows left at zero are harmless and a rebuild drops them.
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    access_level = models.CharField(max_length=12)
    rule = models.CharField(max_length=200)  # "" for a candidate that names none
    status = models.CharField(max_length=10)
    candidates = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("rule verdict count")
        verbose_name_plural = _("rule verdict counts")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "access_level", "rule", "status"],
                name="one_tally_per_rule_verdict",
            )
        ]

    def __str__(self):
        return f"{self.rule}: {self.candidates} {self.status} ({self.access_level})"
