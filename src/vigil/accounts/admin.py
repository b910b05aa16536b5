from django.contrib import admin

from vigil.accounts.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, so the back office can look but never touch."""

    list_display = ["seq", "at", "actor_name", "action", "model_label", "object_pk", "object_repr"]
    list_filter = ["action", "model_label"]
    search_fields = ["object_repr", "actor_name", "object_pk"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
