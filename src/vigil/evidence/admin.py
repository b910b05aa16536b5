from django.contrib import admin

from vigil.evidence.models import (
    ArchivedFile,
    Claim,
    ClaimReview,
    ClaimTally,
    Figure,
    FileTimestamp,
    OcrRun,
    Source,
    TimestampToken,
    WorkingCopy,
)
from vigil.read_only_admin import ReadOnlyAdmin


@admin.register(ArchivedFile)
class ArchivedFileAdmin(ReadOnlyAdmin):
    """Archived bytes are immutable: the back office may look, not edit."""

    list_display = ["sha256", "original_name", "media_type", "size", "stored_at"]
    search_fields = ["sha256", "original_name"]
    readonly_fields = ["sha256", "size", "media_type", "original_name", "stored_at"]

    may_delete = True


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ["statement", "claim_type", "locator", "credibility", "review_status"]
    extra = 0
    show_change_link = True


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "case", "kind", "standing", "reliability_grade", "access_level"]
    list_filter = ["case", "kind", "standing", "reliability_grade", "access_level"]
    search_fields = ["title", "author", "url"]
    raw_id_fields = ["archived_file"]
    # The text is the newest working copy: a correction is made on the source's page, as a new
    # version, never by overwriting it here.
    readonly_fields = ["created_at", "created_by", "text"]
    inlines = [ClaimInline]

    def get_readonly_fields(self, request, obj=None):
        # A source stays in its case: its claims, links and counts belong to that case.
        return [*self.readonly_fields, "case"] if obj else self.readonly_fields


class FigureInline(admin.StackedInline):
    model = Figure
    extra = 0


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["__str__", "case", "claim_type", "review_status", "credibility", "source"]
    list_filter = ["case", "claim_type", "review_status", "credibility"]
    search_fields = ["statement", "locator"]
    raw_id_fields = ["source"]
    readonly_fields = ["created_at", "created_by", "reviewed_at"]
    inlines = [FigureInline]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["claim", "category", "low", "high", "population"]
    list_filter = ["category"]
    raw_id_fields = ["claim"]


@admin.register(TimestampToken)
class TimestampTokenAdmin(ReadOnlyAdmin):
    list_display = ["merkle_root", "tsa_name", "gen_time", "chain_seq"]
    search_fields = ["merkle_root", "tsa_name"]
    exclude = ["response"]


@admin.register(FileTimestamp)
class FileTimestampAdmin(ReadOnlyAdmin):
    list_display = ["archived_file", "token"]
    list_select_related = ["archived_file", "token"]
    search_fields = ["archived_file__sha256"]


@admin.register(ClaimReview)
class ClaimReviewAdmin(ReadOnlyAdmin):
    """A claim's review history is evidence of who vouched for it: the back office may look, not
    edit."""

    list_display = ["claim", "reviewer_name", "decision", "at"]
    list_filter = ["decision"]
    raw_id_fields = ["claim", "reviewer"]

    may_delete = True


@admin.register(WorkingCopy)
class WorkingCopyAdmin(ReadOnlyAdmin):
    """A version of a source's text is never changed; a correction is the next version."""

    list_display = ["source", "kind", "version", "method", "tool", "made_by", "made_at"]
    list_filter = ["kind", "method"]
    list_select_related = ["source", "made_by"]
    search_fields = ["source__title", "tool"]
    raw_id_fields = ["source", "original", "made_by"]


@admin.register(OcrRun)
class OcrRunAdmin(ReadOnlyAdmin):
    list_display = ["source", "status", "languages", "pages_done", "pages_total", "created_at"]
    list_filter = ["status"]
    list_select_related = ["source"]
    raw_id_fields = ["source", "created_by"]


@admin.register(ClaimTally)
class ClaimTallyAdmin(ReadOnlyAdmin):
    """Read only: the database keeps the counts in step with the claims
    (vigil/evidence/claim_tallies.py)."""

    list_display = ["case", "access_level", "review_status", "published", "claims"]
    list_filter = ["case", "access_level", "review_status"]
