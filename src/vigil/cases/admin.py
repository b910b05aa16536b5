from django.contrib import admin

from vigil.cases.models import Case


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "start_date", "place", "country_code"]
    search_fields = ["title", "slug", "place"]
    prepopulated_fields = {"slug": ["title"]}
