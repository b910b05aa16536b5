from django.contrib import admin

from vigil.ingest.models import (
    Candidate,
    GazetteerEntry,
    IngestJob,
    RuleVerdictTally,
    WordTableEntry,
)
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = [
        "case",
        "status",
        "processed",
        "total",
        "stored",
        "already_present",
        "refused",
        "candidates",
        "created_at",
    ]
    list_filter = ["status"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "status", "source"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["source", "claim"]


@admin.register(GazetteerEntry)
class GazetteerEntryAdmin(admin.ModelAdmin):
    """Organisations the extractor should recognise, beyond the built-in list."""

    list_display = ["name", "aliases"]
    search_fields = ["name", "aliases"]


@admin.register(WordTableEntry)
class WordTableEntryAdmin(admin.ModelAdmin):
    """Words added to a language's extraction tables; the next ingestion run reads them."""

    list_display = ["phrase", "language", "table", "value"]
    list_filter = ["language", "table"]
    search_fields = ["phrase", "value"]


@admin.register(RuleVerdictTally)
class RuleVerdictTallyAdmin(ReadOnlyAdmin):
    """Read only: the database keeps the counts in step with the candidates
    (vigil/ingest/verdict_tallies.py)."""

    list_display = ["case", "access_level", "rule", "status", "candidates"]
    list_filter = ["case", "access_level", "status"]
