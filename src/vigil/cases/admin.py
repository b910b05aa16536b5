from django.contrib import admin

from vigil.cases.models import Case, CaseMembership, CaseTranslation


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "start_date", "place", "country_code"]
    search_fields = ["title", "slug", "place"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(CaseMembership)
class CaseMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "case", "role"]
    list_filter = ["role", "case"]
    search_fields = ["user__username", "case__title"]
    autocomplete_fields = ["case"]


@admin.register(CaseTranslation)
class CaseTranslationAdmin(admin.ModelAdmin):
    list_display = ["case", "language", "title", "updated_at"]
    list_filter = ["language", "case"]
    search_fields = ["title", "summary", "case__title"]
    autocomplete_fields = ["case"]
