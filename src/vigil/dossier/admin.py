from django.contrib import admin

from vigil.dossier.models import DossierBuild


@admin.register(DossierBuild)
class DossierBuildAdmin(admin.ModelAdmin):
    list_display = ["case", "format", "status", "progress", "requested_by", "created_at"]
    list_filter = ["status", "format"]
    readonly_fields = ["archived_file"]
