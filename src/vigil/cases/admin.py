from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

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


class CaseMembershipInline(admin.TabularInline):
    model = CaseMembership
    extra = 1
    autocomplete_fields = ["case"]


class PersonWithCaseRolesAdmin(UserAdmin):
    """Django's user admin, with the person's case roles on the same page (here, beside the
    memberships, because accounts sit below cases and do not know them)."""

    inlines = [CaseMembershipInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), PersonWithCaseRolesAdmin)
