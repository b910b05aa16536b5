from django.contrib import admin

from vigil.recognition.models import (
    Actor,
    RecognitionAct,
    RecognitionActTranslation,
    StageChange,
    Target,
)


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country_code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "country_code"]
    raw_id_fields = ["parent"]


@admin.register(RecognitionAct)
class RecognitionActAdmin(admin.ModelAdmin):
    list_display = ["actor", "case", "date", "characterisation", "instrument", "status", "review"]
    list_filter = ["case", "characterisation", "instrument", "status", "review"]
    search_fields = ["actor__name", "wording"]
    raw_id_fields = ["actor"]
    filter_horizontal = ["sources"]


@admin.register(RecognitionActTranslation)
class RecognitionActTranslationAdmin(admin.ModelAdmin):
    list_display = ["act", "language", "updated_at"]
    list_filter = ["language"]
    search_fields = ["wording", "act__actor__name"]
    raw_id_fields = ["act"]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ["from_stage", "to_stage", "changed_by", "changed_at", "note"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["actor", "case", "stage", "owner", "next_step", "due_date"]
    list_filter = ["case", "stage"]
    raw_id_fields = ["actor"]
    inlines = [StageChangeInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    list_display = ["target", "from_stage", "to_stage", "changed_by", "changed_at"]
